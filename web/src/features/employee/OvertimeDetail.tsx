import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Skeleton } from 'antd';
import { api, unwrap } from '../../api/client';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/time';
import { kindRate, OvertimeStatus, overtimeEvent, windowText } from './overtime-labels';
import { useWithdraw } from './use-withdraw';
import { ApprovalHistory, useDrawerSize } from './shared';

/**
 * One of my overtime requests with its history; I may withdraw it while it is pending (its hours are
 * free under the caps again). Once approved, the hours credited are the day's, shown in my month.
 */
export function OvertimeDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const size = useDrawerSize();
  const request = useQuery({
    queryKey: ['overtime-requests', 'one', id],
    queryFn: () => unwrap(api.GET('/overtime-requests/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const withdraw = useWithdraw({
    call: (requestId) => unwrap(api.POST('/overtime-requests/{id}/withdraw', { params: { path: { id: requestId } }, body: {} })),
    invalidate: [['overtime-requests']],
    done: t('ot.withdrawn'),
    question: t('ot.withdrawConfirm'),
    action: t('ot.withdraw'),
  });
  const data = request.data;

  return (
    <Drawer open={!!id} onClose={onClose} size={size} title={t('ot.detail')} destroyOnHidden>
      {request.isLoading ? <Skeleton active /> : null}
      {request.error ? <ErrorAlert error={request.error} onRetry={() => void request.refetch()} /> : null}
      {data ? (
        <div className="employee-detail">
          {data.status === 'cancelled' ? <Alert type="error" showIcon title={t('ot.cancelledNote')} description={data.cancelReason ?? undefined} /> : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.status')}>
              <OvertimeStatus status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('ot.date')}>{formatDay(data.date, language, { month: 'long', day: 'numeric', weekday: 'short' })}</Descriptions.Item>
            <Descriptions.Item label={t('ot.window')}>{windowText(data, timeZone, language, t)}</Descriptions.Item>
            <Descriptions.Item label={t('ot.dayType')}>{kindRate(data.dayKind, t)}</Descriptions.Item>
            <Descriptions.Item label={t('ot.compensation')}>{t(`ot.compensation.${data.compensation}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ot.reason')}>{data.reason}</Descriptions.Item>
            {data.capOverrideReason ? <Descriptions.Item label={t('ot.admin.capOverride')}>{data.capOverrideReason}</Descriptions.Item> : null}
            {data.status === 'approved' || data.status === 'filed' ? <Descriptions.Item label={t('ot.credited')}>{t('ot.creditedLater')}</Descriptions.Item> : null}
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(data.createdAt, timeZone, language)}</Descriptions.Item>
          </Descriptions>
          <h3 className="employee-subtitle">{t('request.history')}</h3>
          <ApprovalHistory events={data.history} eventLabel={overtimeEvent(t)} />
          {data.status === 'pending' ? (
            <Button danger block onClick={() => withdraw.confirm(data.id)} loading={withdraw.pending}>
              {t('ot.withdraw')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
