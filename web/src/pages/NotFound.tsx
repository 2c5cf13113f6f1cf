import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n';

/** An address under /app/ that is no page of the console. */
export default function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/today">
          <Button type="primary">{t('noAccess.back')}</Button>
        </Link>
      }
    />
  );
}
