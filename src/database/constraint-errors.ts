import { DomainError } from '../domain/errors/domain-error';

interface ConstraintRule {
  code: string;
  field: string;
  message: string;
}

/**
 * The database enforces the rules that races could break; these constraint names turn its
 * refusals into the same coded errors the services give when they catch the problem first.
 */
const CONSTRAINTS: Record<string, ConstraintRule> = {
  staff_employee_no_key: { code: 'EMPLOYEE_NO_TAKEN', field: 'employeeNo', message: 'This employee number is already in use' },
  staff_username_key: { code: 'USERNAME_TAKEN', field: 'username', message: 'This username is already in use' },
  staff_not_own_supervisor: { code: 'SUPERVISOR_LOOP', field: 'supervisorId', message: 'Nobody can be their own supervisor' },
  staff_work_started_before_hired: { code: 'WORK_STARTED_AFTER_HIRED', field: 'workStartedOn', message: 'must not be after hiredOn' },
  staff_left_after_hired: { code: 'LEFT_BEFORE_HIRED', field: 'leftOn', message: 'leftOn must not be before hiredOn' },
  duty_roster_pkey: { code: 'DUTY_DATE_TAKEN', field: 'date', message: 'Someone was put on duty on this date at the same time (H-ATT-2: one person per date)' },
  device_serial_number_key: { code: 'DEVICE_SERIAL_TAKEN', field: 'serialNumber', message: 'A device with this serial number is registered already' },
  leave_no_overlap: { code: 'LEAVE_OVERLAPS', field: 'startDate', message: 'You already have a pending or approved request covering part of this time (H-ATT-10)' },
  leave_allowance_rule_type_fkey: { code: 'LEAVE_TYPE_NOT_FOUND', field: 'code', message: 'see GET /leave-types' },
  leave_type_pkey: { code: 'LEAVE_TYPE_TAKEN', field: 'code', message: 'This leave type code exists already' },
  punch_correction_one_live: { code: 'CORRECTION_EXISTS', field: 'direction', message: 'There is already a pending or approved request for this punch' },
  overtime_request_no_overlap: { code: 'OVERTIME_OVERLAPS', field: 'start', message: 'You already have a pending or approved overtime request covering part of this time' },
  position_pkey: { code: 'POSITION_CODE_TAKEN', field: 'code', message: 'This position code is already in use' },
};

/** Seconds a client is told to wait (Retry-After) when every connection is busy: a pool frees up fast. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 1;

/** Every connection of the requests' pool stayed taken for the whole acquire timeout: 503 with Retry-After. */
export const databaseBusy = () =>
  new DomainError('unavailable', 'DATABASE_BUSY', 'Every database connection is busy; try again shortly', [
    { field: 'retryAfterSeconds', message: String(DATABASE_BUSY_RETRY_AFTER_SECONDS) },
  ]);

interface PgError {
  code?: string;
  constraint?: string;
}

const CONNECTION_FAILURES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** Maps a PostgreSQL error (as thrown by pg or wrapped by TypeORM) to a DomainError, or null. */
export function domainErrorFromDatabase(error: unknown): DomainError | null {
  if (typeof error !== 'object' || error === null) return null;
  const pgError = ((error as { driverError?: PgError }).driverError ?? error) as PgError & { message?: string };
  const rule = pgError.constraint ? CONSTRAINTS[pgError.constraint] : undefined;
  if (rule) {
    const kind = pgError.code === '23505' || pgError.code === '23P01' ? 'conflict' : 'unprocessable';
    return new DomainError(kind, rule.code, rule.message, [{ field: rule.field, message: rule.message }]);
  }
  switch (pgError.code) {
    case '23505':
    case '23P01':
      return new DomainError('conflict', 'CONFLICT', 'The change conflicts with an existing record');
    case '23503':
      return new DomainError('unprocessable', 'REFERENCE_NOT_FOUND', 'The change refers to a record that does not exist');
    case '23514':
    case '22007':
    case '22008':
      return new DomainError('unprocessable', 'CONSTRAINT_VIOLATED', 'The change breaks a rule of the data');
    case '22021':
    case '22P05':
      return new DomainError('bad_request', 'INVALID_TEXT', 'Text must not contain NUL or other characters the database cannot store', [{ field: 'body', message: 'contains a NUL character' }]);
    case '40001':
    case '40P01':
      return new DomainError('conflict', 'STATE_CHANGED', 'The record was changed at the same time; try again');
  }
  // pg-pool's wording when every connection stayed taken for DATABASE_ACQUIRE_TIMEOUT_MS (a new
  // connection that fails to open says "Connection terminated due to connection timeout" instead).
  const message = pgError.message ?? '';
  if (/timeout exceeded when trying to connect/i.test(message)) return databaseBusy();
  // Connection loss also shows through TypeORM: it releases a transaction's query runner when its
  // connection fails, and the transaction's next statement finds it released.
  if (
    (pgError.code !== undefined && CONNECTION_FAILURES.has(pgError.code)) ||
    /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error|Client was closed and is not queryable|Query runner (was )?already released|Query read timeout/i.test(message)
  ) {
    return new DomainError('unavailable', 'DATABASE_UNAVAILABLE', 'The database is not reachable right now; try again shortly');
  }
  return null;
}
