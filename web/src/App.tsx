import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/client';
import { audiencesOf, useSession } from './auth/session';
import { useLanguage } from './i18n';
import { Shell } from './layout/Shell';
import { usePrefersReducedMotion } from './lib/reduced-motion';
import { CONSOLE_ROUTES } from './routes';
import type { ConsoleRoute } from './routes/types';
import { theme } from './theme';

// Only the page a person is on is loaded: the sign-in form (antd Form) is not part of a signed-in
// person's first screen, nor the illustrated "no access" screens part of anyone's.
const SignIn = lazy(() => import('./pages/SignIn'));
const NoAccess = lazy(() => import('./pages/NoAccess'));
const NotFound = lazy(() => import('./pages/NotFound'));

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; only network trouble and 5xx are retried.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
      staleTime: 15_000,
    },
  },
});

function Gate({ route }: { route: ConsoleRoute }) {
  const session = useSession();
  if (!session) return null;
  const mine = audiencesOf(session.staff);
  return route.audiences.some((audience) => mine.has(audience)) ? <>{route.element}</> : <NoAccess audiences={route.audiences} />;
}

function SignedIn() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Shell />;
}

const Loading = () => (
  <div className="page-loading">
    <Spin />
  </div>
);

export function App() {
  const language = useLanguage();
  const reducedMotion = usePrefersReducedMotion();
  const appTheme = useMemo(() => (reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reducedMotion]);
  return (
    // The query client outside antd's App: confirmation dialogs opened through App.useApp() render in
    // App's holder, and must still reach the queries.
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={appTheme}>
        <AntApp>
          <BrowserRouter basename="/app">
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/sign-in" element={<SignIn />} />
                <Route element={<SignedIn />}>
                  <Route index element={<Navigate to="/today" replace />} />
                  {CONSOLE_ROUTES.map((route) => (
                    <Route
                      key={route.path}
                      path={`/${route.path}`}
                      element={
                        <Suspense fallback={<Loading />}>
                          <Gate route={route} />
                        </Suspense>
                      }
                    />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
