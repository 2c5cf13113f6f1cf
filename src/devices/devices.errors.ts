import { DomainError, notFound } from '../domain/errors/domain-error';

export const deviceNotFound = () => notFound('The device', 'DEVICE_NOT_FOUND');

export const deviceSerialTaken = () =>
  new DomainError('conflict', 'DEVICE_SERIAL_TAKEN', 'A device with this serial number is registered already', [{ field: 'serialNumber', message: 'is taken' }]);

/** Commands wait for a poll that an inactive (refused) terminal never makes. */
export const commandDeviceInactive = (serial: string) => new DomainError('conflict', 'DEVICE_INACTIVE', `Device ${serial} has been deactivated by an administrator`, [], { serial });

export const commandPeriodInvalid = (details: { field: string; message: string }[]) => new DomainError('bad_request', 'VALIDATION_FAILED', 'query_attlog asks for a period: from and to, at most 366 days', details);

export const commandPeriodNotTaken = (fields: string[]) =>
  new DomainError('bad_request', 'VALIDATION_FAILED', 'Only query_attlog takes a period', fields.map((field) => ({ field, message: 'is only for query_attlog' })));
