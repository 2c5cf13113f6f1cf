import { RedoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { paths } from '../../../api/schema';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StaffPicker } from '../../../components/StaffPicker';
import { StatusTag } from '../../../components/StatusTag';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { AdminTable, StaffName, usePaging } from '../shared';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, MESSAGE_KINDS } from './kinds';

type Delivery = Schemas['DeliveryDto'];
type Query = NonNullable<paths['/notification-deliveries']['get']['parameters']['query']>;
const FILTERS = ['status', 'channel', 'kind', 'recipientId', 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];
const DELIVERIES_KEY = ['notification-deliveries'] as const;

/** Report colours (theme.ts) for a delivery's state. */
const STATUS_COLOUR: Record<Delivery['status'], string> = { pending: 'pending', delivered: 'present', failed: 'absent' };

/**
 * The delivery log, newest first, with every filter the service offers (status, channel, kind,
 * recipient, period); a failed delivery shows its last error and is retried by hand, after asking.
 * The filters live in the URL so a link shares them.
 */
export function DeliveryLog() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [params, setParams] = useSearchParams();
  const { page, pageSize, pagination, reset } = usePaging(50);
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || undefined])) as Record<FilterName, string | undefined>;
  const set = (name: FilterName, value: string | null | undefined) => {
    reset();
    setParams(
      (current) => {
        if (value) current.set(name, value);
        else current.delete(name);
        return current;
      },
      { replace: true },
    );
  };
  const log = useQuery({
    queryKey: [...DELIVERIES_KEY, { page, pageSize, ...filter }],
    queryFn: () => unwrap(api.GET('/notification-deliveries', { params: { query: { page, pageSize, ...filter } as Query } })),
    placeholderData: keepPreviousData,
  });
  const target = (delivery: Delivery) => delivery.channelName ?? delivery.address ?? '—';
  return (
    <div className="admin-notify-log">
      <Typography.Paragraph type="secondary">{t('notify.log.help')}</Typography.Paragraph>
      <div className="admin-audit-filters admin-gap-bottom">
        <Select
          allowClear
          className="admin-filter"
          aria-label={t('notify.log.status')}
          placeholder={t('notify.log.status')}
          value={filter.status}
          onChange={(value) => set('status', value)}
          options={DELIVERY_STATUSES.map((value) => ({ value, label: t(`notify.log.status.${value}` as MessageKey) }))}
        />
        <Select
          allowClear
          className="admin-filter"
          aria-label={t('notify.log.channel')}
          placeholder={t('notify.log.channel')}
          value={filter.channel}
          onChange={(value) => set('channel', value)}
          options={DELIVERY_CHANNELS.map((value) => ({ value, label: channelLabel(t, value) }))}
        />
        <Select
          allowClear
          className="admin-filter"
          aria-label={t('notify.log.kind')}
          placeholder={t('notify.log.kind')}
          value={filter.kind}
          onChange={(value) => set('kind', value)}
          options={MESSAGE_KINDS.map((value) => ({ value, label: t(`notify.event.${value}` as MessageKey) }))}
        />
        <div className="admin-filter">
          <StaffPicker activeOnly={false} value={filter.recipientId ?? null} onChange={(id) => set('recipientId', id)} aria-label={t('notify.log.recipient')} placeholder={t('notify.log.recipient')} />
        </div>
        <label className="admin-notify-date">
          <span>{t('notify.log.from')}</span>
          <Input type="date" value={filter.from ?? ''} onChange={(event) => set('from', event.target.value)} />
        </label>
        <label className="admin-notify-date">
          <span>{t('notify.log.to')}</span>
          <Input type="date" value={filter.to ?? ''} onChange={(event) => set('to', event.target.value)} />
        </label>
        {FILTERS.some((name) => filter[name]) ? <Button onClick={() => (reset(), setParams({ tab: 'log' }, { replace: true }))}>{t('admin.filter.clear')}</Button> : null}
      </div>
      {log.error ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      <AdminTable<Delivery>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        pagination={pagination(log.data?.total)}
        locale={{ emptyText: <span className="admin-muted">{t('list.empty')}</span> }}
        expandable={{ expandedRowRender: (delivery) => <DeliveryDetails delivery={delivery} /> }}
        columns={[
          { title: t('notify.log.createdAt'), dataIndex: 'createdAt', render: (at: string) => <span className="admin-nowrap">{formatDateTime(at, timeZone, language)}</span> },
          { title: t('notify.log.kind'), dataIndex: 'kind', render: (kind: string) => t(`notify.event.${kind}` as MessageKey) },
          { title: t('notify.log.channel'), dataIndex: 'channel', render: (channel: Delivery['channel']) => channelLabel(t, channel) },
          {
            title: t('notify.log.target'),
            key: 'target',
            render: (_, delivery) =>
              delivery.recipientId ? (
                <span>
                  <StaffName id={delivery.recipientId} />
                  {delivery.address ? <div className="admin-muted">{delivery.address}</div> : null}
                </span>
              ) : (
                target(delivery)
              ),
          },
          {
            title: t('notify.log.status'),
            key: 'status',
            render: (_, delivery) => (
              <div>
                <StatusTag status={STATUS_COLOUR[delivery.status]} label={t(`notify.log.status.${delivery.status}` as MessageKey)} />
                {delivery.status === 'pending' && delivery.nextAttemptAt ? (
                  <div className="admin-muted admin-nowrap">{t('notify.log.nextAttempt', { at: formatDateTime(delivery.nextAttemptAt, timeZone, language) })}</div>
                ) : null}
                {delivery.status === 'delivered' && delivery.deliveredAt ? (
                  <div className="admin-muted admin-nowrap">{t('notify.log.deliveredAt', { at: formatDateTime(delivery.deliveredAt, timeZone, language) })}</div>
                ) : null}
              </div>
            ),
          },
          { title: t('notify.log.attempts'), dataIndex: 'attempts' },
          { title: t('notify.log.lastError'), dataIndex: 'lastError', render: (error: string | null) => (error ? <span className="admin-notify-error">{error}</span> : '—') },
          { title: t('admin.actions'), key: 'actions', render: (_, delivery) => (delivery.status === 'failed' ? <RetryButton delivery={delivery} target={target(delivery)} /> : null) },
        ]}
      />
    </div>
  );
}

