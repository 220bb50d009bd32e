import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { Fallback } from './components/common';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api/client';
import { rosterApiQuery } from './pages/rosterQuery';
import { LoginPage } from './pages/Login';
import { AppLayout } from './AppLayout';

const HomePage = lazy(() => import('./pages/Home'));
const OrgPage = lazy(() => import('./pages/Org'));
const RosterPage = lazy(() => import('./pages/Roster'));
const ProfilePage = lazy(() => import('./pages/profile/Profile'));
const AuditPage = lazy(() => import('./pages/AuditLog'));
const RulesPage = lazy(() => import('./pages/Rules'));
const TeamsPage = lazy(() => import('./pages/teams/Overview'));
const HologramPage = lazy(() => import('./pages/teams/Hologram'));
const StructurePage = lazy(() => import('./pages/stats/Structure'));
const FitBarometerPage = lazy(() => import('./pages/fit/Barometer'));
const FitRankingPage = lazy(() => import('./pages/fit/Ranking'));
const FitComparePage = lazy(() => import('./pages/fit/Compare'));
const FitPlansPage = lazy(() => import('./pages/fit/Plans'));
const FitDescriptionPage = lazy(() => import('./pages/fit/Description'));
const InteropPage = lazy(() => import('./pages/Interop'));
const ReservePoolsPage = lazy(() => import('./pages/reserve/Pools'));
const ReservePoolPage = lazy(() => import('./pages/reserve/PoolDetail'));
const ReserveRoundsPage = lazy(() => import('./pages/reserve/Rounds'));
const ReserveBenchPage = lazy(() => import('./pages/reserve/Bench'));
const ReserveGrowthPage = lazy(() => import('./pages/reserve/Growth'));
const ReserveReviewsPage = lazy(() => import('./pages/reserve/Reviews'));
const ReservePipelinePage = lazy(() => import('./pages/reserve/Pipeline'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
    },
  },
});

// Start the current page's code — and, on the roster, its first page of data — together with
// /api/auth/me at start-up, instead of after the shell has rendered (first-roster-page time).
function prefetchCurrentPage() {
  if (typeof window === 'undefined') return;
  const path = window.location.pathname;
  if (path === '/cadres') {
    void import('./pages/Roster');
    const q = rosterApiQuery(new URLSearchParams(window.location.search));
    void queryClient.prefetchQuery({ queryKey: ['roster', q], queryFn: () => api.roster(q) });
  } else if (/^\/cadres\/\d+/.test(path)) void import('./pages/profile/Profile');
  else if (path === '/' ) void import('./pages/Home');
  else if (path === '/org') void import('./pages/Org');
  else if (path === '/teams') void import('./pages/teams/Overview');
  else if (/^\/teams\/\d+/.test(path)) void import('./pages/teams/Hologram');
  else if (path === '/stats') void import('./pages/stats/Structure');
  else if (path === '/interop') void import('./pages/Interop');
}
prefetchCurrentPage();

export const theme = {
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#a8071a',
    colorInfo: '#a8071a',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#a8071a', headerHeight: 56, siderBg: '#ffffff', bodyBg: '#f5f5f5' },
    Menu: { itemSelectedBg: '#fff1f0', itemSelectedColor: '#a8071a' },
    Table: { headerBg: '#fafafa' },
  },
};

export function App() {
  const { i18n } = useTranslation();
  const [lang, setLangState] = useState(i18n.language);
  useEffect(() => {
    const h = (l: string) => setLangState(l);
    i18n.on('languageChanged', h);
    return () => i18n.off('languageChanged', h);
  }, [i18n]);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');

  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<Fallback />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<AppLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="org" element={<OrgPage />} />
                  <Route path="cadres" element={<RosterPage />} />
                  <Route path="cadres/:id" element={<ProfilePage />} />
                  <Route path="teams" element={<TeamsPage />} />
                  <Route path="teams/:id" element={<HologramPage />} />
                  <Route path="stats" element={<StructurePage />} />
                  <Route path="fit" element={<FitBarometerPage />} />
                  <Route path="fit/rank" element={<FitRankingPage />} />
                  <Route path="fit/compare" element={<FitComparePage />} />
                  <Route path="fit/plans" element={<FitPlansPage />} />
                  <Route path="fit/positions/:id/description" element={<FitDescriptionPage />} />
                  <Route path="interop" element={<InteropPage />} />
                  <Route path="reserve" element={<ReservePoolsPage />} />
                  <Route path="reserve/pools/:id" element={<ReservePoolPage />} />
                  <Route path="reserve/rounds" element={<ReserveRoundsPage />} />
                  <Route path="reserve/bench" element={<ReserveBenchPage />} />
                  <Route path="reserve/growth" element={<ReserveGrowthPage />} />
                  <Route path="reserve/reviews" element={<ReserveReviewsPage />} />
                  <Route path="reserve/pipeline" element={<ReservePipelinePage />} />
                  <Route path="settings/audit" element={<AuditPage />} />
                  <Route path="settings/rules" element={<RulesPage />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
