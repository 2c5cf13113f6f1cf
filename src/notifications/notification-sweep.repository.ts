import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../database/modify-returning';

export interface SweepSettings {
  reminder_hours: number;
  escalation_hours: number;
  digest_hour: number;
  terminal_silent_minutes: number;
  time_zone: string;
}

// A request still waits while the last event of its subject says pending: the same for every flow.
const STILL_PENDING = `(SELECT a.to_status FROM approval_event a WHERE a.subject_kind = w.params->>'subjectKind' AND a.subject_id = (w.params->>'subjectId')::uuid ORDER BY a.id DESC LIMIT 1) = 'pending'`;

/**
 * What the notification sweep finds, each written straight into the outbox as events with a
 * dedupe key (so that looking again writes nothing twice). It reads the tables of other folders
 * (approval events, day results, months, terminals) and writes only the outbox.
 */
@Injectable()
export class NotificationSweepRepository {
  async settings(manager: EntityManager): Promise<SweepSettings> {
    const rows: SweepSettings[] = await manager.query(
      `SELECT ns.reminder_hours, ns.escalation_hours, ns.digest_hour, ns.terminal_silent_minutes, c.time_zone FROM notification_settings ns CROSS JOIN company c`,
    );
    return rows[0];
  }

  /** Requests announced `hours` ago or more and still pending: a reminder to the approver, or (`escalate`) a word to the office. */
  async overdueRequests(manager: EntityManager, now: Date, hours: number, escalate: boolean): Promise<number> {
    const kind = escalate ? 'request_escalated' : 'request_reminder';
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at)
       SELECT $1, $2, w.staff_id,
              w.params || jsonb_build_object('hours', $3::int, 'approverName', (SELECT sup.name FROM staff s JOIN staff sup ON sup.id = s.supervisor_id AND sup.active WHERE s.id = w.staff_id)),
              $1 || ':' || w.id, $4
         FROM notification_event w
        WHERE w.kind = 'request_waiting' AND w.created_at <= $4::timestamptz - make_interval(hours => $3::int) AND ${STILL_PENDING}
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [kind, escalate ? 'office' : 'approver', hours, now],
    );
    return rows.length;
  }

  /** One digest per person with a problem on `date` (late, absent, a missing punch), still employed. */
  async dailyProblems(manager: EntityManager, now: Date, date: string): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at)
       SELECT 'daily_problems', 'person', d.staff_id,
              jsonb_build_object('date', $1::text, 'lateMinutes', d.late_minutes, 'missingPunches', d.missing_in::int + d.missing_out::int, 'absent', d.absence_days > 0),
              'daily_problems:' || $1 || ':' || d.staff_id, $2
         FROM attendance_day d JOIN staff s ON s.id = d.staff_id AND s.active
        WHERE d.date = $1::date AND (d.status IN ('late', 'absent') OR d.missing_in OR d.missing_out OR d.absence_days > 0)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [date, now],
    );
    return rows.length;
  }

  /** The month is over, open, and has no pending or queued day: finance may close it (once). */
  async monthReady(manager: EntityManager, now: Date, month: { month: string; from: string; to: string }): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at)
       SELECT 'month_ready', 'finance', NULL, jsonb_build_object('month', $1::text), 'month_ready:' || $1, $4
        WHERE NOT EXISTS (SELECT 1 FROM accounting_month WHERE month = $1 AND state = 'closed')
          AND NOT EXISTS (SELECT 1 FROM attendance_day WHERE date BETWEEN $2::date AND $3::date AND status = 'pending')
          AND NOT EXISTS (SELECT 1 FROM attendance_stale WHERE from_date <= $3::date AND to_date >= $2::date)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [month.month, month.from, month.to, now],
    );
    return rows.length;
  }

  /** Active terminals silent for `minutes`: once per silence (the key holds the last contact). */
  async silentTerminals(manager: EntityManager, now: Date, minutes: number): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at)
       SELECT 'terminal_silent', 'office', NULL,
              jsonb_build_object('deviceId', d.id, 'deviceName', d.name, 'serialNumber', d.serial_number, 'minutes', $2::int,
                                 'lastSeenAt', d.last_seen_at, 'lastSeenLocal', to_char(d.last_seen_at AT TIME ZONE c.time_zone, 'YYYY-MM-DD HH24:MI')),
              'terminal_silent:' || d.id || ':' || extract(epoch FROM d.last_seen_at)::bigint, $1
         FROM device d CROSS JOIN company c
        WHERE d.active AND d.last_seen_at IS NOT NULL AND d.last_seen_at < $1::timestamptz - make_interval(mins => $2::int)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [now, minutes],
    );
    return rows.length;
  }

  /** Terminals whose lines were refused in the last hour: one word per terminal and hour. */
  async rejectedLines(manager: EntityManager, now: Date): Promise<number> {
    const rows = await modifyReturning<{ id: string }>(
      manager,
      `INSERT INTO notification_event (kind, audience, staff_id, params, dedupe_key, created_at)
       SELECT 'terminal_rejected_lines', 'office', NULL,
              jsonb_build_object('deviceId', d.id, 'deviceName', d.name, 'serialNumber', d.serial_number, 'lines', r.lines, 'reason', r.reason),
              'terminal_rejected_lines:' || d.id || ':' || to_char(date_trunc('hour', r.latest), 'YYYY-MM-DD"T"HH24'), $1
         FROM (SELECT device_id, count(*)::int AS lines, max(last_received_at) AS latest, (array_agg(reason ORDER BY last_received_at DESC))[1] AS reason
                 FROM device_rejected_line WHERE last_received_at > $1::timestamptz - interval '1 hour' AND last_received_at <= $1 GROUP BY device_id) r
         JOIN device d ON d.id = r.device_id
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [now],
    );
    return rows.length;
  }
}
