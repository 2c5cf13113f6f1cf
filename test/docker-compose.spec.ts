import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** No Docker engine runs here, so the compose file's wiring is checked as data. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

  it('runs the service against a PostgreSQL 16 container through DATABASE_URL', () => {
    expect(compose.services.db.image).toBe('postgres:16');
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = compose.services.db.environment;
    expect(compose.services.app.environment.DATABASE_URL).toBe(`postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@db:5432/${POSTGRES_DB}`);
    expect(compose.services.app.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.app.build).toBe('.');
  });

  it('keeps the data in a named volume and checks the health of both services', () => {
    expect(compose.services.db.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(compose.services.db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(compose.services.app.healthcheck.test.join(' ')).toContain('/health');
  });

  it('runs in production mode, which requires JWT_SECRET', () => {
    expect(compose.services.app.environment.NODE_ENV).toBe('production');
    expect(compose.services.app.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
  });
});
