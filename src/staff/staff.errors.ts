import { DomainError, notFound } from '../domain/errors/domain-error';

export const staffNotFound = () => notFound('The staff member', 'STAFF_NOT_FOUND');

export const supervisorLoop = () =>
  new DomainError('unprocessable', 'SUPERVISOR_LOOP', 'The reporting line would loop back to this person (H-ORG-3)', [
    { field: 'supervisorId', message: 'is this person or someone who reports to them' },
  ]);

export const supervisorNotUsable = () =>
  new DomainError('unprocessable', 'SUPERVISOR_NOT_FOUND', 'The supervisor does not exist or is no longer active', [
    { field: 'supervisorId', message: 'must be an active staff member' },
  ]);

export const positionNotUsable = () =>
  new DomainError('unprocessable', 'POSITION_NOT_FOUND', 'The position does not exist or is no longer in use', [
    { field: 'positionCode', message: 'must be an active position code (see GET /positions)' },
  ]);

export const lastAdmin = () =>
  new DomainError('conflict', 'LAST_ADMIN', 'This change would leave no active administrator');

export const alreadyInState = (active: boolean) =>
  new DomainError('conflict', active ? 'ALREADY_ACTIVE' : 'ALREADY_INACTIVE', `The staff member is already ${active ? 'active' : 'inactive'}`);

export const oldPasswordRequired = () =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'Changing your own password needs the old one', [
    { field: 'oldPassword', message: 'is required and must be right' },
  ]);

export const notAllowed = (action: string) =>
  new DomainError('forbidden', 'ROLE_REQUIRED', `Only an administrator may ${action}`);

export const cannotDeactivateSelf = () =>
  new DomainError('unprocessable', 'CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account; another admin can', [{ field: 'id', message: 'is you' }]);

export const leftBeforeHired = () => new DomainError('unprocessable', 'LEFT_BEFORE_HIRED', 'leftOn must not be before hiredOn', [{ field: 'leftOn', message: 'is before hiredOn' }]);

export const workStartedAfterHired = () =>
  new DomainError('unprocessable', 'WORK_STARTED_AFTER_HIRED', 'workStartedOn (参加工作时间) must not be after hiredOn: service counts from the first work anywhere', [
    { field: 'workStartedOn', message: 'must not be after hiredOn' },
  ]);
