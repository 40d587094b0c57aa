import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { DocumentsPage } from './pages/Documents';
import { DocumentDetailPage } from './pages/DocumentDetail';
import { IssuersPage } from './pages/Issuers';
import { ConsultationsPage } from './pages/Consultations';
import { EscalationsPage } from './pages/Escalations';
import { SuggestionsPage } from './pages/Suggestions';
import { ValidityPage } from './pages/Validity';
import { CleanupDetailPage } from './pages/CleanupDetail';
import { ReportsPage } from './pages/Reports';
import { ImportPage } from './pages/Import';
import { CataloguePage } from './public/Catalogue';
import { PublicDocumentPage } from './public/PublicDocument';
import { DraftsPage } from './public/Drafts';
import { DraftPage } from './public/Draft';
import { SuggestPage } from './public/Suggest';
import { PassedPage } from './public/Passed';

const GROUP = '规范性文件';

export const normativeWebModule: WebModule = {
  id: 'normative',
  name: '规范性文件',
  pages: [
    { path: '/normative', component: DocumentsPage, title: '文件起草与审查', permission: 'normative.read', group: GROUP, icon: <FileTextOutlined />, order: 20 },
    { path: '/normative/issuers', component: IssuersPage, title: '制定主体', permission: 'normative.read', group: GROUP, order: 21 },
    { path: '/normative/consultations', component: ConsultationsPage, title: '征求意见函', permission: 'normative.draft', group: GROUP, order: 22 },
    { path: '/normative/escalations', component: EscalationsPage, title: '分歧协调', permission: 'normative.review', group: GROUP, order: 23 },
    { path: '/normative/suggestions', component: SuggestionsPage, title: '审查建议', permission: 'normative.filing_review', group: GROUP, order: 24 },
    { path: '/normative/validity', component: ValidityPage, title: '到期与清理', permission: 'normative.read', group: GROUP, order: 25 },
    { path: '/normative/reports', component: ReportsPage, title: '备案审查通报', permission: 'normative.read', group: GROUP, order: 26 },
    { path: '/normative/import', component: ImportPage, title: '登记簿导入', permission: 'normative.publish', group: GROUP, order: 27 },
    { path: '/normative/cleanups/:id', component: CleanupDetailPage, title: '规范性文件清理', permission: 'normative.read', hideInMenu: true },
    { path: '/normative/:id', component: DocumentDetailPage, title: '规范性文件', permission: 'normative.read', hideInMenu: true },
  ],
  publicPages: [
    { path: '/public/normative', title: '规范性文件目录', component: CataloguePage },
    { path: '/public/normative/drafts', title: '规范性文件草案征求意见', component: DraftsPage },
    { path: '/public/normative/drafts/:id', title: '征求意见稿', component: DraftPage },
    { path: '/public/normative/suggestions', title: '规范性文件审查建议', component: SuggestPage },
    { path: '/public/normative/passed', title: '通过备案审查的规范性文件目录', component: PassedPage },
    { path: '/public/normative/:id', title: '规范性文件', component: PublicDocumentPage },
  ],
};
