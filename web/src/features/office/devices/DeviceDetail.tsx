import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { useLanguage, useT } from '../../../i18n';
import { errorSentence } from '../../../i18n/error-sentence';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime, localDateOf } from '../../../lib/time';
import { DeviceForm } from './DeviceForm';
import { KeyModal } from './KeyModal';
import { Empty, ScrollBox } from '../ScrollBox';
import { useDeviceActions } from './use-device-actions';
import { OfficeTag } from '../OfficeTag';
import { ACCEPTED_SKEW_SECONDS, ClockSkew, skewBeyondLimit, useDuration } from './ClockSkew';
import { DeviceCommands } from './DeviceCommands';
import { DeviceUploads } from './DeviceUploads';
import { DeviceUsers } from './DeviceUsers';
import { RetryLinesModal, RetryResultModal } from './RetryLines';
import '../office.css';

type RejectedLine = Schemas['RejectedLineDto'];
type DeviceWithKey = Schemas['DeviceWithKeyDto'];
type RetryResult = Schemas['RetryResultDto'];
const PAGE_SIZE = 20;

/**
 * One terminal: its settings and clock, the lines it sent that were not stored (unknown PIN, closed
 * month, a clock running ahead…) and their retry once the cause is fixed, the users it holds, its
 * command queue, and the uploads kept without being read. The terminal was answered OK so that it stops re-sending; this
 * page is where the office sees what it sent.
 */
