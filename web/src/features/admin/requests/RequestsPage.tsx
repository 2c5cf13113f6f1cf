import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { useT } from '../../../i18n';
import { ExemptionList } from './ExemptionList';
import { LeaveList } from './LeaveList';
import '../admin.css';

/**
 * Leave and business-trip review for the office (H-ORG-4): everyone's requests, the approved ones
 * filed with HR, and a signed business trip revoked — as a false certification when it was one (H-ATT-9).
 */
export default function RequestsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'exemptions' ? 'exemptions' : 'leave';
  return (
    <div className="admin-page">
      <PageTitle>{t('admin.requests.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'leave', label: t('admin.requests.leave'), children: <LeaveList /> },
          { key: 'exemptions', label: t('admin.requests.exemptions'), children: <ExemptionList /> },
        ]}
      />
    </div>
  );
}
