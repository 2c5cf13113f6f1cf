import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CountedLeave } from '../domain/leave-balance/exclusion-facts';

/** The leave type codes 条例 第四条 counts (the handbook's seeded 事假 and 病假, H-ATT-1). */
export const PERSONAL_LEAVE = 'personal';
export const SICK_LEAVE = 'sick';

/**
 * Reads the approved personal and sick leave that can take a year's annual leave away (条例 第四条).
 * A read of leave_request, whose owner (src/leave) depends on this folder and cannot be called
 * back; like the reports, it only reads. Leave ended early (销假) counts the days taken. Personal leave counts only while its type is paid: an
 * unpaid 事假 is pay deducted, which the article does not count.
 */
@Injectable()
export class CountedLeaveRepository {
  async ofPeople(manager: EntityManager, staffIds: string[], from: string, to: string): Promise<Map<string, CountedLeave[]>> {
    const rows: (CountedLeave & { staffId: string })[] = await manager.query(
      `SELECT l.staff_id AS "staffId", CASE l.type_code WHEN $4 THEN 'sick' ELSE 'personal' END AS kind,
              to_char(l.start_date, 'YYYY-MM-DD') AS "startDate", l.start_half AS "startHalf",
              to_char(coalesce(l.taken_until, l.end_date), 'YYYY-MM-DD') AS "endDate", CASE WHEN l.taken_until IS NULL THEN l.end_half END AS "endHalf",
              coalesce(l.taken_days, l.working_days)::float8 AS "workingDays"
         FROM leave_request l JOIN leave_type t ON t.code = l.type_code
        WHERE l.staff_id = ANY($1::uuid[]) AND (l.status IN ('approved', 'filed') OR l.taken_until IS NOT NULL)
          AND l.start_date <= $3 AND coalesce(l.taken_until, l.end_date) >= $2
          AND (l.type_code = $4 OR (l.type_code = $5 AND t.paid))`,
      [staffIds, from, to, SICK_LEAVE, PERSONAL_LEAVE],
    );
    const byPerson = new Map<string, CountedLeave[]>();
    for (const { staffId, ...leave } of rows) byPerson.set(staffId, [...(byPerson.get(staffId) ?? []), leave]);
    return byPerson;
  }

  /** People whose personal or sick leave was decided or cancelled since `since`: their years may have changed. */
  async decidedSince(manager: EntityManager, since: Date): Promise<{ staffId: string; from: string; to: string }[]> {
    return manager.query(
      `SELECT staff_id AS "staffId", to_char(start_date, 'YYYY-MM-DD') AS from, to_char(end_date, 'YYYY-MM-DD') AS to FROM leave_request
        WHERE type_code IN ($2, $3) AND (decided_at >= $1 OR cancelled_at >= $1)`,
      [since, SICK_LEAVE, PERSONAL_LEAVE],
    );
  }
}
