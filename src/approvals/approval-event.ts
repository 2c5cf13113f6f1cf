import type { ActingAs } from '../domain/workflow';

/** The requests whose decisions are kept as approval events (disciplinary records keep their audit rows). */
export type SubjectKind = 'leave' | 'exemption' | 'punch_correction' | 'overtime';

export interface ApprovalEvent {
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actingAs: ActingAs;
  comment: string | null;
  at: string;
}
