import type { ReactNode } from 'react';

export type SortOrder = 'ascend' | 'descend';

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
