import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../api/client';
import { PageTitle } from '../../components/PageTitle';
import { type MessageKey, useLanguage, useT } from '../../i18n';
import { useCompany } from '../../lib/company';
import { ErrorAlert, useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/time';
import { HandbookArticle } from './HandbookArticle';
import { HandbookChanges } from './HandbookChanges';
import './employee.css';

const CHAPTERS = ['general', 'appearance', 'conduct', 'attendance'] as const;

/** The staff handbook in force (员工守则), by chapter; what changed in this version; and my acknowledgement of it. */
export default function Handbook() {
  const t = useT();
  const language = useLanguage();
  const { timeZone } = useCompany();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['handbook', 'current'], queryFn: () => unwrap(api.GET('/handbook')) });
  const versions = useQuery({ queryKey: ['handbook', 'versions'], queryFn: () => unwrap(api.GET('/handbook/versions')) });
  const version = current.data?.number;
  // The versions I acknowledged, newest first: "what changed" starts from the last of them.
  const mine = useQuery({ queryKey: ['handbook', 'mine'], queryFn: () => unwrap(api.GET('/handbook/acknowledgements/mine')) });
  const lastAcknowledged: Schemas['AcknowledgementDto'] | null = mine.data?.items[0] ?? null;
  const acknowledge = useMutation({
    mutationFn: (number: number) => unwrap(api.POST('/handbook/acknowledgements', { body: { version: number } })),
    onSuccess: (answer) => {
      void queryClient.invalidateQueries({ queryKey: ['handbook', 'mine'] });
      void message.success(t('handbook.acknowledged', { version: answer.version }));
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const previous = (versions.data?.items ?? [])
    .filter((item) => item.status === 'published' && version !== undefined && item.number < version)
    .reduce<number | null>((max, item) => (max === null || item.number > max ? item.number : max), null);
  // Since the version I last acknowledged; someone who never acknowledged sees this version's own changes.
  const changesFrom = lastAcknowledged && version !== undefined && lastAcknowledged.version < version ? lastAcknowledged.version : lastAcknowledged ? null : previous;
  const articles = [...(current.data?.articles ?? [])].sort((a, b) => a.position - b.position);
  const confirm = () =>
    modal.confirm({
      title: t('handbook.acknowledgeConfirm', { version: version! }),
      content: t('handbook.acknowledgeBody'),
      okText: t('handbook.acknowledge'),
      cancelText: t('action.cancel'),
      onOk: () => acknowledge.mutateAsync(version!).catch(() => undefined),
    });
  const done = lastAcknowledged && lastAcknowledged.version === version ? lastAcknowledged : null;

  return (
    <div className="employee-page employee-handbook">
      <PageTitle>{t('handbook.title')}</PageTitle>
      {current.error ? <ErrorAlert error={current.error} onRetry={() => void current.refetch()} /> : null}
      {current.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {current.data ? (
        <>
          <Card className="employee-handbook-ack">
            <Typography.Paragraph>
              {t('handbook.version', { version: current.data.number })}
              {current.data.publishedAt ? ` · ${t('handbook.published', { at: formatDateTime(current.data.publishedAt, timeZone, language) })}` : null}
            </Typography.Paragraph>
            {current.data.note ? <Typography.Paragraph type="secondary">{current.data.note}</Typography.Paragraph> : null}
            {done ? (
              <Alert type="success" showIcon title={t('handbook.acknowledgedAt', { version: done.version, at: formatDateTime(done.acknowledgedAt, timeZone, language) })} />
            ) : (
              <Button type="primary" onClick={confirm} loading={acknowledge.isPending}>
                {t('handbook.acknowledge')}
              </Button>
            )}
          </Card>
          {changesFrom !== null ? <HandbookChanges from={changesFrom} to={current.data.number} sinceMine={lastAcknowledged !== null} /> : null}
          {CHAPTERS.map((chapter) => {
            const inChapter = articles.filter((article) => article.chapter === chapter);
            if (inChapter.length === 0) return null;
            return (
              <Card key={chapter} title={<h2 className="card-title">{t(`handbook.chapter.${chapter}` as MessageKey)}</h2>}>
                {inChapter.map((article) => (
                  <HandbookArticle key={article.id} article={article} />
                ))}
              </Card>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
