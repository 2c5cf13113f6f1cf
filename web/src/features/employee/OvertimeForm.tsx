import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { ApiError, api, type Schemas, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { StaffPicker } from '../../components/StaffPicker';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { addDays, formatDay, todayIn } from '../../lib/time';
import { dayKindOf, hours, kindRate, OVERTIME_RATE, useOvertimeMonth } from './overtime-labels';
import { placeErrors } from './shared';

interface Values {
  staffId?: string;
  date?: string;
  start?: string;
  end?: string;
  compensation: 'pay' | 'lieu';
  reason?: string;
  capOverrideReason?: string;
}

const INITIAL: Values = { compensation: 'pay' };

/** "11月" / "November" */
const monthName = (date: string, language: Language) =>
  new Intl.DateTimeFormat(language, { month: language === 'en' ? 'long' : 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));

/**
 * Asking for overtime (加班, issue 22): the day, the window in company time, and why. Once a date is
 * chosen the form shows the day's type and its rate (劳动法第44条: 150 / 200 / 300%), offers time off
 * in lieu only for a rest day, and shows the month's overtime asked against the cap (第41条).
 * `office`: an administrator files for someone, and when the service refuses a cap, the form shows
 * its sentence and asks for the reason to go beyond it.
 */
export function OvertimeForm({ office = false, onOpen, onDone }: { office?: boolean; onOpen?: (id: string) => void; onDone?: () => void }) {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  // A rule the service applied (a cap, too late, the shift, a closed month): its whole sentence above the button.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [overCap, setOverCap] = useState(false);
  const [outcome, setOutcome] = useState<Schemas['CreatedOvertimeDto'] | null>(null);

  const values = Form.useWatch([], form) as Values | undefined;
  const staffId = office ? values?.staffId : me.id;
  const date = values?.date || undefined;
  const today = todayIn(timeZone);
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.GET('/settings')), staleTime: 5 * 60_000 });
  const daysAfter = settings.data?.current.overtimeDaysAfter ?? 7;
  const earliest = addDays(today, -daysAfter);
  const month = date?.slice(0, 7);
  const schedule = useQuery({
    queryKey: ['schedule', staffId, month],
    queryFn: () => unwrap(api.GET('/schedule', { params: { query: { month: month!, staffId: staffId! } } })),
    enabled: !!staffId && !!month,
    staleTime: 60_000,
  });
  const scheduleDay = schedule.data?.days.find((day) => day.date === date);
  const kind = scheduleDay ? dayKindOf(scheduleDay) : null;
  const caps = useOvertimeMonth(staffId, date);

  const send = useMutation({
    mutationFn: (body: Schemas['CreateOvertimeDto']) => unwrap(api.POST('/overtime-requests', { body })),
    onSuccess: (created) => {
      void message.success(t(office ? 'ot.admin.created' : 'ot.sent'));
      setOutcome(created);
      setUnplaced(null);
      setRefusal(null);
      setOverCap(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['overtime-requests'] });
      onDone?.();
    },
    onError: (error) => {
      setOutcome(null);
      const placed = placeErrors(form, error);
      if (error instanceof ApiError && error.code !== 'VALIDATION_FAILED') {
        setRefusal(errorText(error));
        setUnplaced(null);
        // Beyond a cap: only an administrator may go on, with a reason (劳动法第41条).
        if (error.code === 'OVERTIME_CAP_EXCEEDED' && office) setOverCap(true);
        void queryClient.invalidateQueries({ queryKey: ['overtime-requests', 'month'] });
      } else {
        setRefusal(null);
        setUnplaced(placed);
      }
    },
  });

  const submit = (v: Values) => {
    if (!v.date || !v.start || !v.end) return;
    send.mutate({
      ...(office ? { staffId: v.staffId } : {}),
      date: v.date,
      start: v.start,
      end: v.end,
      ...(kind === 'rest_day' ? { compensation: v.compensation } : {}),
      reason: (v.reason ?? '').trim(),
      ...(overCap && v.capOverrideReason?.trim() ? { capOverrideReason: v.capOverrideReason.trim() } : {}),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      onFinish={submit}
      onValuesChange={(changed: Partial<Values>) => {
        // Writing the reason to go beyond the cap keeps the refusal it answers in sight; any other change asks afresh.
        if ('capOverrideReason' in changed) return;
        setRefusal(null);
        if (!('reason' in changed)) setOverCap(false);
      }}
      requiredMark
      className="employee-form"
    >
      {office ? null : <Alert type="info" showIcon title={t('ot.help', { days: daysAfter, earliest: formatDay(earliest, language) })} className="employee-form-help" />}
      {outcome ? (
        <Alert
          type="success"
          showIcon
          className="employee-form-help"
          title={`${t('ot.outcome', { month: hours(outcome.monthlyLeftMinutes) })}${outcome.dailyLeftMinutes === null ? '' : t('ot.outcomeDaily', { day: hours(outcome.dailyLeftMinutes) })}`}
          description={
            onOpen ? (
              <Button type="link" size="small" className="corr-view" onClick={() => onOpen(outcome.id)}>
                {t('ot.view')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {office ? (
        <Form.Item name="staffId" label={t('ot.admin.person')} rules={[{ required: true, message: t('ot.admin.personRequired') }]}>
          <StaffPicker placeholder={t('ot.admin.personRequired')} />
        </Form.Item>
      ) : null}
      <Form.Item name="date" label={t('ot.date')} rules={[{ required: true, message: t('ot.dateRequired') }]}>
        <Input type="date" min={earliest} />
      </Form.Item>
      {date && kind ? (
        <Alert
          className="employee-form-help ot-day"
          type="info"
          showIcon
          title={
            <span>
              {t('ot.dayType')}
              {language === 'en' ? ': ' : '：'}
              <strong>{kindRate(kind, t)}</strong>
              {scheduleDay?.calendarName ? (language === 'en' ? ` (${scheduleDay.calendarName})` : `（${scheduleDay.calendarName}）`) : ''}
            </span>
          }
          description={t(`ot.dayHelp.${kind}` as MessageKey, { cap: hours(caps?.dailyCap ?? 180) })}
        />
      ) : null}
      {date && scheduleDay && !kind ? <Alert className="employee-form-help" type="warning" showIcon title={t('ot.dayNotEmployed')} /> : null}
      {date && caps ? (
        <p className="ot-caps" aria-live="polite">
          {t('ot.caps', { month: monthName(date, language), used: hours(caps.used), cap: hours(caps.cap), left: hours(caps.left) })}
        </p>
      ) : null}
      <div className="ot-times">
        <Form.Item name="start" label={t('ot.start')} rules={[{ required: true, message: t('ot.startRequired') }]}>
          <Input type="time" />
        </Form.Item>
        <Form.Item name="end" label={t('ot.end')} extra={t('ot.endHelp')} rules={[{ required: true, message: t('ot.endRequired') }]}>
          <Input type="time" />
        </Form.Item>
      </div>
      {kind === 'rest_day' ? (
        <Form.Item name="compensation" label={t('ot.compensation')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'pay', label: `${t('ot.compensation.pay')} ${OVERTIME_RATE.rest_day}%` },
              { value: 'lieu', label: t('ot.compensation.lieu') },
            ]}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('ot.reason')} rules={[{ required: true, whitespace: true, message: t('ot.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('ot.reasonPlaceholder')} />
      </Form.Item>
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      {refusal ? <Alert className="employee-form-help" type="error" showIcon role="alert" title={refusal} /> : null}
      {overCap ? (
        <Form.Item
          name="capOverrideReason"
          label={t('ot.overrideReason')}
          extra={t('ot.overrideHelp')}
          rules={[{ required: true, whitespace: true, min: 3, message: t('ot.overrideMin') }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={send.isPending} block>
        {t('ot.submit')}
      </Button>
    </Form>
  );
}
