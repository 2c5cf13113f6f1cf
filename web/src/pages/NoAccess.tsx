import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Audience } from '../auth/session';
import { type MessageKey, useT } from '../i18n';

/** What a page answers when the signed-in person lacks its role: said plainly, with a way back. */
export default function NoAccess({ audiences }: { audiences: Audience[] }) {
  const t = useT();
  const roles = audiences.map((audience) => t(`role.${audience}` as MessageKey)).join(' / ');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('noAccess.title')}</h1>}
      subTitle={t('noAccess.body', { roles })}
      extra={
        <Link to="/today">
          <Button type="primary">{t('noAccess.back')}</Button>
        </Link>
      }
    />
  );
}
