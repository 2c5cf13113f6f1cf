/**
 * Finance enters amounts in yuan (元) and the service stores fen (分, integers): the conversion is
 * exact on the decimal string, never through floating point (0.1 + 0.2 must stay 30 fen).
 */
export function yuanToFen(yuan: string | number): number | null {
  const text = String(yuan).trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -fen : fen;
}

/** 1234 → "12.34" */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// One formatter per language: building an Intl.NumberFormat costs far more than using one, and the
// report formats thousands of cells.
const formatters = new Map<string, Intl.NumberFormat>();

/** ¥12.34 in the reader's grouping. */
export function formatFen(fen: number, language: string): string {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 });
    formatters.set(language, formatter);
  }
  return formatter.format(fen / 100);
}
