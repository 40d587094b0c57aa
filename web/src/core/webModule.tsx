import { AlertOutlined, AuditOutlined, CalendarOutlined, ClusterOutlined, DashboardOutlined, NumberOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from './registry';
import { DashboardPage } from './pages/Dashboard';
import { SupervisionPage } from './pages/Supervision';
import { OrgsPage } from './pages/Orgs';
import { UsersPage } from './pages/Users';
import { RolesPage } from './pages/Roles';
import { CalendarPage } from './pages/Calendar';
import { RulesPage } from './pages/Rules';
import { AuditPage } from './pages/Audit';
import { ProcedureInstancePage } from './pages/ProcedureInstance';
import { DeadlineCalculatorPage } from '../public/DeadlineCalculator';

/** The core's pages, registered like any module's. */
export const coreWebModule: WebModule = {
  id: 'core',
  name: '平台',
  pages: [
    { path: '/dashboard', component: DashboardPage, title: '我的待办', permission: 'authenticated', icon: <DashboardOutlined />, order: 0 },
    { path: '/supervision', component: SupervisionPage, title: '电子监察', permission: 'supervision.read', icon: <AlertOutlined />, order: 10 },
    { path: '/admin/orgs', component: OrgsPage, title: '机构管理', permission: 'org.read', group: '系统管理', icon: <ClusterOutlined />, order: 90 },
    { path: '/admin/users', component: UsersPage, title: '用户管理', permission: 'user.read', group: '系统管理', icon: <TeamOutlined />, order: 91 },
    { path: '/admin/roles', component: RolesPage, title: '角色权限', permission: 'role.read', group: '系统管理', icon: <SafetyOutlined />, order: 92 },
    { path: '/admin/calendar', component: CalendarPage, title: '法定日历', permission: 'authenticated', group: '系统管理', icon: <CalendarOutlined />, order: 93 },
    { path: '/admin/rules', component: RulesPage, title: '规则参数', permission: 'rule.read', group: '系统管理', icon: <NumberOutlined />, order: 94 },
    { path: '/procedures/:id', component: ProcedureInstancePage, title: '办理事项', permission: 'authenticated', hideInMenu: true },
    { path: '/admin/audit', component: AuditPage, title: '审计日志', permission: 'audit.read', group: '安全审计', icon: <AuditOutlined />, order: 99 },
  ],
  publicPages: [{ path: '/public/deadline', title: '法定期限计算', component: DeadlineCalculatorPage }],
};
