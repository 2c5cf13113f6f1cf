import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { audiencesOf, useMe } from '../../../auth/session';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { AdminTable, StaffName, StateTag, usePersonStateFilter } from '../shared';
import { FileButton } from './FileButton';
import { History } from './History';
import { useFileRequest } from './use-file-request';
import { RevokeExemption } from './RevokeExemption';

type Exemption = Schemas['ExemptionDto'];
type Status = Exemption['status'];
const STATUSES: Status[] = ['pending', 'approved', 'rejected', 'filed', 'revoked'];

/** Everyone's business trips (因公外出, H-ATT-8): signed ones filed with the office (admin), or revoked (admin, finance). */
export function ExemptionList() {
  const t = useT();
  const me = useMe();
  const canFile = audiencesOf(me).has('admin');
  const { page, pageSize, pagination, staffId, status, filters } = usePersonStateFilter<Status>(STATUSES);
  const [revoking, setRevoking] = useState<Exemption | null>(null);
  const exemptions = useQuery({
    queryKey: ['exemptions', 'all', { page, pageSize, staffId, status }],
    queryFn: () => unwrap(api.GET('/exemptions', { params: { query: { page, pageSize, status, staffId: staffId ?? undefined } } })),
    placeholderData: keepPreviousData,
  });
  const file = useFileRequest('exemptions');
  return (
    <>
      {filters}
      {exemptions.error ? <ErrorAlert error={exemptions.error} onRetry={() => void exemptions.refetch()} /> : null}
      <AdminTable<Exemption>
        rowKey="id"
        loading={exemptions.isFetching}
        dataSource={exemptions.data?.items ?? []}
        pagination={pagination(exemptions.data?.total)}
        locale={{ emptyText: t('list.empty') }}
        expandable={{ expandedRowRender: (row) => <ExemptionDetails exemption={row} /> }}
        columns={[
          { title: t('field.name'), dataIndex: 'staffId', render: (id: string) => <StaffName id={id} /> },
          { title: t('field.date'), dataIndex: 'date' },
          { title: t('admin.requests.window'), key: 'window', render: (_, row) => (row.from && row.to ? `${row.from}–${row.to}` : t('admin.requests.wholeDay')) },
          { title: t('admin.requests.destination'), dataIndex: 'destination', render: (text: string) => <span className="admin-clip">{text}</span> },
          { title: t('admin.requests.certifiedBy'), dataIndex: 'certifiedBy', render: (id: string | null) => <StaffName id={id} /> },
          {
            title: t('field.status'),
            dataIndex: 'status',
            render: (s: string, row) => (
              <>
                <StateTag state={s} />
                {row.revokedAsFalse ? <span className="admin-chip admin-chip-danger">{t('admin.requests.false')}</span> : null}
              </>
            ),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            render: (_, row) => (
              <Space wrap>
                {canFile && row.status === 'approved' ? (
                  <FileButton body="admin.requests.fileTripBody" onConfirm={() => file.mutateAsync(row.id)} />
                ) : null}
                {row.status === 'approved' || row.status === 'filed' ? (
                  <Button size="small" danger onClick={() => setRevoking(row)}>
                    {t('admin.requests.revoke')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <RevokeExemption exemption={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

/** The reason, the exact sentence the supervisor signed, why it was revoked, and every transition. */
function ExemptionDetails({ exemption }: { exemption: Exemption }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'reason', label: t('field.reason'), children: exemption.reason },
        { key: 'attestation', label: t('admin.requests.attestation'), children: exemption.attestation ?? '—' },
        ...(exemption.revokeReason
          ? [{ key: 'revoke', label: t('admin.requests.revokeReason'), children: `${exemption.revokeReason}${exemption.revokedAsFalse ? ` (${t('admin.requests.false')})` : ''}` }]
          : []),
        { key: 'history', label: t('admin.requests.history'), children: <History events={exemption.history} /> },
      ]}
    />
  );
}
