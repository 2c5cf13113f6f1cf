import { Typography } from 'antd';
import type { Schemas } from '../../api/client';
import { useLanguage, useT } from '../../i18n';

type Article = Schemas['ArticleDto'];

/** An article in the reader's language; in English the Chinese original (the binding text) is one tap away. */
export function HandbookArticle({ article, level = 3 }: { article: Article; level?: 3 | 4 }) {
  const t = useT();
  const language = useLanguage();
  const english = language === 'en';
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <article className="employee-article">
      <Heading className="employee-article-title">
        <span className="employee-article-key">{article.key}</span> {english ? article.titleEn : article.titleZh}
      </Heading>
      <Typography.Paragraph className="employee-article-text">{english ? article.textEn : article.textZh}</Typography.Paragraph>
      {english ? (
        <details className="employee-article-original">
          <summary>{t('handbook.original')}</summary>
          <p lang="zh-CN">
            {article.titleZh}：{article.textZh}
          </p>
        </details>
      ) : null}
    </article>
  );
}
