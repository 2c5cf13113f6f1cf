import { type FormInstance, Grid, Timeline, Typography } from 'antd';
import { ApiError, type Schemas } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { applyFieldErrors } from '../../lib/errors';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { useCompany } from '../../lib/company';
import { formatDateTime } from '../../lib/time';

/** Phone layout below antd's md breakpoint (768 px), as the shell decides. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return !screens.md;
}

/** Drawers take the whole phone screen, a comfortable column on a desktop. */
export const useDrawerSize = (): number | string => (usePhone() ? '100%' : 480);

/** Request states in the report's colours (theme STATUS_COLOURS), whose pairs pass 4.5:1 — antd's preset tags do not. */
const REQUEST_COLOURS: Record<string, string> = {
  pending: 'pending',
  approved: 'present',
  filed: 'leave',
  rejected: 'absent',
  cancelled: 'rest',
  revoked: 'absent',
};

/** The state of a leave request or business trip, one word in a coloured tag. */
export function RequestStatus({ status }: { status: string }) {
  const t = useT();
  return <StatusTag status={REQUEST_COLOURS[status] ?? 'rest'} label={t(`request.status.${status}` as MessageKey)} />;
}

/** The "empty list" sentence, readable (antd's own grey is too light for 4.5:1). */
export const EmptyText = ({ children }: { children: string }) => <span className="employee-empty">{children}</span>;

/**
 * Every transition of a request: when, who acted (in which capacity — the service gives ids, and an
 * employee may not look up their supervisor, so the capacity is what we show) and their comment.
 */
export function ApprovalHistory({ events, eventLabel }: { events: Schemas['ApprovalEventDto'][]; eventLabel?: (toStatus: string) => string }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  return (
    <Timeline
      className="employee-history"
      items={events.map((event) => ({
        key: `${event.at}-${event.toStatus}`,
        content: (
          <div>
            <div>
              <Typography.Text strong>{eventLabel ? eventLabel(event.toStatus) : t(`request.event.${event.toStatus}` as MessageKey)}</Typography.Text>
              <Typography.Text type="secondary"> · {t(`request.actingAs.${event.actingAs}` as MessageKey)}</Typography.Text>
            </div>
            <Typography.Text type="secondary">{formatDateTime(event.at, timeZone, language)}</Typography.Text>
            {event.comment ? <div className="employee-history-comment">{event.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}

/**
 * Puts a failure's field errors beside the fields; returns the error when something is left to show
 * above the form (a rule broken, a conflict, a detail no field shows), else null.
 */
export function placeErrors(form: FormInstance, error: unknown): unknown {
  const unplaced = applyFieldErrors(form, error);
  const allPlaced = error instanceof ApiError && error.body.details.length > 0 && unplaced.length === 0;
  return allPlaced ? null : error;
}

/** Between items of a list in a sentence: 、 in Chinese, a comma in English. */
export const separator = (language: Language): string => (language === 'en' ? ', ' : '、');
