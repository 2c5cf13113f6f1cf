import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiError, api, unwrap, type Schemas } from '../../api/client';
import { useMe } from '../../auth/session';
import { StatusTag } from '../../components/StatusTag';
import { PageTitle } from '../../components/PageTitle';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { addMonths, formatDateTime, monthOf, todayIn } from '../../lib/time';
import { ReopenModal } from './ReopenModal';
import { SnapshotCheck } from './SnapshotCheck';
import { StaffName } from './StaffName';
import { useKeyboardScroll } from './use-keyboard-scroll';
import './finance.css';

type Month = Schemas['MonthDto'];
type Snapshot = Schemas['MonthSnapshotDto'];

/** Why a month could not be closed: the service's sentence (pending days, month not over …) and its details. */
function CloseRefused({ month, error, onDismiss }: { month: string; error: unknown; onDismiss: () => void }) {
  const t = useT();
  const text = useErrorText();
  const language = useLanguage();
  // The details are the service's English notes for machines ("must be over"); the sentence above
  // already says the same in the reader's language, so Chinese readers get the sentence alone.
  const details = error instanceof ApiError && language === 'en' ? error.body.details : [];
  return (
    <Alert
      className="fin-alert"
      type="warning"
      showIcon
      role="alert"
      closable={{ onClose: onDismiss, 'aria-label': t('action.close') }}
      title={t('fin.months.cannotClose', { month })}
      description={
        <>
          <p className="fin-refusal">{text(error)}</p>
          {details.length > 0 ? (
            <ul className="error-details">
              {details.map((detail, i) => (
                <li key={i}>{detail.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      }
    />
  );
}

/** Month close (H-ORG-2): each month's state, every close with its SHA-256, close and reopen. */
export default function Months() {
  const t = useT();
  const language = useLanguage();
  const me = useMe();
  const { timeZone } = useCompany();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const isFinance = me.roles.includes('finance');
  const [refused, setRefused] = useState<{ month: string; error: unknown } | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useKeyboardScroll(box, t('fin.months.table'));
  const months = useQuery({ queryKey: ['months'], queryFn: () => unwrap(api.GET('/months')) });

  // The service lists months it has a record of; this month and the last are always offered to close.
  const current = monthOf(todayIn(timeZone));
  const rows: Month[] = useMemo(() => {
    const known = months.data?.items ?? [];
    const extra = [current, addMonths(current, -1)].filter((month) => !known.some((item) => item.month === month));
    return [...known, ...extra.map((month) => ({ month, state: 'open' as const, snapshots: [] }))].sort((a, b) => b.month.localeCompare(a.month));
  }, [months.data, current]);

  const close = useMutation({
    mutationFn: (month: string) => unwrap(api.POST('/months/{month}/close', { params: { path: { month } } })),
    onSuccess: (answer) => {
      setRefused(null);
      void message.success(t('fin.months.closedOk', { month: answer.month }));
      void queryClient.invalidateQueries({ queryKey: ['months'] });
      void queryClient.invalidateQueries({ queryKey: ['report', answer.month] });
    },
    onError: (error, month) => setRefused({ month, error }),
  });

  const confirmClose = (month: string) =>
    modal.confirm({
      title: t('fin.months.closeTitle', { month }),
      content: t('fin.months.closeBody'),
      okText: t('fin.months.close'),
      cancelText: t('action.cancel'),
      onOk: () => close.mutate(month),
    });

  const latest = (month: Month): Snapshot | undefined => month.snapshots[month.snapshots.length - 1];
  const columns: TableColumnsType<Month> = [
    { title: t('field.month'), dataIndex: 'month', key: 'month', width: 100 },
    {
      title: t('field.status'),
      key: 'state',
      width: 100,
      render: (_, row) => <StatusTag status={row.state === 'closed' ? 'present' : 'rest'} label={t(row.state === 'closed' ? 'fin.month.closed' : 'fin.month.open')} />,
    },
    {
      title: t('fin.months.lastClose'),
      key: 'closedAt',
      render: (_, row) => {
        const snapshot = latest(row);
        return snapshot ? (
          <span>
            {formatDateTime(snapshot.closedAt, timeZone, language)} · <StaffName id={snapshot.closedBy} />
          </span>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('same.sha256'),
      key: 'sha256',
      render: (_, row) => {
        const snapshot = latest(row);
        if (!snapshot) return '—';
        return (
          <Typography.Text code copyable={{ text: snapshot.sha256 }} className={snapshot.reopenedAt ? 'fin-sha reopened' : 'fin-sha'}>
            {snapshot.sha256}
          </Typography.Text>
        );
      },
    },
    {
      title: t('fin.months.actions'),
      key: 'actions',
      width: 240,
      render: (_, row) => (
        <Space wrap size={4}>
          {isFinance && row.state === 'open' ? (
            <Button size="small" type="primary" icon={<LockOutlined />} loading={close.isPending && close.variables === row.month} onClick={() => confirmClose(row.month)}>
              {t('fin.months.close')}
            </Button>
          ) : null}
          {isFinance && row.state === 'closed' ? (
            <Button size="small" danger icon={<UnlockOutlined />} onClick={() => setReopening(row.month)}>
              {t('fin.months.reopen')}
            </Button>
          ) : null}
          {row.state === 'closed' && latest(row) ? <SnapshotCheck month={row.month} expected={latest(row)!.sha256} /> : null}
        </Space>
      ),
    },
  ];

  const history = (row: Month) => (
    <ol className="fin-history" aria-label={t('fin.months.history', { month: row.month })}>
      {row.snapshots.map((snapshot, i) => (
        <li key={i}>
          <div>
            {t('fin.months.closedAt', { time: formatDateTime(snapshot.closedAt, timeZone, language) })} · <StaffName id={snapshot.closedBy} />
          </div>
          <div>
            {t('same.sha256')} <Typography.Text code>{snapshot.sha256}</Typography.Text>
          </div>
          {snapshot.reopenedAt ? (
            <div>
              {t('fin.months.reopenedAt', { time: formatDateTime(snapshot.reopenedAt, timeZone, language), reason: snapshot.reopenReason ?? '' })} · <StaffName id={snapshot.reopenedBy} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );

  return (
    <>
      <div className="fin-page" ref={box}>
        <PageTitle>{t('fin.months.title')}</PageTitle>
        <p className="fin-intro">{t('fin.months.intro')}</p>
        {refused ? <CloseRefused month={refused.month} error={refused.error} onDismiss={() => setRefused(null)} /> : null}
        {months.error ? <ErrorAlert error={months.error} onRetry={() => void months.refetch()} /> : null}
        <Table<Month>
          className="fin-months"
          rowKey="month"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={months.isLoading}
          pagination={rows.length > 24 ? { pageSize: 24 } : false}
          scroll={{ x: 900 }}
          expandable={{ expandedRowRender: history, rowExpandable: (row) => row.snapshots.length > 0 }}
          locale={{ emptyText: t('list.empty') }}
        />
        {reopening ? <ReopenModal month={reopening} onClose={() => setReopening(null)} /> : null}
      </div>
    </>
  );
}
