import { assignPunches, buildShiftDay, punchWindows } from '../../../src/domain/attendance/schedule';
import { at, BERLIN, CLOSE_AFTER, DUTY, OFFICE, OPEN_BEFORE, ZONE } from './fixtures';

const iso = (d: Date) => d.toISOString();

describe('buildShiftDay', () => {
  it('H-ATT-3: office sessions 08:30–12:00 and 13:00–17:30 in company time (UTC+8)', () => {
    const day = buildShiftDay('2026-05-06', OFFICE, ZONE);
    expect(day.shiftCode).toBe('office');
    expect(day.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2026-05-06T00:30:00.000Z', '2026-05-06T04:00:00.000Z'],
      ['2026-05-06T05:00:00.000Z', '2026-05-06T09:30:00.000Z'],
    ]);
  });

  it('H-ATT-4: duty 16:00–24:00 ends at midnight at the start of the next day', () => {
    const day = buildShiftDay('2026-12-31', DUTY, ZONE);
    // 16:00 +08:00 = 08:00Z; 24:00 = 2027-01-01 00:00 +08:00 = 16:00Z
    expect(day.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2026-12-31T08:00:00.000Z', '2026-12-31T16:00:00.000Z']]);
  });

  it('H-ATT-3: on the spring DST day in Europe/Berlin (2026-03-29) the office still starts 08:30 local', () => {
    const day = buildShiftDay('2026-03-29', OFFICE, BERLIN);
    // clocks went from +01:00 to +02:00 at 02:00, so 08:30 local = 06:30Z
    expect(day.sessions.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2026-03-29T06:30:00.000Z', '2026-03-29T10:00:00.000Z'],
      ['2026-03-29T11:00:00.000Z', '2026-03-29T15:30:00.000Z'],
    ]);
  });

  it('H-ATT-3: on the autumn DST day in Europe/Berlin (2026-10-25) the office still starts 08:30 local', () => {
    const day = buildShiftDay('2026-10-25', OFFICE, BERLIN);
    // back to +01:00 at 03:00, so 08:30 local = 07:30Z
    expect(iso(day.sessions[0].start)).toBe('2026-10-25T07:30:00.000Z');
    expect(iso(day.sessions[1].end)).toBe('2026-10-25T16:30:00.000Z');
  });

  it('H-ATT-4: a duty ending at the midnight before a DST change lasts eight hours', () => {
    const spring = buildShiftDay('2026-03-28', DUTY, BERLIN).sessions[0];
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-28T15:00:00.000Z', '2026-03-28T23:00:00.000Z']);
    const autumn = buildShiftDay('2026-10-24', DUTY, BERLIN).sessions[0];
    expect([iso(autumn.start), iso(autumn.end)]).toEqual(['2026-10-24T14:00:00.000Z', '2026-10-24T22:00:00.000Z']);
  });

  it('H-ATT-2: a night session whose end is before its start ends next day, in local time across DST', () => {
    const night = { code: 'night', sessions: [{ start: '22:00', end: '06:00' }] };
    const spring = buildShiftDay('2026-03-28', night, BERLIN).sessions[0];
    // 22:00 +01:00 → 06:00 +02:00: seven hours of real time
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z']);
    const autumn = buildShiftDay('2026-10-24', night, BERLIN).sessions[0];
    // 22:00 +02:00 → 06:00 +01:00: nine hours
    expect([iso(autumn.start), iso(autumn.end)]).toEqual(['2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z']);
  });

  it('does not depend on the order the sessions are configured in', () => {
    const reversed = { code: 'office', sessions: [...OFFICE.sessions].reverse() };
    expect(buildShiftDay('2026-05-06', reversed, ZONE)).toEqual(buildShiftDay('2026-05-06', OFFICE, ZONE));
  });

  it('refuses malformed times, dates, zones and overlapping sessions', () => {
    expect(() => buildShiftDay('2026-05-06', { code: 'x', sessions: [{ start: '24:00', end: '08:00' }] }, ZONE)).toThrow(RangeError);
    expect(() => buildShiftDay('2026-05-06', { code: 'x', sessions: [{ start: '8:30', end: '12:00' }] }, ZONE)).toThrow(RangeError);
    expect(() => buildShiftDay('2026-02-30', OFFICE, ZONE)).toThrow(RangeError);
    expect(() => buildShiftDay('2026-05-06', OFFICE, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => buildShiftDay('2026-05-06', { code: 'x', sessions: [] }, ZONE)).toThrow(RangeError);
    const overlapping = { code: 'x', sessions: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] };
    expect(() => buildShiftDay('2026-05-06', overlapping, ZONE)).toThrow(RangeError);
  });
});

