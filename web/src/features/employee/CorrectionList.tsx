import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { List, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useMe } from '../../auth/session';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDay } from '../../lib/time';
import { CorrectionStatus, correctionSummary } from './correction-labels';
import { EmptyText } from './shared';

const PAGE_SIZE = 10;

/** My make-up punch requests, newest first, paged by the service; a tap opens one. */
export function CorrectionList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const me = useMe();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['punch-corrections', 'mine', me.id, page],
    queryFn: () => unwrap(api.GET('/punch-corrections', { params: { query: { staffId: me.id, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      className="employee-list"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <EmptyText>{t('corr.none')}</EmptyText> }}
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
          : false
      }
      renderItem={(item) => (
        <List.Item>
          <button type="button" className="employee-list-item" onClick={() => onOpen(item.id)}>
            <span className="employee-list-main">
              <Typography.Text strong>{formatDay(item.date, language)}</Typography.Text>
              <span className="employee-list-sub">{correctionSummary(item, timeZone, language, t)}</span>
            </span>
            <CorrectionStatus status={item.status} />
          </button>
        </List.Item>
      )}
    />
  );
}
