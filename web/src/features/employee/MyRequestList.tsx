import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { List } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../lib/errors';
import { EmptyText } from './shared';

const PAGE_SIZE = 10;

interface Props<T extends { id: string }> {
  /** The list's query key without the page (e.g. ['leave-requests', 'mine', me.id]): the page is added. */
  queryKey: readonly unknown[];
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>;
  empty: string;
  /** The row's text: its title and lines, inside `.employee-list-main`. */
  describe: (item: T) => ReactNode;
  /** The row's state, on the right. */
  status: (item: T) => ReactNode;
  onOpen: (id: string) => void;
}

/** One of my lists of requests (leave, trips, make-up punches): newest first, paged by the service, each row one button that opens it. */
export function MyRequestList<T extends { id: string }>({ queryKey, fetchPage, empty, describe, status, onOpen }: Props<T>) {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...queryKey, page], queryFn: () => fetchPage(page, PAGE_SIZE), placeholderData: keepPreviousData });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      className="employee-list"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <EmptyText>{empty}</EmptyText> }}
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
          : false
      }
      renderItem={(item) => (
        <List.Item>
          <button type="button" className="employee-list-item" onClick={() => onOpen(item.id)}>
            <span className="employee-list-main">{describe(item)}</span>
            {status(item)}
          </button>
        </List.Item>
      )}
    />
  );
}
