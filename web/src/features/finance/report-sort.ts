import type { Language } from '../../i18n/language-store';
import type { Measure } from './report-columns';
import type { ReportRow } from './report-data';
import type { SortOrder } from './SortButton';

/** The report's order: one column, one direction (employee no. ascending until finance clicks a header). */
export interface ReportSort {
  key: string;
  order: SortOrder;
}

export const DEFAULT_SORT: ReportSort = { key: 'employeeNo', order: 'ascend' };

/** A header clicked once sorts by its column ascending; clicked again, the other way round. */
export function nextSort(current: ReportSort, key: string): ReportSort {
  return current.key === key ? { key, order: current.order === 'ascend' ? 'descend' : 'ascend' } : { key, order: 'ascend' };
}

// One collator per language: localeCompare with a locale builds one per call, 130,000 calls to sort 10,000 names.
const collators = new Map<string, Intl.Collator>();
function collator(language: Language | undefined): Intl.Collator {
  const key = language ?? '';
  let found = collators.get(key);
  if (!found) collators.set(key, (found = new Intl.Collator(language)));
  return found;
}

/** How rows compare by a column: the employee number, the name (in the reader's language), or a count or amount. */
export function compareBy(key: string, measures: readonly Measure[], language: Language): ((a: ReportRow, b: ReportRow) => number) | undefined {
  if (key === 'employeeNo') {
    const { compare } = collator(undefined);
    return (a, b) => compare(a.employeeNo, b.employeeNo);
  }
  if (key === 'name') {
    const { compare } = collator(language);
    return (a, b) => compare(a.name, b.name);
  }
  const measure = measures.find((m) => m.key === key);
  return measure && ((a, b) => measure.value(a) - measure.value(b));
}

/** `rows` in the order asked for (a new array; ties keep the order they came in). */
export function sortRows<Row>(rows: readonly Row[], compare: ((a: Row, b: Row) => number) | undefined, order: SortOrder): Row[] {
  if (!compare) return [...rows];
  const sign = order === 'ascend' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}
