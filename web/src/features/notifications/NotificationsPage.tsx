import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { notificationLink } from './notification-link';
import { NOTIFICATIONS_KEY } from './use-unread';
import './notifications.css';

type Notification = Schemas['NotificationDto'];
type Filter = 'unread' | 'all';
const PAGE_SIZE = 20;

/**
 * My notifications, newest first: the unread ones by default (?show=all for all), each with its
 * words in my language, a link to what it is about, and mark read; mark all read at the top.
 */
export default function NotificationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter: Filter = params.get('show') === 'all' ? 'all' : 'unread';
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', filter, page],
    queryFn: () => unwrap(api.GET('/notifications', { params: { query: { page, pageSize: PAGE_SIZE, ...(filter === 'unread' ? { unread: true } : {}) } } })),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/notifications/read-all')),
    onSuccess: (result) => {
      void message.success(t('notify.markedAll', { count: result.marked }));
      setPage(1);
      refresh();
    },
  });
  const setFilter = (next: Filter) => {
    setPage(1);
    setParams(
      (current) => {
        if (next === 'all') current.set('show', 'all');
        else current.delete('show');
        return current;
      },
      { replace: true },
    );
  };
  const unread = list.data?.unread ?? 0;
  return (
    <div className="employee-page notify-page">
      <PageTitle
        extra={
          <Button icon={<CheckOutlined />} disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notify.markAllRead')}
          </Button>
        }
      >
        {t('notify.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary" className="notify-help">
        {t('notify.help')}
      </Typography.Paragraph>
      <div className="notify-toolbar">
        <Segmented<Filter>
          aria-label={t('notify.filter')}
          value={filter}
          onChange={setFilter}
          options={[
            { label: t('notify.filter.unread'), value: 'unread' },
            { label: t('notify.filter.all'), value: 'all' },
          ]}
        />
        <span className="notify-count" aria-live="polite">
          {t('notify.unreadCount', { count: unread })}
        </span>
      </div>
      {readAll.error ? <ErrorAlert error={readAll.error} /> : null}
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? <Skeleton active /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Card>
          <Empty description={t(filter === 'unread' ? 'notify.empty.unread' : 'notify.empty.all')} />
        </Card>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="notify-list" aria-label={t('notify.title')}>
          {list.data.items.map((item) => (
            <NotificationItem key={item.id} item={item} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
      {list.data && list.data.total > PAGE_SIZE ? (
        <Pagination current={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} showSizeChanger={false} size="small" className="notify-pagination" />
      ) : null}
    </div>
  );
}

/** One message: unread marked, its words, when, and what to do with it. */
function NotificationItem({ item, onChanged }: { item: Notification; onChanged: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const navigate = useNavigate();
  const link = notificationLink(item.kind, item.params);
  const unread = item.readAt === null;
  const markRead = useMutation({
    mutationFn: () => unwrap(api.POST('/notifications/{id}/read', { params: { path: { id: item.id } } })),
    onSuccess: onChanged,
  });
  // Opening a message reads it: marked first (quietly; a failure still opens it), then the page of what it is about.
  const open = (path: string) => {
    if (unread) markRead.mutate();
    void navigate(path);
  };
  const headingId = `notify-${item.id}`;
  return (
    <li className={unread ? 'notify-item unread' : 'notify-item'} aria-labelledby={headingId}>
      <div className="notify-item-head">
        {unread ? <Tag color="blue" className="notify-unread-tag">{t('notify.unreadTag')}</Tag> : null}
        <h2 id={headingId} className="notify-item-title">
          {link ? (
            <Link to={link} onClick={(event) => (event.preventDefault(), open(link))}>
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </h2>
      </div>
      <p className="notify-item-text">{item.text}</p>
      <div className="notify-item-foot">
        <time dateTime={item.createdAt} className="notify-item-time">
          {formatDateTime(item.createdAt, timeZone, language)}
        </time>
        <span className="spacer" />
        {unread ? (
          <Button size="small" loading={markRead.isPending} onClick={() => markRead.mutate()} aria-label={t('notify.markReadOf', { title: item.title })}>
            {t('notify.markRead')}
          </Button>
        ) : null}
        {link ? (
          <Button size="small" type="primary" ghost onClick={() => open(link)} aria-label={t('notify.openOf', { title: item.title })}>
            {t('notify.open')} <RightOutlined aria-hidden />
          </Button>
        ) : null}
      </div>
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
    </li>
  );
}
