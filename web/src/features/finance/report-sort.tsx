import type { ReactNode } from 'react';

export type SortOrder = 'ascend' | 'descend';

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

/** `rows` in the order asked for (a new array; ties keep the order they came in). */
export function sortRows<Row>(rows: readonly Row[], compare: ((a: Row, b: Row) => number) | undefined, order: SortOrder): Row[] {
  if (!compare) return [...rows];
  const sign = order === 'ascend' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare(a, b));
}

/**
 * A sortable header as one button: antd's sorter draws about ten elements per header (two icons
 * and their wrappers) and a tooltip, which the report's first layout paid for on every one of its
 * columns. The direction is an arrow drawn by CSS (finance.css) and, for screen readers, the
 * header's aria-sort (see `sortHeaderCell`).
 */
export function SortButton({ label, hint, order, onSort }: { label: ReactNode; hint?: string; order: SortOrder | null; onSort: () => void }) {
  return (
    <button type="button" className="fin-sort" title={hint} data-order={order ?? undefined} onClick={onSort}>
      {label}
    </button>
  );
}

/** The header cell's attributes: aria-sort on the sorted column only (ARIA allows it on one header at a time). */
export function sortHeaderCell(order: SortOrder | null): React.ThHTMLAttributes<HTMLTableCellElement> {
  return order ? { 'aria-sort': order === 'ascend' ? 'ascending' : 'descending' } : {};
}
