import { DomainError, ErrorDetail } from '../domain/errors/domain-error';

/**
 * The checks that failed, from Terminus's result (`error: { database: { status: 'down', … } }`).
 * Their own messages (driver errors, host names) are not repeated to an unauthenticated caller.
 */
export function healthCheckFailed(result: unknown): DomainError {
  const failed = (result as { error?: Record<string, unknown> } | null)?.error ?? {};
  const details: ErrorDetail[] = Object.keys(failed).map((check) => ({ field: check, message: `${check} does not answer (within 3 s) or refuses` }));
  const names = details.map((detail) => detail.field).join(', ') || 'unknown';
  return new DomainError('unavailable', 'HEALTH_CHECK_FAILED', `The service is not healthy: ${names} check failed`, details.length > 0 ? details : [{ field: 'unknown', message: 'a check failed' }], { check: names });
}
