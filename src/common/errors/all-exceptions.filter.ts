import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { domainErrorFromDatabase } from '../../database/constraint-errors';
import { detailMessage } from '../../domain/i18n/detail-messages';
import { errorMessage, MessageParams } from '../../domain/i18n/error-messages';
import type { Language } from '../../domain/i18n/language';
import { languageOfRequest } from '../i18n/request-language';
import { DomainError, ErrorDetail, ErrorKind } from '../../domain/errors/domain-error';

const STATUS_OF_KIND: Record<ErrorKind, number> = {
  bad_request: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** The most `details` an error body lists (ErrorResponseDto documents the same maxItems). */
export const MAX_ERROR_DETAILS = 100;

/**
 * A long list of problems helps nobody and costs the server to build and send: the first
 * MAX_ERROR_DETAILS − 1 are listed, and a last entry says how many more there were.
 */
export function capDetails(details: ErrorDetail[]): ErrorDetail[] {
  if (details.length <= MAX_ERROR_DETAILS) return details;
  const listed = details.slice(0, MAX_ERROR_DETAILS - 1);
  return [...listed, { field: 'details', message: `${details.length - listed.length} more problems not listed` }];
}

/** body-parser's errors carry a `type` and a `status`; they are the client's fault, not ours. */
function bodyParserError(exception: unknown): ErrorBody | null {
  const candidate = exception as { type?: unknown; status?: unknown };
  if (typeof candidate?.type !== 'string' || typeof candidate.status !== 'number') return null;
  if (candidate.type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', details: [{ field: 'body', message: 'not valid JSON' }] };
  }
  if (candidate.type === 'entity.too.large') {
    return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large', details: [] };
  }
  const status = candidate.status >= 400 && candidate.status < 500 ? candidate.status : 400;
  return { statusCode: status, code: CODE_OF_STATUS[status] ?? 'BAD_REQUEST', message: 'The request body could not be read', details: [] };
}

function httpExceptionBody(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && typeof (response as { message?: unknown }).message === 'string'
      ? (response as { message: string }).message
      : exception.message;
  return { statusCode: status, code: CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), message, details: [] };
}

/**
 * The error body in a language. The code never changes. In English the message is the thrower's
 * own sentence (it names the exact values); in Chinese it is the catalogue's sentence for the code,
 * filled with the error's parameters. Detail messages are translated by pattern, fields kept.
 */
export function toErrorBody(exception: unknown, language: Language = 'en'): ErrorBody {
  const { body, params } = englishErrorBody(exception);
  if (language === 'en') return body;
  return {
    ...body,
    message: errorMessage(body.code, language, params, body.message),
    details: body.details.map((detail) => ({ field: detail.field, message: detailMessage(detail.message, language) })),
  };
}

/** Turns anything thrown into the one error body; never leaks stack traces or SQL. */
function englishErrorBody(exception: unknown): { body: ErrorBody; params: MessageParams } {
  if (exception instanceof DomainError) {
    return { body: { statusCode: STATUS_OF_KIND[exception.kind], code: exception.code, message: exception.message, details: capDetails(exception.details) }, params: exception.params };
  }
  // Nest wraps body-parser's errors in an HttpException and keeps the original as its cause; the
  // parsers' `verify` (src/common/body-limits.ts) throws DomainErrors.
  if (exception instanceof Error && exception.cause instanceof DomainError) return englishErrorBody(exception.cause);
  const parserError = bodyParserError(exception) ?? (exception instanceof Error ? bodyParserError(exception.cause) : null);
  if (parserError) return { body: parserError, params: {} };
  if (exception instanceof HttpException) return { body: httpExceptionBody(exception), params: {} };
  const fromDatabase = domainErrorFromDatabase(exception);
  if (fromDatabase) return englishErrorBody(fromDatabase);
  return { body: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side', details: [] }, params: {} };
}

/** 429 (too many attempts) and 503 (every connection busy) say when to try again, in their details. */
export function setRetryAfter(response: Response, body: ErrorBody): void {
  if ((body.statusCode === 429 || body.statusCode === 503) && body.details[0]?.field === 'retryAfterSeconds' && !response.headersSent) {
    response.setHeader('Retry-After', body.details[0].message);
  }
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception, languageOfRequest(host.switchToHttp().getRequest<Request>()));
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    setRetryAfter(response, body);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}