export default function DeviceDetail() {
  const { id = '' } = useParams();
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState(false);
  const [key, setKey] = useState<DeviceWithKey | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retried, setRetried] = useState<RetryResult | null>(null);
  const actions = useDeviceActions(setKey);
  const duration = useDuration();
  const device = useQuery({ queryKey: ['devices', 'one', id], queryFn: () => unwrap(api.GET('/devices/{id}', { params: { path: { id } } })) });
  const lines = useQuery({
    queryKey: ['devices', 'rejected', id, page],
    queryFn: () => unwrap(api.GET('/devices/{id}/rejected-lines', { params: { path: { id }, query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const d = device.data;
  const when = (instant: string | null) => (instant ? formatDateTime(instant, timeZone, language) : t('office.devices.never'));

  return (
    <div className="office-page">
      <div>
        <Link to="/office/devices">
          <ArrowLeftOutlined /> {t('office.devices.backToList')}
        </Link>
      </div>
      <PageTitle
        extra={
          d ? (
            <Space wrap>
              <Button onClick={() => setEditing(true)}>{t('action.edit')}</Button>
              <Button onClick={() => actions.confirmRotate(d)}>{t('office.devices.rotate')}</Button>
              {d.active ? (
                <Button danger onClick={() => actions.confirmActive(d, false)}>{t('office.devices.deactivate')}</Button>
              ) : (
                <Button onClick={() => actions.confirmActive(d, true)}>{t('office.devices.activate')}</Button>
              )}
            </Space>
          ) : null
        }
      >
        {d?.name ?? t('office.devices.title')}
      </PageTitle>
      {device.error ? <ErrorAlert error={device.error} onRetry={() => void device.refetch()} /> : null}
      {device.isLoading ? <Skeleton active /> : null}
      {d ? (
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
            <Descriptions.Item label={t('office.devices.field.serial')}><span className="office-mono">{d.serialNumber}</span></Descriptions.Item>
            <Descriptions.Item label={t('field.status')}>{d.active ? <OfficeTag tone="good">{t('office.devices.active')}</OfficeTag> : <OfficeTag tone="bad">{t('office.devices.inactive')}</OfficeTag>}</Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.zone')}>{d.timeZone ?? t('office.devices.companyZone', { zone: timeZone })}</Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.key')}><span className="office-mono">{d.keyPrefix}…</span></Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.pinMapping')}>{t(`office.devices.pin.${d.pinMapping}`)}</Descriptions.Item>
            <Descriptions.Item label={t('terminals.field.pushStaff')}>{d.pushStaff ? t('terminals.pushStaffOn') : t('terminals.pushStaffOff')}</Descriptions.Item>
            <Descriptions.Item label={t('terminals.field.skew')}><ClockSkew device={d} withTime /></Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.lastSeen')}>{when(d.lastSeenAt)}</Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.lastPunch')}>{when(d.lastPunchAt)}</Descriptions.Item>
            <Descriptions.Item label={t('office.devices.field.registeredAt')}>{when(d.createdAt)}</Descriptions.Item>
          </Descriptions>
          {skewBeyondLimit(d) ? <Alert type="warning" showIcon title={t('terminals.skew.beyondHelp', { limit: duration(ACCEPTED_SKEW_SECONDS) })} style={{ marginTop: 12 }} /> : null}
        </Card>
      ) : null}
      <Card
        size="small"
        title={<h2 className="card-title">{t('office.devices.rejectedLines')}</h2>}
        extra={d && (lines.data?.total ?? 0) > 0 ? <Button size="small" type="primary" onClick={() => setRetrying(true)}>{t('terminals.retry.device')}</Button> : null}
      >
        <p className="office-muted">{t('office.devices.rejectedHelp')}</p>
        {d && d.rejectedLinesDropped > 0 ? (
          <Alert type="info" showIcon title={t('office.devices.dropped', { count: d.rejectedLinesDropped })} style={{ marginBottom: 12 }} />
        ) : null}
        {lines.error ? <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} /> : null}
        <ScrollBox label={t('office.devices.rejectedLines')}>
        <Table<RejectedLine>
          className="office-table"
          rowKey={(line) => `${line.line}|${line.firstReceivedAt}`}
          size="small"
          loading={lines.isFetching}
          dataSource={lines.data?.items ?? []}
          locale={{ emptyText: <Empty>{t('office.devices.rejectedNone')}</Empty> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: lines.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('list.total', { total }), hideOnSinglePage: true }}
          columns={[
            {
              title: t('field.reason'),
              dataIndex: 'reason',
              // The catalogue's sentence for the reason code, in the reader's language; the line's own detail beneath.
              render: (reason: string, line) => (
                <div>
                  <div>{errorSentence(language, reason) ?? reason}</div>
                  {language === 'en' && line.message !== errorSentence(language, reason) ? <div className="office-muted">{line.message}</div> : null}
                </div>
              ),
            },
            { title: t('office.devices.field.line'), dataIndex: 'line', render: (text: string) => <code className="office-mono">{text}</code> },
            { title: t('office.devices.field.times'), dataIndex: 'times' },
            { title: t('office.devices.field.firstReceived'), dataIndex: 'firstReceivedAt', render: (at: string) => formatDateTime(at, timeZone, language) },
            { title: t('office.devices.field.lastReceived'), dataIndex: 'lastReceivedAt', render: (at: string) => formatDateTime(at, timeZone, language) },
          ]}
        />
        </ScrollBox>
      </Card>
      {d ? <DeviceUsers device={d} /> : null}
      {d ? <DeviceCommands device={d} /> : null}
      {d ? <DeviceUploads device={d} /> : null}
      <RetryLinesModal open={retrying} device={d ?? null} suggestedFrom={firstDate(lines.data?.items ?? [], d?.timeZone ?? timeZone)} onClose={() => setRetrying(false)} onResult={setRetried} />
      <RetryResultModal result={retried} onClose={() => setRetried(null)} />
      <DeviceForm open={editing} device={d ?? null} onClose={() => setEditing(false)} onRegistered={setKey} />
      <KeyModal device={key} onClose={() => setKey(null)} />
    </div>
  );
}

/** The device-local date of the earliest line listed: where a clock difference began to matter, as far as the list shows. */
function firstDate(lines: RejectedLine[], zone: string): string | undefined {
  const first = lines.map((line) => line.firstReceivedAt).sort()[0];
  return first ? localDateOf(first, zone) : undefined;
}
