import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Pagination, Skeleton } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { ApprovalCard } from './ApprovalCard';
import { type Deciding, DecisionModal } from './DecisionModal';
import './supervisor.css';

const PAGE_SIZE = 10;

/** The supervisor's inbox (GET /approvals): what waits for them, oldest first, a page at a time. */
export default function Approvals() {
  const t = useT();
  const [page, setPage] = useState(1);
  // The dialog lives above the cards: when someone acted first the inbox is read again and the
  // request's card leaves, but the dialog stays to say what happened.
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const inbox = useQuery({
    queryKey: ['approvals', page],
    queryFn: () => unwrap(api.GET('/approvals', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const total = inbox.data?.total ?? 0;
  const items = inbox.data?.items ?? [];
  // Deciding the last item of the last page leaves the page empty: step back to one that has items.
  if (inbox.data && items.length === 0 && page > 1) setPage(Math.max(1, Math.ceil(total / PAGE_SIZE)));
  return (
    <>
      <div className="sup-page">
        <PageTitle>{t('sup.approvals.title')}</PageTitle>
        <p className="sup-intro">{inbox.data ? t('sup.approvals.count', { total }) : t('list.loading')}</p>
        {inbox.error ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {inbox.isLoading ? <Skeleton active /> : null}
        {inbox.data && total === 0 ? <Empty description={t('sup.approvals.empty')} /> : null}
        <div className="sup-list">
          {items.map((item) => (
            <ApprovalCard key={`${item.kind}-${item.id}-${item.waitingFor}`} item={item} onDecide={setDeciding} />
          ))}
        </div>
        {total > PAGE_SIZE ? (
          <Pagination className="sup-pagination" current={page} pageSize={PAGE_SIZE} total={total} onChange={setPage} showSizeChanger={false} showTotal={(all) => t('list.total', { total: all })} />
        ) : null}
      </div>
      {deciding ? <DecisionModal {...deciding} onClose={() => setDeciding(null)} /> : null}
    </>
  );
}
