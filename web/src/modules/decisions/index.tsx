import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { CatalogueDetailPage, CataloguesPage } from './pages/Catalogues';
import { AdvisersPage } from './pages/Advisers';
import { ExpertsPage } from './pages/Experts';
import { DecisionsPage } from './pages/Decisions';
import { DecisionDetailPage } from './pages/DecisionDetail';
import { MyAssignmentsPage } from './pages/MyAssignments';
import { AccountabilityPage } from './pages/Accountability';
import { PublicCataloguesPage, PublicHearingsPage } from './public/Catalogues';
import { PublicDraftsPage, PublicPublishedPage } from './public/Decisions';

const GROUP = '重大行政决策';

export const decisionsWebModule: WebModule = {
  id: 'decisions',
  name: '重大行政决策',
  pages: [
    { path: '/decisions/list', component: DecisionsPage, title: '决策事项', permission: 'decisions.read', group: GROUP, order: 24 },
    { path: '/decisions', component: CataloguesPage, title: '决策事项目录', permission: 'decisions.read', group: GROUP, icon: <AuditOutlined />, order: 25 },
    { path: '/decisions/advisers', component: AdvisersPage, title: '法律顾问', permission: 'decisions.read', group: GROUP, order: 26 },
    { path: '/decisions/experts', component: ExpertsPage, title: '专家库与抽取', permission: 'decisions.read', group: GROUP, order: 27 },
    { path: '/decisions/accountability', component: AccountabilityPage, title: '决策问责', permission: 'decisions.read', group: GROUP, order: 28 },
    { path: '/decisions/my-assignments', component: MyAssignmentsPage, title: '我的论证任务', permission: 'decisions.expert_opinion', group: GROUP, order: 29 },
    { path: '/decisions/catalogues/:id', component: CatalogueDetailPage, title: '决策事项目录', permission: 'decisions.read', hideInMenu: true },
    { path: '/decisions/:id', component: DecisionDetailPage, title: '重大行政决策', permission: 'decisions.read', hideInMenu: true },
  ],
  // Paths as the server manifest declares them (src/modules/decisions/index.ts publicPages).
  publicPages: [
    { path: '/public/decisions', title: '重大行政决策事项目录', component: PublicCataloguesPage },
    { path: '/public/decisions/hearings', title: '重大行政决策听证目录', component: PublicHearingsPage },
    { path: '/public/decisions/drafts', title: '重大行政决策草案征求意见', component: PublicDraftsPage },
    { path: '/public/decisions/published', title: '已公布的重大行政决策', component: PublicPublishedPage },
  ],
};
