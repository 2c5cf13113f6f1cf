import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { audiencesOf, useMe } from '../../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { todayIn } from '../../../lib/time';
import { AdminTable, StaffName, StateTag, usePersonStateFilter } from '../shared';
import { EndLeaveEarly } from './EndLeaveEarly';
import { FileButton } from './FileButton';
import { History } from './History';
import { useFileRequest } from './use-file-request';

type Leave = Schemas['LeaveRequestDto'];
type Status = Leave['status'];
const STATUSES: Status[] = ['pending', 'approved', 'rejected', 'cancelled', 'filed'];

/** 12月3日 下午 – 12月4日 上午: a leave's span with its half days. */
function span(t: ReturnType<typeof useT>, leave: Leave): string {
  const half = (value: Leave['startHalf']) => (value ? ` ${t(`admin.half.${value}` as MessageKey)}` : '');
  const start = `${leave.startDate}${half(leave.startHalf)}`;
  const end = `${leave.endDate}${half(leave.endHalf)}`;
  return start === end ? start : `${start} – ${end}`;
}

/** Everyone's leave requests, filtered by person and state; approved leave filed with HR, or ended early once started (admin). */
export function LeaveList() {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const canFile = audiencesOf(me).has('admin');
  const { timeZone } = useCompany();
  const today = todayIn(timeZone);
  const [ending, setEnding] = useState<Leave | null>(null);
  const { page, pageSize, pagination, staffId, status, filters } = usePersonStateFilter<Status>(STATUSES);
  const leave = useQuery({
    queryKey: ['leave-requests', 'all', { page, pageSize, staffId, status }],
    queryFn: () => unwrap(api.GET('/leave-requests', { params: { query: { page, pageSize, status, staffId: staffId ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
  const types = useQuery({ queryKey: ['leave-types'], queryFn: () => unwrap(api.GET('/leave-types')), staleTime: 5 * 60_000 });
  const typeName = useMemo(() => new Map((types.data?.items ?? []).map((type) => [type.code, language === 'en' ? type.nameEn : type.nameZh])), [types.data, language]);
  const file = useFileRequest('leave-requests');
  return (
    <>
      {filters}
      {leave.error ? <ErrorAlert error={leave.error} onRetry={() => void leave.refetch()} /> : null}
      <AdminTable<Leave>
        rowKey="id"
        loading={leave.isFetching}
        dataSource={leave.data?.items ?? []}
        pagination={pagination(leave.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (row) => <History events={row.history} /> }}
        columns={[
          { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
          {
            title: t('admin.requests.type'),
            dataIndex: 'type',
            render: (code: string, row) => (
              <>
                {typeName.get(code) ?? code}
                {row.emergency ? <span className="admin-chip admin-chip-future">{t('admin.requests.emergency')}</span> : null}
              </>
            ),
          },
          { title: t('admin.requests.span'), key: 'span', render: (_, row) => span(t, row) },
          { title: t('admin.requests.days'), dataIndex: 'workingDays' },
          { title: t('field.reason'), dataIndex: 'reason', render: (reason: string) => <span className="admin-clip">{reason || '—'}</span> },
          {
            title: t('field.status'),
            dataIndex: 'status',
            render: (s: string, row) => (
              <>
                <StateTag state={s} />
                {row.takenUntil ? <span className="admin-chip">{t('admin.requests.takenUntil', { until: row.takenUntil })}</span> : null}
              </>
            ),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space size="small" wrap>
                {canFile && row.status === 'approved' ? (
                  <FileButton body="admin.requests.fileLeaveBody" onConfirm={() => file.mutateAsync(row.id)} />
                ) : null}
                {canFile && (row.status === 'approved' || row.status === 'filed') && row.startDate <= today ? (
                  <Button size="small" danger onClick={() => setEnding(row)}>
                    {t('admin.requests.endEarly')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <EndLeaveEarly leave={ending} span={ending ? span(t, ending) : ''} onClose={() => setEnding(null)} />
    </>
  );
}
