import { DomainError, notFound } from '../domain/errors/domain-error';

export const notificationNotFound = () => notFound('The notification', 'NOTIFICATION_NOT_FOUND');

export const channelNotFound = () => notFound('The notification channel', 'NOTIFICATION_CHANNEL_NOT_FOUND');

export const deliveryNotFound = () => notFound('The delivery', 'NOTIFICATION_DELIVERY_NOT_FOUND');

export const deliveryNotFailed = (status: string) =>
  new DomainError('conflict', 'NOTIFICATION_NOT_FAILED', `Only a failed delivery is retried by hand; this one is ${status}`, [{ field: 'status', message: 'must be failed' }], { status });

export const webhookSecretInvalid = () =>
  new DomainError('unprocessable', 'NOTIFICATION_CHANNEL_INVALID', 'A webhook needs a Standard Webhooks signing secret', [
    { field: 'secret', message: 'must be whsec_ followed by 24 to 64 bytes in base64' },
  ]);

export const teamLeadRequired = () =>
  new DomainError('unprocessable', 'NOTIFICATION_CHANNEL_INVALID', 'A team group names its team lead, and only a team group does', [
    { field: 'teamLeadId', message: 'is required with scope team, and only with it' },
  ]);

export const teamLeadUnknown = () =>
  new DomainError('unprocessable', 'NOTIFICATION_CHANNEL_INVALID', 'The team lead is not a staff member', [{ field: 'teamLeadId', message: 'must be a staff member' }]);

export const eventKindsEmpty = () =>
  new DomainError('unprocessable', 'NOTIFICATION_CHANNEL_INVALID', 'A channel receives at least one kind of message', [{ field: 'eventKinds', message: 'must name at least one kind' }]);

export const urlInvalid = () =>
  new DomainError('unprocessable', 'NOTIFICATION_CHANNEL_INVALID', 'The address is not a usable http or https URL', [{ field: 'url', message: 'must be an http:// or https:// address' }]);

export const escalationBeforeReminder = () =>
  new DomainError('unprocessable', 'NOTIFICATION_SETTINGS_INVALID', 'The escalation to the office comes after the reminder', [
    { field: 'escalationHours', message: 'must be more than reminderHours' },
  ]);
