import { STATUS_COLOURS } from '../theme';

/** A day's status in its report colour; the label is the caller's (translated) word for it. */
export function StatusTag({ status, label }: { status: string; label: string }) {
  const colour = STATUS_COLOURS[status] ?? STATUS_COLOURS.rest;
  return (
    <span className="status-tag" style={{ background: colour.background, color: colour.text }}>
      {label}
    </span>
  );
}
