import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InboxRow {
  kind: 'leave' | 'exemption' | 'punch_correction' | 'overtime';
  id: string;
  staff_id: string;
  name: string;
  employee_no: string;
  waiting_for: 'decision' | 'filing';
  start_date: string;
  end_date: string;
  summary: string;
  created_at: Date;
  total: number;
}

// What waits for someone: pending requests of their direct reports; for admins also the requests
// of people without an active supervisor, and approved ones waiting to be filed (H-ORG-3, H-ORG-4).
const INBOX = `
  WITH items AS (
    SELECT 'leave' AS kind, l.id, l.staff_id, CASE WHEN l.status = 'pending' THEN 'decision' ELSE 'filing' END AS waiting_for,
           l.start_date, l.end_date, l.type_code || ' ' || l.start_date || coalesce(' ' || l.start_half, '') || ' → ' || l.end_date
             || coalesce(' ' || l.end_half, '') || ' (' || l.working_days || ' working days)' AS summary, l.created_at
      FROM leave_request l WHERE l.status IN ('pending', 'approved')
    UNION ALL
    SELECT 'exemption', e.id, e.staff_id, CASE WHEN e.status = 'pending' THEN 'decision' ELSE 'filing' END,
           e.date, e.date, 'business trip ' || e.date || ' ' || coalesce(e.from_time || '–' || e.to_time, 'whole day') || ' to ' || e.destination, e.created_at
      FROM exemption e WHERE e.status IN ('pending', 'approved')
    UNION ALL
    SELECT 'punch_correction', c.id, c.staff_id, CASE WHEN c.status = 'pending' THEN 'decision' ELSE 'filing' END,
           c.date, c.date, 'make-up punch ' || c.date || ' ' || CASE c.direction WHEN 'in' THEN 'clock-in' ELSE 'clock-out' END
             || ' of session ' || (c.session + 1) || ' at ' || to_char(c.at AT TIME ZONE (SELECT time_zone FROM company), 'HH24:MI') || ' (' || replace(c.kind, '_', ' ') || ')', c.created_at
      FROM punch_correction c WHERE c.status IN ('pending', 'approved')
    UNION ALL
    SELECT 'overtime', o.id, o.staff_id, CASE WHEN o.status = 'pending' THEN 'decision' ELSE 'filing' END,
           o.date, o.date, 'overtime ' || o.date || ' ' || to_char(o.starts_at AT TIME ZONE (SELECT time_zone FROM company), 'HH24:MI')
             || '–' || to_char(o.ends_at AT TIME ZONE (SELECT time_zone FROM company), 'HH24:MI') || ' (' || replace(o.day_kind, '_', ' ')
             || ', ' || CASE o.compensation WHEN 'lieu' THEN 'time off in lieu' ELSE 'paid' END || coalesce(', cap override: ' || o.cap_override_reason, '') || ')', o.created_at
      FROM overtime_request o WHERE o.status IN ('pending', 'approved')
  )
  SELECT i.*, s.name, s.employee_no, count(*) OVER () AS total
    FROM items i JOIN staff s ON s.id = i.staff_id LEFT JOIN staff sup ON sup.id = s.supervisor_id
   WHERE i.staff_id <> $1 AND (
         (i.waiting_for = 'decision' AND s.supervisor_id = $1 AND sup.active)
      OR ($2 AND i.waiting_for = 'decision' AND (s.supervisor_id IS NULL OR NOT sup.active))
      OR ($2 AND i.waiting_for = 'filing'))
   ORDER BY i.created_at, i.id
   OFFSET $3 LIMIT $4`;

/**
 * The approvals inbox: one read across the requests of every flow, so that a page is one round
 * trip in submission order. It only reads; each request table is written by its own folder.
 */
@Injectable()
export class ApprovalsInboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  waitingFor(viewerId: string, isAdmin: boolean, offset: number, limit: number): Promise<InboxRow[]> {
    return this.dataSource.query(INBOX, [viewerId, isAdmin, offset, limit]);
  }
}
