import { DomainError, ErrorDetail, notFound } from '../domain/errors/domain-error';

export const leaveNotFound = () => notFound('The leave request', 'LEAVE_NOT_FOUND');

export const notOneDayAhead = (today: string) =>
  new DomainError('unprocessable', 'LEAVE_NOT_ONE_DAY_AHEAD', `Leave is requested at least one day ahead (H-ATT-10): the first day must be after ${today}. In an emergency, file it with "emergency": true (H-ATT-11).`, [
    { field: 'startDate', message: `must be after ${today}` },
  ], { today });

export const emergencyNeedsReason = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'An emergency request needs a reason (H-ATT-11)', [{ field: 'reason', message: 'is required when emergency is true' }]);

export const leaveOverlaps = () =>
  new DomainError('conflict', 'LEAVE_OVERLAPS', 'You already have a pending or approved request covering part of this time (H-ATT-10)', [
    { field: 'startDate', message: 'overlaps another request' },
  ]);

export const leaveTypeNotUsable = () =>
  new DomainError('unprocessable', 'LEAVE_TYPE_NOT_FOUND', 'The leave type does not exist or is no longer in use', [{ field: 'type', message: 'see GET /leave-types' }]);

export const invalidSpan = (problem: ErrorDetail) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', `The leave period is not valid: ${problem.field} ${problem.message}`, [problem]);

export const leaveTypeNotFound = () => notFound('The leave type', 'LEAVE_TYPE_NOT_FOUND');

export const leaveTypeTaken = () => new DomainError('conflict', 'LEAVE_TYPE_TAKEN', 'This leave type code exists already', [{ field: 'code', message: 'is taken' }]);

/** 销假: the day back is said only for approved leave that has started, and falls within the leave. */
export const returnedOnNotStarted = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'A day back at work is only said for approved leave that has started', [{ field: 'returnedOn', message: 'is only for approved leave that has started' }]);

export const returnedOnOutside = (startDate: string, endDate: string) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', `The day back at work must be within the leave (${startDate} – ${endDate})`, [
    { field: 'returnedOn', message: `must be from ${startDate} to ${endDate}` },
  ]);

