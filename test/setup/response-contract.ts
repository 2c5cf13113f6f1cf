import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import request from 'supertest';
import { checkAnswer, contractRecord } from '../support/contract/recorder';

/**
 * Runs before every test file (vitest setupFiles): each answer a test receives through supertest
 * or fetch is checked against the OpenAPI document the app generates. A mismatch fails the request
 * that received it (its promise rejects with the method, path template, status and schema errors),
 * and again in afterAll, in case a test caught that rejection. A new suite is covered by the mere
 * fact of using supertest or fetch.
 */

type Callback = (error: Error | null, response?: SupertestResponse) => void;
interface SupertestResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  text?: string;
}
interface SupertestTest {
  method: string;
  url: string;
}

// A worker runs many files in one module cache (vitest.config.mts, isolate: false): this file runs
// again before each, but supertest and fetch are patched once, and the record starts afresh.
contractRecord.validated = 0;
contractRecord.operations.clear();
contractRecord.mismatches.length = 0;
function patchSupertest(): void {
  const Test = request.Test as unknown as { prototype: { assert(this: SupertestTest, error: Error | null, response: SupertestResponse | undefined, fn?: Callback): void } };
  const assert = Test.prototype.assert;
  Test.prototype.assert = function (this: SupertestTest, error, response, fn) {
    const mismatch = response ? checkAnswer(answerOf(this.method, this.url, response)) : null;
    if (!mismatch || !fn) return assert.call(this, error, response, fn);
    return assert.call(this, error, response, (assertionError, res) => fn.call(this, assertionError ?? mismatch, res));
  };
}

function answerOf(method: string, url: string, response: SupertestResponse) {
  const contentType = response.headers['content-type'];
  const json = /[/+]json\b/i.test(contentType ?? '');
  // A test that parses the body itself (`.buffer().parse(…)`) leaves the bytes in `body`.
  const text = typeof response.text === 'string' && response.text !== '' ? response.text : Buffer.isBuffer(response.body) && !json ? response.body.toString('utf8') : '';
  const length = Number(response.headers['content-length'] ?? NaN);
  const hasBody = text.length > 0 || (Number.isFinite(length) ? length > 0 : Buffer.isBuffer(response.body) && response.body.length > 0);
  return { method, url, status: response.status, contentType, body: json ? response.body : text, hasBody };
}

/** The service's own calls out (notifications to robots and webhooks) are answered by those receivers, not by the API. */
const SERVICE_AGENT = /^Kaoqin-Notifications\//;

function patchFetch(): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await realFetch(input, init);
    if (SERVICE_AGENT.test(new Headers(init?.headers).get('user-agent') ?? '')) return response;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const bytes = Buffer.from(await response.clone().arrayBuffer());
    const contentType = response.headers.get('content-type') ?? undefined;
    const json = /[/+]json\b/i.test(contentType ?? '');
    const text = bytes.toString('utf8');
    const mismatch = checkAnswer({ method, url, status: response.status, contentType, body: json && text ? (JSON.parse(text) as unknown) : text, hasBody: bytes.length > 0 });
    if (mismatch) throw mismatch;
    return response;
  };
}

const PATCHED = Symbol.for('kaoqin.responseContract');
const patched = globalThis as { [PATCHED]?: true };
if (!patched[PATCHED]) {
  patched[PATCHED] = true;
  patchSupertest();
  patchFetch();
}

afterAll(() => {
  const dir = process.env.KAOQIN_CONTRACT_DIR;
  const testPath = expect.getState().testPath ?? 'unknown';
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const name = relative(process.cwd(), testPath);
    const record = { file: name, validated: contractRecord.validated, operations: Object.fromEntries(contractRecord.operations), mismatches: contractRecord.mismatches.length };
    writeFileSync(join(dir, `${name.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify(record));
  }
  if (contractRecord.mismatches.length > 0) {
    throw new Error(`${contractRecord.mismatches.length} answer(s) did not match the OpenAPI document:\n\n${contractRecord.mismatches.join('\n\n')}`);
  }
});
