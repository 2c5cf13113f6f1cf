import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { audiencesOf, useMe } from '../../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { OvertimeForm } from '../../employee/OvertimeForm';
import { kindRate, OvertimeStatus, overtimeEvent, windowText } from '../../employee/overtime-labels';
import { AdminTable, StaffName, usePersonStateFilter } from '../shared';
import { CancelWithReason } from './CancelWithReason';
import { FileButton } from './FileButton';
import { History } from './History';
import { useFileRequest } from './use-file-request';

type Overtime = Schemas['OvertimeRequestDto'];
type Status = Overtime['status'];
const STATUSES: Status[] = ['pending', 'approved', 'filed', 'rejected', 'withdrawn', 'cancelled'];

/**
 * Everyone's overtime requests (加班): the office asks for someone (beyond a cap of 劳动法第41条 only
 * with a reason, which the form asks for once the service refuses), files approved ones and cancels
 * them with a reason.
 */
export function OvertimeList() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const me = useMe();
  const isAdmin = audiencesOf(me).has('admin');
  const { page, pageSize, pagination, staffId, status, filters } = usePersonStateFilter<Status>(STATUSES, (s) => t(`ot.status.${s}` as MessageKey));
  const [cancelling, setCancelling] = useState<Overtime | null>(null);
  const [asking, setAsking] = useState(false);
  const requests = useQuery({
    queryKey: ['overtime-requests', 'all', { page, pageSize, staffId, status }],
    queryFn: () => unwrap(api.GET('/overtime-requests', { params: { query: { page, pageSize, status, staffId: staffId ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
  const file = useFileRequest('overtime-requests');
  return (
    <>
      <div className="admin-toolbar">
        {filters}
        {isAdmin ? (
          <Button type="primary" onClick={() => setAsking(true)}>
            {t('ot.admin.new')}
          </Button>
        ) : null}
      </div>
      {requests.error ? <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} /> : null}
      <AdminTable<Overtime>
        rowKey="id"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        pagination={pagination(requests.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (row) => <OvertimeDetails request={row} /> }}
        columns={[
          { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
          { title: t('field.date'), dataIndex: 'date' },
          { title: t('ot.window'), key: 'window', render: (_, row) => <span className="admin-nowrap">{windowText(row, timeZone, language, t)}</span> },
          { title: t('ot.dayType'), dataIndex: 'dayKind', render: (kind: Overtime['dayKind']) => kindRate(kind, t) },
          { title: t('ot.compensation'), dataIndex: 'compensation', render: (c: Overtime['compensation']) => t(`ot.compensation.${c}`) },
          { title: t('field.status'), dataIndex: 'status', render: (s: string) => <OvertimeStatus status={s} /> },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, row) =>
              isAdmin && (row.status === 'approved' || row.status === 'filed') ? (
                <Space wrap>
                  {row.status === 'approved' ? <FileButton body="ot.admin.fileBody" onConfirm={() => file.mutateAsync(row.id)} /> : null}
                  <Button size="small" danger onClick={() => setCancelling(row)}>
                    {t('ot.admin.cancel')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <CancelWithReason
        id={cancelling?.id ?? null}
        summary={
          cancelling ? (
            <>
              <StaffName id={cancelling.staffId} /> · {cancelling.date} · {windowText(cancelling, timeZone, language, t)}
            </>
          ) : null
        }
        call={(id, reason) => unwrap(api.POST('/overtime-requests/{id}/cancel', { params: { path: { id } }, body: { reason } }))}
        invalidate={[['overtime-requests'], ['attendance']]}
        labels={{ title: 'ot.admin.cancelTitle', body: 'ot.admin.cancelBody', ok: 'ot.admin.cancelOk', done: 'ot.admin.cancelled', reason: 'ot.admin.cancelReason', reasonMin: 'ot.admin.reasonMin' }}
        onClose={() => setCancelling(null)}
      />
      <Modal open={asking} title={t('ot.admin.new')} onCancel={() => setAsking(false)} footer={null} destroyOnHidden width={560}>
        <OvertimeForm office onDone={() => setAsking(false)} />
      </Modal>
    </>
  );
}

/** The reason, a cap override and its reason, why it was cancelled, and every transition. */
function OvertimeDetails({ request }: { request: Overtime }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'reason', label: t('field.reason'), children: request.reason },
        ...(request.capOverrideReason ? [{ key: 'override', label: t('ot.admin.capOverride'), children: request.capOverrideReason }] : []),
        ...(request.cancelReason ? [{ key: 'cancel', label: t('ot.admin.cancelReason'), children: request.cancelReason }] : []),
        { key: 'history', label: t('admin.requests.history'), children: <History events={request.history} stateLabel={overtimeEvent(t)} /> },
      ]}
    />
  );
}
