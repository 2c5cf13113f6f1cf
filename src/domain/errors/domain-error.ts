import type { MessageParams } from '../i18n/error-messages';

/** How a rule failure maps onto HTTP; the mapping itself lives in one place (the exception filter). */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'unsupported_media_type'
  | 'unavailable';

export interface ErrorDetail {
  /** The request field (dotted path) or rule that failed. */
  field: string;
  message: string;
}

/**
 * A failed business rule with a stable UPPER_SNAKE code. Thrown from services and rule code
 * that also run outside HTTP, so it carries no HTTP status of its own.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Values the message catalogue fills into the code's sentence in the reader's language. */
    readonly params: MessageParams = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, code = 'NOT_FOUND', params: MessageParams = {}) => new DomainError('not_found', code, `${what} was not found`, [], params);

export const validationFailed = (details: ErrorDetail[], message = 'The request is not valid') =>
  new DomainError('bad_request', 'VALIDATION_FAILED', message, details);
