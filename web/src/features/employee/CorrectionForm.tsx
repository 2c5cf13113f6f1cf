import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, type Schemas, unwrap } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, type Translate, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { formatDay, formatTime, localDateOf } from '../../lib/time';
import { punchLabel } from './correction-labels';
import { askable, type CorrectablePunch, type EligibleDay, punchKey, useEligibleCorrections } from './use-eligible-corrections';
import { EmptyText } from './shared';

interface Values {
  date?: string;
  punch?: string;
  time?: string;
  reason?: string;
}

/** Where the service's field details go on this form (it names the request's fields: session, direction, at). */
const FIELD_OF: Record<string, keyof Values> = { date: 'date', session: 'punch', direction: 'punch', at: 'time', reason: 'reason' };

/** "11月" / "November": a month of the window, for the requests left. */
const monthName = (month: string, language: Language) =>
  new Intl.DateTimeFormat(language, { month: language === 'en' ? 'long' : 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** "应 17:30 · 未打卡 · 已申请": when the punch was due, what the clock has, why it cannot be asked for. */
function punchFacts(punch: CorrectablePunch, zone: string, language: Language, t: Translate): string {
  const facts = [t('corr.due', { time: formatTime(punch.due, zone, language) }), punch.recordedAt ? t('corr.recorded', { time: formatTime(punch.recordedAt, zone, language) }) : t('corr.missing')];
  if (punch.requestId) facts.push(t('corr.requested'));
  else if (!punch.allowed) facts.push(t('corr.notAllowed'));
  return facts.join(' · ');
}

/**
 * The local date of the claimed time: the day's own date, except for a punch due after midnight (a
 * duty shift's clock-out, H-ATT-4), where a morning time is on the due date and an evening one on the day's.
 */
function claimedDate(day: string, punch: CorrectablePunch, time: string, zone: string): string {
  const dueDate = localDateOf(punch.due, zone);
  return dueDate !== day && time < '12:00' ? dueDate : day;
}

/**
 * Asking for a make-up punch (补卡, issue 17; H-ATT-7): a day the service lists as still correctable,
 * the punch (a clock-in or clock-out of that day's shift), when it happened and why. Before sending it
 * shows the day's result now; the service's answer says what it becomes once approved.
 */
export function CorrectionForm({ prefill, onOpen }: { prefill: { date: string; session: number; direction: string } | null; onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<unknown>(null);
  // A rule the service applied (too old, the month's limit, a live request already …): its own sentence, as a banner.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Schemas['CreatedPunchCorrectionDto'] | null>(null);
  const eligible = useEligibleCorrections();
  const date = Form.useWatch('date', form);
  const punchValue = Form.useWatch('punch', form);

  const days = (eligible.data?.days ?? []).filter((day) => day.punches.length > 0);
  const day: EligibleDay | undefined = days.find((item) => item.date === date);
  const punch = day?.punches.find((item) => punchKey(item) === punchValue);

  // A link from my month names the day and the punch: chosen once the service's list is in.
  useEffect(() => {
    if (!prefill || !eligible.data) return;
    const target = eligible.data.days.find((item) => item.date === prefill.date);
    if (!target) return;
    const wanted = target.punches.find((item) => item.session === prefill.session && item.direction === prefill.direction);
    form.setFieldsValue({ date: target.date, punch: wanted && askable(wanted) ? punchKey(wanted) : undefined });
  }, [prefill, eligible.data, form]);

  const send = useMutation({
    mutationFn: (body: Schemas['CreatePunchCorrectionDto']) => unwrap(api.POST('/punch-corrections', { body })),
    onSuccess: (created) => {
      void message.success(t('corr.sent'));
      setOutcome(created);
      setFailure(null);
      setRefusal(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['punch-corrections'] });
    },
    onError: (error) => {
      setOutcome(null);
      if (!(error instanceof ApiError)) return setFailure(error);
      const unplaced: ApiError['body']['details'] = [];
      const byField = new Map<keyof Values, string[]>();
      for (const detail of error.body.details) {
        const field = FIELD_OF[detail.field.split('.')[0]];
        if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
        else unplaced.push(detail);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      if (error.code !== 'VALIDATION_FAILED') {
        setRefusal(errorText(error));
        setFailure(null);
        // What may be corrected changed under me (the deadline passed, the month's requests are used): read it again.
        void queryClient.invalidateQueries({ queryKey: ['punch-corrections', 'eligible'] });
      } else {
        setRefusal(null);
        setFailure(byField.size > 0 && unplaced.length === 0 ? null : error);
      }
    },
  });

  const submit = (v: Values) => {
    if (!day || !punch || !v.time) return;
    send.mutate({ date: day.date, session: punch.session, direction: punch.direction as 'in' | 'out', at: `${claimedDate(day.date, punch, v.time, timeZone)} ${v.time}`, reason: v.reason!.trim() });
  };

  if (eligible.isLoading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (eligible.error) return <ErrorAlert error={eligible.error} onRetry={() => void eligible.refetch()} />;
  const data = eligible.data!;
  const daysBack = Math.round((Date.parse(data.today) - Date.parse(data.earliest)) / 86_400_000) + 1;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed: Partial<Values>) => {
        setRefusal(null);
        if ('date' in changed) {
          // A new day: its only askable punch is the obvious choice.
          const next = days.find((item) => item.date === changed.date);
          const open = next?.punches.filter(askable) ?? [];
          form.setFieldsValue({ punch: open.length === 1 ? punchKey(open[0]) : undefined });
        }
      }}
      className="employee-form"
    >
      <Alert type="info" showIcon title={t('corr.help', { earliest: formatDay(data.earliest, language), days: daysBack })} className="employee-form-help" />
      <ul className="corr-months" aria-label={t('corr.title')}>
        {data.months.map((month) => (
          <li key={month.month}>{t('corr.left', { month: monthName(month.month, language), left: month.left, limit: month.limit })}</li>
        ))}
      </ul>
      {outcome ? (
        <Alert
          type="success"
          showIcon
          className="employee-form-help"
          title={t('corr.outcome', { current: t(`status.${outcome.current.status}` as MessageKey), predicted: t(`status.${outcome.predicted.status}` as MessageKey) })}
          description={
            <>
              {t('corr.outcomeLeft', { left: outcome.requestsLeft })}{' '}
              <Button type="link" size="small" className="corr-view" onClick={() => onOpen(outcome.id)}>
                {t('corr.view')}
              </Button>
            </>
          }
        />
      ) : null}
      {days.length === 0 ? (
        <Typography.Paragraph>
          <EmptyText>{t('corr.nothing', { days: daysBack })}</EmptyText>
        </Typography.Paragraph>
      ) : (
        <>
          <Form.Item name="date" label={t('corr.day')} rules={[{ required: true, message: t('corr.dayRequired') }]}>
            <Select
              placeholder={t('corr.dayRequired')}
              options={days.map((item) => ({
                value: item.date,
                disabled: item.monthClosed,
                label: [formatDay(item.date, language), t(`status.${item.status}` as MessageKey), item.monthClosed ? t('corr.dayClosed') : item.requestsLeft === 0 ? t('corr.dayNoneLeft') : null]
                  .filter(Boolean)
                  .join(' · '),
              }))}
            />
          </Form.Item>
          {day ? (
            <Alert
              className="employee-form-help"
              type={day.status === 'present' ? 'info' : 'warning'}
              showIcon
              title={
                <span className="corr-now">
                  {t('corr.dayNow')}
                  <StatusTag status={day.status} label={t(`status.${day.status}` as MessageKey)} />
                </span>
              }
              description={t('corr.nowHelp')}
            />
          ) : null}
          {day ? (
            <Form.Item name="punch" label={t('corr.punch')} rules={[{ required: true, message: t('corr.punchRequired') }]}>
              <Radio.Group className="corr-punches">
                {day.punches.map((item) => (
                  <Radio key={punchKey(item)} value={punchKey(item)} disabled={!askable(item)}>
                    <span className="corr-punch">
                      <span>{punchLabel(item, t)}</span>
                      <span className="employee-list-sub">{punchFacts(item, timeZone, language, t)}</span>
                    </span>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          ) : null}
          <Form.Item name="time" label={t('corr.at')} rules={[{ required: true, message: t('corr.atRequired') }]}>
            <Input type="time" />
          </Form.Item>
          <Form.Item name="reason" label={t('corr.reason')} rules={[{ required: true, whitespace: true, message: t('corr.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('corr.reasonPlaceholder')} />
          </Form.Item>
          {failure ? <ErrorAlert error={failure} /> : null}
          {refusal ? <Alert className="employee-form-help" type="error" showIcon role="alert" title={refusal} /> : null}
          <Button type="primary" htmlType="submit" loading={send.isPending} block>
            {t('corr.submit')}
          </Button>
        </>
      )}
    </Form>
  );
}
