import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatFen } from '../../../lib/money';
import { formatDateTime } from '../../../lib/time';
import { AdminTable, StaffName, StateTag, usePersonStateFilter } from '../shared';
import { IssueRecord } from './IssueRecord';
import { Resolve, type Resolution } from './Resolve';
import '../admin.css';

type Record = Schemas['DisciplinaryRecordDto'];
type Status = Record['status'];
const STATUSES: Status[] = ['issued', 'acknowledged', 'appealed', 'upheld', 'withdrawn'];

/**
 * Disciplinary records (H-CON-8): every record, filtered by person and state, a new one issued
 * citing the handbook in force, an appeal upheld, a record withdrawn — nothing is ever deleted.
 */
export default function DisciplinaryPage() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { page, pageSize, pagination, staffId, status, filters } = usePersonStateFilter<Status>(STATUSES);
  const [issuing, setIssuing] = useState(false);
  const [resolving, setResolving] = useState<{ record: Record; kind: Resolution } | null>(null);
  const records = useQuery({
    queryKey: ['disciplinary', { page, pageSize, staffId, status }],
    queryFn: () => unwrap(api.GET('/disciplinary-records', { params: { query: { page, pageSize, staffId: staffId ?? undefined, status } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="admin-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('admin.disciplinary.issue')}
          </Button>
        }
      >
        {t('admin.disciplinary.title')}
      </PageTitle>
      {filters}
      {records.error ? <ErrorAlert error={records.error} onRetry={() => void records.refetch()} /> : null}
      <AdminTable<Record>
        rowKey="id"
        loading={records.isFetching}
        dataSource={records.data?.items ?? []}
        pagination={pagination(records.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (record) => <RecordDetails record={record} /> }}
        columns={[
          { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
          { title: t('admin.disciplinary.occurredOn'), dataIndex: 'occurredOn' },
          { title: t('admin.disciplinary.articles'), dataIndex: 'articles', render: (articles: Record['articles']) => articles.map((a) => a.key).join('、') },
          { title: t('admin.disciplinary.severity'), dataIndex: 'severity', render: (s: string) => t(`admin.severity.${s}` as MessageKey) },
          {
            title: t('admin.disciplinary.action'),
            key: 'action',
            render: (_, record) => (record.action === 'fine' && record.amountFen ? `${t('admin.disciplinary.fine')} ${formatFen(record.amountFen, language)}` : t('admin.disciplinary.warning')),
          },
          { title: t('field.status'), dataIndex: 'status', render: (s: string) => <StateTag state={s} /> },
          { title: t('admin.disciplinary.issuedAt'), dataIndex: 'issuedAt', render: (at: string) => formatDateTime(at, timeZone, language) },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, record) => (
              <Space wrap>
                {record.status === 'appealed' ? (
                  <Button size="small" onClick={() => setResolving({ record, kind: 'uphold' })}>
                    {t('admin.disciplinary.uphold')}
                  </Button>
                ) : null}
                {record.status !== 'withdrawn' && record.status !== 'upheld' ? (
                  <Button size="small" danger onClick={() => setResolving({ record, kind: 'withdraw' })}>
                    {t('admin.disciplinary.withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <IssueRecord open={issuing} onClose={() => setIssuing(false)} />
      <Resolve target={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}

/** The facts, the cited articles' text, the employee's statement and how it was resolved. */
function RecordDetails({ record }: { record: Record }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'facts', label: t('admin.disciplinary.facts'), children: record.facts },
        {
          key: 'articles',
          label: t('admin.disciplinary.cited', { n: record.handbookVersion }),
          children: (
            <ul className="admin-plain-list">
              {record.articles.map((a) => (
                <li key={a.id}>
                  <code>{a.key}</code> {a.titleZh} — {a.textZh}
                </li>
              ))}
            </ul>
          ),
        },
        { key: 'statement', label: t('admin.disciplinary.statement'), children: record.statement ?? '—' },
        { key: 'resolution', label: t('admin.disciplinary.resolution'), children: record.resolutionReason ?? '—' },
        { key: 'issuedBy', label: t('admin.disciplinary.issuedBy'), children: <StaffName id={record.issuedBy} /> },
        ...(record.exemptionId ? [{ key: 'exemption', label: t('admin.disciplinary.fromFalse'), children: t('admin.disciplinary.fromFalseBody') }] : []),
      ]}
    />
  );
}
