import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Grid, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { sessionStore } from '../auth/session-store';
import { type Audience, audiencesOf, useMe } from '../auth/session';
import { type MessageKey, useLanguage, useT } from '../i18n';
import { type Language, setLanguage } from '../i18n/language-store';
import { useCompany } from '../lib/company';
import { CONSOLE_ROUTES, GROUP_OF } from '../routes';
import type { ConsoleRoute } from '../routes/types';

const AUDIENCE_ORDER: Audience[] = ['employee', 'supervisor', 'finance', 'admin'];

/** The first audience of a route that the person has decides its menu group (a page for many shows once). */
function groupFor(route: ConsoleRoute, mine: Set<Audience>): Audience | null {
  return AUDIENCE_ORDER.find((audience) => route.audiences.includes(audience) && mine.has(audience)) ?? null;
}

export function LanguageSwitch() {
  const language = useLanguage();
  const t = useT();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('shell.language')}
      value={language}
      onChange={(value) => setLanguage(value)}
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
  const audiences = useMemo(() => audiencesOf(me), [me]);

  // Roles can change while signed in (the office grants finance): the shell follows /auth/me.
  const { data: fresh } = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/auth/me')), staleTime: 60_000 });
  useEffect(() => {
    if (fresh && JSON.stringify(fresh) !== JSON.stringify(me)) sessionStore.updateStaff(fresh);
  }, [fresh, me]);

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
  const menu = <Menu mode="inline" selectedKeys={selected} items={groups} onClick={() => setDrawerOpen(false)} />;
  const tabs = CONSOLE_ROUTES.filter((route) => route.tab && route.label).slice(0, 5);
  const roleTags = AUDIENCE_ORDER.filter((audience) => audiences.has(audience)).map((audience) => (
    <Tag key={audience} color={audience === 'employee' ? 'default' : 'blue'}>
      {t(`role.${audience}` as MessageKey)}
    </Tag>
  ));

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        {phone && <Button type="text" className="shell-menu-button" icon={<MenuOutlined />} aria-label={t('shell.menu')} onClick={() => setDrawerOpen(true)} />}
        <Link to="/today" className="shell-brand">
          {t('app.name')}
          {companyName && !phone ? <span className="shell-company"> · {companyName}</span> : null}
        </Link>
        <Space className="shell-user" size={phone ? 4 : 8} wrap={false}>
          <span className="shell-who" title={t('shell.signedInAs', { name: me.name })}>
            <Typography.Text strong className="shell-name">{me.name}</Typography.Text>
            {!phone && roleTags}
          </span>
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
            <nav aria-label={t('shell.menu')}>{menu}</nav>
          </Layout.Sider>
        )}
        {phone && (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={260} title={<span>{me.name} {roleTags}</span>}>
            <nav aria-label={t('shell.menu')}>{menu}</nav>
          </Drawer>
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
                <span className="tab-icon" aria-hidden>{route.icon}</span>
                <span>{t(route.label as MessageKey)}</span>
              </Link>
            );
          })}
        </nav>
      )}
    </Layout>
  );
}
