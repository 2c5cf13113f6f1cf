import { StatusTag } from '../../components/StatusTag';

/**
 * A small state label in the report colours (theme.ts), whose text passes 4.5:1 — antd's own
 * green/red/blue tags do not. good: employed/in use; off: left/retired; bad: cut off; role: a role; warn: needs a look (a drifting clock); wait: not settled yet.
 */
const STATUS_OF_TONE = { good: 'present', off: 'rest', bad: 'absent', role: 'leave', warn: 'late', wait: 'pending' } as const;

export function OfficeTag({ tone, children }: { tone: keyof typeof STATUS_OF_TONE; children: string }) {
  return (
    <span className="office-tag">
      <StatusTag status={STATUS_OF_TONE[tone]} label={children} />
    </span>
  );
}
