import type { Request, RequestHandler, Response } from 'express';
import type { Level } from 'pino';
import type { AppLogger } from './logger';

/** Polled every few seconds by balancers and scrapers: their successes are not worth a line each. */
const POLLED = new Set(['/health', '/metrics']);

/**
 * One line per finished request (method, path, status, time taken, the request id): no headers
 * and no bodies, so no credentials. 5xx at error, polled routes' successes at debug.
 *
 * The same lines pino-http wrote (`req`, `res`, `responseTime`, `requestId`, `msg`), written
 * directly: pino-http built a child logger per request, serialising and redacting the request
 * into it, even when the line's level was off; here nothing is built unless the line is written.
 */
export function requestLogging(logger: AppLogger): RequestHandler {
  return (request: Request, response: Response, next) => {
    const started = Date.now();
    const finished = (error?: unknown) => {
      response.removeListener('close', finished);
      response.removeListener('finish', finished);
      response.removeListener('error', finished);
      const failed = error !== undefined || response.statusCode >= 500;
      const level: Level = failed ? 'error' : response.statusCode < 400 && POLLED.has((request.url ?? '').split('?')[0]) ? 'debug' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      // The request id explicitly: 'finish' fires outside the request's async context. The cause of a
      // 5xx is logged once, with its stack, by the exception filter.
      logger[level](
        {
          req: { method: request.method, url: request.originalUrl || request.url, ip: request.ip },
          res: { statusCode: response.statusCode },
          responseTime: Date.now() - started,
          requestId: request.id,
        },
        `${request.method} ${request.url} ${response.statusCode}`,
      );
    };
    response.on('close', finished);
    response.on('finish', finished);
    response.on('error', finished);
    next();
  };
}
