import { DomainError, notFound } from '../domain/errors/domain-error';

export const deviceNotFound = () => notFound('The device', 'DEVICE_NOT_FOUND');

export const deviceSerialTaken = () =>
  new DomainError('conflict', 'DEVICE_SERIAL_TAKEN', 'A device with this serial number is registered already', [{ field: 'serialNumber', message: 'is taken' }]);
