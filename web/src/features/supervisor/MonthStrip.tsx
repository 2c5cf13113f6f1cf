import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { api, unwrap } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { formatDay } from '../../lib/time';
import { STATUS_COLOURS } from '../../theme';

interface Props {
  staffId: string;
  name: string;
  month: string;
  /** The dates the request covers: outlined, so that the supervisor sees them among the rest. */
  covered: Set<string>;
}

/**
 * A person's month at a glance (GET /attendance): one small cell per date in its status colour,
 * the requested dates outlined. A supervisor sees whether the request lands on absences,
 * on a pattern of Mondays, or on a quiet week, before deciding.
 */
export function MonthStrip({ staffId, name, month, covered }: Props) {
  const t = useT();
  const language = useLanguage();
  const attendance = useQuery({
    queryKey: ['attendance', staffId, month],
    queryFn: () => unwrap(api.GET('/attendance', { params: { query: { month, staffId } } })),
  });
  if (attendance.isLoading) return <Skeleton.Input active block size="small" />;
  if (attendance.error) return <ErrorAlert error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const days = attendance.data?.days ?? [];
  const statuses = [...new Set(days.map((day) => day.status))];
  const monthLabel = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <figure className="sup-strip">
      <figcaption className="sup-strip-caption">{t('sup.strip.caption', { name, month: monthLabel })}</figcaption>
      <ol className="sup-strip-days">
        {days.map((day) => {
          const colour = STATUS_COLOURS[day.status] ?? STATUS_COLOURS.rest;
          const label = t(`status.${day.status}` as MessageKey);
          const isCovered = covered.has(day.date);
          return (
            <li
              key={day.date}
              className={isCovered ? 'sup-strip-day covered' : 'sup-strip-day'}
              style={{ background: colour.background, color: colour.text }}
              title={`${formatDay(day.date, language)} · ${label}${isCovered ? ` · ${t('sup.strip.requested')}` : ''}`}
            >
              {Number(day.date.slice(8))}
              <span className="sup-sr-only">
                {' '}
                {label}
                {isCovered ? `, ${t('sup.strip.requested')}` : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <div className="sup-strip-legend">
        {statuses.map((status) => (
          <StatusTag key={status} status={status} label={t(`status.${status}` as MessageKey)} />
        ))}
        <span className="sup-strip-covered-key">{t('sup.strip.requested')}</span>
      </div>
    </figure>
  );
}
