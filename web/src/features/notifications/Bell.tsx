import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n';
import { useUnreadCount } from './use-unread';

/** The header's bell: my unread count, a link to my notifications. */
export function Bell() {
  const t = useT();
  const unread = useUnreadCount() ?? 0;
  const location = useLocation();
  const here = location.pathname === '/notifications';
  const label = unread > 0 ? t('notify.bellUnread', { count: unread }) : t('notify.bell');
  return (
    <Link to="/notifications" className="shell-bell" aria-label={label} title={label} aria-current={here ? 'page' : undefined}>
      <Badge count={unread} size="small" overflowCount={99} className="shell-bell-badge">
        <BellOutlined aria-hidden className="shell-bell-icon" />
      </Badge>
    </Link>
  );
}
