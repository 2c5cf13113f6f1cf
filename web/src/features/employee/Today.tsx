import { ClockCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
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
      <Card className="today-clock">
        <Typography.Paragraph className="today-date">
          {formatDay(today, language, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' })}
        </Typography.Paragraph>
        {schedule.isLoading ? (
          <Skeleton active paragraph={{ rows: 1 }} />
        ) : (
          <Typography.Paragraph className="today-shift">
            {todaySchedule ? t(`today.schedule.${todaySchedule.schedule}` as MessageKey) : null}
            {sessions.length > 0 ? ` · ${sessions.map((s) => `${s.start}–${s.end}`).join('、')}` : null}
          </Typography.Paragraph>
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
        <Typography.Paragraph type="secondary" className="today-zone">
          {t('timeZone.note', { zone: timeZone })}
        </Typography.Paragraph>
      </Card>
      <Card title={<h2 className="card-title">{t('today.result')}</h2>} className="today-result">
        {result.error ? <ErrorAlert error={result.error} onRetry={() => void result.refetch()} /> : null}
        {result.isLoading ? <Skeleton active /> : null}
        {day ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('field.status')}>
                <StatusTag status={day.status} label={t(`status.${day.status}` as MessageKey)} />
              </Descriptions.Item>
              <Descriptions.Item label={t('today.firstIn')}>{day.firstIn ? formatTime(day.firstIn, timeZone, language) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('today.lastOut')}>{day.lastOut ? formatTime(day.lastOut, timeZone, language) : '—'}</Descriptions.Item>
            </Descriptions>
            <section aria-label={t('today.why')}>
              <Typography.Text strong>{t('today.why')}</Typography.Text>
              <ul className="explanation">
                {day.explanation.map((sentence, i) => (
                  <li key={i}>{sentence}</li>
                ))}
              </ul>
            </section>
          </Space>
        ) : null}
      </Card>
    </div>
  );
}
