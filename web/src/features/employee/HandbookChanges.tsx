import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Typography } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { api, unwrap } from '../../api/client';
import { type MessageKey, useT } from '../../i18n';
import { ErrorAlert } from '../../lib/errors';
import { HandbookArticle } from './HandbookArticle';

/** In the report's colours (theme STATUS_COLOURS), which pass 4.5:1. */
const CHANGE_STATUS: Record<string, string> = { added: 'present', changed: 'leave', removed: 'absent' };

/**
 * What changed between two published versions, article by article: from the version I last
 * acknowledged (`sinceMine`), or, for someone who never acknowledged one, from the previous version.
 */
export function HandbookChanges({ from, to, sinceMine }: { from: number; to: number; sinceMine: boolean }) {
  const t = useT();
  const diff = useQuery({
    queryKey: ['handbook', 'diff', from, to],
    queryFn: () => unwrap(api.GET('/handbook/diff', { params: { query: { from, to } } })),
  });
  const changes = (diff.data?.articles ?? []).filter((article) => article.change !== 'unchanged');
  return (
    <Card title={<h2 className="card-title">{t(sinceMine ? 'handbook.changesSinceMine' : 'handbook.changes', { from, to })}</h2>} className="employee-handbook-changes">
      {diff.isLoading ? <Skeleton active /> : null}
      {diff.error ? <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} /> : null}
      {diff.data && changes.length === 0 ? <Typography.Paragraph type="secondary">{t('handbook.noChanges')}</Typography.Paragraph> : null}
      {changes.map((change) => (
        <div key={change.key} className="employee-change">
          <StatusTag status={CHANGE_STATUS[change.change]} label={t(`handbook.change.${change.change}` as MessageKey)} />
          {change.change === 'removed' && change.before ? <HandbookArticle article={change.before} /> : null}
          {change.change !== 'removed' && change.after ? (
            <>
              <HandbookArticle article={change.after} />
              {change.change === 'changed' && change.before ? (
                <details className="employee-change-before">
                  <summary>{t('handbook.before')}</summary>
                  <HandbookArticle article={change.before} level={4} />
                </details>
              ) : null}
            </>
          ) : null}
        </div>
      ))}
    </Card>
  );
}
