import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { INVALID_UTF8, toErrorBody } from './errors/all-exceptions.filter';
import { DomainError, ErrorDetail, validationFailed } from './errors/domain-error';

/**
 * How much a JSON body may hold, checked right after parsing and before any validation. Parsing
 * 2 MB is cheap; what is not is class-validator building an error for each of 150,000 unknown
 * keys (22 s, and the event loop blocked for every other request meanwhile). The limits are far
 * above any body of this API: the largest, a batch of 10,000 punches of three fields each, holds
 * 40,000 entries; the widest DTO has a few dozen fields.
 */
export const BODY_LIMITS = {
  /** Nesting: no body of this API is deeper than 4; a deeper one would only exhaust the validator's recursion. */
  depth: 32,
  /** Fields of one JSON object. */
  keysPerObject: 1_000,
  /** Fields of all objects plus items of all arrays, in the whole body. */
  entries: 100_000,
} as const;

/**
 * Names every object inherits from Object.prototype (`constructor`, `toString`, `__proto__`, …).
 * class-transformer skips them when it builds a DTO, so class-validator never sees them and
 * `forbidNonWhitelisted` cannot refuse them; `__proto__` would even set the prototype of a plain
 * object it copies. No body of this API has such a field: they are refused wherever they appear.
 */
export const INHERITED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

// A UTF-16 surrogate that is not half of a pair: JSON can spell one (`"\udfff"`), but UTF-8, and so
// PostgreSQL, has no such character (text would silently get U+FFFD, jsonb refuses it).
const LONE_SURROGATE = /\p{Surrogate}/u;

export type BodyProblem =
  | { kind: 'too_complex'; message: string }
  | { kind: 'too_deep' }
  | { kind: 'lone_surrogate' }
  | { kind: 'nul'; field: string }
  | { kind: 'inherited_names'; fields: string[] };

const fieldPath = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

/**
 * One iterative walk (a hostile body may be nested thousands deep): the first limit passed stops
 * it, so it never does more than BODY_LIMITS.entries steps. Inherited names are all collected.
 */
export function bodyProblem(body: unknown): BodyProblem | null {
  const limits = BODY_LIMITS;
  const stack: [unknown, number, string][] = [[body, 1, '']];
  let entries = 0;
  const inherited: string[] = [];
  while (stack.length > 0) {
    const [current, depth, path] = stack.pop() as [unknown, number, string];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return { kind: 'lone_surrogate' };
      if (current.includes('\0')) return { kind: 'nul', field: path === '' ? 'body' : path };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth > limits.depth) return { kind: 'too_deep' };
    if (Array.isArray(current)) {
      entries += current.length;
      if (entries > limits.entries) return { kind: 'too_complex', message: `holds more than ${limits.entries} fields and array items in all` };
      for (let index = 0; index < current.length; index++) stack.push([current[index], depth + 1, fieldPath(path, String(index))]);
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > limits.keysPerObject) return { kind: 'too_complex', message: `${path === '' ? 'the body' : path} has more than ${limits.keysPerObject} fields` };
    entries += keys.length;
    if (entries > limits.entries) return { kind: 'too_complex', message: `holds more than ${limits.entries} fields and array items in all` };
    for (const key of keys) {
      if (LONE_SURROGATE.test(key)) return { kind: 'lone_surrogate' };
      if (key.includes('\0')) return { kind: 'nul', field: 'body' };
      if (INHERITED_NAMES.has(key)) inherited.push(fieldPath(path, key));
      stack.push([(current as Record<string, unknown>)[key], depth + 1, fieldPath(path, key)]);
    }
  }
  return inherited.length > 0 ? { kind: 'inherited_names', fields: inherited } : null;
}

/** NUL is the one character PostgreSQL cannot store in text: refused as unstorable text, not as a rule of the field. */
export const holdsNul = (field: string) =>
  new DomainError('bad_request', 'INVALID_TEXT', 'Text must not contain NUL or other characters the database cannot store', [{ field, message: 'contains a NUL character' }]);

export const notAcceptedField = (field: string): ErrorDetail => ({ field, message: 'is not an accepted field' });

function errorOf(problem: BodyProblem): DomainError {
  switch (problem.kind) {
    case 'too_complex':
      return new DomainError('bad_request', 'BODY_TOO_COMPLEX', 'The request body holds more than any request of this API needs', [{ field: 'body', message: problem.message }]);
    case 'too_deep':
      // VALIDATION_FAILED, as it was before the other limits came: clients may already test for it
      return validationFailed([{ field: 'body', message: `is nested deeper than ${BODY_LIMITS.depth} levels` }], 'The request body is nested too deeply');
    case 'lone_surrogate':
      return new DomainError('bad_request', 'INVALID_TEXT', 'Text must be valid Unicode: a lone UTF-16 surrogate (\\uD800–\\uDFFF) has no character', [
        { field: 'body', message: 'contains a lone UTF-16 surrogate' },
      ]);
    case 'nul':
      return holdsNul(problem.field);
    case 'inherited_names':
      return validationFailed(problem.fields.map(notAcceptedField));
  }
}

/** Refuses, before any handler or validation runs, a parsed JSON body that passes BODY_LIMITS or holds what no field may. */
export function refuseUnfitBodies(request: Request, response: Response, next: NextFunction): void {
  if (request.body !== null && typeof request.body === 'object') {
    const problem = bodyProblem(request.body);
    if (problem) {
      const body = toErrorBody(errorOf(problem));
      response.status(body.statusCode).json(body);
      return;
    }
  }
  next();
}

/**
 * The body parsers' `verify`: text that is not UTF-8 is refused whole instead of being decoded
 * with U+FFFD in place of each bad byte, which would store a name other than the one sent.
 * Bodies declared in another charset (text/plain; charset=gbk) are decoded from that charset.
 */
export function refuseInvalidUtf8(_request: IncomingMessage, _response: ServerResponse, buffer: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(buffer)) {
    throw Object.assign(new Error('The request body is not valid UTF-8'), { status: 400, type: INVALID_UTF8 });
  }
}
