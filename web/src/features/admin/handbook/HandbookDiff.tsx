import { useQuery } from '@tanstack/react-query';
import { Empty, Skeleton } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';

type Change = Schemas['ArticleChangeDto'];

/** What changed from one version to another, article by article: the unchanged ones are left out. */
export function HandbookDiff({ from, to }: { from: number; to: number }) {
  const t = useT();
  const diff = useQuery({ queryKey: ['handbook', 'diff', from, to], queryFn: () => unwrap(api.GET('/handbook/diff', { params: { query: { from, to } } })) });
  if (diff.error) return <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  if (!diff.data) return <Skeleton active />;
  const changes = diff.data.articles.filter((change) => change.change !== 'unchanged');
  const unchanged = diff.data.articles.length - changes.length;
  return (
    <div>
      <p className="admin-muted">{t('admin.handbook.diffSummary', { from, to, changed: changes.length, unchanged })}</p>
      {changes.length === 0 ? <Empty description={t('admin.handbook.noChanges')} /> : null}
      {changes.map((change) => (
        <section key={change.key} className={`admin-diff admin-diff-${change.change}`}>
          <h3 className="admin-subtitle">
            <code>{change.key}</code> · {t(`admin.handbook.change.${change.change}` as MessageKey)}
          </h3>
          <div className="admin-diff-sides">
            <Side label={t('admin.handbook.before', { n: from })} article={change.before} other={change.after} />
            <Side label={t('admin.handbook.after', { n: to })} article={change.after} other={change.before} />
          </div>
        </section>
      ))}
    </div>
  );
}

/** One side of a changed article; a field that differs from the other side is marked. */
function Side({ label, article, other }: { label: string; article: Change['before']; other: Change['before'] }) {
  const t = useT();
  const mark = (field: 'titleZh' | 'titleEn' | 'textZh' | 'textEn' | 'chapter') => (other && article && other[field] !== article[field] ? 'admin-diff-mark' : undefined);
  return (
    <div className="admin-diff-side">
      <div className="admin-diff-label">{label}</div>
      {article ? (
        <>
          <p className={mark('chapter')}>{t(`admin.chapter.${article.chapter}` as MessageKey)}</p>
          <p className={mark('titleZh')}><strong lang="zh-CN">{article.titleZh}</strong></p>
          <p className={mark('textZh')} lang="zh-CN">{article.textZh}</p>
          <p className={mark('titleEn')} lang="en"><strong>{article.titleEn}</strong></p>
          <p className={mark('textEn')} lang="en">{article.textEn}</p>
        </>
      ) : (
        <p className="admin-muted">{t('admin.handbook.none')}</p>
      )}
    </div>
  );
}
