import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { List, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { formatSpan, useLeaveTypes } from './leave-span';
import { EmptyText, RequestStatus } from './shared';

const PAGE_SIZE = 10;

/** My leave requests, newest first, a page at a time from the service; a tap opens one. */
export function LeaveList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const [page, setPage] = useState(1);
  const { nameOf } = useLeaveTypes(language);
  const list = useQuery({
    queryKey: ['leave-requests', 'mine', me.id, page],
    queryFn: () => unwrap(api.GET('/leave-requests', { params: { query: { staffId: me.id, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const half = (h: 'am' | 'pm') => t(`leave.half.${h}` as MessageKey);
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      className="employee-list"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <EmptyText>{t('leave.none')}</EmptyText> }}
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
          : false
      }
      renderItem={(item) => (
        <List.Item>
          <button type="button" className="employee-list-item" onClick={() => onOpen(item.id)}>
            <span className="employee-list-main">
              <Typography.Text strong>{nameOf(item.type)}</Typography.Text>
              {item.emergency ? <StatusTag status="late" label={t('leave.emergencyTag')} /> : null}
              <span className="employee-list-sub">{formatSpan(item, language, half)}</span>
              <span className="employee-list-sub">{t('leave.daysValue', { days: item.workingDays })}</span>
            </span>
            <RequestStatus status={item.status} />
          </button>
        </List.Item>
      )}
    />
  );
}