describe('punchWindows', () => {
  it('H-ATT-4: a duty day followed by an office day is split at the midpoint 04:15', () => {
    const duty = buildShiftDay('2026-05-06', DUTY, ZONE);
    const office = buildShiftDay('2026-05-07', OFFICE, ZONE);
    const [first, second] = punchWindows([duty, office], OPEN_BEFORE, CLOSE_AFTER);
    // duty: 16:00 − 180 min = 13:00, would close 24:00 + 360 min = 06:00; office would open 08:30 − 180 min = 05:30.
    // They overlap, so both are cut at the middle of 24:00 and 08:30: 04:15.
    expect(first).toEqual({ date: '2026-05-06', open: at('2026-05-06', '13:00'), close: at('2026-05-07', '04:15') });
    expect(second).toEqual({ date: '2026-05-07', open: at('2026-05-07', '04:15'), close: at('2026-05-07', '23:30') });
  });

  it('H-ATT-4: margins and the midpoint are local wall-clock times, also on the DST nights in Europe/Berlin', () => {
    for (const [dutyDate, officeDate] of [['2026-03-28', '2026-03-29'], ['2026-10-24', '2026-10-25']]) {
      const duty = buildShiftDay(dutyDate, DUTY, BERLIN);
      const [alone] = punchWindows([duty], OPEN_BEFORE, CLOSE_AFTER);
      // 24:00 + 360 wall-clock minutes = 06:00 local, although the night is 5 or 7 hours long
      expect(alone.close).toEqual(at(officeDate, '06:00', BERLIN));
      const [first, second] = punchWindows([duty, buildShiftDay(officeDate, OFFICE, BERLIN)], OPEN_BEFORE, CLOSE_AFTER);
      expect(first.close).toEqual(at(officeDate, '04:15', BERLIN));
      expect(second.open).toEqual(at(officeDate, '04:15', BERLIN));
    }
  });

  it('H-ATT-3: windows that do not overlap are left alone', () => {
    const days = ['2026-05-06', '2026-05-07'].map((d) => buildShiftDay(d, OFFICE, ZONE));
    expect(punchWindows(days, OPEN_BEFORE, CLOSE_AFTER)).toEqual([
      { date: '2026-05-06', open: at('2026-05-06', '05:30'), close: at('2026-05-06', '23:30') },
      { date: '2026-05-07', open: at('2026-05-07', '05:30'), close: at('2026-05-07', '23:30') },
    ]);
  });

  it('H-ATT-4: two duty days in a row with wide margins split at 08:00, the middle of 24:00 and 16:00 next day', () => {
    const days = ['2026-05-06', '2026-05-07'].map((d) => buildShiftDay(d, DUTY, ZONE));
    const [first, second] = punchWindows(days, 24 * 60, 24 * 60);
    expect(first.close).toEqual(at('2026-05-07', '08:00'));
    expect(second.open).toEqual(at('2026-05-07', '08:00'));
  });

  it('refuses unsorted days and negative margins', () => {
    const a = buildShiftDay('2026-05-06', OFFICE, ZONE);
    const b = buildShiftDay('2026-05-07', OFFICE, ZONE);
    expect(() => punchWindows([b, a], OPEN_BEFORE, CLOSE_AFTER)).toThrow(RangeError);
    expect(() => punchWindows([a, a], OPEN_BEFORE, CLOSE_AFTER)).toThrow(RangeError);
    expect(() => punchWindows([a], -1, CLOSE_AFTER)).toThrow(RangeError);
  });
});

describe('assignPunches', () => {
  const windows = punchWindows(
    [buildShiftDay('2026-05-06', DUTY, ZONE), buildShiftDay('2026-05-07', OFFICE, ZONE)],
    OPEN_BEFORE,
    CLOSE_AFTER,
  );

  it('H-ATT-4: a duty clock-out at 00:20 belongs to the day before', () => {
    const out = { id: 'out', at: at('2026-05-07', '00:20') };
    const { byDate, unassigned } = assignPunches(windows, [out]);
    expect(byDate.get('2026-05-06')).toEqual([out]);
    expect(byDate.get('2026-05-07')).toEqual([]);
    expect(unassigned).toEqual([]);
  });

  it('H-ATT-4: the midpoint itself opens the later window', () => {
    const before = { id: 'a', at: new Date(at('2026-05-07', '04:15').getTime() - 1) };
    const on = { id: 'b', at: at('2026-05-07', '04:15') };
    const { byDate } = assignPunches(windows, [on, before]);
    expect(byDate.get('2026-05-06')).toEqual([before]);
    expect(byDate.get('2026-05-07')).toEqual([on]);
  });

  it('H-ATT-7: punches outside every window are kept as unassigned, in time order', () => {
    const early = { id: 'early', at: at('2026-05-06', '12:59') };
    const late = { id: 'late', at: at('2026-05-07', '23:30') };
    const inOffice = { id: 'in', at: at('2026-05-07', '08:29') };
    const { byDate, unassigned } = assignPunches(windows, [late, inOffice, early]);
    expect(unassigned).toEqual([early, late]);
    expect(byDate.get('2026-05-07')).toEqual([inOffice]);
    expect([...byDate.keys()]).toEqual(['2026-05-06', '2026-05-07']);
  });
});
