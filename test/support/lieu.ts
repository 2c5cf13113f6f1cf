import { AttendanceService } from '../../src/attendance/attendance.service';
import { monthRange } from '../../src/domain/calendar/calendar-day';
import { CompanyClock } from '../../src/policy/company-clock';
import type { TestApp } from './test-app';

/**
 * Time off in lieu earned on rest days, for tests of the 调休 balance's arithmetic (issue 22): it sets
 * `attendance_day.overtime_minutes` / `lieu_minutes` on stored rest days with SQL, so that grants can
 * sit months back (beyond the days an overtime request may be filed afterwards) and in any amount.
 * The whole path — request, approval, punches, the judged day's grant — is proved without it in
 * test/overtime/overtime-lieu.spec.ts. A recomputed day is stored afresh from its approved overtime
 * (none here), so `earn` first brings the person's whole month up to date (as a report or the queue
 * would), and `apply` writes every recorded grant again after something made days stale.
 */
export class LieuDays {
  private readonly earned = new Map<string, { staffId: string; date: string; minutes: number }>();

  constructor(private readonly t: TestApp) {}

  /** `minutes` of rest-day overtime on `date` taken back as time off in lieu. */
  async earn(staffId: string, date: string, minutes: number): Promise<void> {
    this.earned.set(`${staffId}|${date}`, { staffId, date, minutes });
    await this.apply();
  }

  async apply(): Promise<void> {
    await this.t.settle();
    const today = await this.t.app.get(CompanyClock).today();
    const attendance = this.t.app.get(AttendanceService);
    for (const { staffId, date, minutes } of this.earned.values()) {
      const { from, to } = monthRange(date.slice(0, 7));
      await attendance.ensureFresh({ staffIds: [staffId], from, to: to < today ? to : today });
      // Without a digest: a day changed behind the rules' back is written again by the next recompute (migrations/1800001100000-DayDigest.ts).
      const updated = await this.t.sql(
        `WITH earned AS (
           UPDATE attendance_day SET overtime_kind = 'rest_day', overtime_minutes = $3, lieu_minutes = $3, digest = NULL
            WHERE staff_id = $1 AND date = $2 AND status = 'rest' RETURNING date)
         SELECT date FROM earned`,
        [staffId, date, minutes],
      );
      if (updated.length !== 1) throw new Error(`no judged rest day of ${staffId} on ${date} to earn time off in lieu on`);
    }
  }
}
