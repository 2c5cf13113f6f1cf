import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface StaleSpan {
  staffId: string;
  from: string;
  to: string;
}

/**
 * The queue of day results that an input change has made stale (table attendance_stale). Writers
 * only append; whoever recomputes a person's days takes the queued spans they cover, after locking
 * the person (AttendanceService.lockPeople) and before reading the punches, so that a punch
 * committed later keeps its queue row for the next pass.
 */
@Injectable()
export class StaleDaysRepository {
  async enqueue(manager: EntityManager, spans: StaleSpan[]): Promise<void> {
    if (spans.length === 0) return;
    await manager.query(
      `INSERT INTO attendance_stale (staff_id, from_date, to_date) SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[])`,
      [spans.map((span) => span.staffId), spans.map((span) => span.from), spans.map((span) => span.to)],
    );
  }

  /**
   * Removes what is queued for these people (null: everyone) within [from, to]; the parts of a
   * queued span outside the range stay queued.
   */
  async take(manager: EntityManager, staffIds: string[] | null, from: string, to: string): Promise<void> {
    if (staffIds !== null && staffIds.length === 0) return;
    await manager.query(
      `WITH taken AS (
         DELETE FROM attendance_stale
          WHERE ($1::uuid[] IS NULL OR staff_id = ANY($1::uuid[])) AND from_date <= $3 AND to_date >= $2
          RETURNING staff_id, from_date, to_date
       )
       INSERT INTO attendance_stale (staff_id, from_date, to_date)
       SELECT staff_id, from_date, $2::date - 1 FROM taken WHERE from_date < $2
       UNION ALL
       SELECT staff_id, $3::date + 1, to_date FROM taken WHERE to_date > $3`,
      [staffIds, from, to],
    );
  }

  /** Up to `limit` people with queued days, longest waiting first, and the span their queue covers. */
  async next(manager: EntityManager, limit: number): Promise<StaleSpan[]> {
    const rows: { staff_id: string; from: string; to: string }[] = await manager.query(
      `SELECT staff_id, to_char(min(from_date), 'YYYY-MM-DD') AS from, to_char(max(to_date), 'YYYY-MM-DD') AS to
         FROM attendance_stale GROUP BY staff_id ORDER BY min(id) LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ staffId: row.staff_id, from: row.from, to: row.to }));
  }
}
