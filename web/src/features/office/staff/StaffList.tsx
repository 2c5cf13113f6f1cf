import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Segmented, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { usePositionName } from '../use-positions';
import { StaffActions } from './StaffActions';
import { StaffForm } from './StaffForm';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';
import '../office.css';

type Staff = Schemas['StaffDto'];
type StatusFilter = 'active' | 'left' | 'all';

const PAGE_SIZE = 20;

/** The staff directory: search, who is employed or has left, a page at a time from the service. */
export default function StaffList() {
  const t = useT();
  const positionName = usePositionName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (['active', 'left', 'all'].includes(params.get('status') ?? '') ? params.get('status') : 'active') as StatusFilter;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);

  // The filters live in the URL, so that a reload or a link shows the same list.
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        for (const [key, value] of Object.entries(changes)) {
          if (value) current.set(key, value);
          else current.delete(key);
        }
        return current;
      },
      { replace: true },
    );

  const list = useQuery({
    queryKey: ['staff', 'directory', q, status, page],
    queryFn: () =>
      unwrap(
        api.GET('/staff', {
          params: { query: { q: q || undefined, active: status === 'all' ? undefined : status === 'active', page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="office-page">
      <PageTitle extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('office.staff.new')}</Button>}>
        {t('office.staff.title')}
      </PageTitle>
      <div className="office-filters">
        <Input.Search
          aria-label={t('office.staff.search')}
          placeholder={t('office.staff.search')}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || null, page: null })}
        />
        <Segmented<StatusFilter>
          aria-label={t('field.status')}
          value={status}
          onChange={(value) => update({ status: value === 'active' ? null : value, page: null })}
          options={[
            { value: 'active', label: t('office.staff.filter.active') },
            { value: 'left', label: t('office.staff.filter.left') },
            { value: 'all', label: t('office.staff.filter.all') },
          ]}
        />
      </div>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small">
        <ScrollBox label={t('office.staff.title')}>
          <Table<Staff>
            className="office-table"
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty>{q ? t('office.staff.noMatch', { q }) : t('list.empty')}</Empty> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('list.total', { total }),
              onChange: (next) => update({ page: next === 1 ? null : String(next) }),
            }}
            columns={[
              { title: t('field.employeeNo'), dataIndex: 'employeeNo' },
              { title: t('field.name'), dataIndex: 'name', render: (name: string, staff) => <Link to={`/office/staff/${staff.id}`}>{name}</Link> },
              { title: t('office.staff.field.username'), dataIndex: 'username' },
              { title: t('office.staff.field.position'), dataIndex: 'positionCode', render: (code: string | null) => positionName(code) },
              {
                title: t('office.staff.field.roles'),
                dataIndex: 'roles',
                render: (roles: Staff['roles'], staff) => (
                  <>
                    {roles.map((role) => <OfficeTag key={role} tone="role">{t(`role.${role}` as MessageKey)}</OfficeTag>)}
                    {staff.isSupervisor ? <OfficeTag tone="off">{t('role.supervisor')}</OfficeTag> : null}
                  </>
                ),
              },
              { title: t('office.staff.field.hiredOn'), dataIndex: 'hiredOn' },
              {
                title: t('field.status'),
                dataIndex: 'active',
                render: (active: boolean, staff) =>
                  active ? <OfficeTag tone="good">{t('office.staff.active')}</OfficeTag> : <OfficeTag tone="off">{staff.leftOn ? t('office.staff.leftOn', { date: staff.leftOn }) : t('office.staff.inactive')}</OfficeTag>,
              },
              { title: t('office.staff.actions'), key: 'actions', render: (_, staff) => <StaffActions staff={staff} onEdit={() => setEditing(staff)} compact /> },
            ]}
          />
        </ScrollBox>
      </Card>
      <StaffForm open={editing !== null} staff={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </div>
  );
}
