import type { Audience } from '../../auth/session';

/**
 * Who receives each kind (README, Notifications): a person's e-mail choices list only the kinds
 * that can reach them. Admins decide in a supervisor's place and hear the office's kinds.
 */
export const KIND_AUDIENCES: Record<string, Audience[]> = {
  request_waiting: ['supervisor', 'admin'],
  request_reminder: ['supervisor', 'admin'],
  request_escalated: ['admin'],
  request_decided: ['employee'],
  daily_problems: ['employee'],
  handbook_published: ['employee'],
  disciplinary_issued: ['employee'],
  month_ready: ['finance'],
  month_closed: ['finance'],
  month_reopened: ['finance'],
  terminal_silent: ['admin'],
  terminal_rejected_lines: ['admin'],
};

export const reachesAny = (kind: string, audiences: Set<Audience>): boolean => (KIND_AUDIENCES[kind] ?? ['employee']).some((audience) => audiences.has(audience));
