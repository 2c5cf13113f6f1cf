import { DateTime } from 'luxon';

/**
 * Commands a terminal receives on its poll (`C:<id>:<command>`), as the PUSH document writes them.
 * Pure: the time and the device's zone come in as arguments.
 */
export const COMMAND_KINDS = ['set_time', 'reboot', 'info', 'query_attlog', 'query_users', 'user_update', 'user_delete'] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** What the office queues by hand; user commands are queued by staff changes. */
export const OFFICE_COMMAND_KINDS = ['set_time', 'reboot', 'info', 'query_attlog', 'query_users'] as const;
export type OfficeCommandKind = (typeof OFFICE_COMMAND_KINDS)[number];

export const COMMAND_STATES = ['queued', 'sent', 'done', 'failed'] as const;
export type CommandState = (typeof COMMAND_STATES)[number];

export type CommandSpec =
  | { kind: 'set_time' | 'reboot' | 'info' | 'query_users' }
  | { kind: 'query_attlog'; from: string; to: string }
  | { kind: 'user_update'; pin: string; name: string }
  | { kind: 'user_delete'; pin: string };

/** A user's name as a terminal stores it: one line, no tabs, at most 24 characters. */
export function terminalName(name: string): string {
  return name.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim().slice(0, 24);
}

/**
 * ZKTeco's encoding of a wall-clock time, the `DateTime` option's value:
 * ((year − 2000) × 12 × 31 + (month − 1) × 31 + day − 1) × 86400 + seconds of the day.
 */
export function zkDateTime(local: DateTime): number {
  return ((local.year - 2000) * 12 * 31 + (local.month - 1) * 31 + (local.day - 1)) * 86400 + local.hour * 3600 + local.minute * 60 + local.second;
}

/** The command's text, written when it is sent: a time set now is the time now, in the device's zone. */
export function commandText(spec: CommandSpec, now: Date, zone: string): string {
  switch (spec.kind) {
    case 'set_time':
      return `SET OPTIONS DateTime=${zkDateTime(DateTime.fromJSDate(now, { zone }))}`;
    case 'reboot':
      return 'REBOOT';
    case 'info':
      return 'INFO';
    case 'query_users':
      // The terminal answers by uploading its users (USER PIN=… lines, as OPERLOG or USERINFO).
      return 'DATA QUERY USERINFO';
    case 'query_attlog':
      return `DATA QUERY ATTLOG StartTime=${spec.from} 00:00:00\tEndTime=${spec.to} 23:59:59`;
    case 'user_update':
      return `DATA UPDATE USERINFO PIN=${spec.pin}\tName=${terminalName(spec.name)}\tPri=0`;
    case 'user_delete':
      return `DATA DELETE USERINFO PIN=${spec.pin}`;
  }
}

/** The protocol's Return: 0 or more is success (some commands return a count), negative an error code. */
export function commandSucceeded(returnCode: number): boolean {
  return returnCode >= 0;
}

/** Whether a command sent at `sentAt` and not answered is due to be sent again. */
export function resendDue(sentAt: Date, now: Date, timeoutSeconds: number): boolean {
  return now.getTime() - sentAt.getTime() >= timeoutSeconds * 1000;
}
