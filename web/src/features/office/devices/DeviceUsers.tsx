import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { useLanguage, useT } from '../../../i18n';
import { useCompany } from '../../../lib/company';
import { ErrorAlert } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/time';
import { OfficeTag } from '../OfficeTag';
import { Empty, ScrollBox } from '../ScrollBox';

type Device = Schemas['DeviceDto'];
type User = Schemas['DeviceUserDto'];
const PAGE_SIZE = 20;
/** The terminal's Pri of an administrator of the terminal (0 is a plain user). */
const TERMINAL_ADMIN = 14;

/**
 * The users the terminal holds, each with the person its PIN means; a PIN that matches nobody is
 * what the office must fix (register the person, or delete the user on the terminal).
 */
export function DeviceUsers({ device }: { device: Device }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const [page, setPage] = useState(1);
  const [unmatchedOnly, setUnmatchedOnly] = useState(false);
  const users = useQuery({
    queryKey: ['devices', 'users', device.id, page, unmatchedOnly],
    queryFn: () => unwrap(api.GET('/devices/{id}/users', { params: { path: { id: device.id }, query: { page, pageSize: PAGE_SIZE, ...(unmatchedOnly ? { unmatched: true } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const title = t('terminals.usersCount', { enrolled: device.enrolledUsers, unmatched: device.unmatchedUsers });

  return (
    // The counted title wraps rather than being cut at phone width.
    <Card size="small" title={<h2 className="card-title" style={{ whiteSpace: 'normal' }}>{title}</h2>}>
      <p className="office-muted">{t('terminals.usersHelp')}</p>
      {/* In the body, not the card's head: beside the counted title it would squeeze it at phone width. */}
      <Space size={6} style={{ marginBottom: 12 }}>
        <Switch
          size="small"
          id="unmatchedOnly"
          checked={unmatchedOnly}
          onChange={(on) => {
            setUnmatchedOnly(on);
            setPage(1);
          }}
        />
        <label htmlFor="unmatchedOnly">{t('terminals.usersUnmatchedOnly')}</label>
      </Space>
      {users.error ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      <ScrollBox label={t('terminals.users')}>
        <Table<User>
          className="office-table"
          rowKey="pin"
          size="small"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          locale={{ emptyText: <Empty>{t('terminals.usersNone')}</Empty> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: users.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('list.total', { total }), hideOnSinglePage: true }}
          columns={[
            { title: t('terminals.user.pin'), dataIndex: 'pin', render: (pin: string) => <span className="office-mono">{pin}</span> },
            { title: t('terminals.user.name'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
            {
              title: t('terminals.user.staff'),
              key: 'staff',
              render: (_, user) =>
                user.staff ? (
                  <Space size={4} wrap>
                    <span>
                      {user.staff.name} <span className="office-mono office-muted">{user.staff.employeeNo}</span>
                    </span>
                    {user.staff.active ? null : <OfficeTag tone="off">{t('terminals.user.left')}</OfficeTag>}
                  </Space>
                ) : (
                  <OfficeTag tone="warn">{t(user.unmatchedReason === 'ambiguous' ? 'terminals.user.ambiguous' : 'terminals.user.noStaff')}</OfficeTag>
                ),
            },
            {
              title: t('terminals.user.details'),
              key: 'details',
              render: (_, user) => (
                <div className="office-muted">
                  {[
                    t(user.source === 'pushed' ? 'terminals.user.pushed' : 'terminals.user.reported'),
                    ...(user.privilege === TERMINAL_ADMIN ? [t('terminals.user.admin')] : []),
                    ...(user.hasCard ? [t('terminals.user.card')] : []),
                  ].join(' · ')}
                </div>
              ),
            },
            { title: t('terminals.user.lastReported'), dataIndex: 'lastReportedAt', render: (at: string) => formatDateTime(at, timeZone, language) },
          ]}
        />
      </ScrollBox>
    </Card>
  );
}
