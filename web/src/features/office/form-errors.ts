import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { applyFieldErrors } from '../../lib/errors';

/**
 * Rule codes that are about one field of an office form. The service's own sentence for the code
 * (already in the reader's language) goes beside that field, rather than the terse detail text.
 * Where a code can belong to either of two fields, the first one the form has wins.
 */
const FIELDS_OF_CODE: Record<string, string[]> = {
  EMPLOYEE_NO_TAKEN: ['employeeNo'],
  USERNAME_TAKEN: ['username'],
  POSITION_NOT_FOUND: ['positionCode'],
  SUPERVISOR_NOT_FOUND: ['supervisorId'],
  SUPERVISOR_LOOP: ['supervisorId'],
  LEFT_BEFORE_HIRED: ['leftOn', 'hiredOn'],
  POSITION_CODE_TAKEN: ['code'],
  DEVICE_SERIAL_TAKEN: ['serialNumber'],
  DUTY_STAFF_NOT_AVAILABLE: ['staffId'],
  LEAVE_BALANCE_NOT_TRACKED: ['leaveType'],
  MONTH_CLOSED: ['date'],
};

/**
 * Puts a failed save's errors beside the form's fields. Returns true when every problem found a
 * field; false when the caller must still show the error above the form (nothing is lost).
 */
export function showFormErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const field = FIELDS_OF_CODE[error.code]?.find((name) => known.has(name));
  if (field) {
    form.setFields([{ name: field, errors: [error.body.message] }]);
    return true;
  }
  if (error.body.details.length === 0) return false;
  return applyFieldErrors(form, error).length === 0;
}
