/**
 * One CSV cell, safe to open in a spreadsheet (CSV injection, OWASP). A cell a spreadsheet could
 * read as a formula gets a leading apostrophe, which spreadsheets show as text and hide. Pure.
 *
 * What starts a formula: = + - @ (OWASP's list), and TAB (0x09) and CR (0x0D), after which some
 * spreadsheets read the rest as a formula. Their full-width (＝ ＋ － ＠) and small (﹦ ﹢ ﹣ ﹫)
 * forms and the minus sign (−) too, which spreadsheets with East Asian input normalise to ASCII
 * before parsing. A trigger after leading spaces or invisible characters counts as well: some
 * spreadsheets trim them before reading the cell. A number cell is never a formula: -3 stays -3.
 */
const TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/;
// Spaces and what shows as nothing, skipped before looking for a trigger (LF too: a quoted cell may start with one).
const LEADING_BLANKS = /^[\s\p{Default_Ignorable_Code_Point}]+/u;

export function formulaLike(text: string): boolean {
  return TRIGGER.test(text) || TRIGGER.test(text.replace(LEADING_BLANKS, ''));
}

/** A CSV field (RFC 4180: quoted when it holds a quote, comma or line break) that no spreadsheet runs. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // A plain decimal (money written as yuan, -12.50) is a number to a spreadsheet, not a formula.
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  const text = formulaLike(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
