import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider, useAuth } from './core/auth';
import { AppLayout } from './core/Layout';
import { LoginPage } from './core/pages/Login';
import { collectPages, collectPublicPages } from './core/registry';
import { PublicLayout, PortalHome } from './public/Portal';
import { webModules } from './modules';

dayjs.locale('zh-cn');

const pages = collectPages(webModules);
const publicPages = collectPublicPages(webModules);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

function RequireLogin({ children }: { children: React.ReactNode }) {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

function Guarded({ permission, children }: { permission: string; children: React.ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <Result status="403" title="无权访问" subTitle={`本页需要权限 ${permission}`} />;
}

function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/public" element={<PublicLayout />}>
        <Route index element={<PortalHome />} />
        {publicPages.map((p) => (
          <Route key={p.path} path={p.path.replace(/^\/public\//, '')} element={<p.component />} />
        ))}
      </Route>
      <Route
        element={
          <RequireLogin>
            <AppLayout pages={pages} />
          </RequireLogin>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        {pages.map((p) => (
          <Route key={p.path} path={p.path} element={<Guarded permission={p.permission}><p.component /></Guarded>} />
        ))}
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Route>
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#c41d1d' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
