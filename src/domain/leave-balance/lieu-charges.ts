import { leaveCoversSession } from '../attendance/classify-day';
import type { ShiftDay } from '../attendance/types';
import { type LeaveSpan, partOn } from '../leave-rules';

/** What a 调休 request takes on one date, in minutes. */
export interface LieuCharge {
  date: string;
  minutes: number;
}

/**
 * The minutes a 调休 request takes (issue 22): on each date, the lengths of the sessions of the
 * person's shift that its half days cover (H-ATT-10: half days follow the sessions; the office
 * shift: 210 the morning, 270 the afternoon), exactly what attendance then reads as leave.
 * Unscheduled dates and uncovered sessions take nothing (LIEU-D3: requests are in half days).
 */
export function lieuCharges(span: LeaveSpan, dates: readonly string[], shiftOn: (date: string) => ShiftDay | null): LieuCharge[] {
  const charges: LieuCharge[] = [];
  for (const date of dates) {
    const shift = shiftOn(date);
    const part = partOn(span, date);
    if (shift === null || part === null) continue;
    const minutes = shift.sessions.reduce(
      (total, session, index) => total + (leaveCoversSession(part, index, shift.sessions, shift.zone) ? Math.round((session.end.getTime() - session.start.getTime()) / 60_000) : 0),
      0,
    );
    if (minutes > 0) charges.push({ date, minutes });
  }
  return charges;
}
