import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { formatDay, formatTime } from '../../lib/time';
import { punchLabel } from './correction-labels';
import { firstAskable, useEligibleCorrections } from './use-eligible-corrections';

/**
 * One day of my month: its verdict, the punches that decided it (company time) and the rules' sentences;
 * when a punch of it may still be corrected, one tap to the make-up punch form with that punch chosen.
 */
export function DayDetail({ day }: { day: Schemas['AttendanceDayDto'] }) {
  const t = useT();
  const eligible = useEligibleCorrections();
  const correctable = firstAskable(eligible.data?.days.find((item) => item.date === day.date));
  const language = useLanguage();
  const { timeZone } = useCompany();
  const time = (instant: string | null) => (instant ? formatTime(instant, timeZone, language) : '—');
  return (
    <section className="employee-day" aria-labelledby="employee-day-title">
      <h2 id="employee-day-title" className="card-title">
        {formatDay(day.date, language, { month: 'long', day: 'numeric', weekday: 'long' })}{' '}
        <StatusTag status={day.status} label={t(`status.${day.status}` as MessageKey)} />
      </h2>
      <Descriptions column={{ xs: 2, sm: 2, md: 2 }} size="small" className="employee-day-facts">
        <Descriptions.Item label={t('today.firstIn')}>{time(day.firstIn)}</Descriptions.Item>
        <Descriptions.Item label={t('today.lastOut')}>{time(day.lastOut)}</Descriptions.Item>
        <Descriptions.Item label={t('myMonth.lateMinutes')}>{t('myMonth.minutes', { n: day.lateMinutes })}</Descriptions.Item>
        <Descriptions.Item label={t('myMonth.earlyMinutes')}>{t('myMonth.minutes', { n: day.earlyMinutes })}</Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('today.why')}</Typography.Text>
      <ul className="explanation">
        {day.explanation.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      {correctable ? (
        <Link className="employee-day-correct" to={`/corrections?date=${day.date}&session=${correctable.session}&direction=${correctable.direction}`}>
          {t('corr.dayLink', { punch: punchLabel(correctable, t) })}
        </Link>
      ) : null}
    </section>
  );
}
