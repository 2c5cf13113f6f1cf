/**
 * Half-open intervals of instants as epoch milliseconds (`[start, end)`): what the day's rules
 * cut and measure — work less exemptions (H-ATT-8), an overtime window less the shift's sessions.
 */
export interface Span {
  start: number;
  end: number;
}

/** `span` without every cut: the pieces left, in order. */
export function subtractSpans(span: Span, cuts: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const cut of cuts) {
    pieces = pieces.flatMap((piece) => {
      if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
      const rest: Span[] = [];
      if (cut.start > piece.start) rest.push({ start: piece.start, end: cut.start });
      if (cut.end < piece.end) rest.push({ start: cut.end, end: piece.end });
      return rest;
    });
  }
  return pieces;
}

/** Total length in milliseconds (empty or inverted spans count nothing). */
export const spansLength = (spans: readonly Span[]): number => spans.reduce((sum, s) => sum + Math.max(0, s.end - s.start), 0);

/** Each span clipped to `to`; what falls outside it is dropped. */
export const clipSpans = (spans: readonly Span[], to: Span): Span[] =>
  spans.map((s) => ({ start: Math.max(s.start, to.start), end: Math.min(s.end, to.end) })).filter((s) => s.end > s.start);
