import { AuditOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { CatalogueDetailPage, CataloguesPage } from './pages/Catalogues';
import { AdvisersPage } from './pages/Advisers';
import { ExpertsPage } from './pages/Experts';
import { PublicCataloguesPage, PublicHearingsPage } from './public/Catalogues';

const GROUP = '重大行政决策';

export const decisionsWebModule: WebModule = {
  id: 'decisions',
  name: '重大行政决策',
  pages: [
    { path: '/decisions', component: CataloguesPage, title: '决策事项目录', permission: 'decisions.read', group: GROUP, icon: <AuditOutlined />, order: 25 },
    { path: '/decisions/advisers', component: AdvisersPage, title: '法律顾问', permission: 'decisions.read', group: GROUP, order: 26 },
    { path: '/decisions/experts', component: ExpertsPage, title: '专家库与抽取', permission: 'decisions.read', group: GROUP, order: 27 },
    { path: '/decisions/catalogues/:id', component: CatalogueDetailPage, title: '决策事项目录', permission: 'decisions.read', hideInMenu: true },
  ],
  // Paths as the server manifest declares them (src/modules/decisions/index.ts publicPages).
  publicPages: [
    { path: '/public/decisions', title: '重大行政决策事项目录', component: PublicCataloguesPage },
    { path: '/public/decisions/hearings', title: '重大行政决策听证目录', component: PublicHearingsPage },
  ],
};
