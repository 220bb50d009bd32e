import { Suspense, useEffect, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Dropdown, Layout, Menu, Result, Tag, type MenuProps } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  DownOutlined,
  ClusterOutlined,
  FundOutlined,
  HomeOutlined,
  SettingOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, errorText, onUnauthenticated } from './api/client';
import { useMe } from './api/hooks';
import { setLang } from './i18n';
import { Fallback } from './components/common';

const { Header, Sider, Content } = Layout;

/** Roles that may read the global audit log (docs/api.md). */
export const AUDIT_ROLES = ['admin', 'supervision'];

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();

  useEffect(
    () =>
      onUnauthenticated(() => {
        qc.removeQueries({ queryKey: ['me'] });
        if (!location.pathname.startsWith('/login')) {
          navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
        }
      }),
    [qc, navigate, location.pathname, location.search],
  );

  const role = me.data?.user.role;
  const canWrite = me.data?.permissions.canWrite ?? false;
  const items = useMemo<MenuProps['items']>(() => {
    const settings: NonNullable<MenuProps['items']> = [];
    if (role && AUDIT_ROLES.includes(role)) settings.push({ key: '/settings/audit', icon: <AuditOutlined />, label: <Link to="/settings/audit">{t('menu.audit')}</Link> });
    settings.push({ key: '/settings/rules', icon: <SlidersOutlined />, label: <Link to="/settings/rules">{t('menu.rules')}</Link> });
    return [
      { key: '/', icon: <HomeOutlined />, label: <Link to="/" data-testid="nav-home">{t('menu.home')}</Link> },
      { key: '/org', icon: <ApartmentOutlined />, label: <Link to="/org" data-testid="nav-org">{t('menu.org')}</Link> },
      { key: '/cadres', icon: <TeamOutlined />, label: <Link to="/cadres" data-testid="nav-roster">{t('menu.roster')}</Link> },
      {
        key: 'teamsGroup',
        icon: <FundOutlined />,
        label: <span data-testid="nav-teams-group">{t('menu.teamsGroup')}</span>,
        children: [
          { key: '/teams', label: <Link to="/teams" data-testid="nav-teams">{t('menu.teams')}</Link> },
          { key: '/stats', label: <Link to="/stats" data-testid="nav-stats">{t('menu.stats')}</Link> },
        ],
      },
      {
        key: 'fitGroup',
        icon: <AimOutlined />,
        label: <span data-testid="nav-fit-group">{i18n.language === 'en' ? 'Person–post fit' : '人岗适配'}</span>,
        children: [
          { key: '/fit', label: <Link to="/fit" data-testid="nav-fit-barometer">{i18n.language === 'en' ? 'Fit barometer' : '晴雨表'}</Link> },
          { key: '/fit/rank', label: <Link to="/fit/rank" data-testid="nav-fit-rank">{i18n.language === 'en' ? 'Candidates for a post' : '岗位人选'}</Link> },
          { key: '/fit/compare', label: <Link to="/fit/compare" data-testid="nav-fit-compare">{i18n.language === 'en' ? 'Compare' : '比选'}</Link> },
          { key: '/fit/plans', label: <Link to="/fit/plans" data-testid="nav-fit-plans">{i18n.language === 'en' ? 'Adjustment plans' : '调整方案'}</Link> },
        ],
      },
      {
        key: 'reserveGroup',
        icon: <ClusterOutlined />,
        label: <span data-testid="nav-reserve-group">{i18n.language === 'en' ? 'Reserve chain' : '储备梯队'}</span>,
        children: [
          { key: '/reserve', label: <Link to="/reserve" data-testid="nav-reserve-pools">{i18n.language === 'en' ? 'Talent pools' : '储备库'}</Link> },
          { key: '/reserve/rounds', label: <Link to="/reserve/rounds" data-testid="nav-reserve-rounds">{i18n.language === 'en' ? 'Recommendation' : '民主推荐'}</Link> },
          { key: '/reserve/bench', label: <Link to="/reserve/bench" data-testid="nav-reserve-bench">{i18n.language === 'en' ? 'Bench strength' : '梯队强度'}</Link> },
          { key: '/reserve/growth', label: <Link to="/reserve/growth" data-testid="nav-reserve-growth">{i18n.language === 'en' ? 'Young cadres' : '年轻干部培养'}</Link> },
          { key: '/reserve/reviews', label: <Link to="/reserve/reviews" data-testid="nav-reserve-reviews">{i18n.language === 'en' ? 'Quarterly review' : '季度研判'}</Link> },
          { key: '/reserve/pipeline', label: <Link to="/reserve/pipeline" data-testid="nav-reserve-pipeline">{i18n.language === 'en' ? 'Pipeline' : '梯队分析'}</Link> },
        ],
      },
      // 监督管理, 规划: added by later issues.
      ...(canWrite
        ? [{ key: '/interop', icon: <CloudUploadOutlined />, label: <Link to="/interop" data-testid="nav-interop">{i18n.language === 'en' ? 'Data exchange' : '数据交换'}</Link> }]
        : []),
      { key: 'settings', icon: <SettingOutlined />, label: t('menu.settings'), children: settings },
    ];
  }, [t, role, canWrite, i18n.language]);

  if (me.isPending) return <Fallback />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
    }
    return (
      <Result
        status="error"
        title={t('common.loadError')}
        subTitle={errorText(me.error, i18n.language)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const { user, permissions } = me.data;

  const path = location.pathname;
  const selected = path.startsWith('/cadres')
    ? '/cadres'
    : path.startsWith('/org')
      ? '/org'
      : path.startsWith('/teams')
        ? '/teams'
        : path.startsWith('/stats')
          ? '/stats'
          : path.startsWith('/fit')
          ? (['/fit/rank', '/fit/compare', '/fit/plans'].find((k) => path.startsWith(k)) ?? (path.startsWith('/fit/positions') ? '/fit/rank' : '/fit'))
          : path.startsWith('/reserve')
          ? (['/reserve/rounds', '/reserve/bench', '/reserve/growth', '/reserve/reviews', '/reserve/pipeline'].find((k) => path.startsWith(k)) ?? '/reserve')
          : path.startsWith('/settings') || path.startsWith('/interop')
            ? path
            : '/';

  const logout = async () => {
    try {
      await api.logout();
    } finally {
      qc.clear();
      navigate('/login', { replace: true });
    }
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'info', disabled: true, label: <span data-testid="user-info">{user.displayName}（{t(`role.${user.role}`)}）</span> },
      { key: 'scope', disabled: true, label: <span data-testid="user-scope">{t('user.scope')}：{user.scopeOrgName ?? t('user.allScope')}</span> },
      { type: 'divider' },
      {
        type: 'group',
        key: 'lang',
        label: t('user.language'),
        children: [
          { key: 'lang-zh', label: <span data-testid="lang-zh">中文{i18n.language !== 'en' ? ' ✓' : ''}</span> },
          { key: 'lang-en', label: <span data-testid="lang-en">English{i18n.language === 'en' ? ' ✓' : ''}</span> },
        ],
      },
      { type: 'divider' },
      { key: 'logout', label: <span data-testid="logout">{t('user.logout')}</span> },
    ],
    onClick: ({ key }) => {
      if (key === 'lang-zh') setLang('zh-CN');
      else if (key === 'lang-en') setLang('en');
      else if (key === 'logout') void logout();
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <Header className="app-header">
        <Link to="/" className="app-title">
          <span className="emblem" aria-hidden>干</span>
          {t('app.title')}
        </Link>
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <button type="button" className="app-user" data-testid="user-menu" aria-haspopup="menu">
            <UserOutlined />
            <span>{user.displayName}</span>
            <Tag color="default" style={{ marginInlineEnd: 0 }}>{t(`role.${user.role}`)}</Tag>
            <span style={{ opacity: 0.85 }}>{user.scopeOrgName ?? t('user.allScope')}</span>
            {!permissions.canWrite && <Tag style={{ marginInlineEnd: 0 }}>{t('user.readOnly')}</Tag>}
            <DownOutlined style={{ fontSize: 10 }} />
          </button>
        </Dropdown>
      </Header>
      <Layout>
        <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <nav aria-label={t('app.short')}>
            <Menu mode="inline" selectedKeys={[selected]} defaultOpenKeys={['teamsGroup', 'fitGroup', 'reserveGroup', 'settings']} items={items} style={{ borderInlineEnd: 0 }} data-testid="side-menu" />
          </nav>
        </Sider>
        <Content className="app-content" id="main" tabIndex={-1}>
          <Suspense fallback={<Fallback />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

