import fs from 'node:fs';
import { defineModule } from '../../core/registry.ts';
import { documentProcedure } from './procedure.ts';
import { normativeRoutes } from './routes.ts';
import { ntx } from './schema.ts';

const migration = (name: string) => ({ id: `normative_${name}`, sql: fs.readFileSync(new URL(`./migrations/normative_${name}.sql`, import.meta.url), 'utf8') });

/** 规范性文件: drafting to publication, filing, validity and the public catalogue. */
export const normativeModule = defineModule({
  id: 'normative',
  name: { zh: '规范性文件', en: 'Normative documents' },
  migrations: [migration('001_init')],
  permissions: [
    { code: 'normative.read', name: '规范性文件：查看', roles: ['legal_affairs', 'leader', 'assessment_office', 'staff'] },
    { code: 'normative.draft', name: '规范性文件：起草、征求意见、送审', roles: ['staff', 'legal_affairs'] },
    { code: 'normative.review', name: '规范性文件：合法性审查', roles: ['legal_affairs'] },
    { code: 'normative.decide', name: '规范性文件：记录集体讨论决定', roles: ['leader'] },
    { code: 'normative.publish', name: '规范性文件：统一登记编号公布、废止', roles: ['legal_affairs'] },
    { code: 'normative.file', name: '规范性文件：报送备案', roles: ['legal_affairs'] },
    { code: 'normative.issuer.manage', name: '规范性文件：确认公告制定主体', roles: ['legal_affairs'] },
  ],
  resources: [
    {
      type: 'normative_document',
      table: 'normative_documents',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'normative.read',
      writePermission: 'normative.draft',
      fixture: async ({ tx, orgId, regionCode, userId, mark }) =>
        String(
          (
            await ntx(tx)
              .insertInto('normative_documents')
              .values({ org_id: orgId, region_code: regionCode, issuer_org_id: orgId, title: `${mark}管理办法`, doc_type: 'department', body: `${mark}正文`, created_by: userId })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        ),
    },
  ],
  procedures: [documentProcedure],
  publicPages: [
    {
      path: '/public/normative',
      title: { zh: '规范性文件目录', en: 'Catalogue of normative documents' },
      description: { zh: '现行有效的行政规范性文件，可按正文全文检索', en: 'Valid normative documents, searchable in full text' },
      api: '/api/public/normative/documents',
    },
  ],
  routes: normativeRoutes,
  demo: async ({ tx, orgByName }) => {
    const t = ntx(tx);
    const issuers: [string, 'government' | 'department', string][] = [
      ['演示市人民政府', 'government', '演示府规〔{year}〕{seq}号'],
      ['演示市司法局', 'department', '演司规〔{year}〕{seq}号'],
      ['演示市生态环境局', 'department', '演环规〔{year}〕{seq}号'],
      ['演示市市场监督管理局', 'department', '演市监规〔{year}〕{seq}号'],
    ];
    for (const [name, docType, pattern] of issuers) {
      const orgId = orgByName(name);
      const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow();
      await t.insertInto('normative_issuers').values({ org_id: orgId, region_code: org.region_code, doc_type: docType, number_pattern: pattern, announced_on: '2026-01-05', announcement: '演司公告〔2026〕1号' }).execute();
    }
  },
});
