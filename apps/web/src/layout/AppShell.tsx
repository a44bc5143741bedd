import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth, useMe } from '../auth/auth';
import { Loading } from '../common/states';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { navItemsFor } from './navigation';

/** Header with the role's screens, notifications, language and the signed-in user; the screen below. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const location = useLocation();
  const items = navItemsFor(me);
  const selected = items.filter((i) => location.pathname.startsWith(i.path)).map((i) => i.path);
  const orgName = i18n.language === 'en' ? me.organization.nameEn : me.organization.nameVi;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="brand">
          {t('app.short')}
        </Link>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            items={items.map((i) => ({ key: i.path, label: <Link to={i.path}>{t(i.labelKey)}</Link> }))}
            style={{ background: 'transparent' }}
          />
        </nav>
        <Space size="middle">
          <NotificationBell />
          <LanguageSwitch dark />
          <Typography.Text style={{ color: '#fff' }} title={orgName}>
            {me.displayName}
          </Typography.Text>
          <Button
            size="small"
            icon={<LogoutOutlined aria-hidden />}
            onClick={logout}
            aria-label={t('nav.logout')}
          >
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      {/* antd's Content is the <main> landmark itself; the skip link lands here. */}
      <Layout.Content id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
