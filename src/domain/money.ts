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
  /** Per paid hour of overtime of each kind (加班, issue 22; 劳动法第44条 sets the rate, finance the amount); zero by default. */
  overtimeWorkdayHourFen: number;
  overtimeRestDayHourFen: number;
  overtimeHolidayHourFen: number;
}

/** A month's credited overtime minutes by kind; rest-day minutes include those taken as time off in lieu. */
export interface OvertimeMinutes {
  workday: number;
  restDay: number;
  restDayLieu: number;
  holiday: number;
}

/**
 * 劳动法第44条: paid overtime hours × finance's amount per hour of their kind, rounded half up to the
 * fen once for the month. Rest-day hours taken as time off in lieu (调休) are repaid in time, not here.
 */
export function overtimePayFen(minutes: OvertimeMinutes, policy: Pick<FinancePolicy, 'overtimeWorkdayHourFen' | 'overtimeRestDayHourFen' | 'overtimeHolidayHourFen'>): number {
  const paidRestDay = Math.max(0, minutes.restDay - minutes.restDayLieu);
  const fenTimesMinutes = minutes.workday * policy.overtimeWorkdayHourFen + paidRestDay * policy.overtimeRestDayHourFen + minutes.holiday * policy.overtimeHolidayHourFen;
  return Math.floor((fenTimesMinutes + 30) / 60);
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

/** What the grid adds to the code of a day that credited overtime (加班, issue 22): `√加`, `休加`, `√补加`. */
export const OVERTIME_MARK = '加';

/** A grid cell's day code without the overtime and correction marks (what colours and counts go by). */
export const baseGridCode = (cell: string): string => {
  const withoutOvertime = cell.length > 1 && cell.endsWith(OVERTIME_MARK) ? cell.slice(0, -1) : cell;
  return withoutOvertime.length > 1 && withoutOvertime.endsWith(CORRECTED_MARK) ? withoutOvertime.slice(0, -1) : withoutOvertime;
};

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
  if (value && typeof value === 'object') return `{${canonicalEntries(value).map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** An object's entries as canonicalJson writes them: undefined values left out, keys in code-unit order. */
export function canonicalEntries(value: object): [string, unknown][] {
  return Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
