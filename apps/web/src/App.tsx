import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApiError } from './api/problem';
import { AuthProvider, RequireAuth, useAuth } from './auth/auth';
import { LoginPage } from './auth/LoginPage';
import { Loading } from './common/states';
import { AppShell } from './layout/AppShell';
import { homePathFor } from './layout/navigation';

// Screens load on demand: a province user never downloads the dashboard.
const PlanListPage = lazy(() => import('./plans/PlanListPage'));
const PlanPage = lazy(() => import('./plans/PlanPage'));
const InboxPage = lazy(() => import('./reviews/InboxPage'));
const ReviewPage = lazy(() => import('./reviews/ReviewPage'));
const DelegationsPage = lazy(() => import('./reviews/DelegationsPage'));
const DashboardPage = lazy(() => import('./cycles/DashboardPage'));
const HistoryPage = lazy(() => import('./history/HistoryPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));
const ClustersPage = lazy(() => import('./clusters/ClustersPage'));
const OrganizationsPage = lazy(() => import('./mergers/OrganizationsPage'));
const OrganizationPage = lazy(() => import('./mergers/OrganizationPage'));
const ConsolidationsPage = lazy(() => import('./consolidations/ConsolidationsPage'));
const ConsolidationPage = lazy(() => import('./consolidations/ConsolidationPage'));
const NotFoundPage = lazy(() => import('./common/NotFoundPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

function Home() {
  const { me } = useAuth();
  return <Navigate to={me ? homePathFor(me) : '/login'} replace />;
}

export function App() {
  const { i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  dayjs.locale(vi ? 'vi' : 'en');
  return (
    <ConfigProvider
      locale={vi ? viVN : enUS}
      theme={{
        token: {
          colorPrimary: '#1d4ed8',
          // antd derives lighter hover shades: white on its hovered primary button was 4.34:1.
          colorPrimaryHover: '#1e40af',
          colorPrimaryActive: '#1e3a8a',
          colorLink: '#1d4ed8',
          borderRadius: 4,
          // antd's default grey text is 3.4:1 on white; WCAG AA wants 4.5:1 for body text.
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextPlaceholder: '#6b6b6b',
          colorTextQuaternary: '#6b6b6b',
          colorError: '#b91c1c',
          colorErrorHover: '#991b1b',
          colorErrorActive: '#7f1d1d',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <Suspense fallback={<Loading />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppShell />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<Home />} />
                    <Route path="plans" element={<PlanListPage />} />
                    <Route path="plans/:planId" element={<PlanPage />} />
                    <Route path="plans/:planId/history" element={<HistoryPage />} />
                    <Route path="plans/:planId/reviews/:reviewId" element={<ReviewPage />} />
                    <Route path="reviews" element={<InboxPage />} />
                    <Route path="delegations" element={<DelegationsPage />} />
                    <Route path="dashboard" element={<DashboardPage />} />
                    <Route path="dashboard/:cycleId" element={<DashboardPage />} />
                    <Route path="cycles/:cycleId/clusters" element={<ClustersPage />} />
                    <Route path="consolidations" element={<ConsolidationsPage />} />
                    <Route path="cycles/:cycleId/consolidations" element={<ConsolidationsPage />} />
                    <Route path="consolidations/:consolidationId" element={<ConsolidationPage />} />
                    <Route path="consolidations/:consolidationId/history" element={<HistoryPage />} />
                    <Route path="organizations" element={<OrganizationsPage />} />
                    <Route path="organizations/:organizationId" element={<OrganizationPage />} />
                    <Route path="notifications" element={<NotificationsPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Routes>
              </Suspense>
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
