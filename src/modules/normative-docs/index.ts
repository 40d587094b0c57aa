import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { documentProcedure } from './procedure.ts';
import { normativeRoutes } from './routes.ts';
import { ntx } from './schema.ts';
import { normativeRuleParams } from './rules.ts';
import { normativeMetrics } from './metrics.ts';
import { runExpiryScan } from './expiry.ts';
import { loadNormativeDemo } from './demo.ts';

type FixtureContext = Parameters<NonNullable<ResourceDef['fixture']>>[0];

/** A draft owned by `orgId` for the route-enumerating authorization test. */
async function fixtureDocument({ tx, orgId, regionCode, userId, mark }: FixtureContext) {
  const row = await ntx(tx)
    .insertInto('normative_documents')
    .values({ org_id: orgId, region_code: regionCode, issuer_org_id: orgId, title: `${mark}管理办法`, doc_type: 'department', body: `${mark}正文`, created_by: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A row of `table` about a fixture draft, owned by the same organisation. */
async function fixtureOnDocument(ctx: FixtureContext, table: 'normative_comments' | 'normative_consultations' | 'normative_suggestions', values: Record<string, unknown>) {
  const document_id = await fixtureDocument(ctx);
  const row = await ntx(ctx.tx)
    .insertInto(table)
    .values({ document_id, org_id: ctx.orgId, region_code: ctx.regionCode, ...values } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

const migration = (name: string) => ({ id: `normative_${name}`, sql: fs.readFileSync(new URL(`./migrations/normative_${name}.sql`, import.meta.url), 'utf8') });

/** 规范性文件: drafting to publication, filing, validity and the public catalogue. */
export const normativeModule = defineModule({
  id: 'normative',
  name: { zh: '规范性文件', en: 'Normative documents' },
  migrations: [migration('001_init'), migration('002_lifecycle'), migration('003_indexes')],
  permissions: [
    { code: 'normative.read', name: '规范性文件：查看', roles: ['legal_affairs', 'leader', 'assessment_office', 'staff'] },
    { code: 'normative.draft', name: '规范性文件：起草、征求意见、送审', roles: ['staff', 'legal_affairs'] },
    { code: 'normative.review', name: '规范性文件：合法性审查', roles: ['legal_affairs'] },
    { code: 'normative.decide', name: '规范性文件：记录集体讨论决定', roles: ['leader'] },
    { code: 'normative.publish', name: '规范性文件：统一登记编号公布、废止', roles: ['legal_affairs'] },
    { code: 'normative.file', name: '规范性文件：报送备案、报送纠正情况', roles: ['legal_affairs'] },
    { code: 'normative.filing_review', name: '规范性文件：备案审查、办理审查建议', roles: ['legal_affairs'] },
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
      fixture: async (ctx) => String(await fixtureDocument(ctx)),
    },
    {
      type: 'normative_comment',
      table: 'normative_comments',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'normative.read',
      writePermission: 'normative.draft',
      fixture: (ctx) => fixtureOnDocument(ctx, 'normative_comments', { paragraph: 0, content: `${ctx.mark}意见` }),
    },
    {
      type: 'normative_consultation',
      table: 'normative_consultations',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'normative.read',
      writePermission: 'normative.draft',
      fixture: (ctx) => fixtureOnDocument(ctx, 'normative_consultations', { drafting_org_id: ctx.orgId, requested_on: '2026-01-05', position: 'disagree', reply: `${ctx.mark}分歧`, escalated_at: new Date() }),
    },
    {
      type: 'normative_suggestion',
      table: 'normative_suggestions',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'normative.filing_review',
      writePermission: 'normative.filing_review',
      fixture: (ctx) => fixtureOnDocument(ctx, 'normative_suggestions', { tracking_code: `JY${ctx.mark}`, name: ctx.mark, content: `${ctx.mark}建议` }),
    },
    {
      type: 'normative_cleanup',
      table: 'normative_cleanups',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'normative.read',
      writePermission: 'normative.publish',
      fixture: async (ctx) => String((await ntx(ctx.tx).insertInto('normative_cleanups').values({ org_id: ctx.orgId, region_code: ctx.regionCode, name: `${ctx.mark}清理`, due_on: '2099-12-31' }).returning('id').executeTakeFirstOrThrow()).id),
    },
  ],
  procedures: [documentProcedure],
  ruleParams: normativeRuleParams,
  metrics: normativeMetrics,
  jobs: [
    {
      name: 'normative.expiry-scan',
      // Daily, shortly after midnight China time: expire, then remind (idempotent).
      cron: '10 0 * * *',
      run: async (s) => {
        await runExpiryScan(s);
      },
    },
  ],
  publicPages: [
    {
      path: '/public/normative',
      title: { zh: '规范性文件目录', en: 'Catalogue of normative documents' },
      description: { zh: '现行有效的行政规范性文件，可按正文全文检索', en: 'Valid normative documents, searchable in full text' },
      api: '/api/public/normative/documents',
    },
    {
      path: '/public/normative/drafts',
      title: { zh: '规范性文件草案征求意见', en: 'Drafts open for comment' },
      description: { zh: '对正在公开征求意见的草案逐段提出意见，查看起草单位的答复', en: 'Comment on drafts paragraph by paragraph and read the answers' },
      api: '/api/public/normative/drafts',
    },
    {
      path: '/public/normative/suggestions',
      title: { zh: '规范性文件审查建议', en: 'Suggest a review of a document' },
      description: { zh: '认为已公布的规范性文件违法的，可以提出审查建议，凭查询码查询办理结果', en: 'Suggest that a published document is unlawful and track the answer' },
      api: '/api/public/normative/suggestions',
    },
    {
      path: '/public/normative/passed',
      title: { zh: '通过备案审查的规范性文件目录', en: 'Documents that passed filing review' },
      description: { zh: '按年度公布已登记并通过备案审查的规范性文件，以及清理结果', en: 'Yearly list of documents that passed filing review, and cleanup results' },
      api: '/api/public/normative/passed',
    },
  ],
  routes: normativeRoutes,
  demo: loadNormativeDemo,
});
