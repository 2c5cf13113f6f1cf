import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, datesBetween, resolveCalendarDay } from '../../../src/domain/calendar/calendar-day';
import { localDate } from '../../../src/domain/time/company-time';
import { fastZone } from '../../../src/domain/time/fast-zone';
import { clockText, fromWallClockMs, localReading, toWallClockMs } from '../../../src/domain/time/wall-clock';

/**
 * Issue 20: the rules read local times with epoch arithmetic instead of building luxon DateTimes.
 * These properties hold it to luxon's answers, to the millisecond, in zones with daylight saving
 * (both hemispheres, a half-hour shift, a 30-minute DST, a zone that skipped a whole day), around
 * their transitions and anywhere in 1970–2060.
 */
const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'Pacific/Apia', 'UTC'];
const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) });
// Transitions happen at night: instants near local 00:00–04:00 of March, April, October and November.
const nearTransition = fc
  .tuple(fc.integer({ min: 1990, max: 2040 }), fc.constantFrom(2, 3, 9, 10), fc.integer({ min: 0, max: 30 }), fc.integer({ min: -3 * 3600, max: 5 * 3600 }))
  .map(([year, month, day, seconds]) => Date.UTC(year, month, day + 1) + seconds * 1000);
const anyInstant = fc.oneof(instant, nearTransition);

describe('Issue 20: wall-clock arithmetic answers what luxon answers', () => {
  it('an instant reads as the same local date, hour, minute and second', () => {
    fc.assert(
      fc.property(anyInstant, zone, (ms, name) => {
        const local = DateTime.fromMillis(ms, { zone: fastZone(name) });
        const reading = localReading(ms, name);
        expect(reading).toEqual({ date: local.toISODate(), hour: local.hour, minute: local.minute, second: local.second });
        expect(clockText(reading)).toBe(local.toFormat(local.second === 0 ? 'HH:mm' : 'HH:mm:ss'));
        expect(localDate(new Date(ms), name)).toBe(local.toISODate());
      }),
      { numRuns: 3000 },
    );
  });

  it('H-ATT-4: to and from the zone-less wall-clock line as luxon keepLocalTime does (the window split between duty and office), gaps and overlaps included', () => {
    fc.assert(
      fc.property(anyInstant, zone, fc.integer({ min: -600, max: 600 }), (ms, name, minutes) => {
        const wall = DateTime.fromMillis(ms, { zone: fastZone(name) }).setZone('UTC', { keepLocalTime: true }).toMillis();
        expect(toWallClockMs(ms, name)).toBe(wall);
        // Any wall-clock time, also those in a spring-forward gap or a fall-back overlap.
        const shifted = wall + minutes * 60_000;
        const back = DateTime.fromMillis(shifted, { zone: 'UTC' }).setZone(fastZone(name), { keepLocalTime: true }).toMillis();
        expect(fromWallClockMs(shifted, name)).toBe(back);
      }),
      { numRuns: 3000 },
    );
  });

  it('calendar arithmetic on dates: adding days, runs of dates and weekdays', () => {
    const date = fc.integer({ min: 0, max: 60_000 }).map((day) => DateTime.fromMillis(day * 86_400_000, { zone: 'UTC' }).toISODate() as string);
    fc.assert(
      fc.property(date, fc.integer({ min: -800, max: 800 }), fc.integer({ min: 0, max: 70 }), (from, days, length) => {
        expect(addDays(from, days)).toBe(DateTime.fromISO(from, { zone: 'UTC' }).plus({ days }).toISODate());
        const to = DateTime.fromISO(from, { zone: 'UTC' }).plus({ days: length }).toISODate() as string;
        const expected: string[] = [];
        for (let d = DateTime.fromISO(from, { zone: 'UTC' }); (d.toISODate() as string) <= to; d = d.plus({ days: 1 })) expected.push(d.toISODate() as string);
        expect(datesBetween(from, to)).toEqual(expected);
        const weekday = DateTime.fromISO(from, { zone: 'UTC' }).weekday;
        // A work week of luxon's weekday alone makes the date a workday, every other weekday a rest day
        // (unless China's statutory calendar names the date, which the source says).
        const day = resolveCalendarDay(from, undefined, [weekday]);
        if (day.source === 'work_week') expect(day.kind).toBe('workday');
        const other = resolveCalendarDay(from, undefined, [1, 2, 3, 4, 5, 6, 7].filter((w) => w !== weekday));
        if (other.source === 'work_week') expect(other.kind).toBe('rest');
      }),
      { numRuns: 500 },
    );
  });

  it('dates that do not exist are left to luxon, as before', () => {
    expect(addDays('2026-02-30', 1)).toBe(DateTime.fromISO('2026-02-30', { zone: 'UTC' }).plus({ days: 1 }).toISODate());
    expect(datesBetween('2026-02-29', '2026-03-02')).toEqual([]);
  });
});
