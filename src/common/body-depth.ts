import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from './errors/all-exceptions.filter';
import { languageOfRequest } from './i18n/request-language';
import { DomainError, validationFailed } from './errors/domain-error';

export const MAX_BODY_DEPTH = 32;

/** Walks a parsed body without recursion (a hostile body may be nested thousands deep). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

// A UTF-16 surrogate that is not half of a pair: JSON can spell one (`"\udfff"`), but UTF-8, and so
// PostgreSQL, has no such character (text would silently get U+FFFD, jsonb refuses it).
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Whether any string (value or key) in a parsed body holds a lone surrogate; iterative, like the depth walk. */
export function holdsLoneSurrogate(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return true;
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (LONE_SURROGATE.test(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

/**
 * Refused before any handler sees them: bodies nested deeper than any body of this API (a deeper
 * one would only exhaust the validator's recursion, a 500), and text no database can store.
 */
export function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (request.body !== null && typeof request.body === 'object') {
    if (nestedDeeperThan(request.body, MAX_BODY_DEPTH)) {
      const body = toErrorBody(validationFailed([{ field: 'body', message: `is nested deeper than ${MAX_BODY_DEPTH} levels` }], 'The request body is nested too deeply'), languageOfRequest(request));
      response.status(body.statusCode).json(body);
      return;
    }
    if (holdsLoneSurrogate(request.body)) {
      const body = toErrorBody(
        new DomainError('bad_request', 'INVALID_TEXT', 'Text must be valid Unicode: a lone UTF-16 surrogate (\\uD800–\\uDFFF) has no character', [
          { field: 'body', message: 'contains a lone UTF-16 surrogate' },
        ]),
        languageOfRequest(request),
      );
      response.status(body.statusCode).json(body);
      return;
    }
  }
  next();
}
