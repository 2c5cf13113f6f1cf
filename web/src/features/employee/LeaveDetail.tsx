import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { api, unwrap } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime, formatDay, todayIn } from '../../lib/time';
import { formatSpan, useLeaveTypes } from './leave-span';
import { useWithdraw } from './use-withdraw';
import { ApprovalHistory, RequestStatus, useDrawerSize } from './shared';

/**
 * One of my leave requests with its history. I may withdraw it while it is pending, or once
 * approved until it starts (after that only my supervisor or the office can cancel it).
 */
export function LeaveDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const size = useDrawerSize();
  const { nameOf } = useLeaveTypes(language);
  const request = useQuery({
    queryKey: ['leave-requests', 'one', id],
    queryFn: () => unwrap(api.GET('/leave-requests/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const withdraw = useWithdraw({
    call: (requestId) => unwrap(api.POST('/leave-requests/{id}/cancel', { params: { path: { id: requestId } }, body: {} })),
    invalidate: [['leave-requests'], ['attendance']],
    done: t('leave.withdrawn'),
    question: t('leave.withdrawConfirm'),
    action: t('leave.withdraw'),
  });

  const data = request.data;
  const today = todayIn(timeZone);
  const canWithdraw = !!data && (data.status === 'pending' || (data.status === 'approved' && data.startDate > today));
  const confirmWithdraw = () => withdraw.confirm(data!.id);
  const half = (h: 'am' | 'pm') => t(`leave.half.${h}` as MessageKey);

  return (
    <Drawer open={!!id} onClose={onClose} size={size} title={t('leave.detail')} destroyOnHidden>
      {request.isLoading ? <Skeleton active /> : null}
      {request.error ? <ErrorAlert error={request.error} onRetry={() => void request.refetch()} /> : null}
      {data ? (
        <div className="employee-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.status')}>
              <Space size={4}>
                <RequestStatus status={data.status} />
                {data.emergency ? <StatusTag status="late" label={t('leave.emergencyTag')} /> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('leave.type')}>{nameOf(data.type)}</Descriptions.Item>
            <Descriptions.Item label={t('leave.period')}>{formatSpan(data, language, half)}</Descriptions.Item>
            <Descriptions.Item label={t('leave.workingDays')}>{t('leave.daysValue', { days: data.workingDays })}</Descriptions.Item>
            {data.takenUntil ? <Descriptions.Item label={t('leave.takenUntil')}>{t('leave.takenUntilValue', { until: formatDay(data.takenUntil, language) })}</Descriptions.Item> : null}
            {data.reason ? <Descriptions.Item label={t('leave.reason')}>{data.reason}</Descriptions.Item> : null}
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(data.createdAt, timeZone, language)}</Descriptions.Item>
          </Descriptions>
          <h3 className="employee-subtitle">{t('request.history')}</h3>
          <ApprovalHistory events={data.history} />
          {canWithdraw ? (
            <Button danger block onClick={confirmWithdraw} loading={withdraw.pending}>
              {t('leave.withdraw')}
            </Button>
          ) : (
            <Typography.Paragraph type="secondary">{data.status === 'approved' || data.status === 'filed' ? t('leave.withdrawStarted') : null}</Typography.Paragraph>
          )}
        </div>
      ) : null}
    </Drawer>
  );
}
