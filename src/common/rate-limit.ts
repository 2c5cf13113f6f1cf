import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ErrorBody } from './errors/all-exceptions.filter';

/**
 * Requests per client address and minute, answered with the IETF draft RateLimit-* headers on
 * every response and 429 + Retry-After past the limit. In memory per instance: it protects each
 * instance from floods; sign-in failures are counted in the database across instances.
 */
export function requestRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // These checks print to the console on their own; TRUST_PROXY is validated at start and documented instead.
    validate: { trustProxy: false, xForwardedForHeader: false },
    handler: (_request, response) => {
      const body: ErrorBody = { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many requests from this client; slow down', details: [] };
      response.status(429).json(body);
    },
  });
}
