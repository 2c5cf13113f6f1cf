import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { useT } from '../../../i18n';
import { CorrectionList } from './CorrectionList';
import { ExemptionList } from './ExemptionList';
import { LeaveList } from './LeaveList';
import { OvertimeList } from './OvertimeList';
import '../admin.css';

/**
 * Leave, business-trip and make-up punch review for the office (H-ORG-4): everyone's requests, the
 * approved ones filed with HR, a signed business trip revoked — as a false certification when it was
 * one (H-ATT-9) —, an approved make-up punch cancelled (its punch voided), overtime asked for
 * someone (a cap gone beyond with a reason), filed or cancelled.
 */
export default function RequestsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = ['exemptions', 'corrections', 'overtime'].includes(params.get('tab') ?? '') ? params.get('tab')! : 'leave';
  return (
    <div className="admin-page">
      <PageTitle>{t('admin.requests.title')}</PageTitle>
      <Tabs
        activeKey={tab}
        // Four tabs must fit a phone's width: antd's overflow button inside the tab list is not a tab (axe: aria-required-children).
        tabBarGutter={16}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'leave', label: t('admin.requests.leave'), children: <LeaveList /> },
          { key: 'exemptions', label: t('admin.requests.exemptions'), children: <ExemptionList /> },
          { key: 'corrections', label: t('corr.admin.tab'), children: <CorrectionList /> },
          { key: 'overtime', label: t('ot.admin.tab'), children: <OvertimeList /> },
        ]}
      />
    </div>
  );
}
