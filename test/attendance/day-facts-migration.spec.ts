import { DayFacts1800000400001 } from '../../migrations/1800000400001-DayFacts';
import { DayDigest1800001100000 } from '../../migrations/1800001100000-DayDigest';
import { DayFactsJson1800001200000 } from '../../migrations/1800001200000-DayFactsJson';
import { FixedClock } from '../support/fixed-clock';
import { CreatedStaff, loginAdmin, newStaff, SignedIn } from '../support/actors';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The migration from English sentences to facts (issue 21), run down and up again on a database
 * holding day results: stored text of an open month is queued and recomputed into facts; a closed
 * month, which is never recomputed, keeps its sentences as `recorded_sentence` facts.
 */
describe('Migration DayFacts: stored explanations become facts', () => {
  const clock = new FixedClock(new Date('2026-11-27T10:00:00+08:00'));
  let t: TestApp;
  let admin: SignedIn;
  let finance: CreatedStaff;
  let e: CreatedStaff;
  // The later migrations that change attendance_day go down before it and up after it, as
  // TypeORM would revert and reapply them: days stored before DayDigest have no digest, and
  // DayFactsJson turns the facts DayFacts adds as jsonb into json.
  const migrations = [new DayFacts1800000400001(), new DayDigest1800001100000(), new DayFactsJson1800001200000()];
  const run = async (step: 'up' | 'down') => {
    const runner = t.dataSource.createQueryRunner();
    try {
      for (const migration of step === 'up' ? migrations : [...migrations].reverse()) await migration[step](runner);
    } finally {
      await runner.release();
    }
  };
  const days = async (month: string, language: string) =>
    (await t.http().get(`/attendance?staffId=${e.id}&month=${month}`).set(admin.auth).set('Accept-Language', language).expect(200)).body.days as {
      date: string; facts: { kind: string }[]; explanation: string[];
    }[];

  beforeAll(async () => {
    t = await startTestApp({ clock });
    admin = await loginAdmin(t);
    finance = await newStaff(t, admin, { roles: ['finance'] });
    e = await newStaff(t, admin, { employeeNo: 'M001', hiredOn: '2026-10-01' });
    const punches = [['2026-10-08T08:25:00+08:00'], ['2026-11-23T08:25:00+08:00']].map(([at]) => ({ employeeNo: 'M001', at }));
    await t.http().post('/punches/batch').set(admin.auth).send({ punches }).expect(200);
    await days('2026-10', 'en');
    await days('2026-11', 'en');
    await t.http().post('/months/2026-10/close').set(finance.auth).expect(200);
  });
  afterAll(() => t.close());

  it('H-ATT-6: open months are recomputed into facts; closed months keep their sentences, shown with a note in Chinese', async () => {
    await run('down');
    const sentences = ['H-ATT-3: office shift 08:30–12:00, 13:00–17:30', 'H-ATT-6: no clock-out record — treated as early leave, counted as absence for the day', 'H-ATT-1: unexcused absence, 1 day'];
    await t.sql(`UPDATE attendance_day SET explanation = $2::jsonb WHERE staff_id = $1 AND date IN ('2026-10-08', '2026-11-23')`, [e.id, JSON.stringify(sentences)]);
    await t.sql('DELETE FROM attendance_stale');
    await run('up');

    const queued = await t.sql<{ from_date: string; to_date: string }>(`SELECT from_date::text, to_date::text FROM attendance_stale WHERE staff_id = $1`, [e.id]);
    expect(queued).toEqual([{ from_date: '2026-11-01', to_date: '2026-11-27' }]);
    const closed = await t.sql<{ facts: unknown }>(`SELECT facts FROM attendance_day WHERE staff_id = $1 AND date = '2026-10-08'`, [e.id]);
    expect(closed[0].facts).toEqual([
      { kind: 'recorded_sentence', clause: 'H-ATT-3', text: 'office shift 08:30–12:00, 13:00–17:30' },
      { kind: 'recorded_sentence', clause: 'H-ATT-6', text: 'no clock-out record — treated as early leave, counted as absence for the day' },
      { kind: 'recorded_sentence', clause: 'H-ATT-1', text: 'unexcused absence, 1 day' },
    ]);

    const october = (await days('2026-10', 'zh-CN')).find((d) => d.date === '2026-10-08')!;
    expect(october.explanation[1]).toBe('H-ATT-6：no clock-out record — treated as early leave, counted as absence for the day（英文原记录：该日在启用中文说明前已结账）');
    expect((await days('2026-10', 'en')).find((d) => d.date === '2026-10-08')!.explanation).toEqual(sentences);

    const november = (await days('2026-11', 'zh-CN')).find((d) => d.date === '2026-11-23')!;
    expect(november.facts.map((f) => f.kind)).toEqual(['shift', 'arrived_on_time', 'no_clock_out_early_leave', 'verdict_absent']);
    expect(november.explanation).toContain('H-ATT-6：无下班打卡记录，按早退处理，当日计旷工');
    expect(await t.sql(`SELECT 1 FROM attendance_day WHERE date >= '2026-11-01' AND facts::jsonb @> '[{"kind": "recorded_sentence"}]'`)).toEqual([]);
  });
});
