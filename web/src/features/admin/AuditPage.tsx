import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { StaffPicker } from '../../components/StaffPicker';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { AdminTable, StaffName, usePaging } from './shared';
import './admin.css';

type Entry = Schemas['AuditEntryDto'];
type ActorKind = Entry['actorKind'];

/** The entities the service writes audit rows for; the filter also takes any other name typed in. */
const ENTITIES = [
  'staff', 'position', 'device', 'punch', 'duty_roster', 'leave_type', 'leave_request', 'exemption', 'calendar_override',
  'setting_version', 'shift_version', 'company', 'handbook_version', 'handbook_article', 'disciplinary_record',
  'accounting_month', 'finance_policy', 'leave_allowance_rule', 'carry_over_setting', 'leave_ledger',
];
const FILTERS = ['entity', 'entityId', 'actorId', 'actorKind', 'requestId'] as const;

/**
 * The audit log (append-only), newest first, with every filter the service offers: the entity and
 * its id, the actor and their kind, the request. The filters live in the URL so a link shares them.
 */
export default function AuditPage() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [params, setParams] = useSearchParams();
  const { page, pageSize, pagination, reset } = usePaging(50);
  const filter = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const set = (name: (typeof FILTERS)[number], value: string | null | undefined) => {
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
  // The entity box is typed into freely; the filter applies on a pick from the list or on leaving the box.
  const [entityText, setEntityText] = useState(filter.entity ?? '');
  useEffect(() => setEntityText(filter.entity ?? ''), [filter.entity]);
  const log = useQuery({
    queryKey: ['audit', { page, pageSize, ...filter }],
    queryFn: () => unwrap(api.GET('/audit-log', { params: { query: { page, pageSize, ...filter, actorKind: filter.actorKind as ActorKind | undefined } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="admin-page">
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('admin.audit.help')}</Typography.Paragraph>
      <div className="admin-audit-filters">
        <AutoComplete
          className="admin-filter"
          aria-label={t('admin.audit.entity')}
          placeholder={t('admin.audit.entity')}
          value={entityText}
          options={ENTITIES.map((entity) => ({ value: entity, label: `${t(`admin.entity.${entity}` as MessageKey)} · ${entity}` }))}
          filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
          onChange={(value: string) => setEntityText(value ?? '')}
          onSelect={(value: string) => set('entity', value)}
          onClear={() => set('entity', undefined)}
          onBlur={() => entityText.trim() !== (filter.entity ?? '') && set('entity', entityText.trim())}
          allowClear
        />
        <Input.Search
          className="admin-filter"
          aria-label={t('admin.audit.entityId')}
          placeholder={t('admin.audit.entityId')}
          defaultValue={filter.entityId}
          allowClear
          onSearch={(value) => set('entityId', value.trim())}
        />
        <div className="admin-filter">
          <StaffPicker activeOnly={false} value={filter.actorId ?? null} onChange={(id) => set('actorId', id)} aria-label={t('admin.audit.actor')} placeholder={t('admin.audit.actor')} />
        </div>
        <Select<ActorKind>
          allowClear
          className="admin-filter"
          aria-label={t('admin.audit.actorKind')}
          placeholder={t('admin.audit.actorKind')}
          value={filter.actorKind as ActorKind | undefined}
          onChange={(value) => set('actorKind', value)}
          options={(['staff', 'device', 'system'] as const).map((kind) => ({ value: kind, label: t(`admin.audit.kind.${kind}` as MessageKey) }))}
        />
        <Input.Search
          className="admin-filter"
          aria-label={t('admin.audit.requestId')}
          placeholder={t('admin.audit.requestId')}
          defaultValue={filter.requestId}
          allowClear
          onSearch={(value) => set('requestId', value.trim())}
        />
        {FILTERS.some((name) => filter[name]) ? (
          <Button onClick={() => (reset(), setParams({}, { replace: true }))}>{t('admin.filter.clear')}</Button>
        ) : null}
      </div>
      {log.error ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      <AdminTable<Entry>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        pagination={pagination(log.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
        columns={[
          { title: t('admin.audit.at'), dataIndex: 'at', render: (at: string) => <span className="admin-nowrap">{formatDateTime(at, timeZone, language)}</span> },
          { title: t('admin.audit.action'), dataIndex: 'action', render: (action: string) => <code>{action}</code> },
          {
            title: t('admin.audit.actor'),
            key: 'actor',
            render: (_, entry) => (entry.actorKind === 'staff' ? <StaffName id={entry.actorId} /> : `${t(`admin.audit.kind.${entry.actorKind}` as MessageKey)}${entry.actorId ? ` ${entry.actorId}` : ''}`),
          },
          {
            title: t('admin.audit.entity'),
            key: 'entity',
            render: (_, entry) => (
              <Button type="link" size="small" className="admin-link" onClick={() => set('entity', entry.entity)} aria-label={t('admin.audit.filterEntity', { entity: entry.entity })}>
                {entry.entity}
              </Button>
            ),
          },
          {
            title: t('admin.audit.entityId'),
            dataIndex: 'entityId',
            render: (id: string | null) =>
              id ? (
                <Button type="link" size="small" className="admin-link" onClick={() => set('entityId', id)} aria-label={t('admin.audit.filterEntityId', { id })}>
                  <span className="admin-clip">{id}</span>
                </Button>
              ) : (
                '—'
              ),
          },
          {
            title: t('admin.audit.requestId'),
            dataIndex: 'requestId',
            render: (id: string | null) => (id ? <Typography.Text code copyable={{ text: id }} className="admin-request-id">{id}</Typography.Text> : '—'),
          },
        ]}
      />
    </div>
  );
}

/** The record before and after the change, as the service stored them. */
function EntryDetails({ entry }: { entry: Entry }) {
  const t = useT();
  return (
    <div className="admin-diff-sides">
      <div className="admin-diff-side">
        <div className="admin-diff-label">{t('admin.audit.before')}</div>
        <pre className="admin-json">{entry.before ? JSON.stringify(entry.before, null, 2) : '—'}</pre>
      </div>
      <div className="admin-diff-side">
        <div className="admin-diff-label">{t('admin.audit.after')}</div>
        <pre className="admin-json">{entry.after ? JSON.stringify(entry.after, null, 2) : '—'}</pre>
      </div>
    </div>
  );
}
