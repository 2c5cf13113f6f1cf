import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { contractRecord, loadContract } from '../support/contract/recorder';
import { Answer, OpenApiDocument, ResponseContract } from '../support/contract/response-contract';

/**
 * Issue 13, "The OpenAPI document must describe exactly what the service answers": the checker
 * that every HTTP suite runs through (test/setup/response-contract.ts) must catch each kind of
 * mismatch, and the generated document must say what a typed client needs.
 */

const json = (body: unknown, status = 200, method = 'get', url = '/things/1'): Answer => ({ method, url, status, contentType: 'application/json; charset=utf-8', body, hasBody: true });

const SMALL: OpenApiDocument = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' } } } },
        },
      },
      delete: { responses: { '204': {} } },
    },
    '/things/special': { get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string', pattern: '^\\uFEFF' } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'half', 'count'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          half: { type: 'string', enum: ['am', 'pm'], nullable: true },
          listed: { type: 'string', enum: ['a', null], nullable: true },
          count: { type: 'integer', format: 'int32' },
              owner: { type: 'object', allOf: [{ $ref: '#/components/schemas/Owner' }], nullable: true },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      ErrorResponseDto: { type: 'object', required: ['statusCode', 'code'], properties: { statusCode: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } } },
    },
  },
};

const ID = '3f1c1b8e-6a4b-4c1e-9a51-0d6f1c2b7e11';
const THING = { id: ID, half: 'am', count: 3 };

describe('The response checker (issue 13)', () => {
  const contract = new ResponseContract(SMALL);

  it('accepts an answer that matches, and names the operation by its path template', () => {
    expect(contract.check(json(THING, 200, 'get', `/things/${ID}?x=1`))).toEqual({ operation: 'GET /things/{id}', problems: [] });
    expect(contract.check(json({ ...THING, owner: null, listed: null }))).toEqual({ operation: 'GET /things/{id}', problems: [] });
  });

  it('prefers a literal path over a template', () => {
    expect(contract.check({ method: 'GET', url: 'http://127.0.0.1:1/things/special', status: 200, contentType: 'text/csv; charset=utf-8', body: '\uFEFFa,b\r\n', hasBody: true }).operation).toBe('GET /things/special');
  });

  it('refuses an undocumented status', () => {
    expect(contract.check(json(THING, 409)).problems).toEqual([expect.stringMatching(/status 409 is not documented \(documented: 200, 404\)/)]);
  });

  it('refuses an undocumented content type, and a body where none is documented', () => {
    expect(contract.check({ ...json(THING), contentType: 'text/html' }).problems).toEqual([expect.stringMatching(/content type "text\/html" is not documented/)]);
    expect(contract.check({ ...json({}), method: 'DELETE', status: 204 }).problems).toEqual([expect.stringMatching(/describes none/)]);
    expect(contract.check({ method: 'DELETE', url: `/things/${ID}`, status: 204, contentType: undefined, body: '', hasBody: false }).problems).toEqual([]);
  });

  it('refuses a body off its schema: wrong type, missing field, undocumented field, number where an integer is promised', () => {
    expect(contract.check(json({ ...THING, count: 1.5 })).problems).toContainEqual(expect.stringMatching(/^\/count must be integer/));
    expect(contract.check(json({ id: ID, half: 'am' })).problems).toEqual([expect.stringMatching(/must have required property 'count'/)]);
    expect(contract.check(json({ ...THING, owner: {} })).problems).toContainEqual(expect.stringMatching(/^\/owner must have required property 'name'/));
    expect(contract.check(json({ ...THING, secret: 'x' })).problems).toEqual([expect.stringMatching(/must NOT have additional properties "secret"/)]);
  });

  it('refuses null for a nullable enum that does not list null (OpenAPI 3.0.3), accepts it where listed', () => {
    expect(contract.check(json({ ...THING, half: null })).problems).toEqual([expect.stringMatching(/^\/half must be equal to one of the allowed values/)]);
  });

  it('checks text answers against their schema (CSV must start with a BOM)', () => {
    expect(contract.check({ method: 'GET', url: '/things/special', status: 200, contentType: 'text/csv', body: 'a,b', hasBody: true }).problems).toEqual([expect.stringMatching(/must match pattern/)]);
  });

  it('accepts an unrouted request only as a 404 in the standard error shape', () => {
    expect(contract.check(json({ statusCode: 404, code: 'NOT_FOUND', message: 'x', details: [] }, 404, 'get', '/nothing'))).toEqual({ operation: null, problems: [] });
    expect(contract.check(json({ oops: true }, 404, 'get', '/nothing')).problems).toContainEqual(expect.stringMatching(/no documented operation for GET \/nothing: \(body\) must have required property 'code'/));
    expect(contract.check(json({}, 200, 'post', `/things/${ID}`)).problems).toEqual([expect.stringMatching(/yet it answered 200/)]);
  });
});

