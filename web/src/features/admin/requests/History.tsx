import type { Schemas } from '../../../api/client';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { formatDateTime } from '../../../lib/time';
import { StaffName } from '../shared';

/** Every transition of a request: when, who, in which capacity, to which state, with what comment. */
export function History({ events, stateLabel }: { events: Schemas['ApprovalEventDto'][]; stateLabel?: (toStatus: string) => string }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  return (
    <ol className="admin-history">
      {events.map((event, i) => (
        <li key={i}>
          <span className="admin-muted">{formatDateTime(event.at, timeZone, language)}</span> <StaffName id={event.actorId} /> ({t(`role.${event.actingAs}` as MessageKey)}) →{' '}
          {stateLabel ? stateLabel(event.toStatus) : t(`admin.state.${event.toStatus}` as MessageKey)}
          {event.comment ? `：${event.comment}` : ''}
        </li>
      ))}
    </ol>
  );
}
