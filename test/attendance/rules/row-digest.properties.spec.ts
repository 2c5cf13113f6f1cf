import fc from 'fast-check';
import { rowDigest } from '../../../src/domain/attendance/row-digest';

/**
 * The digest a stored day keeps (issue 20): a recompute sends a day only when its digest changed,
 * so a day that changes in any one character must get another digest.
 */
describe('rowDigest (issue 20: unchanged days are not sent again)', () => {
  it('is 16 hex digits, the same for the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 800 }), (text) => {
        expect(rowDigest(text)).toMatch(/^[0-9a-f]{16}$/);
        expect(rowDigest(text)).toBe(rowDigest(`${text}`));
      }),
    );
  });

  it('changes when any one character of a day changes, is added or is removed', () => {
    const day = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 800 });
    fc.assert(
      fc.property(day, fc.nat(), fc.integer({ min: 1, max: 0xffff }), (text, at, delta) => {
        const i = at % text.length;
        const changed = text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) + text.slice(i + 1);
        expect(rowDigest(changed)).not.toBe(rowDigest(text));
        expect(rowDigest(text + text[i])).not.toBe(rowDigest(text));
        expect(rowDigest(text.slice(0, i) + text.slice(i + 1))).not.toBe(rowDigest(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart the stored text of two days that differ in one field', () => {
    // The columns of a day as the rules join them, late_minutes 0 and 1.
    const day = (late: number) => `00000000-0000-4000-8000-000000000001,2026-11-23,present,workday,false,office,NULL,1763857500000,NULL,${late},0,480\u0000[]`;
    expect(rowDigest(day(0))).not.toBe(rowDigest(day(1)));
  });
});
