import { Link, Outlet } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Layout, Row, Spin, Typography } from 'antd';
import { get } from '../core/api';
import { ErrorAlert } from '../core/components';

interface Portal {
  title: string;
  sections: { module: string; path: string; title: { zh: string; en: string }; description: { zh: string; en: string } }[];
}

/** The citizens' portal: no login; its sections come from the modules the server runs. */
export function PublicLayout() {
  const portal = useQuery({ queryKey: ['portal'], queryFn: () => get<Portal>('/api/public/portal') });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#c41d1d', display: 'flex', alignItems: 'center', gap: 24 }}>
        <Link to="/public" style={{ color: '#fff', fontSize: 20, fontWeight: 600 }} data-testid="portal-title">
          {portal.data?.title ?? '法治政府建设公众服务平台'}
        </Link>
        <span style={{ flex: 1 }} />
        <Link to="/login" style={{ color: '#ffe' }}>
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, width: '100%', margin: '0 auto' }}>
        <Outlet context={portal} />
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>法治 Fazhi · 公众服务门户</Layout.Footer>
    </Layout>
  );
}

export function PortalHome() {
  const portal = useQuery({ queryKey: ['portal'], queryFn: () => get<Portal>('/api/public/portal') });
  if (portal.isLoading) return <Spin />;
  return (
    <>
      <ErrorAlert error={portal.error} />
      <Typography.Title level={3}>公众服务</Typography.Title>
      <Row gutter={[16, 16]}>
        {(portal.data?.sections ?? []).map((s) => (
          <Col xs={24} md={12} lg={8} key={s.path}>
            <Link to={s.path} data-testid={`portal-section-${s.path}`}>
              <Card hoverable title={s.title.zh}>
                {s.description.zh}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
