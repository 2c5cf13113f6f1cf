/**
 * The kinds of message Kaoqin sends (issue 18). Each is an event type of the webhooks
 * (`kaoqin.<kind>`), a choice in a person's preferences, and a filter of a robot or webhook.
 */
export const MESSAGE_KINDS = [
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
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const isMessageKind = (value: unknown): value is MessageKind => (MESSAGE_KINDS as readonly unknown[]).includes(value);

/** Who an event is for: one person, the approver of a person's request, the office (admins), finance, or every active person. */
export const AUDIENCES = ['person', 'approver', 'office', 'finance', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Channels a delivery goes through; in-app is the notification row itself and is never "delivered". */
export const DELIVERY_CHANNELS = ['email', 'dingtalk', 'wecom', 'feishu', 'webhook'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Channels the office registers (group robots and webhooks). */
export const CHANNEL_KINDS = ['dingtalk', 'wecom', 'feishu', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Request statuses whose event tells the requester of a decision (a withdrawal by the requester tells nobody). */
export const DECIDED_STATUSES = ['approved', 'rejected', 'filed', 'cancelled', 'revoked'] as const;