describe('The hook every test file runs (test/setup/response-contract.ts)', () => {
  let server: Server;
  let answer: { status: number; body: unknown };
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('fails a supertest request whose answer is off the document, with method, template, status and the schema error', async () => {
    answer = { status: 200, body: { status: 'fine' } };
    const before = contractRecord.mismatches.length;
    await expect(request(server).get('/health')).rejects.toThrow(/GET \/health → 200[\s\S]*\/status must be equal to one of the allowed values/);
    // This mismatch was provoked on purpose: take it off the file's record so that afterAll does not fail the file.
    expect(contractRecord.mismatches.splice(before)).toHaveLength(1);
  });

  it('fails a fetch whose answer is off the document', async () => {
    answer = { status: 418, body: {} };
    const before = contractRecord.mismatches.length;
    const port = (server.address() as AddressInfo).port;
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow(/GET \/health → 418[\s\S]*status 418 is not documented/);
    expect(contractRecord.mismatches.splice(before)).toHaveLength(1);
  });

  it('lets a matching answer through and counts it', async () => {
    answer = { status: 200, body: { status: 'ok', info: { database: { status: 'up' } }, error: {}, details: { database: { status: 'up' } } } };
    const before = contractRecord.validated;
    expect((await request(server).get('/health')).status).toBe(200);
    expect(contractRecord.validated).toBe(before + 1);
    expect(contractRecord.operations.get('GET /health')).toBeGreaterThan(0);
  });
});

type Json = Record<string, unknown>;

function visit(node: unknown, at: string, fn: (object: Json, at: string) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${at}/${i}`, fn));
  else if (node && typeof node === 'object') {
    fn(node as Json, at);
    for (const [key, child] of Object.entries(node)) visit(child, `${at}/${key}`, fn);
  }
}

describe('The generated document (issue 13)', () => {
  const document = JSON.parse(readFileSync(process.env.KAOQIN_OPENAPI_FILE ?? '', 'utf8')) as OpenApiDocument & { paths: Record<string, Record<string, Json>> };
  const schemas = document.components?.schemas ?? {};

  it('types whole numbers as integer, never as a number with an integer format', () => {
    const offenders: string[] = [];
    visit(document, '#', (object, at) => {
      if (object.type === 'number' && (object.format === 'int32' || object.format === 'int64')) offenders.push(at);
    });
    expect(offenders).toEqual([]);
  });

  it('lists null in every nullable enum', () => {
    const offenders: string[] = [];
    visit(document, '#', (object, at) => {
      if (object.nullable === true && Array.isArray(object.enum) && !object.enum.includes(null)) offenders.push(at);
    });
    expect(offenders).toEqual([]);
    expect((schemas.RosterDayDto.properties as Record<string, Json>).source.enum).toContain(null);
    expect((schemas.ExemptionDto.properties as Record<string, Json>).certifiedAs.enum).toContain(null);
  });

  it('gives the work week integer items 1–7', () => {
    for (const name of ['SettingVersionDto', 'PutSettingsDto']) {
      expect((schemas[name].properties as Record<string, Json>).workWeek.items).toMatchObject({ type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7] });
    }
  });

  it('documents the report exports per media type: JSON as the DTO, CSV as text, XLSX as bytes', () => {
    for (const [path, dto] of [['/reports/monthly', 'MonthlyReportDto'], ['/reports/monthly/grid', 'MonthlyGridDto']]) {
      const content = ((document.paths[path].get.responses as Record<string, Json>)['200'].content ?? {}) as Record<string, { schema: Json }>;
      expect(content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${dto}` });
      expect(content['text/csv'].schema).toMatchObject({ type: 'string' });
      expect(content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toMatchObject({ type: 'string', format: 'binary' });
    }
  });

  it('has no bare object: every object lists its properties or says what else it may hold', () => {
    const offenders: string[] = [];
    visit(document, '#', (object, at) => {
      if (object.type === 'object' && !object.properties && !object.allOf && object.additionalProperties === undefined && !at.includes('/example')) offenders.push(at);
    });
    expect(offenders).toEqual([]);
  });

  it('is the document the checker uses', () => {
    expect(loadContract().operations().length).toBe(Object.values(document.paths).reduce((sum, operations) => sum + Object.keys(operations).length, 0));
  });
});
