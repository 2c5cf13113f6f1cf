import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { AppLogger } from './logger';

/** Polled every few seconds by balancers and scrapers: their successes are not worth a line each. */
const POLLED = new Set(['/health', '/metrics']);

/**
 * One line per finished request (method, path, status, time taken, the request id): no headers
 * and no bodies, so no credentials. 5xx at error, polled routes' successes at debug.
 */
export function requestLogging(logger: AppLogger): RequestHandler {
  return pinoHttp({
    logger,
    // requestContext has named the request already.
    genReqId: (request) => String(request.id),
    customLogLevel: (request, response, error) => {
      if (error || response.statusCode >= 500) return 'error';
      return response.statusCode < 400 && POLLED.has((request.url ?? '').split('?')[0]) ? 'debug' : 'info';
    },
    // The request id explicitly: 'finish' fires outside the request's async context.
    customSuccessObject: (request, _response, fields: object) => ({ ...fields, requestId: request.id }),
    // The cause of a 5xx is logged once, with its stack, by the exception filter.
    customErrorObject: (request, _response, _error, fields: { err?: unknown }) => {
      const { err: _dropped, ...rest } = fields;
      return { ...rest, requestId: request.id };
    },
    customSuccessMessage: (request, response) => `${request.method} ${request.url} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${request.url} ${response.statusCode}`,
    serializers: {
      req: (request: IncomingMessage & { id?: unknown; raw?: { ip?: string } }) => ({ method: request.method, url: request.url, ip: request.raw?.ip }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
  }) as RequestHandler;
}
