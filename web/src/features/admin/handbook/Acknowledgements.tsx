import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { AdminTable, StaffName } from '../shared';

/** Who has acknowledged a published version and when, and which active staff have not yet. */
export function Acknowledgements({ version }: { version: number }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const acks = useQuery({
    queryKey: ['handbook', 'acks', version],
    queryFn: () => unwrap(api.GET('/handbook/acknowledgements', { params: { query: { version } } })),
  });
  if (acks.error) return <ErrorAlert error={acks.error} onRetry={() => void acks.refetch()} />;
  if (!acks.data) return <Skeleton active />;
  const { acknowledged, notYet } = acks.data;
  return (
    <div className="admin-two-cards">
      <section>
        <h3 className="admin-subtitle">{t('admin.handbook.acknowledged', { n: acknowledged.length })}</h3>
        <AdminTable<Schemas['AcknowledgementDto']>
          size="small"
          rowKey="staffId"
          dataSource={acknowledged}
          pagination={acknowledged.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('admin.handbook.nobodyYet') }}
          columns={[
            { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
            { title: t('admin.handbook.acknowledgedAt'), dataIndex: 'acknowledgedAt', render: (at: string) => formatDateTime(at, timeZone, language) },
          ]}
        />
      </section>
      <section>
        <h3 className="admin-subtitle">{t('admin.handbook.notYet', { n: notYet.length })}</h3>
        <AdminTable<{ id: string }>
          size="small"
          rowKey="id"
          dataSource={notYet.map((id) => ({ id }))}
          pagination={notYet.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: t('admin.handbook.everyone') }}
          columns={[{ title: t('field.name'), dataIndex: 'id', render: (id: string) => <StaffName id={id} /> }]}
        />
      </section>
    </div>
  );
}
