import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { useT } from '../../../i18n';
import { ChannelList } from './ChannelList';
import { DeliveryLog } from './DeliveryLog';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import '../admin.css';

const TABS = ['settings', 'channels', 'log'] as const;
type Tab = (typeof TABS)[number];

/**
 * The office's notifications (issue 18): the settings (defaults, digest hour, reminder and
 * escalation, retention), the group robots and webhooks, and the delivery log. The tab is in the
 * URL (?tab=) so a link keeps it.
 */
export default function NotificationOfficePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'settings';
  return (
    <div className="admin-page">
      <PageTitle>{t('notify.office.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('notify.office.help')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        tabBarGutter={20}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'settings', label: t('notify.office.tab.settings'), children: <NotificationSettingsForm /> },
          { key: 'channels', label: t('notify.office.tab.channels'), children: <ChannelList /> },
          { key: 'log', label: t('notify.office.tab.log'), children: <DeliveryLog /> },
        ]}
      />
    </div>
  );
}
