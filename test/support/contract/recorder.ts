import { readFileSync } from 'node:fs';
import { Answer, OpenApiDocument, ResponseContract } from './response-contract';

/**
 * What this test file's answers did against the document. Every HTTP client the tests use reports
 * here (supertest and fetch through test/setup/response-contract.ts, the fuzzer's raw client
 * directly); the global teardown adds the files up.
 */
export const contractRecord = {
  validated: 0,
  operations: new Map<string, number>(),
  mismatches: [] as string[],
};

let contract: ResponseContract | undefined;

/** The document the app generates, written once per run by the global setup. */
export function loadContract(): ResponseContract {
  if (!contract) {
    const file = process.env.KAOQIN_OPENAPI_FILE;
    if (!file) throw new Error('KAOQIN_OPENAPI_FILE is not set: the global setup (test/setup/global-setup.ts) writes the OpenAPI document');
    contract = new ResponseContract(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }
  return contract;
}

/**
 * The only answers not held to the document, because they are not API responses:
 * - `/docs` (Swagger UI's HTML, scripts and styles) and `/docs-json` (the document itself);
 * - CORS preflights (`OPTIONS`), which the CORS middleware answers before any route: OpenAPI
 *   describes operations, and a preflight is the browser asking whether it may call one.
 */
export function isExcluded(method: string, url: string): boolean {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
  // The console's files and the redirect to them are pages, not API answers (src/console/serve-console.ts).
  const consolePath = path === '/' || path === '/app' || path.startsWith('/app/');
  return method.toUpperCase() === 'OPTIONS' || path === '/docs' || path.startsWith('/docs/') || path === '/docs-json' || consolePath;
}

/** Checks one answer; returns the error to fail the request with, or null when it matches the document (or is excluded). */
export function checkAnswer(answer: Answer): Error | null {
  if (isExcluded(answer.method, answer.url)) return null;
  const verdict = loadContract().check(answer);
  contractRecord.validated++;
  if (verdict.operation) contractRecord.operations.set(verdict.operation, (contractRecord.operations.get(verdict.operation) ?? 0) + 1);
  if (verdict.problems.length === 0) return null;
  const message =
    `The answer does not match the OpenAPI document: ${verdict.operation ?? `${answer.method.toUpperCase()} (no operation)`} → ${answer.status}` +
    ` (requested ${answer.url}, ${answer.contentType ?? 'no content type'})\n` +
    verdict.problems.map((problem) => `  - ${problem}`).join('\n');
  contractRecord.mismatches.push(message);
  const error = new Error(message);
  // The message says all there is: a stack into this file would only hide it.
  error.stack = `Error: ${message}`;
  return error;
}
