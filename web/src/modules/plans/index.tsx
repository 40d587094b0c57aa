import { ScheduleOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { PlansPage } from './pages/Plans';
import { PlanViewPage } from './pages/PlanView';
import { TaskPage } from './pages/TaskPage';
import { WorkbenchPage } from './pages/Workbench';
import { AssignedPage } from './pages/Assigned';
import { PublicPlansPage } from './public/Plans';

const GROUP = '规划任务督办';

export const plansWebModule: WebModule = {
  id: 'plans',
  name: '规划任务督办',
  pages: [
    { path: '/plans', component: PlansPage, title: '规划', permission: 'plans.read', group: GROUP, icon: <ScheduleOutlined />, order: 45 },
    { path: '/plans/workbench', component: WorkbenchPage, title: '我的任务', permission: 'plans.read', group: GROUP, order: 46 },
    { path: '/plans/assigned', component: AssignedPage, title: '领导交办', permission: 'plans.read', group: GROUP, order: 47 },
    { path: '/plans/:id', component: PlanViewPage, title: '规划', permission: 'plans.read', hideInMenu: true },
    { path: '/plans/tasks/:id', component: TaskPage, title: '任务', permission: 'plans.read', hideInMenu: true },
  ],
  // The path as the server manifest declares it (src/modules/plans/index.ts publicPages).
  publicPages: [{ path: '/public/plans', title: '法治政府建设规划', component: PublicPlansPage }],
};
