import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Radio, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { ApiError, api, type Schemas, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { formatDay, todayIn } from '../../lib/time';
import { days as formatDays, hours as formatHours, useMyBalances } from './LeaveBalances';
import { type CoveredDate, type LeaveSpan, useCoverage, useLeaveTypes } from './leave-span';
import { placeErrors, separator } from './shared';

interface Values {
  type?: string;
  startDate?: string;
  startHalf: 'full' | 'pm';
  endDate?: string;
  endHalf: 'full' | 'am';
  reason?: string;
}

const INITIAL: Values = { type: undefined, startDate: undefined, startHalf: 'full', endDate: undefined, endHalf: 'full', reason: '' };
const LISTED = 12;

/**
 * Asking for leave (H-ATT-10 / H-ATT-11). Before sending, the form shows the working days the
 * request covers in the company calendar and whether it is a day ahead; a request whose first day
 * is today or past is an emergency filed afterwards, which needs a reason.
 */
export function LeaveForm() {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { timeZone } = useCompany();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  // The service's refusal of a request over the balance: its whole sentence (type, days available, days asked) above the button.
  const [refusal, setRefusal] = useState<string | null>(null);
  const errorText = useErrorText();
  const types = useLeaveTypes(language);
  const today = todayIn(timeZone);

  const values = Form.useWatch([], form) as Values | undefined;
  const startDate = values?.startDate || undefined;
  const endDate = values?.endDate || startDate;
  const span: LeaveSpan | null =
    startDate && endDate && endDate >= startDate
      ? { startDate, startHalf: values?.startHalf === 'pm' ? 'pm' : null, endDate, endHalf: values?.endHalf === 'am' ? 'am' : null }
      : null;
  const coverage = useCoverage(me.id, span);
  const emergency = !!startDate && startDate <= today;
  // The balance of the chosen type in the year the request starts (the service charges that year).
  const balances = useMyBalances(Number((startDate ?? today).slice(0, 4)));
  const balance = values?.type ? balances.data?.types.find((item) => item.leaveType === values.type) : undefined;
  // 调休 is kept in hours (issue 22): the sessions the request covers against the hours usable today.
  const lieu = values?.type === 'lieu' ? balances.data?.lieu : undefined;
  const lieuHours = coverage.minutes / 60;

  const send = useMutation({
    mutationFn: (body: Schemas['CreateLeaveRequestDto']) =>
      unwrap(api.POST('/leave-requests', { body })),
    onSuccess: (created) => {
      void message.success(t('leave.sent', { days: created.workingDays }));
      form.resetFields();
      setUnplaced(null);
      setRefusal(null);
      void queryClient.invalidateQueries({ queryKey: ['leave-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['attendance'] });
      void queryClient.invalidateQueries({ queryKey: ['leave-balances'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'LEAVE_BALANCE_INSUFFICIENT') {
        // The service's sentence is whole in the reader's language: the type's name, the days available, the days asked.
        setRefusal(errorText(error));
        setUnplaced(null);
        void queryClient.invalidateQueries({ queryKey: ['leave-balances'] });
        return;
      }
      setRefusal(null);
      setUnplaced(placeErrors(form, error));
    },
  });

  const submit = (v: Values) => {
    if (!span || !v.type) return;
    send.mutate({
      type: v.type,
      startDate: span.startDate,
      startHalf: span.startHalf,
      endDate: span.endDate,
      endHalf: span.endHalf,
      emergency,
      ...(emergency ? { reason: (v.reason ?? '').trim() } : {}),
    });
  };

  const working = coverage.dates.filter((d) => d.working);
  const skipped = coverage.dates.filter((d) => !d.working);
  const dayLabel = (d: CoveredDate) => `${formatDay(d.date, language)}${d.part === 'full' ? '' : ` ${t(`leave.half.${d.part}` as MessageKey)}`}`;
  // A date that does not count says why: the holiday's name, or what the schedule makes of it.
  const skippedLabel = (d: CoveredDate) => `${formatDay(d.date, language)}（${d.calendarName ?? t(`today.schedule.${d.schedule}` as MessageKey)}）`;
  const list = (items: CoveredDate[], label: (d: CoveredDate) => string) =>
    items.slice(0, LISTED).map(label).join(separator(language)) + (items.length > LISTED ? t('leave.andMore', { n: items.length - LISTED }) : '');

  return (
    <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} onValuesChange={() => setRefusal(null)} requiredMark className="employee-form">
      {types.query.isLoading ? <Skeleton active paragraph={{ rows: 1 }} /> : null}
      {types.query.error ? <ErrorAlert error={types.query.error} onRetry={() => void types.query.refetch()} /> : null}
      <Form.Item name="type" label={t('leave.type')} rules={[{ required: true, message: t('leave.typeRequired') }]}>
        <Select
          options={types.active.map((type) => ({ value: type.code, label: `${language === 'en' ? type.nameEn : type.nameZh}${type.paid ? '' : t('leave.unpaid')}` }))}
          placeholder={t('leave.typePlaceholder')}
        />
      </Form.Item>
      <div className="employee-form-row">
        <Form.Item name="startDate" label={t('leave.startDate')} rules={[{ required: true, message: t('leave.dateRequired') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="startHalf" label={t('leave.startHalf')}>
          <Radio.Group optionType="button" options={[{ value: 'full', label: t('leave.startHalf.full') }, { value: 'pm', label: t('leave.startHalf.pm') }]} />
        </Form.Item>
      </div>
      <div className="employee-form-row">
        <Form.Item
          name="endDate"
          label={t('leave.endDate')}
          dependencies={['startDate']}
          rules={[
            { required: true, message: t('leave.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) => (value && getFieldValue('startDate') && value < getFieldValue('startDate') ? Promise.reject(new Error(t('leave.endBeforeStart'))) : Promise.resolve()),
            }),
          ]}
        >
          <Input type="date" min={startDate} />
        </Form.Item>
        <Form.Item name="endHalf" label={t('leave.endHalf')}>
          <Radio.Group optionType="button" options={[{ value: 'full', label: t('leave.endHalf.full') }, { value: 'am', label: t('leave.endHalf.am') }]} />
        </Form.Item>
      </div>

      {balance && !span ? (
        <Alert className="employee-balance-after" type="info" showIcon title={t('leave.balanceAvailable', { type: types.nameOf(balance.leaveType), available: formatDays(balance.available) })} />
      ) : null}
      {lieu && !span ? (
        <Alert className="employee-balance-after" type="info" showIcon title={t('leave.lieuAvailable', { available: formatHours(lieu.availableHours) })} />
      ) : null}
      {span ? (
        <div className="employee-coverage" aria-live="polite">
          {coverage.loading ? <Skeleton active paragraph={{ rows: 1 }} title={false} /> : null}
          {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
          {!coverage.loading && !coverage.error ? (
            <Alert
              type={working.length > 0 ? 'info' : 'warning'}
              showIcon
              title={working.length > 0 ? t('leave.covers', { days: coverage.workingDays }) : t('leave.coversNone')}
              description={
                <>
                  {working.length > 0 ? <div className="employee-coverage-days">{list(working, dayLabel)}</div> : null}
                  {skipped.length > 0 ? <div className="employee-coverage-skipped">{t('leave.notCounted', { dates: list(skipped, skippedLabel) })}</div> : null}
                </>
              }
            />
          ) : null}
          {balance && !refusal && !coverage.loading && !coverage.error && working.length > 0 ? (
            <Alert
              type={balance.available - coverage.workingDays < 0 && !balance.rule.allowNegative ? 'warning' : 'info'}
              showIcon
              title={t(balance.available - coverage.workingDays < 0 && !balance.rule.allowNegative ? 'leave.balanceShort' : 'leave.balanceAfter', {
                type: types.nameOf(balance.leaveType),
                available: formatDays(balance.available),
                days: formatDays(coverage.workingDays),
                after: formatDays(balance.available - coverage.workingDays),
              })}
            />
          ) : null}
          {lieu && !refusal && !coverage.loading && !coverage.error && working.length > 0 ? (
            <Alert
              className="employee-lieu-after"
              type={lieu.availableHours - lieuHours < 0 && !lieu.rule.allowNegative ? 'warning' : 'info'}
              showIcon
              title={t(lieu.availableHours - lieuHours < 0 && !lieu.rule.allowNegative ? 'leave.lieuShort' : 'leave.lieuAfter', {
                available: formatHours(lieu.availableHours),
                hours: formatHours(lieuHours),
                after: formatHours(lieu.availableHours - lieuHours),
              })}
            />
          ) : null}
          {emergency ? (
            <Alert type="warning" showIcon title={t('leave.emergency')} description={t('leave.emergencyHelp', { today: formatDay(today, language) })} />
          ) : (
            <Alert type="success" showIcon title={t('leave.ahead', { today: formatDay(today, language) })} />
          )}
        </div>
      ) : null}

      {emergency ? (
        <Form.Item name="reason" label={t('leave.reason')} rules={[{ required: true, whitespace: true, message: t('leave.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('leave.reasonPlaceholder')} />
        </Form.Item>
      ) : null}
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      {refusal ? <Alert className="employee-balance-after" type="error" showIcon role="alert" title={refusal} /> : null}
      <Button type="primary" htmlType="submit" loading={send.isPending} block>
        {emergency ? t('leave.submitEmergency') : t('leave.submit')}
      </Button>
    </Form>
  );
}
