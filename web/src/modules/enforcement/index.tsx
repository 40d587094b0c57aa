import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { CasesPage } from './pages/Cases';
import { CaseDetailPage } from './pages/CaseDetail';
import { ReviewsPage } from './pages/Reviews';
import { PowersPage } from './pages/Powers';
import { OfficersPage } from './pages/Officers';
import { StatsPage } from './pages/Stats';
import { PublicSubjectsPage } from './public/Subjects';
import { OfficerCheckPage } from './public/OfficerCheck';
import { PublicDecisionPage, PublicDecisionsPage } from './public/Decisions';
import { InspectionsPage } from './oversight/Inspections';
import { ErrorsPage } from './oversight/Errors';
import { EvaluationDetailPage, EvaluationsPage } from './oversight/Evaluations';
import { UnitAssessmentsPage } from './oversight/UnitAssessments';
import { PublicEvaluationsPage } from './public/Evaluations';
import { PublicProcedurePage } from './public/Procedure';

const GROUP = '行政执法';

export const enforcementWebModule: WebModule = {
  id: 'enforcement',
  name: '行政执法',
  pages: [
    { path: '/enforcement', component: CasesPage, title: '执法办案', permission: 'enforcement.read', group: GROUP, icon: <SafetyCertificateOutlined />, order: 30 },
    { path: '/enforcement/reviews', component: ReviewsPage, title: '法制审核', permission: 'enforcement.case.review', group: GROUP, order: 31 },
    { path: '/enforcement/powers', component: PowersPage, title: '主体与权责清单', permission: 'enforcement.read', group: GROUP, order: 32 },
    { path: '/enforcement/officers', component: OfficersPage, title: '执法人员', permission: 'enforcement.read', group: GROUP, order: 33 },
    { path: '/enforcement/stats', component: StatsPage, title: '执法统计', permission: 'enforcement.read', group: GROUP, order: 34 },
    { path: '/enforcement/inspections', component: InspectionsPage, title: '行政检查', permission: 'enforcement.read', group: GROUP, order: 35 },
    { path: '/enforcement/errors', component: ErrorsPage, title: '过错与记分', permission: 'enforcement.read', group: GROUP, order: 36 },
    { path: '/enforcement/evaluations', component: EvaluationsPage, title: '案卷评查', permission: 'enforcement.read', group: GROUP, order: 37 },
    { path: '/enforcement/unit-assessments', component: UnitAssessmentsPage, title: '评议考核', permission: 'enforcement.read', group: GROUP, order: 38 },
    { path: '/enforcement/cases/:id', component: CaseDetailPage, title: '执法案件', permission: 'enforcement.read', hideInMenu: true },
    { path: '/enforcement/evaluations/:id', component: EvaluationDetailPage, title: '案卷评查', permission: 'enforcement.read', hideInMenu: true },
  ],
  // Paths as the server manifest declares them (src/modules/enforcement/index.ts publicPages).
  publicPages: [
    { path: '/public/enforcement', title: '行政执法公示', component: PublicSubjectsPage },
    { path: '/public/enforcement/officers', title: '执法人员身份查询', component: OfficerCheckPage },
    { path: '/public/enforcement/decisions', title: '行政执法决定公示', component: PublicDecisionsPage },
    { path: '/public/enforcement/decisions/:id', title: '行政执法决定', component: PublicDecisionPage },
    { path: '/public/enforcement/evaluations', title: '行政执法案卷评查结果', component: PublicEvaluationsPage },
    // Not (yet) a portal section of the server manifest: reachable by its address and the links of the pages here.
    { path: '/public/enforcement/procedure', title: '行政处罚办理流程', component: PublicProcedurePage },
  ],
};
