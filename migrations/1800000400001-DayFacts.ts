import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Day results keep their explanation as structured facts (clause, kind, parameters), rendered in
 * the reader's language when read (issue 21), instead of English sentences.
 *
 * Stored English cannot be turned back into facts reliably, so:
 * - days of open months are queued as stale (attendance_stale): every read recomputes queued days
 *   first, so nobody ever sees them without facts, and the queue job rebuilds the rest;
 * - days of closed months are never recomputed (they are what finance closed), so each of their
 *   sentences is kept as a `recorded_sentence` fact holding the original text, shown as it was
 *   written, with a note in Chinese that it was recorded before explanations were translated.
 */
export class DayFacts1800000400001 implements MigrationInterface {
  name = 'DayFacts1800000400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day ADD COLUMN facts jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(facts) = 'array')`);
    await q.query(`
      UPDATE attendance_day d
         SET facts = coalesce((
           SELECT jsonb_agg(jsonb_build_object(
                    'kind', 'recorded_sentence',
                    'clause', CASE WHEN s.sentence ~ '^H-[A-Z]+-[0-9]+: ' THEN split_part(s.sentence, ': ', 1) ELSE 'H-ATT-1' END,
                    'text', CASE WHEN s.sentence ~ '^H-[A-Z]+-[0-9]+: ' THEN substr(s.sentence, strpos(s.sentence, ': ') + 2) ELSE s.sentence END)
                  ORDER BY s.n)
             FROM jsonb_array_elements_text(d.explanation) WITH ORDINALITY AS s(sentence, n)), '[]'::jsonb)`);
    await q.query(`
      INSERT INTO attendance_stale (staff_id, from_date, to_date)
      SELECT d.staff_id, min(d.date), max(d.date)
        FROM attendance_day d LEFT JOIN accounting_month m ON m.month = to_char(d.date, 'YYYY-MM')
       WHERE m.state IS DISTINCT FROM 'closed'
       GROUP BY d.staff_id`);
    await q.query(`ALTER TABLE attendance_day DROP COLUMN explanation`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attendance_day ADD COLUMN explanation jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`
      UPDATE attendance_day d SET explanation = coalesce((
        SELECT jsonb_agg(f.fact->>'clause' || ': ' || coalesce(f.fact->>'text', f.fact->>'kind') ORDER BY f.n)
          FROM jsonb_array_elements(d.facts) WITH ORDINALITY AS f(fact, n)), '[]'::jsonb)`);
    await q.query(`ALTER TABLE attendance_day DROP COLUMN facts`);
  }
}
