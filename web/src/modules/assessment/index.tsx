import { BarChartOutlined, SmileOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { SystemsPage } from './pages/Systems';
import { SystemDetailPage } from './pages/SystemDetail';
import { RoundsPage } from './pages/Rounds';
import { RoundDetailPage } from './pages/RoundDetail';
import { OrgSheetPage } from './pages/OrgSheet';
import { RoundDashboardPage } from './pages/RoundDashboard';
import { SurveysPage } from './pages/Surveys';
import { SurveyDetailPage } from './pages/SurveyDetail';
import { PublicSurveysPage } from './public/SurveyList';
import { PublicSurveyPage, TokenAnswerPage } from './public/SurveyAnswer';
import { PublicResultsPage } from './public/Results';

const GROUP = '指标考核';

export const assessmentWebModule: WebModule = {
  id: 'assessment',
  name: '指标考核',
  pages: [
    { path: '/assessment/systems', component: SystemsPage, title: '指标体系', permission: 'assessment.read', group: GROUP, icon: <BarChartOutlined />, order: 40 },
    { path: '/assessment/systems/:id', component: SystemDetailPage, title: '指标体系', permission: 'assessment.read', hideInMenu: true },
    { path: '/assessment/rounds', component: RoundsPage, title: '考核轮次', permission: 'assessment.read', group: GROUP, icon: <TrophyOutlined />, order: 41 },
    { path: '/assessment/rounds/:id', component: RoundDetailPage, title: '考核轮次', permission: 'assessment.read', hideInMenu: true },
    { path: '/assessment/rounds/:id/dashboard', component: RoundDashboardPage, title: '考核分析', permission: 'assessment.read', hideInMenu: true },
    // An assessed organisation opens its own sheet with assessment.self; the server checks who may see it.
    { path: '/assessment/rounds/:id/sheet/:orgId', component: OrgSheetPage, title: '考核表', permission: 'authenticated', hideInMenu: true },
    { path: '/assessment/surveys', component: SurveysPage, title: '满意度调查', permission: 'assessment.read', group: GROUP, icon: <SmileOutlined />, order: 42 },
    { path: '/assessment/surveys/:id', component: SurveyDetailPage, title: '满意度调查', permission: 'assessment.read', hideInMenu: true },
  ],
  // Paths as the server manifest declares them (src/modules/assessment/index.ts publicPages); the answer page is reached by token links.
  publicPages: [
    { path: '/public/assessment', title: '考核结果', component: PublicResultsPage },
    { path: '/public/assessment/surveys', title: '满意度调查', component: PublicSurveysPage },
    { path: '/public/assessment/surveys/:id', title: '满意度调查', component: PublicSurveyPage },
    { path: '/public/assessment/answer', title: '凭答卷码答卷', component: TokenAnswerPage },
  ],
};
