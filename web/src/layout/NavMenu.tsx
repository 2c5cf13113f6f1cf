import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { type Audience, audiencesOf, useMe } from '../auth/session';
import { type MessageKey, useT } from '../i18n';
import { CONSOLE_ROUTES, GROUP_OF } from '../routes';
import type { ConsoleRoute } from '../routes/types';

import { AUDIENCE_ORDER } from './audience-order';

/** The first audience of a route that the person has decides its menu group (a page for many shows once). */
function groupFor(route: ConsoleRoute, mine: Set<Audience>): Audience | null {
  return AUDIENCE_ORDER.find((audience) => route.audiences.includes(audience) && mine.has(audience)) ?? null;
}

/**
 * The menu of what the signed-in person may open, grouped by role. Its own chunk: on a phone it is
 * loaded only when the drawer opens, so the employee's first screen does not carry antd's Menu.
 */
export default function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const t = useT();
  const location = useLocation();
  const audiences = audiencesOf(me);
  const visible = CONSOLE_ROUTES.filter((route) => route.label && groupFor(route, audiences));
  const groups = AUDIENCE_ORDER.filter((audience) => audiences.has(audience))
    .map((audience) => ({
      type: 'group' as const,
      key: audience,
      label: t(GROUP_OF[audience]),
      children: visible
        .filter((route) => groupFor(route, audiences) === audience)
        .map((route) => ({ key: `/${route.path}`, icon: route.icon, label: <Link to={`/${route.path}`}>{t(route.label as MessageKey)}</Link> })),
    }))
    .filter((group) => group.children.length > 0);
  const selected = visible
    .map((route) => `/${route.path}`)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return (
    <nav aria-label={t('shell.menu')}>
      <Menu mode="inline" selectedKeys={selected} items={groups} onClick={() => onNavigate?.()} />
    </nav>
  );
}
