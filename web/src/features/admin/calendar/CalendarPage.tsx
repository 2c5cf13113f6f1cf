import { useQuery } from '@tanstack/react-query';
import { Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { MonthSwitcher } from '../../../components/MonthSwitcher';
import { PageTitle } from '../../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { useMonthParam } from '../../../lib/use-month-param';
import { formatDay, weekdayIndex } from '../../../lib/time';
import { STATUS_COLOURS } from '../../../theme';
import { DayOverride } from './DayOverride';
import '../admin.css';

type Day = Schemas['CalendarDayDto'];

/** Each kind of date in a colour of the report palette (holiday as on the grid). */
export const KIND_COLOUR: Record<Day['kind'], { background: string; text: string }> = {
  workday: STATUS_COLOURS.present,
  makeup_workday: STATUS_COLOURS.late,
  holiday: STATUS_COLOURS.holiday,
  rest: STATUS_COLOURS.rest,
};
const KINDS: Day['kind'][] = ['workday', 'makeup_workday', 'holiday', 'rest'];

/**
 * The company calendar (H-ATT-2): each date's kind and where it came from — China's statutory
 * calendar, the work week, or an override of the office — with the override on a tap.
 */
export default function CalendarPage() {
  const t = useT();
  const language = useLanguage();
  const [month, setMonth] = useMonthParam();
  const [selected, setSelected] = useState<Day | null>(null);
  const calendar = useQuery({ queryKey: ['calendar', month], queryFn: () => unwrap(api.GET('/calendar', { params: { query: { month } } })) });
  const days = calendar.data?.days ?? [];
  const blanks = days.length > 0 ? weekdayIndex(days[0].date) : 0;
  return (
    <div className="admin-page">
      <PageTitle extra={<MonthSwitcher month={month} onChange={setMonth} />}>{t('admin.calendar.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('admin.calendar.help')}</Typography.Paragraph>
      <ul className="admin-legend" aria-label={t('admin.calendar.legend')}>
        {KINDS.map((kind) => (
          <li key={kind}>
            <span className="admin-swatch" style={{ background: KIND_COLOUR[kind].background, color: KIND_COLOUR[kind].text }}>
              {t(`admin.calendar.kind.${kind}` as MessageKey)}
            </span>
          </li>
        ))}
        <li>
          <span className="admin-override-mark" aria-hidden="true">●</span> {t('admin.calendar.source.override')}
        </li>
      </ul>
      {calendar.error ? <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      {calendar.isLoading ? <Skeleton active /> : null}
      {days.length > 0 ? (
        <div className="admin-calendar" role="table" aria-label={t('admin.calendar.title')}>
          <div className="admin-calendar-row" role="row">
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <div key={day} role="columnheader" className="admin-calendar-head">
                {t(`admin.weekday.${day}` as MessageKey)}
              </div>
            ))}
          </div>
          {weeks(days, blanks).map((week, w) => (
            <div className="admin-calendar-row" role="row" key={w}>
              {week.map((day, i) =>
                day ? (
                  <div role="cell" key={day.date}>
                    <button
                      type="button"
                      className={`admin-day${day.source === 'override' ? ' admin-day-override' : ''}`}
                      style={{ background: KIND_COLOUR[day.kind].background, color: KIND_COLOUR[day.kind].text }}
                      onClick={() => setSelected(day)}
                      aria-label={`${formatDay(day.date, language, { month: 'long', day: 'numeric', weekday: 'long' })}: ${t(`admin.calendar.kind.${day.kind}` as MessageKey)}${day.name ? ` ${day.name}` : ''}, ${t(`admin.calendar.source.${day.source}` as MessageKey)}`}
                    >
                      <span className="admin-day-number">{Number(day.date.slice(8))}</span>
                      <span className="admin-day-kind">{t(`admin.calendar.short.${day.kind}` as MessageKey)}</span>
                      {day.name ? <span className="admin-day-name">{day.name}</span> : null}
                      <span className="admin-day-source">{t(`admin.calendar.source.${day.source}` as MessageKey)}</span>
                      {day.source === 'override' ? <span className="admin-override-mark" aria-hidden="true">●</span> : null}
                    </button>
                  </div>
                ) : (
                  <div role="cell" key={`blank-${i}`} className="admin-day-blank" />
                ),
              )}
            </div>
          ))}
        </div>
      ) : null}
      <DayOverride day={selected} month={month} onClose={() => setSelected(null)} />
    </div>
  );
}

/** The month's dates in Monday-first weeks, with blanks before the first and after the last. */
function weeks(days: Day[], blanks: number): (Day | null)[][] {
  const cells: (Day | null)[] = [...Array.from({ length: blanks }, () => null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}
