import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from './errors/all-exceptions.filter';
import { languageOfRequest } from './i18n/request-language';
import { DomainError, ErrorDetail, validationFailed } from '../domain/errors/domain-error';

/**
 * How much a JSON body may hold, checked on its bytes before it is even parsed (jsonShapeProblem):
 * class-validator building an error for each of 150,000 unknown keys took 22 s, with the event
 * loop blocked for every other request meanwhile, and parsing them alone takes a few hundred ms.
 * The limits are far above any body of this API: the largest, a batch of 10,000 punches of three
 * fields each, holds 40,000 entries; the widest DTO has a few dozen fields.
 */
export interface BodyLimits {
  depth: number;
  keysPerObject: number;
  entries: number;
}

export const BODY_LIMITS: BodyLimits = {
  /** Nesting: no body of this API is deeper than 4; a deeper one would only exhaust the validator's recursion. */
  depth: 32,
  /** Fields of one JSON object. */
  keysPerObject: 1_000,
  /** Fields of all objects plus items of all arrays, in the whole body. */
  entries: 100_000,
};

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
  | { kind: 'too_deep'; limit: number }
  | { kind: 'lone_surrogate' }
  | { kind: 'nul'; field: string }
  | { kind: 'inherited_names'; fields: string[] };

const fieldPath = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

/**
 * What no field of a parsed body may hold, found in one iterative walk. The body passed
 * jsonShapeProblem before it was parsed, so the walk is at most 32 deep and 100,000 entries long.
 * Inherited names are all collected, so that the answer names each.
 */
export function bodyProblem(body: unknown): BodyProblem | null {
  const stack: [unknown, string][] = [[body, '']];
  const inherited: string[] = [];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return { kind: 'lone_surrogate' };
      if (current.includes('\0')) return { kind: 'nul', field: path === '' ? 'body' : path };
    } else if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) stack.push([current[index], fieldPath(path, String(index))]);
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (LONE_SURROGATE.test(key)) return { kind: 'lone_surrogate' };
        if (key.includes('\0')) return { kind: 'nul', field: 'body' };
        if (INHERITED_NAMES.has(key)) inherited.push(fieldPath(path, key));
        stack.push([(current as Record<string, unknown>)[key], fieldPath(path, key)]);
      }
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
      return validationFailed([{ field: 'body', message: `is nested deeper than ${problem.limit} levels` }], 'The request body is nested too deeply');
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

/** Refuses, before any handler or validation runs, a parsed JSON body that holds what no field may. */
export function refuseUnfitBodies(request: Request, response: Response, next: NextFunction): void {
  if (request.body !== null && typeof request.body === 'object') {
    const problem = bodyProblem(request.body);
    if (problem) {
      const body = toErrorBody(errorOf(problem), languageOfRequest(request));
      response.status(body.statusCode).json(body);
      return;
    }
  }
  next();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The shape of a JSON text read from its bytes, before JSON.parse: parsing 150,000 keys into one
 * object costs a few hundred milliseconds by itself (V8 builds a dictionary), so the limits are
 * checked on the raw bytes in one pass, a few milliseconds for 2 MB. Not a validator: malformed
 * JSON is left to the parser, which refuses it. UTF-8 never uses the bytes of `"`, `\`, `:`, `,`,
 * `{`, `[` inside a multi-byte character, so scanning bytes is exact.
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: BodyLimits = BODY_LIMITS): BodyProblem | null {
  // Per open container: whether it is an object, and how many keys it has so far.
  const kinds: boolean[] = [];
  const keys: number[] = [];
  let awaitingFirstItem = false;
  let entries = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (WHITESPACE.has(byte)) continue;
    const depth = kinds.length;
    if (awaitingFirstItem && byte !== 0x5d) {
      entries += 1;
      awaitingFirstItem = false;
    }
    if (byte === QUOTE) {
      for (i++; i < bytes.length && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++;
    } else if (byte === 0x7b || byte === 0x5b) {
      // { or [
      if (depth + 1 > limits.depth) return { kind: 'too_deep', limit: limits.depth };
      kinds.push(byte === 0x7b);
      keys.push(0);
      awaitingFirstItem = byte === 0x5b;
    } else if (byte === 0x7d || byte === 0x5d) {
      kinds.pop();
      keys.pop();
      awaitingFirstItem = false;
    } else if (depth > 0 && byte === 0x3a && kinds[depth - 1]) {
      // : after a key
      keys[depth - 1] += 1;
      entries += 1;
      if (keys[depth - 1] > limits.keysPerObject) return { kind: 'too_complex', message: `an object has more than ${limits.keysPerObject} fields` };
    } else if (depth > 0 && byte === 0x2c && !kinds[depth - 1]) {
      // , between array items
      entries += 1;
    }
    if (entries > limits.entries) return { kind: 'too_complex', message: `holds more than ${limits.entries} fields and array items in all` };
  }
  return null;
}

const refusedBody = (problem: BodyProblem) => Object.assign(errorOf(problem), { status: 400 });

/**
 * The JSON parser's `verify`, on the raw bytes before parsing: text that is not UTF-8 is refused
 * whole instead of being decoded with U+FFFD in place of each bad byte (which would store a name
 * other than the one sent), and a body past BODY_LIMITS is refused before it is parsed. The
 * DomainError thrown carries the status body-parser answers with; the exception filter maps it.
 */
export function verifyJsonBody(request: IncomingMessage, response: ServerResponse, bytes: Buffer, encoding: string): void {
  refuseInvalidUtf8(request, response, bytes, encoding);
  const problem = jsonShapeProblem(bytes);
  if (problem) throw refusedBody(problem);
}

/** The text parser's `verify`. Bodies declared in another charset (text/plain; charset=gbk) are decoded from it. */
export function refuseInvalidUtf8(_request: IncomingMessage, _response: ServerResponse, bytes: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(bytes)) {
    throw Object.assign(new DomainError('bad_request', 'INVALID_TEXT', 'The request body is not valid UTF-8 text', [{ field: 'body', message: 'is not valid UTF-8' }]), { status: 400 });
  }
}
