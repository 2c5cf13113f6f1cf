import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n';

/** The page's one h1, also the browser tab's title. */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
  }, [children, t]);
  return (
    <div className="page-toolbar">
      <Typography.Title level={1} className="page-title">
        {children}
      </Typography.Title>
      <span className="spacer" />
      {extra}
    </div>
  );
}
