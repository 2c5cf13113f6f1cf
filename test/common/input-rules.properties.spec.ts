import fc from 'fast-check';
import { BodyLimits, jsonShapeProblem } from '../../src/common/body-limits';
import { readDateTime } from '../../src/common/date-time';
import { textProblem } from '../../src/common/text';
import { csvCell, formulaLike } from '../../src/reports/csv-cell';

/**
 * The pure rules behind issue 13's "Correct data" and "Exports": the date-time reader's offsets,
 * the text classifier and the CSV cell neutraliser, for any input fast-check can think of.
 */
const two = (n: number) => String(n).padStart(2, '0');

describe('Date-times: offsets (issue 13)', () => {
  const wall = fc.record({
    year: fc.integer({ min: 1971, max: 2098 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  });
  const offset = fc.record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 99 }), minutes: fc.integer({ min: 0, max: 99 }) });

  it('an offset is read iff its minutes are 00–59 and it is within ±14:00; then the instant is the wall time minus the offset', () => {
    fc.assert(
      fc.property(wall, offset, fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC'), (w, o, zone) => {
        const text = `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${o.sign}${two(o.hours)}:${two(o.minutes)}`;
        const reading = readDateTime(text, zone);
        const offsetMinutes = o.hours * 60 + o.minutes;
        const valid = o.minutes <= 59 && offsetMinutes <= 14 * 60;
        expect(reading.ok).toBe(valid);
        if (reading.ok) {
          const expected = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (o.sign === '+' ? 1 : -1) * offsetMinutes * 60_000;
          expect(reading.instant.getTime()).toBe(expected);
        } else {
          expect(reading.problem).toMatch(/^offset [+-]\d\d:\d\d/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('offsets in any other spelling (+0800, +08, +8:00, +08:00:00) are refused whatever the zone', () => {
    fc.assert(
      fc.property(fc.constantFrom('+0800', '+08', '+8:00', '+08:00:00', ' +08:00', '+08:0', 'GMT+8', '+08：00'), (suffix) => {
        expect(readDateTime(`2026-11-03T08:29:00${suffix}`, 'Asia/Shanghai').ok).toBe(false);
      }),
    );
  });
});

describe('Text classifier (issue 13)', () => {
  const visible = fc.constantFrom('A', 'z', '王', '芳', '7', '.', '€', 'é', 'ß', 'Ж', 'م', '😀', '＝');
  const blank = fc.constantFrom(' ', '\u00A0', '\u3000', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u3164', '\u2800', '\u00AD');
  const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
  const bidi = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
  const text = fc.array(fc.oneof(visible, blank), { minLength: 0, maxLength: 12 }).map((parts) => parts.join(''));
  const insert = (base: string, at: number, char: string) => base.slice(0, at % (base.length + 1)) + char + base.slice(at % (base.length + 1));

  it('text of visible characters and blanks is accepted iff it holds a visible character, in both modes', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (input, multiLine) => {
        const hasVisible = [...input].some((char) => /[A-Za-z0-9.€éßЖم王芳😀＝]/u.test(char));
        expect(textProblem(input, multiLine)).toEqual(hasVisible ? null : { kind: 'invisible' });
      }),
    );
  });

  it('a bidi override or isolate anywhere is refused, in both modes', () => {
    fc.assert(
      fc.property(text, fc.nat(), bidi, fc.boolean(), (input, at, char, multiLine) => {
        expect(textProblem(insert(`x${input}`, at, char), multiLine)?.kind).toBe('bidi');
      }),
    );
  });

  it('single-line text refuses every control character (tab and newline included); multi-line text all but \\n and \\r\\n', () => {
    fc.assert(
      fc.property(text, fc.nat(), control, (input, at, char) => {
        const withControl = insert(`x${input}`, at, char);
        expect(textProblem(withControl, false)?.kind).toBe('control');
        expect(textProblem(withControl, true)?.kind).toBe(char === '\n' ? undefined : 'control');
      }),
    );
  });

  it('multi-line text: visible lines joined by \\n or \\r\\n are accepted, and refused as single-line', () => {
    fc.assert(
      fc.property(fc.array(text.map((line) => `x${line}`), { minLength: 2, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), (lines, newline) => {
        const joined = lines.join(newline);
        expect(textProblem(joined, true)).toBeNull();
        expect(textProblem(joined, false)?.kind).toBe('control');
      }),
    );
  });
});

describe('CSV cells (issue 13, "Exports")', () => {
  /** The field a spreadsheet reads from one csvCell output (RFC 4180 unquoting). */
  const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
  const trigger = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '−');
  const lead = fc.constantFrom('', ' ', '  ', '\u3000', '\u200B', '\n', ' \u00A0');
  const anyText = fc.string({ unit: 'grapheme', maxLength: 20 });

  it('a cell starting with a trigger, even after blanks, reads back as an apostrophe and the whole text', () => {
    fc.assert(
      fc.property(lead, trigger, anyText, (blanks, start, rest) => {
        // TAB and CR start a formula in the first position; after blanks they are blanks themselves.
        fc.pre(blanks === '' || !/\s/.test(start));
        const value = `${blanks}${start}${rest}`;
        expect(unquote(csvCell(value))).toBe(`'${value}`);
      }),
    );
  });

  it('any text reads back as itself or as an apostrophe and itself, and never starts a formula', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.tuple(lead, trigger, anyText).map((parts) => parts.join(''))), (value) => {
        const read = unquote(csvCell(value));
        expect([value, `'${value}`]).toContain(read);
        expect(formulaLike(read)).toBe(false);
        // The one field: quotes, commas and line breaks only ever inside quotes.
        if (/[",\r\n]/.test(value)) expect(csvCell(value).startsWith('"')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('text that starts no formula is written unchanged; numbers are numbers', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9王芳 ]{0,20}$/), fc.integer(), (value, number) => {
        expect(csvCell(value)).toBe(value);
        expect(csvCell(number)).toBe(String(number));
      }),
    );
  });
});

describe('JSON body limits read from the bytes (issue 13, "Availability")', () => {
  /** The reference: the same limits on the parsed value, the first one passed in the same order of concern. */
  function measure(value: unknown, depth = 1): { depth: number; maxKeys: number; entries: number } {
    if (value === null || typeof value !== 'object') return { depth: 0, maxKeys: 0, entries: 0 };
    const children = Object.values(value).map((child) => measure(child, depth + 1));
    const own = Object.keys(value).length;
    return {
      depth: Math.max(depth, ...children.map((child) => child.depth)),
      maxKeys: Math.max(Array.isArray(value) ? 0 : own, ...children.map((child) => child.maxKeys)),
      entries: own + children.reduce((sum, child) => sum + child.entries, 0),
    };
  }
  const limits = fc.record({ depth: fc.integer({ min: 1, max: 4 }), keysPerObject: fc.integer({ min: 0, max: 4 }), entries: fc.integer({ min: 0, max: 12 }) });

  it('a JSON text is refused iff its parsed value passes a limit, whatever its strings hold (quotes, brackets, escapes, any script)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), limits, fc.constantFrom(0, 2), (value, bodyLimits: BodyLimits, indent) => {
        const text = JSON.stringify(value, null, indent);
        const shape = measure(value);
        const within = shape.depth <= bodyLimits.depth && shape.maxKeys <= bodyLimits.keysPerObject && shape.entries <= bodyLimits.entries;
        expect(jsonShapeProblem(Buffer.from(text, 'utf8'), bodyLimits) === null).toBe(within);
      }),
      { numRuns: 3000 },
    );
  });
});
