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

/** The document the app generates, written once per run by the jest global setup. */
export function loadContract(): ResponseContract {
  if (!contract) {
    const file = process.env.KAOQIN_OPENAPI_FILE;
    if (!file) throw new Error('KAOQIN_OPENAPI_FILE is not set: the jest global setup (test/setup/global-setup.ts) writes the OpenAPI document');
    contract = new ResponseContract(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }
  return contract;
}

/** Checks one answer; returns the error to fail the request with, or null when it matches the document. */
export function checkAnswer(answer: Answer): Error | null {
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
