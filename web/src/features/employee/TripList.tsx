import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { List, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useMe } from '../../auth/session';
import { type Translate, useLanguage, useT } from '../../i18n';
import type { Language } from '../../i18n/language-store';
import { ErrorAlert } from '../../lib/errors';
import { formatDay } from '../../lib/time';
import { EmptyText, RequestStatus } from './shared';

const PAGE_SIZE = 10;

/** 12月1日 周二 09:00–12:00, or the date and "whole day". */
export function tripWhen(trip: Pick<Schemas['ExemptionDto'], 'date' | 'from' | 'to'>, language: Language, t: Translate): string {
  return `${formatDay(trip.date, language)} ${trip.from && trip.to ? `${trip.from}–${trip.to}` : t('trips.wholeDay')}`;
}

/** My business trips, newest first, paged by the service; a tap opens one. */
export function TripList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['exemptions', 'mine', me.id, page],
    queryFn: () => unwrap(api.GET('/exemptions', { params: { query: { staffId: me.id, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      className="employee-list"
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <EmptyText>{t('trips.none')}</EmptyText> }}
      pagination={
        (list.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', showSizeChanger: false }
          : false
      }
      renderItem={(item) => (
        <List.Item>
          <button type="button" className="employee-list-item" onClick={() => onOpen(item.id)}>
            <span className="employee-list-main">
              <Typography.Text strong>{item.destination}</Typography.Text>
              <span className="employee-list-sub">{tripWhen(item, language, t)}</span>
            </span>
            <RequestStatus status={item.status} />
          </button>
        </List.Item>
      )}
    />
  );
}
