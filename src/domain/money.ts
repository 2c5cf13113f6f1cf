/** Finance's policy for one month (H-ATT-7), amounts in integer fen. */
export interface FinancePolicy {
  effectiveMonth: string;
  lateFen: number;
  seriousLateFen: number;
  absenceDayFen: number;
  missingPunchFen: number;
  fullAttendanceBonusFen: number;
  /** Per approved make-up punch (补卡, issue 17); zero by default. */
  correctionFen: number;
}

export interface MonthCounts {
  scheduledDays: number;
  lateCount: number;
  seriousLateCount: number;
  /** Unexcused absence in days, in steps of 0.5. */
  absenceDays: number;
  missingPunchCount: number;
  /** Approved make-up punches of days in the month. */
  correctionCount: number;
  personalLeaveDays: number;
  pendingDays: number;
}

export interface Money {
  penaltiesFen: number;
  penalties: { lateFen: number; seriousLateFen: number; absenceFen: number; missingPunchFen: number; correctionFen: number };
  bonusFen: number;
  bonus: { fullAttendanceFen: number };
}

/**
 * H-ATT-7: 考勤奖惩以财务制度为准. Penalties per late arrival, serious late arrival, absence day
 * (half days pay half, rounded half up to the fen) and missing punch; the full-attendance bonus
 * (全勤奖) for a month with scheduled work, no late arrival, no absence, no personal leave and
 * nothing still pending. Integers only.
 */
export function monthMoney(counts: MonthCounts, policy: FinancePolicy): Money {
  const absenceHalfDays = Math.round(counts.absenceDays * 2);
  const penalties = {
    lateFen: counts.lateCount * policy.lateFen,
    seriousLateFen: counts.seriousLateCount * policy.seriousLateFen,
    absenceFen: Math.floor((absenceHalfDays * policy.absenceDayFen + 1) / 2),
    missingPunchFen: counts.missingPunchCount * policy.missingPunchFen,
    correctionFen: counts.correctionCount * policy.correctionFen,
  };
  const fullAttendance =
    counts.scheduledDays > 0 && counts.lateCount === 0 && absenceHalfDays === 0 && counts.personalLeaveDays === 0 && counts.pendingDays === 0;
  const bonus = { fullAttendanceFen: fullAttendance ? policy.fullAttendanceBonusFen : 0 };
  return {
    penaltiesFen: penalties.lateFen + penalties.seriousLateFen + penalties.absenceFen + penalties.missingPunchFen + penalties.correctionFen,
    penalties,
    bonusFen: bonus.fullAttendanceFen,
    bonus,
  };
}

/** What the grid adds to the code of a day an approved make-up punch corrected (补卡): `√补`. */
export const CORRECTED_MARK = '补';

/** A grid cell's day code without the correction mark (what colours and counts go by). */
export const baseGridCode = (cell: string): string => (cell.length > 1 && cell.endsWith(CORRECTED_MARK) ? cell.slice(0, -1) : cell);

/** The day codes of the monthly grid (考勤表). */
export function gridCode(day: { status: string; onDuty: boolean; earlyLeave: boolean; leaveCode: string | null }): string {
  switch (day.status) {
    case 'present':
      return day.onDuty ? '值' : '√';
    case 'late':
      return '迟';
    case 'absent':
      return day.earlyLeave ? '早' : '旷';
    case 'leave':
      return day.leaveCode ?? '假';
    case 'exempt':
      return '差';
    case 'holiday':
    case 'rest':
      return '休';
    case 'pending':
      return '待';
    default:
      return '';
  }
}

/**
 * Objects with their keys sorted at every level and no insignificant white space: the bytes a
 * snapshot's SHA-256 is taken of, so the same report always hashes the same.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
