import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Grid, Layout, Segmented, Space } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { useMe } from '../auth/session';
import { type MessageKey, switchLanguage, useLanguage, useT } from '../i18n';
import type { Language } from '../i18n/language-store';
import { useCompany } from '../lib/company';
import { Bell } from '../features/notifications/Bell';
import { CONSOLE_ROUTES } from '../routes';
import { RoleTags } from './RoleTags';

const NavMenu = lazy(() => import('./NavMenu'));
const NavDrawer = lazy(() => import('./NavDrawer'));

export function LanguageSwitch() {
  const language = useLanguage();
  const t = useT();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('shell.language')}
      value={language}
      onChange={(value) => void switchLanguage(value)}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
    />
  );
}

/** The frame of every signed-in page: who is signed in, the menu of what they may open, the language switch. */
export function Shell() {
  const me = useMe();
  const t = useT();
  const { companyName } = useCompany();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The drawer's chunk is fetched the first time it opens, then kept mounted for its closing animation.
  const [drawerWanted, setDrawerWanted] = useState(false);

  // Roles can change while signed in (the office grants finance): the shell follows /auth/me.
  const { data: fresh } = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/auth/me')), staleTime: 60_000 });
  useEffect(() => {
    if (fresh && JSON.stringify(fresh) !== JSON.stringify(me)) sessionStore.updateStaff(fresh);
  }, [fresh, me]);

  const tabs = CONSOLE_ROUTES.filter((route) => route.tab && route.label).slice(0, 5);
  const openDrawer = () => {
    setDrawerWanted(true);
    setDrawerOpen(true);
  };

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        {phone && <Button type="text" className="shell-menu-button" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={openDrawer} />}
        <Link to="/today" className="shell-brand">
          {t('app.name')}
          {companyName && !phone ? <span className="shell-company"> · {companyName}</span> : null}
        </Link>
        <Space className="shell-user" size={phone ? 4 : 8} wrap={false}>
          <span className="shell-who" title={t('shell.signedInAs', { name: me.name })}>
            <strong className="shell-name">{me.name}</strong>
            {!phone && <RoleTags />}
          </span>
          <Bell />
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            aria-label={t('shell.signOut')}
            onClick={() => {
              sessionStore.clear();
              navigate('/sign-in');
            }}
          >
            {phone ? null : t('shell.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {!phone && (
          <Layout.Sider width={216} theme="light" className="shell-sider">
            <Suspense fallback={null}>
              <NavMenu />
            </Suspense>
          </Layout.Sider>
        )}
        {phone && drawerWanted && (
          <Suspense fallback={null}>
            <NavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />
          </Suspense>
        )}
        <Layout.Content id="main" className={phone && tabs.length > 0 ? 'shell-content with-tabs' : 'shell-content'} tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
      {phone && tabs.length > 0 && (
        <nav className="tab-bar" aria-label={t('nav.group.me')}>
          {tabs.map((route) => {
            const path = `/${route.path}`;
            const active = location.pathname === path || location.pathname.startsWith(`${path}/`);
            return (
              <Link key={route.path} to={path} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>
                <span className="tab-icon" aria-hidden>
                  {route.icon}
                </span>
                <span>{t(route.label as MessageKey)}</span>
              </Link>
            );
          })}
        </nav>
      )}
    </Layout>
  );
}
