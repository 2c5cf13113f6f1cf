import { AsyncResource } from 'node:async_hooks';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Clock } from '../policy/clock';
import { toErrorBody } from '../common/errors/all-exceptions.filter';
import { sendPlainTextError } from './iclock-exception.filter';
import { bodyNotText } from './iclock.errors';

/** The same limit as every other text body (app.setup.ts). */
export const MAX_ICLOCK_BODY_BYTES = 1024 * 1024;

/**
 * Runs before every /iclock route:
 * - sets the `Date` header from the app's clock: terminals set their own clock from it;
 * - makes `req.body` the uploaded text whatever the terminal calls it. Many send
 *   `text/plain` (already read by the app's text parser), but some send no Content-Type or
 *   `application/x-www-form-urlencoded` for the same tab-separated lines; those are read here,
 *   up to the same 1 MB, and a larger body is refused with 413 in plain text.
 */
@Injectable()
export class IclockRequestMiddleware implements NestMiddleware {
  constructor(private readonly clock: Clock) {}

  use(request: Request, response: Response, next: NextFunction): void {
    response.setHeader('Date', this.clock.now().toUTCString());
    const body: unknown = request.body;
    if (typeof body === 'string') return next();
    if (request.method === 'GET' || request.method === 'HEAD') return next();
    // A JSON body is no table of lines (the app's JSON parser skips /iclock, so that a malformed one is refused here in text too).
    if (body !== undefined || request.readableEnded || request.is('json')) return sendPlainTextError(response, toErrorBody(bodyNotText()));
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return; // drained, so that the terminal reads the answer instead of a reset connection
      size += chunk.length;
      if (size > MAX_ICLOCK_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        sendPlainTextError(response, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${MAX_ICLOCK_BODY_BYTES} bytes` });
        return;
      }
      chunks.push(chunk);
    });
    // Bound to this request's async context: stream events fire outside it, and the rest of the
    // request (its log lines, its audit rows) reads the request id from it.
    request.on(
      'end',
      AsyncResource.bind(() => {
        if (refused) return;
        request.body = Buffer.concat(chunks).toString('utf8');
        next();
      }),
    );
    request.on('error', (error) => {
      if (!refused) next(error);
    });
  }
}
