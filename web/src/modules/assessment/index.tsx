import { BarChartOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { SystemsPage } from './pages/Systems';
import { SystemDetailPage } from './pages/SystemDetail';

const GROUP = '指标考核';

export const assessmentWebModule: WebModule = {
  id: 'assessment',
  name: '指标考核',
  pages: [
    { path: '/assessment/systems', component: SystemsPage, title: '指标体系', permission: 'assessment.read', group: GROUP, icon: <BarChartOutlined />, order: 40 },
    { path: '/assessment/systems/:id', component: SystemDetailPage, title: '指标体系', permission: 'assessment.read', hideInMenu: true },
  ],
};
