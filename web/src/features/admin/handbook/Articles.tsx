import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { type MessageKey, useT } from '../../../i18n';
import { ErrorAlert, useErrorText } from '../../../lib/errors';
import { ArticleForm } from './ArticleForm';

type Article = Schemas['ArticleDto'];
export const CHAPTERS: Article['chapter'][] = ['general', 'appearance', 'conduct', 'attendance'];

/** A version's articles by chapter, Chinese first with the English rendering; editable while a draft. */
export function Articles({ n, editable }: { n: number; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const version = useQuery({ queryKey: ['handbook', 'version', n], queryFn: () => unwrap(api.GET('/handbook/versions/{n}', { params: { path: { n } } })) });
  // null: closed; 'new': adding an article; an article: editing it.
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (key: string) => unwrap(api.DELETE('/handbook/versions/{n}/articles/{key}', { params: { path: { n, key } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['handbook'] });
      void message.success(t('admin.handbook.articleRemoved'));
    },
    onError: (error) => void message.error(errorText(error)),
  });

  if (version.error) return <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />;
  if (!version.data) return <Skeleton active />;
  const articles = [...version.data.articles].sort((a, b) => a.position - b.position);
  return (
    <div>
      {editable ? (
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} className="admin-gap-bottom">
          {t('admin.handbook.addArticle')}
        </Button>
      ) : null}
      {articles.length === 0 ? <Empty description={t('list.empty')} /> : null}
      {CHAPTERS.map((chapter) => {
        const inChapter = articles.filter((article) => article.chapter === chapter);
        if (inChapter.length === 0) return null;
        return (
          <section key={chapter} className="admin-chapter">
            <h3 className="admin-subtitle">{t(`admin.chapter.${chapter}` as MessageKey)}</h3>
            {inChapter.map((article) => (
              <article key={article.key} className="admin-article">
                <div className="admin-article-head">
                  <code className="admin-article-key">{article.key}</code>
                  <h4 className="admin-article-title">{article.titleZh}</h4>
                  <span className="admin-muted">{article.titleEn}</span>
                  {editable ? (
                    <Space className="admin-article-actions">
                      <Button size="small" onClick={() => setEditing(article)} aria-label={t('admin.handbook.editArticle', { key: article.key })}>
                        {t('action.edit')}
                      </Button>
                      <Popconfirm
                        title={t('admin.handbook.removeArticleTitle', { key: article.key })}
                        description={t('admin.handbook.removeArticleBody')}
                        okText={t('action.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('action.cancel')}
                        onConfirm={() => remove.mutateAsync(article.key).catch(() => undefined)}
                      >
                        <Button size="small" danger aria-label={t('admin.handbook.removeArticle', { key: article.key })}>
                          {t('action.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null}
                </div>
                <p className="admin-article-text" lang="zh-CN">{article.textZh}</p>
                <p className="admin-article-text admin-muted" lang="en">{article.textEn}</p>
              </article>
            ))}
          </section>
        );
      })}
      <ArticleForm n={n} editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
