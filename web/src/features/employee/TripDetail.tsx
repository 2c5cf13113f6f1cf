import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Skeleton } from 'antd';
import { api, unwrap } from '../../api/client';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { ApprovalHistory, RequestStatus, useDrawerSize } from './shared';
import { tripWhen } from './TripList';

/** One business trip: what I asked, who signed it and the sentence they signed (H-ATT-12), and its history. */
export function TripDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const size = useDrawerSize();
  const trip = useQuery({
    queryKey: ['exemptions', 'one', id],
    queryFn: () => unwrap(api.GET('/exemptions/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const data = trip.data;
  return (
    <Drawer open={!!id} onClose={onClose} size={size} title={t('trips.detail')} destroyOnHidden>
      {trip.isLoading ? <Skeleton active /> : null}
      {trip.error ? <ErrorAlert error={trip.error} onRetry={() => void trip.refetch()} /> : null}
      {data ? (
        <div className="employee-detail">
          {data.status === 'revoked' ? (
            <Alert type="error" showIcon title={data.revokedAsFalse ? t('trips.revokedFalse') : t('trips.revoked')} description={data.revokeReason ?? undefined} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('field.status')}>
              <RequestStatus status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.date')}>{tripWhen(data, language, t)}</Descriptions.Item>
            <Descriptions.Item label={t('trips.destination')}>{data.destination}</Descriptions.Item>
            <Descriptions.Item label={t('trips.reason')}>{data.reason}</Descriptions.Item>
            <Descriptions.Item label={t('field.createdAt')}>{formatDateTime(data.createdAt, timeZone, language)}</Descriptions.Item>
            {data.certifiedAt ? (
              <Descriptions.Item label={t('trips.certified')}>
                {t(`request.actingAs.${data.certifiedAs ?? 'supervisor'}` as MessageKey)} · {formatDateTime(data.certifiedAt, timeZone, language)}
              </Descriptions.Item>
            ) : null}
            {data.attestation ? <Descriptions.Item label={t('trips.attestation')}>{data.attestation}</Descriptions.Item> : null}
          </Descriptions>
          <h3 className="employee-subtitle">{t('request.history')}</h3>
          <ApprovalHistory events={data.history} />
        </div>
      ) : null}
    </Drawer>
  );
}
