import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { api, unwrap } from '../../../api/client';
import { PageTitle } from '../../../components/PageTitle';
import { useT } from '../../../i18n';
import { ErrorAlert } from '../../../lib/errors';
import { CompanyCard } from './CompanyCard';
import { RuleVersions } from './RuleVersions';
import { TimeZoneCard } from './TimeZoneCard';
import '../admin.css';

/** Attendance settings (H-ORG-2): the dated rule versions, the company's name and language, its time zone. */
export default function SettingsPage() {
  const t = useT();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => unwrap(api.GET('/settings')) });
  return (
    <div className="admin-page">
      <PageTitle>{t('admin.settings.title')}</PageTitle>
      {settings.error ? <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isLoading ? <Skeleton active /> : null}
      {settings.data ? (
        <>
          <RuleVersions settings={settings.data} />
          <div className="admin-two-cards">
            <CompanyCard settings={settings.data} />
            <TimeZoneCard settings={settings.data} />
          </div>
        </>
      ) : null}
    </div>
  );
}
