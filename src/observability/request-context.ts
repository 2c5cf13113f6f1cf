import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id, set first thing by requestContext. */
    id?: string;
  }
}

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the request this code runs for; null in background work (sweeps, start-up). */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/**
 * An id a proxy or client chose is kept, so that one id follows the request through every hop;
 * it lands in logs and audit rows, so only a short token of safe characters is taken as it is.
 */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * First middleware of all: names the request, answers the name in X-Request-Id, and runs the rest
 * of the request inside the context that logs and audit rows read it from.
 */
export function requestContext(request: Request, response: Response, next: NextFunction): void {
  const requestId = requestIdFor(request.headers['x-request-id']);
  request.id = requestId;
  response.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
