import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './errors/error-response.dto';
import { CATALOGUE_CODE } from './validators';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (VALIDATION_FAILED names the fields; MALFORMED_JSON)',
  401: 'Not signed in, or the token is invalid, expired or revoked',
  403: 'Signed in, but this action needs another role (ROLE_REQUIRED), or a device key called a route other than the punch uploads (DEVICE_NOT_ALLOWED)',
  404: 'Not found, or not visible to you',
  408: 'The request body stopped arriving (REQUEST_TIMEOUT, HTTP_BODY_IDLE_TIMEOUT_MS) or took longer than HTTP_REQUEST_TIMEOUT_MS; the connection is closed',
  409: 'Conflicts with the current state',
  413: 'The request body is too large',
  415: 'The body is not of an accepted content type',
  422: 'Well-formed, but breaks a rule (the code names it)',
  429: 'Too many requests',
  500: 'Unexpected error (no details are leaked)',
  503: 'The database is not reachable right now (DATABASE_UNAVAILABLE), or every connection stayed busy for DATABASE_ACQUIRE_TIMEOUT_MS (DATABASE_BUSY, with Retry-After)',
};

/** Documents the one error body for the given statuses (500 and 503 are always possible). */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...statuses, 429, 500, 503])];
  return applyDecorators(...all.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponseDto })));
}

/** A route for signed-in callers: bearer token, and the errors any such route can give (403: a device key, which only uploads punches). */
export function ApiSignedIn(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth('bearer'), ApiErrors(401, 403, 429));
}

/** A UUID path parameter. */
export function ApiIdParam(name = 'id', description?: string): MethodDecorator {
  return ApiParam({ name, description, schema: { type: 'string', format: 'uuid', maxLength: 36 } });
}

/** A catalogue code path parameter (leave types, positions). */
export function ApiCodeParam(example?: string): MethodDecorator {
  return ApiParam({ name: 'code', example, schema: { type: 'string', maxLength: 40, pattern: CATALOGUE_CODE.source } });
}

/** A calendar date path parameter, read with dateParam. */
export function ApiDateParam(example: string): MethodDecorator {
  return ApiParam({ name: 'date', schema: { type: 'string', format: 'date', maxLength: 10 }, example });
}
