import { FileTextOutlined } from '@ant-design/icons';
import type { WebModule } from '../../core/registry';
import { DocumentsPage } from './pages/Documents';
import { DocumentDetailPage } from './pages/DocumentDetail';
import { IssuersPage } from './pages/Issuers';
import { CataloguePage } from './public/Catalogue';
import { PublicDocumentPage } from './public/PublicDocument';

export const normativeWebModule: WebModule = {
  id: 'normative',
  name: '规范性文件',
  pages: [
    { path: '/normative', component: DocumentsPage, title: '文件起草与审查', permission: 'normative.read', group: '规范性文件', icon: <FileTextOutlined />, order: 20 },
    { path: '/normative/issuers', component: IssuersPage, title: '制定主体', permission: 'normative.read', group: '规范性文件', order: 21 },
    { path: '/normative/:id', component: DocumentDetailPage, title: '规范性文件', permission: 'normative.read', hideInMenu: true },
  ],
  publicPages: [
    { path: '/public/normative', title: '规范性文件目录', component: CataloguePage },
    { path: '/public/normative/:id', title: '规范性文件', component: PublicDocumentPage },
  ],
};