const channelLabel = (t: ReturnType<typeof useT>, channel: Delivery['channel']) =>
  channel === 'email' ? t('notify.log.channel.email') : t(`notify.channels.kind.${channel}` as MessageKey);

/** Retrying a failed delivery asks first; the service makes it due at once. */
function RetryButton({ delivery, target }: { delivery: Delivery; target: string }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/notification-deliveries/{id}/retry', { params: { path: { id: delivery.id } } })),
    onSuccess: () => {
      void message.success(t('notify.log.retried'));
      void queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY });
    },
  });
  return (
    <>
      <Popconfirm title={t('notify.log.retryConfirm')} okText={t('notify.log.retry')} cancelText={t('action.cancel')} onConfirm={() => retry.mutate()}>
        <Button size="small" icon={<RedoOutlined />} loading={retry.isPending} aria-label={t('notify.log.retryOf', { target })}>
          {t('notify.log.retry')}
        </Button>
      </Popconfirm>
      {retry.error ? <ErrorAlert error={retry.error} /> : null}
    </>
  );
}

/** The delivery's idempotency key and the whole last error (the column clips it). */
function DeliveryDetails({ delivery }: { delivery: Delivery }) {
  const t = useT();
  return (
    <dl className="admin-notify-details">
      <dt>{t('notify.log.idempotencyKey')}</dt>
      <dd>
        <Typography.Text code copyable={{ text: delivery.idempotencyKey }}>
          {delivery.idempotencyKey}
        </Typography.Text>
      </dd>
      {delivery.lastError ? (
        <>
          <dt>{t('notify.log.lastError')}</dt>
          <dd>
            <pre className="admin-json">{delivery.lastError}</pre>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
