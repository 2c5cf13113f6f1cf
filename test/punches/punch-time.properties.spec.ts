import fc from 'fast-check';
import { parsePunchTime, parseWithLuxon } from '../../src/punches/punch-lines';

/**
 * parsePunchTime reads the common shapes through a quarter-hour memo (issue 3: batches of 10,000
 * lines). Whatever the text, it must answer exactly what luxon answers for the whole text: the
 * same instant, or the same refusal (impossible dates, 24:61, DST gaps, years out of range).
 */
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
const two = (n: number) => String(n).padStart(2, '0');

const text = fc
  .record({
    year: fc.oneof(fc.constantFrom(1969, 1970, 2026, 2099, 2100), fc.integer({ min: 1965, max: 2105 })),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    // DST nights: 02:00 and 01:00 are the hours that are skipped or repeated.
    hour: fc.oneof(fc.constantFrom(0, 1, 2, 3, 23, 24), fc.integer({ min: 0, max: 25 })),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.constantFrom('', '.5', '.999', '.123456789', '.1234567890'),
    separator: fc.constantFrom('T', ' '),
    offset: fc.constantFrom('', 'Z', '+08:00', '-05:00', '+05:45', '+14:00', '-00:44', '+0800', 'z', '+99:00'),
  })
  .map((p) => `${p.year}-${two(p.month)}-${two(p.day)}${p.separator}${two(p.hour)}:${two(p.minute)}:${two(p.second)}${p.fraction}${p.offset}`);

// The days around the DST changes of 2026 in the zones above, where the memo has to give way to luxon.
const dstNight = fc
  .record({
    date: fc.constantFrom('2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'),
    hour: fc.integer({ min: 0, max: 4 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  })
  .map((p) => `${p.date} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`);

describe('Punch times: the quick reader agrees with luxon (H-ATT-7, issue 3)', () => {
  it('any generated date-time text, in any zone: the same instant or the same refusal', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...ZONES), (input, zone) => {
        expect(parsePunchTime(input, zone)?.getTime() ?? null).toBe(parseWithLuxon(input, zone)?.getTime() ?? null);
      }),
      { numRuns: 5000 },
    );
  });

  it('local times on DST nights (skipped and repeated hours) read the same, also when read twice', () => {
    fc.assert(
      fc.property(dstNight, fc.constantFrom(...ZONES), (input, zone) => {
        const expected = parseWithLuxon(input, zone)?.getTime() ?? null;
        expect(parsePunchTime(input, zone)?.getTime() ?? null).toBe(expected);
        expect(parsePunchTime(input, zone)?.getTime() ?? null).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('examples: the instant of an offset form, a local form in the company zone, and refusals', () => {
    expect(parsePunchTime('2026-11-03T08:29:12.900+08:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-11-03T00:29:12.000Z');
    expect(parsePunchTime('2026-11-03 08:29:12', 'Asia/Shanghai')?.toISOString()).toBe('2026-11-03T00:29:12.000Z');
    expect(parsePunchTime('2026-02-30T08:00:00+08:00', 'Asia/Shanghai')).toBeNull();
    expect(parsePunchTime('2026-11-03T24:61:00+08:00', 'Asia/Shanghai')).toBeNull();
    expect(parsePunchTime('2026-03-08 02:30:00', 'America/New_York')).toBeNull(); // skipped by DST
    expect(parsePunchTime('1969-12-31T23:59:59Z', 'UTC')).toBeNull();
  });
});
