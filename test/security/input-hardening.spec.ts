import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { FixedClock } from '../support/fixed-clock';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13, "Availability" and "Correct data": classes of input that real clients found accepted
 * or costly. Each block names the class; the examples are the ones the issue reports and their kin.
 */
describe('Input hardening (issue 13)', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let alice: CreatedStaff;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    alice = await newStaff(t, admin, { employeeNo: 'H001' });
  });
  afterAll(() => t.close());

  // Where these tests compare messages, they read the thrower's English sentences (Accept-Language: en);
  // the company's default, zh-CN, answers in Chinese (test/i18n covers that).
  const EN = { 'Accept-Language': 'en' };
  // serialize: sent as the bytes given (superagent would write a Buffer out as JSON).
  const json = (method: 'post' | 'patch', path: string, raw: string | Buffer, auth: Record<string, string> = admin.auth) =>
    t.http()[method](path).set(auth).set(EN).set('Content-Type', 'application/json').serialize((body: unknown) => body as string).send(raw);

  const manyKeys = (count: number, extra: Record<string, unknown> = {}) => {
    const body: Record<string, unknown> = { ...extra };
    for (let i = 0; i < count; i++) body[`k${i}`] = 1;
    return body;
  };

  describe('Availability: the work a body can cause is bounded before validation', () => {
    it('a sign-in with 150,000 unknown keys is refused at once with 400 BODY_TOO_COMPLEX and a short details list', async () => {
      const response = await json('post', '/auth/login', JSON.stringify(manyKeys(150_000, { username: 'admin', password: 'x' })), {});
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'BODY_TOO_COMPLEX', message: expect.any(String), details: [{ field: 'body', message: 'an object has more than 1000 fields' }] });
    });

    it('every route: too many keys in a nested object, too many entries in all, too deep', async () => {
      const nested = await t.http().post('/punches/batch').set(admin.auth).set(EN).send({ punches: [manyKeys(1001)] });
      expect(nested.status).toBe(400);
      expect(nested.body).toMatchObject({ code: 'BODY_TOO_COMPLEX', details: [{ field: 'body', message: 'an object has more than 1000 fields' }] });
      const entries = await json('post', '/staff', JSON.stringify({ a: new Array(100_001).fill(0) }));
      expect(entries.body).toMatchObject({ code: 'BODY_TOO_COMPLEX', details: [{ field: 'body', message: 'holds more than 100000 fields and array items in all' }] });
      let deep: unknown = 1;
      for (let i = 0; i < 40; i++) deep = { d: deep };
      const tooDeep = await t.http().post('/positions').set(admin.auth).set(EN).send(deep as object);
      expect(tooDeep.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'body', message: 'is nested deeper than 32 levels' }] });
    });

    it('the largest legitimate body, a batch of 10,000 punches, is still read line by line', async () => {
      const punches = Array.from({ length: 10_000 }, (_, i) => ({ employeeNo: `NOBODY${i}`, at: '2026-11-20T08:25:00+08:00', source: 'front-door' }));
      const response = await t.http().post('/punches/batch').set(admin.auth).send({ punches });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ received: 10_000, inserted: 0 });
      expect(response.body.rejected).toHaveLength(10_000);
    });

    it('an error lists at most 100 details, the last one saying how many more there were', async () => {
      const response = await t.http().post('/positions').set(admin.auth).set(EN).send(manyKeys(900, { code: 'ok_code', nameZh: '岗', nameEn: 'Post' }));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toHaveLength(100);
      expect(response.body.details[0]).toEqual({ field: 'k0', message: 'is not an accepted field' });
      expect(response.body.details[99]).toEqual({ field: 'details', message: '801 more problems not listed' });
    });
  });

  describe('Date-times: RFC 3339 with an offset within ±14:00 and minutes 00–59, or a local time', () => {
    const manual = (at: string) => t.http().post('/punches/manual').set(admin.auth).set(EN).send({ staffId: alice.id, at, reason: 'Terminal was down' });

    it.each(['2026-11-03T08:29:00+99:00', '2026-11-03T08:29:00+24:00', '2026-11-03T08:29:00+15:00', '2026-11-03T08:29:00+14:01', '2026-11-03T08:29:00+08:99', '2026-11-03T08:29:00-23:59', '2026-11-03T08:29:00+0800', '2026-11-03T08:29:00+08', '2026-11-03T08:29+08:00'])(
      'POST /punches/manual refuses %s with 400 naming at, and stores nothing',
      async (at) => {
        const response = await manual(at);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.details).toEqual([{ field: 'at', message: expect.stringMatching(/^at is not a valid date-time: /) }]);
        expect(await t.sql(`SELECT 1 FROM punch WHERE staff_id = $1 AND source = 'manual'`, [alice.id])).toHaveLength(0);
      },
    );

    it('the widest real offsets (+14:00, -12:00) and a local time are stored at the right instant', async () => {
      expect((await manual('2026-11-03T22:29:00+14:00')).body.at).toBe('2026-11-03T08:29:00.000Z');
      expect((await manual('2026-11-02T20:30:00-12:00')).body.at).toBe('2026-11-03T08:30:00.000Z');
      expect((await manual('2026-11-03 16:31:00')).body.at).toBe('2026-11-03T08:31:00.000Z');
    });

    it('batches reject each impossible offset as a line with the reason, and store the rest', async () => {
      const offsets = ['+24:00', '+15:00', '+08:99', '-23:59', '+99:00'];
      const response = await t.http().post('/punches/batch').set(admin.auth).send({
        punches: [...offsets.map((offset) => ({ employeeNo: 'H001', at: `2026-11-04T08:29:00${offset}` })), { employeeNo: 'H001', at: '2026-11-04T08:29:00+08:00' }],
      });
      expect(response.body).toMatchObject({ received: 6, inserted: 1 });
      expect(response.body.rejected.map((line: { index: number; reason: string }) => [line.index, line.reason])).toEqual(offsets.map((_, index) => [index, 'TIME_UNPARSEABLE']));
      expect(response.body.rejected[0].message).toBe('"2026-11-04T08:29:00+24:00" is not a valid date-time: offset +24:00 is outside -14:00…+14:00');
      expect(response.body.rejected[2].message).toBe('"2026-11-04T08:29:00+08:99" is not a valid date-time: offset +08:99: minutes must be 00–59');
    });

    it('file imports reject the same offsets as lines', async () => {
      const csv = ['employeeNo,at', 'H001,2026-11-05T08:29:00+99:00', 'H001,2026-11-05T08:29:00+08:00'].join('\n');
      const response = await t.http().post('/punches/import').set(admin.auth).set('Content-Type', 'text/csv').send(csv);
      expect(response.body).toMatchObject({ received: 2, inserted: 1 });
      expect(response.body.rejected).toEqual([{ index: 1, reason: 'TIME_UNPARSEABLE', message: expect.stringContaining('offset +99:00 is outside'), raw: 'H001,2026-11-05T08:29:00+99:00' }]);
    });
  });

  describe('Text: control and bidi-override characters and invisible text are refused', () => {
    const position = (nameEn: string) => t.http().post('/positions').set(admin.auth).set(EN).send({ code: `p${Math.random().toString(36).slice(2, 8)}`, nameZh: '岗位', nameEn });

    it.each([
      ['only spaces', '   '],
      ['only zero-width characters', '\u200B\u200C\u200D\uFEFF'],
      ['a Hangul filler', '\u3164'],
      ['a bidi override', 'Ann\u202Egnirts'],
      ['a bidi isolate', 'Ann\u2066x\u2069'],
      ['a tab', 'Store\tmanager'],
      ['a newline', 'Store\nmanager'],
      ['a C1 control (NEL)', 'Store\u0085manager'],
      ['a DEL', 'Store\u007F'],
      ['a line separator', 'Store\u2028manager'],
    ])('a single-line name with %s is refused with 400 naming the field', async (_label, nameEn) => {
      const response = await position(nameEn);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual([{ field: 'nameEn', message: expect.stringMatching(/^nameEn must (not contain|contain at least one visible)/) }]);
    });

    it('names in any script, with inner spaces and right-to-left marks, are accepted', async () => {
      for (const name of ['Store manager', '店长助理', 'مدير\u200F المتجر', 'Zoë O\u2019Brien']) expect((await position(name)).status).toBe(201);
    });

    it('multi-line text (reasons, comments) may break lines with \\n or \\r\\n, but holds no other control', async () => {
      const send = (reason: string) => t.http().post('/punches/manual').set(admin.auth).set(EN).send({ staffId: alice.id, at: '2026-11-06T08:29:00+08:00', reason });
      const tab = await send('Terminal\twas down');
      expect(tab.status).toBe(400);
      expect(tab.body.details).toEqual([{ field: 'reason', message: 'reason must not contain control characters other than line breaks (\\n, \\r\\n) (U+0009 at position 8)' }]);
      expect((await send('Terminal\rwas down')).status).toBe(400);
      expect((await send('\n\n   \n')).body.details).toEqual([{ field: 'reason', message: 'reason must contain at least one visible character' }]);
      const ok = await send('Terminal was down.\r\nConfirmed by the store manager.\nSee the log.');
      expect(ok.status).toBe(201);
      expect(ok.body.reason).toBe('Terminal was down.\r\nConfirmed by the store manager.\nSee the log.');
    });

    it('staff names, leave reasons and disciplinary facts follow the same rules', async () => {
      const staff = await t.http().post('/staff').set(admin.auth).set(EN).send({ employeeNo: 'H900', name: '\u200B', username: 'h900user', hiredOn: '2025-01-01' });
      expect(staff.body.details).toEqual([{ field: 'name', message: 'name must contain at least one visible character' }]);
      const leave = await t.http().post('/leave-requests').set(alice.auth).set(EN).send({ type: 'personal', startDate: '2026-12-03', endDate: '2026-12-03', reason: 'Family\u202E' });
      expect(leave.body.details).toEqual([{ field: 'reason', message: 'reason must not contain bidirectional override or isolate characters (U+202E at position 6)' }]);
      const patch = await t.http().patch(`/staff/${alice.id}`).set(admin.auth).set(EN).send({ name: 'Alice\tSmith' });
      expect(patch.body.details).toEqual([{ field: 'name', message: 'name must not contain control characters or line breaks (U+0009 at position 5)' }]);
    });

    it('a JSON body that is not valid UTF-8 is refused with 400 INVALID_TEXT, not stored with U+FFFD', async () => {
      const body = Buffer.concat([Buffer.from('{"code":"bad_utf8","nameZh":"'), Buffer.from([0xe5, 0xb2]), Buffer.from('","nameEn":"Bad"}')]);
      const response = await json('post', '/positions', body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, code: 'INVALID_TEXT', message: 'The request body is not valid UTF-8 text', details: [{ field: 'body', message: 'is not valid UTF-8' }] });
      expect(await t.sql(`SELECT 1 FROM position WHERE code = 'bad_utf8'`)).toHaveLength(0);
    });

    it('a text body that is not valid UTF-8 is refused the same way', async () => {
      const response = await t.http().post('/auth/login').set('Content-Type', 'text/plain').send(Buffer.from([0x61, 0xff, 0x62]));
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_TEXT');
    });

    it('an imported line that is not valid UTF-8 is a rejected line; the other lines are stored', async () => {
      const file = Buffer.concat([Buffer.from('employeeNo,at\nH001,2026-11-07T08:29:00+08:00,'), Buffer.from([0xff, 0xfe]), Buffer.from('\nH001,2026-11-07T17:31:00+08:00\n')]);
      const response = await t.http().post('/punches/import').set(admin.auth).set('Content-Type', 'text/csv').send(file);
      expect(response.body).toMatchObject({ received: 2, inserted: 1 });
      expect(response.body.rejected).toEqual([{ index: 1, reason: 'INVALID_LINE', message: 'the line is not valid UTF-8 text', raw: expect.any(String) }]);
    });
  });

  describe('Fields named like Object.prototype members are refused like any unknown field', () => {
    const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf'];

    it.each(NAMES)('POST /positions, POST and PATCH /staff, POST /leave-requests refuse "%s" with 400 naming it', async (name) => {
      const raw = (body: Record<string, unknown>) => JSON.stringify(body).replace(/}$/, `,${JSON.stringify(name)}:{"x":1}}`);
      const position = await json('post', '/positions', raw({ code: `q${name.length}x${Math.random().toString(36).slice(2, 6)}`, nameZh: '岗位', nameEn: 'Post' }));
      const staff = await json('post', '/staff', raw({ employeeNo: 'H901', name: 'Nine', username: 'h901user', hiredOn: '2025-01-01' }));
      const patch = await json('patch', `/staff/${alice.id}`, raw({ name: 'Alice' }));
      const leave = await json('post', '/leave-requests', raw({ type: 'personal', startDate: '2026-12-03', endDate: '2026-12-03' }), alice.auth);
      for (const response of [position, staff, patch, leave]) {
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(String), details: [{ field: name, message: 'is not an accepted field' }] });
      }
      expect(await t.sql(`SELECT 1 FROM staff WHERE employee_no = 'H901'`)).toHaveLength(0);
      expect(await t.sql(`SELECT 1 FROM leave_request WHERE staff_id = $1`, [alice.id])).toHaveLength(0);
    });

    it('nested: a batch item cannot bring its fields through __proto__', async () => {
      const raw = '{"punches":[{"__proto__":{"employeeNo":"H001","at":"2026-11-08T08:29:00+08:00"}}]}';
      const response = await json('post', '/punches/batch', raw);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'punches.0.__proto__', message: 'is not an accepted field' }]);
      expect(await t.sql(`SELECT 1 FROM punch WHERE at = '2026-11-08T00:29:00Z'`)).toHaveLength(0);
    });

    it('query strings: GET /staff?constructor=1 is refused like ?salary=1', async () => {
      for (const query of ['constructor=1', 'toString=x', 'salary=1']) {
        const response = await t.http().get(`/staff?${query}`).set(admin.auth).set(EN);
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([{ field: query.split('=')[0], message: 'is not an accepted field' }]);
      }
    });
  });
});
