import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from './errors/all-exceptions.filter';
import { validationFailed } from './errors/domain-error';

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

/**
 * No request body of this API nests deeper than a few levels; a deeper one would only exhaust the
 * validator's recursion (a 500), so it is refused before it gets there.
 */
export function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (request.body !== null && typeof request.body === 'object' && nestedDeeperThan(request.body, MAX_BODY_DEPTH)) {
    const body = toErrorBody(validationFailed([{ field: 'body', message: `is nested deeper than ${MAX_BODY_DEPTH} levels` }], 'The request body is nested too deeply'));
    response.status(body.statusCode).json(body);
    return;
  }
  next();
}
