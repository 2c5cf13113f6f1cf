import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Pagination, Skeleton } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { useMe } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { useT } from '../../i18n';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { AppealModal } from './AppealModal';
import { RecordCard } from './RecordCard';
import './employee.css';

const PAGE_SIZE = 10;

/** My disciplinary records (H-CON-8): I acknowledge a record, or appeal it with a statement. */
export default function MyRecords() {
  const t = useT();
  const me = useMe();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [appealing, setAppealing] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['disciplinary-records', 'mine', me.id, page],
    queryFn: () => unwrap(api.GET('/disciplinary-records', { params: { query: { staffId: me.id, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const acknowledge = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/disciplinary-records/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('records.acknowledgedMessage'));
      void queryClient.invalidateQueries({ queryKey: ['disciplinary-records'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const confirmAcknowledge = (record: Schemas['DisciplinaryRecordDto']) =>
    modal.confirm({
      title: t('records.acknowledgeConfirm'),
      content: t('records.acknowledgeBody'),
      okText: t('records.acknowledge'),
      cancelText: t('action.cancel'),
      onOk: () => acknowledge.mutateAsync(record.id).catch(() => undefined),
    });
  const items = list.data?.items ?? [];
  return (
    <div className="employee-page employee-records">
      <PageTitle>{t('records.title')}</PageTitle>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {list.data && items.length === 0 ? <Empty description={t('records.none')} /> : null}
      {items.map((record) => (
        <RecordCard
          key={record.id}
          record={record}
          busy={acknowledge.isPending && acknowledge.variables === record.id}
          onAcknowledge={confirmAcknowledge}
          onAppeal={(r) => setAppealing(r.id)}
        />
      ))}
      {(list.data?.total ?? 0) > PAGE_SIZE ? (
        <Pagination current={page} pageSize={PAGE_SIZE} total={list.data?.total} onChange={setPage} size="small" showSizeChanger={false} />
      ) : null}
      <AppealModal recordId={appealing} onClose={() => setAppealing(null)} />
    </div>
  );
}
