import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Skeleton } from 'antd';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { formatDay, formatTime, monthOf, todayIn } from '../../lib/time';

/** The employee's first screen: today's shift, one tap to clock, today's result and why. */
export default function Today() {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { timeZone } = useCompany();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const today = todayIn(timeZone);

  const result = useQuery({ queryKey: ['attendance', 'today'], queryFn: () => unwrap(api.GET('/attendance/today')) });
  const schedule = useQuery({
    queryKey: ['schedule', me.id, monthOf(today)],
    queryFn: () => unwrap(api.GET('/schedule', { params: { query: { month: monthOf(today), staffId: me.id } } })),
  });
  const todaySchedule = schedule.data?.days.find((day) => day.date === today);

  const clock = useMutation({
    mutationFn: () => unwrap(api.POST('/punches/clock', { body: {} })),
    onSuccess: (answer) => {
      const time = formatTime(answer.punch.at, timeZone, language);
      void message.success(answer.duplicate ? t('today.clockedDuplicate', { time }) : t('today.clocked', { time }));
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const day = result.data;
  const sessions = todaySchedule?.sessions ?? [];
  return (
    <div className="today">
      <PageTitle>{t('today.title')}</PageTitle>
      <section className="panel today-clock" aria-label={t('today.clockButton')}>
        <p className="today-date">{formatDay(today, language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}</p>
        {schedule.isLoading ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <p className="today-shift">
            {todaySchedule ? t(`today.schedule.${todaySchedule.schedule}` as MessageKey) : null}
            {sessions.length > 0 ? ` · ${sessions.map((s) => `${s.start}–${s.end}`).join(language === 'en' ? ', ' : '、')}` : null}
          </p>
        )}
        <Button
          type="primary"
          shape="circle"
          className="clock-button"
          icon={<ClockCircleOutlined />}
          loading={clock.isPending}
          onClick={() => clock.mutate()}
          aria-label={t('today.clockButton')}
        >
          {t('today.clockButton')}
        </Button>
        <p className="today-zone">{t('timeZone.note', { zone: timeZone })}</p>
      </section>
      <section className="panel today-result">
        <h2 className="card-title">{t('today.result')}</h2>
        {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
        {result.isLoading ? <Skeleton active /> : null}
        {day ? (
          <>
            <dl className="facts">
              <dt>{t('field.status')}</dt>
              <dd>
                <StatusTag status={day.status} label={t(`status.${day.status}` as MessageKey)} />
              </dd>
              <dt>{t('today.firstIn')}</dt>
              <dd>{day.firstIn ? formatTime(day.firstIn, timeZone, language) : '—'}</dd>
              <dt>{t('today.lastOut')}</dt>
              <dd>{day.lastOut ? formatTime(day.lastOut, timeZone, language) : '—'}</dd>
            </dl>
            <h3 className="sub-title">{t('today.why')}</h3>
            <ul className="explanation">
              {day.explanation.map((sentence, i) => (
                <li key={i}>{sentence}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
