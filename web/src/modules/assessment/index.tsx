import { BarChartOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { SystemsPage } from './pages/Systems';
import { SystemDetailPage } from './pages/SystemDetail';
import { RoundsPage } from './pages/Rounds';
import { RoundDetailPage } from './pages/RoundDetail';
import { OrgSheetPage } from './pages/OrgSheet';

const GROUP = '指标考核';

export const assessmentWebModule: WebModule = {
  id: 'assessment',
  name: '指标考核',
  pages: [
    { path: '/assessment/systems', component: SystemsPage, title: '指标体系', permission: 'assessment.read', group: GROUP, icon: <BarChartOutlined />, order: 40 },
    { path: '/assessment/systems/:id', component: SystemDetailPage, title: '指标体系', permission: 'assessment.read', hideInMenu: true },
    { path: '/assessment/rounds', component: RoundsPage, title: '考核轮次', permission: 'assessment.read', group: GROUP, icon: <TrophyOutlined />, order: 41 },
    { path: '/assessment/rounds/:id', component: RoundDetailPage, title: '考核轮次', permission: 'assessment.read', hideInMenu: true },
    // An assessed organisation opens its own sheet with assessment.self; the server checks who may see it.
    { path: '/assessment/rounds/:id/sheet/:orgId', component: OrgSheetPage, title: '考核表', permission: 'authenticated', hideInMenu: true },
  ],
};
