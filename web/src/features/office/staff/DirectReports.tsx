import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { usePositionName } from '../use-positions';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';

type Staff = Schemas['StaffDto'];
const PAGE_SIZE = 10;

/** The people who report to a supervisor directly (H-ORG-3), a page at a time. */
export function DirectReports({ supervisorId }: { supervisorId: string }) {
  const t = useT();
  const positionName = usePositionName();
  const [page, setPage] = useState(1);
  const reports = useQuery({
    queryKey: ['staff', 'reports', supervisorId, page],
    queryFn: () => unwrap(api.GET('/staff', { params: { query: { supervisorId, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title={<h2 className="card-title">{t('office.staff.directReports')}</h2>} size="small">
      {reports.error ? <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      <ScrollBox label={t('office.staff.directReports')}>
        <Table<Staff>
          locale={{ emptyText: <Empty>{t('list.empty')}</Empty> }}
          rowKey="id"
          size="small"
          loading={reports.isFetching}
          dataSource={reports.data?.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: reports.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t('field.employeeNo'), dataIndex: 'employeeNo' },
            { title: t('field.name'), dataIndex: 'name', render: (name: string, staff) => <Link to={`/office/staff/${staff.id}`}>{name}</Link> },
            { title: t('office.staff.field.position'), dataIndex: 'positionCode', render: (code: string | null) => positionName(code) },
            { title: t('field.status'), dataIndex: 'active', render: (active: boolean) => (active ? <OfficeTag tone="good">{t('office.staff.active')}</OfficeTag> : <OfficeTag tone="off">{t('office.staff.inactive')}</OfficeTag>) },
          ]}
        />
      </ScrollBox>
    </Card>
  );
}
