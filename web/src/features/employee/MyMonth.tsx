import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { MonthSwitcher } from '../../components/MonthSwitcher';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { todayIn } from '../../lib/time';
import { useMonthParam } from '../../lib/use-month-param';
import { DayDetail } from './DayDetail';
import { MonthCalendar, StatusLegend } from './MonthCalendar';
import './employee.css';

/** My month at a glance: each date in its report colour, and why a date came out as it did. */
export default function MyMonth() {
  const t = useT();
  const me = useMe();
  const { timeZone } = useCompany();
  const [month, setMonth] = useMonthParam();
  const today = todayIn(timeZone);
  const [picked, setPicked] = useState<string | null>(null);

  const result = useQuery({
    queryKey: ['attendance', 'month', me.id, month],
    queryFn: () => unwrap(api.GET('/attendance', { params: { query: { month, staffId: me.id } } })),
  });
  const days = result.data?.days ?? [];
  // The date shown below the calendar: the one tapped, else today when it is in this month.
  const selectedDate = picked && picked.startsWith(month) ? picked : today.startsWith(month) ? today : null;
  const selected = days.find((day) => day.date === selectedDate) ?? null;
  const totals = days.reduce(
    (sum, day) => ({
      late: sum.late + (day.status === 'late' ? 1 : 0),
      absence: sum.absence + day.absenceDays,
      leave: sum.leave + day.leaveDays,
      exempt: sum.exempt + day.exemptDays,
    }),
    { late: 0, absence: 0, leave: 0, exempt: 0 },
  );

  return (
    <div className="employee-page">
      <PageTitle extra={<MonthSwitcher month={month} onChange={setMonth} />}>{t('myMonth.title')}</PageTitle>
      {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
      <div className="employee-columns">
        <Card className="employee-month-card">
          {result.isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
          {result.data ? (
            <>
              <div className="employee-totals" aria-label={t('myMonth.totals')} role="group">
                <Statistic title={t('myMonth.totalLate')} value={totals.late} suffix={t('myMonth.times')} />
                <Statistic title={t('myMonth.totalAbsence')} value={totals.absence} suffix={t('myMonth.days')} />
                <Statistic title={t('myMonth.totalLeave')} value={totals.leave} suffix={t('myMonth.days')} />
                <Statistic title={t('myMonth.totalExempt')} value={totals.exempt} suffix={t('myMonth.days')} />
              </div>
              <MonthCalendar days={days} today={today} selected={selectedDate} onSelect={setPicked} />
              <StatusLegend />
            </>
          ) : null}
        </Card>
        <Card className="employee-day-card">
          {selected ? (
            <DayDetail day={selected} />
          ) : result.data ? (
            <Empty description={<Typography.Text type="secondary">{t('myMonth.pickDay')}</Typography.Text>} />
          ) : null}
        </Card>
      </div>
      <Typography.Paragraph type="secondary" className="employee-zone">
        {t('timeZone.note', { zone: timeZone })}
      </Typography.Paragraph>
    </div>
  );
}
