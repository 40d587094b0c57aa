import { DashboardOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { PlansPage } from './pages/Plans';
import { LeaderViewPage } from './pages/LeaderView';
import { PlanViewPage } from './pages/PlanView';
import { TaskPage } from './pages/TaskPage';
import { WorkbenchPage } from './pages/Workbench';
import { AssignedPage } from './pages/Assigned';
import { AccountabilityPage, MyAccountabilityPage } from './pages/Accountability';
import { AccountabilityCasePage } from './pages/AccountabilityCase';
import { MeetingsPage } from './pages/Meetings';
import { ReportsPage } from './pages/Reports';
import { ReportPage } from './pages/ReportPage';
import { WhitePapersPage } from './pages/WhitePapers';
import { CommitmentsPage } from './pages/Commitments';
import { PublicPlansPage } from './public/Plans';
import { PublicReportsPage } from './public/Reports';
import { PublicWhitePapersPage } from './public/WhitePapers';
import { PublicCommitmentsPage } from './public/Commitments';

const GROUP = '规划任务督办';

export const plansWebModule: WebModule = {
  id: 'plans',
  name: '规划任务督办',
  pages: [
    { path: '/plans/leader', component: LeaderViewPage, title: '领导视图', permission: 'plans.read', group: GROUP, icon: <DashboardOutlined />, order: 44 },
    { path: '/plans', component: PlansPage, title: '规划', permission: 'plans.read', group: GROUP, icon: <ScheduleOutlined />, order: 45 },
    { path: '/plans/workbench', component: WorkbenchPage, title: '我的任务', permission: 'plans.read', group: GROUP, order: 46 },
    { path: '/plans/assigned', component: AssignedPage, title: '领导交办', permission: 'plans.read', group: GROUP, order: 47 },
    { path: '/plans/accountability', component: AccountabilityPage, title: '问责', permission: 'plans.read', group: GROUP, order: 48 },
    // The person concerned sees their own cases whatever their role; the server selects them by user.
    { path: '/plans/accountability/mine', component: MyAccountabilityPage, title: '本人的问责', permission: 'authenticated', group: GROUP, order: 49 },
    { path: '/plans/meetings', component: MeetingsPage, title: '法定会议', permission: 'plans.read', group: GROUP, order: 50 },
    { path: '/plans/reports', component: ReportsPage, title: '年度报告', permission: 'plans.read', group: GROUP, order: 51 },
    { path: '/plans/white-papers', component: WhitePapersPage, title: '部门责任白皮书', permission: 'plans.read', group: GROUP, order: 52 },
    { path: '/plans/commitments', component: CommitmentsPage, title: '服务承诺与首问', permission: 'plans.read', group: GROUP, order: 53 },
    { path: '/plans/:id', component: PlanViewPage, title: '规划', permission: 'plans.read', hideInMenu: true },
    { path: '/plans/tasks/:id', component: TaskPage, title: '任务', permission: 'plans.read', hideInMenu: true },
    { path: '/plans/accountability/:id', component: AccountabilityCasePage, title: '问责案件', permission: 'plans.read', hideInMenu: true },
    { path: '/plans/reports/:id', component: ReportPage, title: '年度报告', permission: 'plans.read', hideInMenu: true },
  ],
  // Paths as the server manifest declares them (src/modules/plans/index.ts publicPages).
  publicPages: [
    { path: '/public/plans', title: '法治政府建设规划', component: PublicPlansPage },
    { path: '/public/plans/reports', title: '法治政府建设年度报告', component: PublicReportsPage },
    { path: '/public/plans/white-papers', title: '部门责任白皮书', component: PublicWhitePapersPage },
    { path: '/public/plans/commitments', title: '服务承诺', component: PublicCommitmentsPage },
  ],
};
