import type { Schemas } from '../../../api/client';

/** The kinds of message, in the order the README lists them (the service's MESSAGE_KINDS). */
export const MESSAGE_KINDS: Schemas['NotificationSettingsDto']['emailKinds'] = [
  'request_waiting',
  'request_reminder',
  'request_escalated',
  'request_decided',
  'daily_problems',
  'handbook_published',
  'disciplinary_issued',
  'month_ready',
  'month_closed',
  'month_reopened',
  'terminal_silent',
  'terminal_rejected_lines',
];

export const CHANNEL_KINDS: Schemas['ChannelDto']['kind'][] = ['dingtalk', 'wecom', 'feishu', 'webhook'];
export const DELIVERY_CHANNELS: Schemas['DeliveryDto']['channel'][] = ['email', 'dingtalk', 'wecom', 'feishu', 'webhook'];
export const DELIVERY_STATUSES: Schemas['DeliveryDto']['status'][] = ['pending', 'delivered', 'failed'];
