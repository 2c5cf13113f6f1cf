import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { RunningService, startService } from '../src/bootstrap/start-service';
import { loadConfig } from '../src/config/app-config';

/** The whole start sequence a new user runs with `npm start`: embedded PostgreSQL in DATA_DIR. */
describe('npm start on a bare machine: embedded database, first admin, restart keeps the data', () => {
  let dir: string;
  let service: RunningService | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kaoqin-start-test-'));
  });
  afterAll(async () => {
    if (service) await service.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = () => startService(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', ADMIN_PASSWORD: 'first-admin-pass', LOG_LEVEL: 'error' }));

  it('starts, seeds the admin, keeps data and the JWT secret across a restart', async () => {
    service = await start();
    const login = await request(service.url).post('/auth/login').send({ username: 'admin', password: 'first-admin-pass' }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    const created = await request(service.url)
      .post('/staff')
      .set(auth)
      .send({ employeeNo: 'R1', name: '重启', username: 'restart_me', hiredOn: '2026-01-01' })
      .expect(201);
    expect((await request(service.url).get('/docs-json')).status).toBe(200);
    const secret = await readFile(join(dir, 'jwt-secret'), 'utf8');
    await service.stop();
    service = null;

    service = await start();
    // The same token still works: the data and the generated secret were kept.
    const found = await request(service.url).get(`/staff/${created.body.id}`).set(auth);
    expect(found.status).toBe(200);
    expect(found.body.name).toBe('重启');
    expect(await readFile(join(dir, 'jwt-secret'), 'utf8')).toBe(secret);
    // The admin is not seeded twice.
    const admins = await request(service.url).get('/staff?q=admin').set(auth);
    expect(admins.body.total).toBe(1);
  });
});
