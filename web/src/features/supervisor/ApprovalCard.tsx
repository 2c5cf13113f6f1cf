import { CheckOutlined, CloseOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { type MessageKey, type Translate, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { formatDateTime, formatDay, formatTime } from '../../lib/time';
import { CorrectionStatus, correctionSummary, punchLabel } from '../employee/correction-labels';
import { hours, kindRate, useOvertimeMonth, windowText } from '../employee/overtime-labels';
import { useLeaveTypes } from '../finance/lookups';
import { datesBetween, type Exemption, type LeaveRequest, monthsBetween } from './covered-days';
import type { Deciding } from './DecisionModal';
import { MonthStrip } from './MonthStrip';

type Item = Schemas['ApprovalItemDto'];

const halfLabel = (half: 'am' | 'pm' | null, t: Translate) => (half ? ` ${t(`sup.half.${half}` as MessageKey)}` : '');

/** "Mon 23 Nov am – Tue 24 Nov · 1.5 working days" */
function leaveDays(leave: LeaveRequest, language: Language, t: Translate): string {
  const start = `${formatDay(leave.startDate, language)}${halfLabel(leave.startHalf, t)}`;
  const end = `${formatDay(leave.endDate, language)}${halfLabel(leave.endHalf, t)}`;
  const range = leave.startDate === leave.endDate && leave.startHalf === leave.endHalf ? start : `${start} – ${end}`;
  return `${range} · ${t(leave.workingDays === 1 ? 'sup.workingDay' : 'sup.workingDays', { days: leave.workingDays })}`;
}

/** "Mon 23 Nov · 09:00–11:30" or "… · the whole day" */
function tripDays(trip: Exemption, language: Language, t: Translate): string {
  return `${formatDay(trip.date, language)} · ${trip.from ? `${trip.from}–${trip.to}` : t('sup.wholeDay')}`;
}

/** One request waiting for the signed-in supervisor (or admin): who, what, which days, their month, the decision. */
export function ApprovalCard({ item, onDecide }: { item: Item; onDecide: (deciding: Deciding) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const leaveTypes = useLeaveTypes();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const leave = useQuery({
    queryKey: ['leave-request', item.id],
    queryFn: () => unwrap(api.GET('/leave-requests/{id}', { params: { path: { id: item.id } } })),
    enabled: item.kind === 'leave',
  });
  const trip = useQuery({
    queryKey: ['exemption', item.id],
    queryFn: () => unwrap(api.GET('/exemptions/{id}', { params: { path: { id: item.id } } })),
    enabled: item.kind === 'exemption',
  });
  const correction = useQuery({
    queryKey: ['punch-correction', item.id],
    queryFn: () => unwrap(api.GET('/punch-corrections/{id}', { params: { path: { id: item.id } } })),
    enabled: item.kind === 'punch_correction',
  });
  const overtime = useQuery({
    queryKey: ['overtime-requests', 'one', item.id],
    queryFn: () => unwrap(api.GET('/overtime-requests/{id}', { params: { path: { id: item.id } } })),
    enabled: item.kind === 'overtime',
  });
  // The requester's overtime asked this month (this one included) against the cap (劳动法第41条).
  const overtimeMonth = useOvertimeMonth(item.kind === 'overtime' ? item.staffId : undefined, item.kind === 'overtime' ? item.startDate : null);
  // The day's result now, from the requester's month (the strip below reads the same query).
  const month = useQuery({
    queryKey: ['attendance', item.staffId, item.startDate.slice(0, 7)],
    queryFn: () => unwrap(api.GET('/attendance', { params: { query: { month: item.startDate.slice(0, 7), staffId: item.staffId } } })),
    enabled: item.kind === 'punch_correction',
  });
  const dayNow = month.data?.days.find((day) => day.date === item.startDate);
  const detail = item.kind === 'leave' ? leave : item.kind === 'exemption' ? trip : item.kind === 'overtime' ? overtime : correction;
  const covered = useMemo(() => new Set(datesBetween(item.startDate, item.endDate)), [item.startDate, item.endDate]);

  // Approved requests wait for the office to file them (H-ORG-4); admins see them here too.
  const file = useMutation({
    mutationFn: (): Promise<unknown> =>
      item.kind === 'leave'
        ? unwrap(api.POST('/leave-requests/{id}/file', { params: { path: { id: item.id } }, body: {} }))
        : item.kind === 'exemption'
          ? unwrap(api.POST('/exemptions/{id}/file', { params: { path: { id: item.id } }, body: {} }))
          : item.kind === 'overtime'
            ? unwrap(api.POST('/overtime-requests/{id}/file', { params: { path: { id: item.id } }, body: {} }))
            : unwrap(api.POST('/punch-corrections/{id}/file', { params: { path: { id: item.id } }, body: {} })),
    onSuccess: () => {
      void message.success(t('sup.filed', { name: item.staffName }));
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const kindLabel =
    item.kind === 'leave'
      ? leave.data
        ? leaveTypes.name(leave.data.type)
        : t('sup.kind.leave')
      : item.kind === 'exemption'
        ? t('sup.kind.exemption')
        : item.kind === 'overtime'
          ? t('nav.overtime')
          : t('nav.corrections');
  const days = leave.data
    ? leaveDays(leave.data, language, t)
    : trip.data
      ? tripDays(trip.data, language, t)
      : correction.data
        ? `${formatDay(correction.data.date, language)} · ${correctionSummary(correction.data, timeZone, language, t)}`
        : overtime.data
          ? `${formatDay(overtime.data.date, language)} · ${windowText(overtime.data, timeZone, language, t)}`
          : `${item.startDate} – ${item.endDate}`;
  const description = [kindLabel, days, trip.data?.destination].filter(Boolean).join(' · ');
  return (
    <Card
      className="sup-card"
      title={
        <h2 className="sup-card-title">
          {item.staffName}
          <span className="sup-card-no">{item.employeeNo}</span>
        </h2>
      }
      extra={
        <Space size={4} wrap>
          <StatusTag status={item.kind === 'leave' ? 'leave' : item.kind === 'exemption' ? 'exempt' : item.kind === 'overtime' ? 'present' : 'pending'} label={kindLabel} />
          {item.waitingFor === 'filing' ? <StatusTag status="pending" label={t('sup.waiting.filing')} /> : null}
        </Space>
      }
    >
      {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.isLoading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" className="sup-card-facts">
        <Descriptions.Item label={t('sup.field.days')}>
          <Typography.Text strong>{days}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(item.submittedAt, timeZone, language)}</Descriptions.Item>
        {trip.data ? <Descriptions.Item label={t('sup.field.destination')}>{trip.data.destination}</Descriptions.Item> : null}
        {leave.data?.emergency ? (
          <Descriptions.Item label={t('sup.field.emergency')}>
            <StatusTag status="absent" label={t('sup.emergency')} />
          </Descriptions.Item>
        ) : null}
        {correction.data ? (
          <>
            <Descriptions.Item label={t('corr.dayNow')}>
              {dayNow ? <StatusTag status={dayNow.status} label={t(`status.${dayNow.status}` as MessageKey)} /> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('corr.kind')}>
              {t(`corr.kind.${correction.data.kind}` as MessageKey)}
              {correction.data.recordedAt ? ` · ${t('corr.recorded', { time: formatTime(correction.data.recordedAt, timeZone, language) })}` : ''}
            </Descriptions.Item>
            {item.waitingFor === 'decision' ? (
              <Descriptions.Item label={t('corr.sup.ifApproved')} span={2}>
                {t('corr.sup.effect', { time: formatTime(correction.data.at, timeZone, language), direction: punchLabel(correction.data, t) })}
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('field.status')}>
                <CorrectionStatus status={correction.data.status} />
              </Descriptions.Item>
            )}
          </>
        ) : null}
        {overtime.data ? (
          <>
            <Descriptions.Item label={t('ot.dayType')}>{kindRate(overtime.data.dayKind, t)}</Descriptions.Item>
            <Descriptions.Item label={t('ot.compensation')}>{t(`ot.compensation.${overtime.data.compensation}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ot.sup.monthHours')}>
              {overtimeMonth ? t('ot.sup.monthValue', { hours: hours(overtimeMonth.used), cap: hours(overtimeMonth.cap) }) : '—'}
            </Descriptions.Item>
            {overtime.data.capOverrideReason ? <Descriptions.Item label={t('ot.admin.capOverride')}>{overtime.data.capOverrideReason}</Descriptions.Item> : null}
          </>
        ) : null}
        {detail.data ? (
          <Descriptions.Item label={t('field.reason')} span={2}>
            <span className="sup-reason">{detail.data.reason}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {monthsBetween(item.startDate, item.endDate).map((month) => (
        <MonthStrip key={month} staffId={item.staffId} name={item.staffName} month={month} covered={covered} />
      ))}
      <div className="sup-card-actions">
        {item.waitingFor === 'decision' ? (
          <>
            <Button danger icon={<CloseOutlined />} onClick={() => onDecide({ item, decision: 'reject', exemption: trip.data, description })}>
              {t('sup.action.reject')}
            </Button>
            <Button type="primary" icon={<CheckOutlined />} onClick={() => onDecide({ item, decision: 'approve', exemption: trip.data, description })} disabled={item.kind === 'exemption' && !trip.data}>
              {t(item.kind === 'exemption' ? 'sup.action.sign' : 'sup.action.approve')}
            </Button>
          </>
        ) : (
          <Popconfirm title={t('sup.file.confirm', { name: item.staffName })} okText={t('action.confirm')} cancelText={t('action.cancel')} onConfirm={() => file.mutate()}>
            <Button icon={<FileDoneOutlined />} loading={file.isPending}>
              {t('sup.action.file')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </Card>
  );
}
