import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n';

/** The page's one h1, also the browser tab's title. A plain h1: antd's Typography would bring its tooltip and editor into every page. */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
  }, [children, t]);
  return (
    <div className="page-toolbar">
      <h1 className="page-title">{children}</h1>
      <span className="spacer" />
      {extra}
    </div>
  );
}
