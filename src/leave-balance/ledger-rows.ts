import type { LedgerEntry } from '../domain/leave-balance/ledger-entry';

/** A leave_ledger row as read. */
export interface LedgerRow {
  id: number;
  staff_id: string;
  leave_type_code: string;
  year: number;
  kind: LedgerEntry['kind'];
  days: number;
  date: string;
  of: string | null;
  direction: string | null;
  expires_on: string | null;
  reason: string | null;
  cause: string;
  request_id: string | null;
  run_id: number | null;
  explanation: unknown[];
  created_by: string | null;
  created_at: Date;
}

/** An entry to write: the pure core's entry, where it belongs and why it was written. */
export interface NewLedgerEntry {
  staffId: string;
  leaveType: string;
  entry: LedgerEntry;
  cause: string;
  explanation: unknown[];
  requestId?: string | null;
  runId?: number | null;
  createdBy?: string | null;
}

/** The pure core's view of a row. System adjustments store no reason: their cause stands for it. */
export function toLedgerEntry(row: LedgerRow): LedgerEntry {
  const { days, date } = row;
  switch (row.kind) {
    case 'release':
      return { kind: 'release', days, date, of: row.of as 'reservation' | 'consumption' };
    case 'carry_over':
      return row.direction === 'in' ? { kind: 'carry_over', direction: 'in', days, date, expiresOn: row.expires_on ?? '' } : { kind: 'carry_over', direction: 'out', days, date };
    case 'expiry':
      return { kind: 'expiry', days, date, of: row.of as 'carried' | 'unused' };
    case 'adjustment':
      return { kind: 'adjustment', days, date, reason: row.reason ?? row.cause };
    default:
      return { kind: row.kind, days, date };
  }
}

/** The columns of an entry that depend on its kind. */
export function kindColumns(entry: LedgerEntry): { of: string | null; direction: string | null; expiresOn: string | null } {
  switch (entry.kind) {
    case 'release':
    case 'expiry':
      return { of: entry.of, direction: null, expiresOn: null };
    case 'carry_over':
      return { of: null, direction: entry.direction, expiresOn: entry.direction === 'in' ? entry.expiresOn : null };
    default:
      return { of: null, direction: null, expiresOn: null };
  }
}
