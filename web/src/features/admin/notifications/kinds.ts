/**
 * The service's own lists of message kinds, channels and delivery states (the pure core, as
 * error-sentence.ts reads the error catalogue): the office's forms and filters offer exactly these.
 */
export { CHANNEL_KINDS, DELIVERY_CHANNELS, DELIVERY_STATUSES, MESSAGE_KINDS } from '../../../../../src/domain/notifications/kinds';
