import { ThunderboltOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { MonthSwitcher } from '../../../components/MonthSwitcher';
import { PageTitle } from '../../../components/PageTitle';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { addDays, formatDay, todayIn, weekdayIndex } from '../../../lib/time';
import { useMonthParam } from '../../../lib/use-month-param';
import { DayModal } from './DayModal';
import { GenerateModal } from './GenerateModal';
import '../office.css';

type RosterDay = Schemas['RosterDayDto'];

/** Any Monday: the weekday headings are the names of the seven days from it. */
const A_MONDAY = '2026-11-02';

/** The duty roster (H-ATT-2: exactly one person on duty each date): a month at a glance, gaps marked. */
export default function Roster() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [month, setMonth] = useMonthParam();
  const [day, setDay] = useState<RosterDay | null>(null);
  const [generating, setGenerating] = useState(false);
  const roster = useQuery({ queryKey: ['roster', month], queryFn: () => unwrap(api.GET('/roster', { params: { query: { month } } })) });
  const today = todayIn(timeZone);
  const days = roster.data?.days ?? [];
  // Blank cells before the 1st so that each column is one weekday (Monday first).
  const lead = days.length > 0 ? weekdayIndex(days[0].date) : 0;
  const weekdays = Array.from({ length: 7 }, (_, i) => formatDay(addDays(A_MONDAY, i), language, { weekday: 'short' }));

  return (
    <div className="office-page">
      <PageTitle
        extra={
          <Space wrap>
            <MonthSwitcher month={month} onChange={setMonth} />
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setGenerating(true)} disabled={!roster.data || roster.data.gaps === 0}>
              {t('office.roster.generate')}
            </Button>
          </Space>
        }
      >
        {t('office.roster.title')}
      </PageTitle>
      {roster.error ? <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} /> : null}
      {roster.data ? (
        roster.data.gaps > 0 ? (
          <Alert type="warning" showIcon title={t('office.roster.gaps', { count: roster.data.gaps })} description={t('office.roster.gapsHelp')} />
        ) : (
          <Alert type="success" showIcon title={t('office.roster.complete')} />
        )
      ) : null}
      <Card size="small">
        {roster.isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {roster.data ? (
          <div className="office-roster-grid" role="list" aria-label={t('office.roster.title')}>
            {weekdays.map((name) => (
              <div key={name} className="office-roster-weekday" aria-hidden="true">
                {name}
              </div>
            ))}
            {Array.from({ length: lead }, (_, i) => (
              <div key={`blank-${i}`} className="office-roster-blank" aria-hidden="true" />
            ))}
            {days.map((entry) => (
              <div key={entry.date} role="listitem">
                <button
                  type="button"
                  className={`office-roster-day${entry.staffId ? '' : ' gap'}${entry.date === today ? ' today' : ''}`}
                  onClick={() => setDay(entry)}
                  aria-label={`${formatDay(entry.date, language, { month: 'long', day: 'numeric', weekday: 'long' })}: ${entry.name ?? t('office.roster.nobody')}`}
                >
                  <span className="office-roster-date">
                    {Number(entry.date.slice(8))}
                    <span className="office-roster-weekday-short"> {formatDay(entry.date, language, { weekday: 'short' })}</span>
                  </span>
                  {entry.staffId ? (
                    <>
                      <span className="office-roster-person">{entry.name}</span>
                      {entry.source === 'generated' ? <span className="office-roster-source">{t('office.roster.generated')}</span> : null}
                    </>
                  ) : (
                    <span className="office-roster-gap">{t('office.roster.nobody')}</span>
                  )}
                </button>
              </div>
            ))}
          </div>
        ) : null}
      </Card>
      <DayModal day={day} onClose={() => setDay(null)} />
      <GenerateModal open={generating} month={month} gaps={roster.data?.gaps ?? 0} onClose={() => setGenerating(false)} />
    </div>
  );
}
