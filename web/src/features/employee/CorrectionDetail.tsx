import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Skeleton } from 'antd';
import { api, unwrap } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime, formatDay, formatTime } from '../../lib/time';
import { CorrectionStatus, correctionEvent, punchLabel } from './correction-labels';
import { useWithdraw } from './use-withdraw';
import { ApprovalHistory, useDrawerSize } from './shared';

/** One of my make-up punch requests with its history; I may withdraw it while it is pending (its place in the month comes back). */
export function CorrectionDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const size = useDrawerSize();
  const request = useQuery({
    queryKey: ['punch-corrections', 'one', id],
    queryFn: () => unwrap(api.GET('/punch-corrections/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const withdraw = useWithdraw({
    call: (requestId) => unwrap(api.POST('/punch-corrections/{id}/withdraw', { params: { path: { id: requestId } }, body: {} })),
    invalidate: [['punch-corrections']],
    done: t('corr.withdrawn'),
    question: t('corr.withdrawConfirm'),
    action: t('corr.withdraw'),
  });
  const data = request.data;
  const confirmWithdraw = () => withdraw.confirm(data!.id);

  return (
    <Drawer open={!!id} onClose={onClose} size={size} title={t('corr.detail')} destroyOnHidden>
      {request.isLoading ? <Skeleton active /> : null}
      {request.error ? <ErrorAlert error={request.error} onRetry={() => void request.refetch()} /> : null}
      {data ? (
        <div className="employee-detail">
          {data.status === 'cancelled' ? <Alert type="error" showIcon title={t('corr.cancelledNote')} description={data.cancelReason ?? undefined} /> : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.status')}>
              <CorrectionStatus status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('corr.day')}>{formatDay(data.date, language, { month: 'long', day: 'numeric', weekday: 'short' })}</Descriptions.Item>
            <Descriptions.Item label={t('corr.admin.punch')}>{punchLabel(data, t)}</Descriptions.Item>
            <Descriptions.Item label={t('corr.claimed')}>{formatDateTime(data.at, timeZone, language)}</Descriptions.Item>
            {data.recordedAt ? <Descriptions.Item label={t('corr.recordedAt')}>{formatTime(data.recordedAt, timeZone, language)}</Descriptions.Item> : null}
            <Descriptions.Item label={t('corr.kind')}>{t(`corr.kind.${data.kind}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('corr.reason')}>{data.reason}</Descriptions.Item>
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(data.createdAt, timeZone, language)}</Descriptions.Item>
          </Descriptions>
          <h3 className="employee-subtitle">{t('request.history')}</h3>
          <ApprovalHistory events={data.history} eventLabel={correctionEvent(t)} />
          {data.status === 'pending' ? (
            <Button danger block onClick={confirmWithdraw} loading={withdraw.pending}>
              {t('corr.withdraw')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
