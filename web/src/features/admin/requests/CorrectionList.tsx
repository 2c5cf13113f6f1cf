import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { audiencesOf, useMe } from '../../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatTime } from '../../../lib/time';
import { CorrectionStatus, correctionEvent, punchLabel } from '../../employee/correction-labels';
import { AdminTable, StaffName, usePersonStateFilter } from '../shared';
import { CancelCorrection } from './CancelCorrection';
import { FileButton } from './FileButton';
import { History } from './History';
import { useFileRequest } from './use-file-request';

type Correction = Schemas['PunchCorrectionDto'];
type Status = Correction['status'];
const STATUSES: Status[] = ['pending', 'approved', 'filed', 'rejected', 'withdrawn', 'cancelled'];

/** Everyone's make-up punch requests (补卡): approved ones filed with the office, or cancelled with a reason, which voids their punch (admin). */
export function CorrectionList() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const me = useMe();
  const isAdmin = audiencesOf(me).has('admin');
  const { page, pageSize, pagination, staffId, status, filters } = usePersonStateFilter<Status>(STATUSES, (s) => t(`corr.status.${s}` as MessageKey));
  const [cancelling, setCancelling] = useState<Correction | null>(null);
  const corrections = useQuery({
    queryKey: ['punch-corrections', 'all', { page, pageSize, staffId, status }],
    queryFn: () => unwrap(api.GET('/punch-corrections', { params: { query: { page, pageSize, status, staffId: staffId ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
  const file = useFileRequest('punch-corrections');
  return (
    <>
      {filters}
      {corrections.error ? <ErrorAlert error={corrections.error} onRetry={() => void corrections.refetch()} /> : null}
      <AdminTable<Correction>
        rowKey="id"
        loading={corrections.isFetching}
        dataSource={corrections.data?.items ?? []}
        pagination={pagination(corrections.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (row) => <CorrectionDetails correction={row} /> }}
        columns={[
          { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
          { title: t('field.date'), dataIndex: 'date' },
          { title: t('corr.admin.punch'), key: 'punch', render: (_, row) => punchLabel(row, t) },
          { title: t('corr.claimed'), dataIndex: 'at', render: (at: string) => formatTime(at, timeZone, language) },
          { title: t('field.reason'), dataIndex: 'reason', render: (reason: string) => <span className="admin-clip">{reason}</span> },
          { title: t('field.status'), dataIndex: 'status', render: (s: string) => <CorrectionStatus status={s} /> },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, row) =>
              isAdmin && (row.status === 'approved' || row.status === 'filed') ? (
                <Space wrap>
                  {row.status === 'approved' ? (
                    <FileButton body="corr.admin.fileBody" onConfirm={() => file.mutateAsync(row.id)} />
                  ) : null}
                  <Button size="small" danger onClick={() => setCancelling(row)}>
                    {t('corr.admin.cancel')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <CancelCorrection correction={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}

/** The reason, the kind, what the clock recorded, why it was cancelled, and every transition. */
function CorrectionDetails({ correction }: { correction: Correction }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'reason', label: t('field.reason'), children: correction.reason },
        { key: 'kind', label: t('corr.kind'), children: t(`corr.kind.${correction.kind}` as MessageKey) },
        ...(correction.recordedAt ? [{ key: 'recorded', label: t('corr.recordedAt'), children: formatTime(correction.recordedAt, timeZone, language) }] : []),
        ...(correction.cancelReason ? [{ key: 'cancel', label: t('corr.admin.cancelReason'), children: correction.cancelReason }] : []),
        { key: 'history', label: t('admin.requests.history'), children: <History events={correction.history} stateLabel={correctionEvent(t)} /> },
      ]}
    />
  );
}
