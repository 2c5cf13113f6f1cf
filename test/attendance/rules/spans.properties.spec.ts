import fc from 'fast-check';
import { clipSpans, type Span, spansLength, subtractSpans } from '../../../src/domain/time/spans';

const span = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).map(([a, b]): Span => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const covered = (at: number, spans: readonly Span[]) => spans.some((s) => s.start <= at && at < s.end);

/**
 * The interval arithmetic under exemptions (H-ATT-8) and overtime's time outside the shift
 * (劳动法第41条): checked point by point, since every rule built on it measures what is left.
 */
describe('Spans of instants (H-ATT-8, issue 22)', () => {
  it('subtracting keeps exactly the instants of the span that no cut covers, in order and disjoint', () => {
    fc.assert(
      fc.property(span, fc.array(span, { maxLength: 6 }), (whole, cuts) => {
        const pieces = subtractSpans(whole, cuts);
        for (let at = whole.start - 1; at <= whole.end; at++) {
          expect(covered(at, pieces)).toBe(at >= whole.start && at < whole.end && !covered(at, cuts));
        }
        pieces.slice(1).forEach((piece, i) => expect(piece.start).toBeGreaterThanOrEqual(pieces[i].end));
        expect(spansLength(pieces)).toBeLessThanOrEqual(spansLength([whole]));
      }),
    );
  });

  it('clipping keeps what lies inside the bound, nothing empty', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), span, (spans, bound) => {
        const clipped = clipSpans(spans, bound);
        for (const piece of clipped) {
          expect(piece.end).toBeGreaterThan(piece.start);
          expect(piece.start).toBeGreaterThanOrEqual(bound.start);
          expect(piece.end).toBeLessThanOrEqual(bound.end);
        }
        expect(spansLength(clipped)).toBe(spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, bound.end) - Math.max(s.start, bound.start)), 0));
      }),
    );
  });
});
