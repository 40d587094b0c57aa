import fs from 'node:fs';
import { defineModule, type ResourceDef } from '../../core/registry.ts';
import { sealParty } from '../../core/crypto/personal.ts';
import { caseProcedure, simpleProcedure } from './procedure.ts';
import { enforcementRoutes } from './routes.ts';
import { etx } from './schema.ts';
import { enforcementRuleParams } from './rules.ts';
import { enforcementMetrics } from './metrics.ts';
import { loadEnforcementDemo } from './demo.ts';
import { DEFAULT_SHEET } from './oversight-rules.ts';

type FixtureContext = Parameters<NonNullable<ResourceDef['fixture']>>[0];

let fixtureSeq = 0;
async function fixturePower({ tx, orgId, regionCode, mark }: FixtureContext) {
  return (await etx(tx).insertInto('enforcement_powers').values({ org_id: orgId, region_code: regionCode, code: `${mark}-${++fixtureSeq}`, name: `${mark}处罚`, power_type: 'penalty', legal_basis: `${mark}依据` }).returning('id').executeTakeFirstOrThrow()).id;
}

async function fixtureCase(ctx: FixtureContext) {
  const power_id = await fixturePower(ctx);
  const row = await etx(ctx.tx)
    .insertInto('enforcement_cases')
    .values({ org_id: ctx.orgId, region_code: ctx.regionCode, procedure_kind: 'general', case_no: `${ctx.mark}立${++fixtureSeq}号`, power_id, title: `${ctx.mark}案`, ...sealParty(ctx.services.pii, { kind: 'org', name: `${ctx.mark}公司` }), facts: `${ctx.mark}事实`, filed_on: '2026-01-05', status: 'investigation' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function fixtureOfficer({ tx, orgId, regionCode, mark }: FixtureContext) {
  return (await etx(tx).insertInto('enforcement_officers').values({ org_id: orgId, region_code: regionCode, name: `${mark}员`, kind: 'officer', cert_no: 'LEAK000001', cert_status: 'valid', cert_valid_until: '2099-12-31' }).returning('id').executeTakeFirstOrThrow()).id;
}

const migration = (name: string) => ({ id: `enforcement_${name}`, sql: fs.readFileSync(new URL(`./migrations/enforcement_${name}.sql`, import.meta.url), 'utf8') });

/** 行政执法: subjects and powers, officers, penalty cases through the full procedure, publicity. */
export const enforcementModule = defineModule({
  id: 'enforcement',
  name: { zh: '行政执法', en: 'Administrative enforcement' },
  migrations: [migration('001_init'), migration('002_oversight'), migration('003_indexes')],
  permissions: [
    { code: 'enforcement.read', name: '行政执法：查看', roles: ['legal_affairs', 'leader', 'assessment_office', 'enforcement_officer', 'legal_reviewer'] },
    { code: 'enforcement.subject.manage', name: '行政执法：确认公告执法主体', roles: ['legal_affairs'] },
    { code: 'enforcement.power.manage', name: '行政执法：维护权责清单与裁量基准', roles: ['legal_affairs', 'legal_reviewer'] },
    { code: 'enforcement.officer.manage', name: '行政执法：执法人员与证件管理', roles: ['legal_affairs'] },
    { code: 'enforcement.training.record', name: '行政执法：登记培训学时', roles: ['legal_affairs', 'legal_reviewer'] },
    { code: 'enforcement.case.handle', name: '行政执法：立案、调查取证、告知、送达、执行', roles: ['enforcement_officer'] },
    { code: 'enforcement.case.review', name: '行政执法：重大执法决定法制审核', roles: ['legal_reviewer'] },
    { code: 'enforcement.supervise', name: '行政执法：执法监督（过错追究、记分、案卷评查）', roles: ['legal_affairs'] },
    { code: 'enforcement.unit.assess', name: '行政执法：报送内设执法机构自查自评', roles: ['enforcement_officer', 'legal_reviewer'] },
    { code: 'enforcement.case.decide', name: '行政执法：作出决定、回避决定、集体讨论、延期审批', roles: ['leader'] },
  ],
  resources: [
    { type: 'enforcement_case', table: 'enforcement_cases', idColumn: 'id', orgColumn: 'org_id', readPermission: 'enforcement.read', writePermission: 'enforcement.case.handle', fixture: async (ctx) => String(await fixtureCase(ctx)) },
    { type: 'enforcement_power', table: 'enforcement_powers', idColumn: 'id', orgColumn: 'org_id', readPermission: 'enforcement.read', writePermission: 'enforcement.power.manage', fixture: async (ctx) => String(await fixturePower(ctx)) },
    { type: 'enforcement_officer', table: 'enforcement_officers', idColumn: 'id', orgColumn: 'org_id', readPermission: 'enforcement.read', writePermission: 'enforcement.officer.manage', fixture: async (ctx) => String(await fixtureOfficer(ctx)) },
    {
      type: 'enforcement_recusal',
      table: 'enforcement_recusals',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'enforcement.read',
      writePermission: 'enforcement.case.decide',
      fixture: async (ctx) => {
        const case_id = await fixtureCase(ctx);
        const officer_id = await etx(ctx.tx).insertInto('enforcement_officers').values({ org_id: ctx.orgId, region_code: ctx.regionCode, name: `${ctx.mark}乙`, kind: 'officer' }).returning('id').executeTakeFirstOrThrow();
        return String((await etx(ctx.tx).insertInto('enforcement_recusals').values({ case_id, org_id: ctx.orgId, region_code: ctx.regionCode, officer_id: officer_id.id, source: 'party', reason: `${ctx.mark}理由`, applied_on: '2026-01-06' }).returning('id').executeTakeFirstOrThrow()).id);
      },
    },
    { type: 'enforcement_inspection', table: 'enforcement_inspections', idColumn: 'id', orgColumn: 'org_id', readPermission: 'enforcement.read', writePermission: 'enforcement.case.handle', fixture: async (ctx) => String((await etx(ctx.tx).insertInto('enforcement_inspections').values({ org_id: ctx.orgId, region_code: ctx.regionCode, target_name: `${ctx.mark}企业`, matter: `${ctx.mark}检查`, planned_on: '2026-01-05', approval_required: true }).returning('id').executeTakeFirstOrThrow()).id) },
    {
      type: 'enforcement_evaluation',
      table: 'enforcement_evaluations',
      idColumn: 'id',
      orgColumn: 'org_id',
      readPermission: 'enforcement.read',
      writePermission: 'enforcement.supervise',
      fixture: async (ctx) => {
        const e = await etx(ctx.tx).insertInto('enforcement_evaluations').values({ org_id: ctx.orgId, region_code: ctx.regionCode, name: `${ctx.mark}评查`, year: 2026, sheet: JSON.stringify(DEFAULT_SHEET) }).returning('id').executeTakeFirstOrThrow();
        const case_id = await fixtureCase(ctx);
        await etx(ctx.tx).insertInto('enforcement_evaluation_items').values({ evaluation_id: e.id, case_id, case_org_id: ctx.orgId, comments: `${ctx.mark}评语` }).execute();
        return String(e.id);
      },
    },
    { type: 'enforcement_unit_assessment', table: 'enforcement_unit_assessments', idColumn: 'id', orgColumn: 'org_id', readPermission: 'enforcement.read', writePermission: 'enforcement.unit.assess', fixture: async (ctx) => String((await etx(ctx.tx).insertInto('enforcement_unit_assessments').values({ org_id: ctx.orgId, region_code: ctx.regionCode, year: 2026, unit: `${ctx.mark}科`, self_score: 90, self_report: `${ctx.mark}自评`, submitted_on: '2026-12-01', on_time: true }).returning('id').executeTakeFirstOrThrow()).id) },
  ],
  procedures: [caseProcedure, simpleProcedure],
  ruleParams: enforcementRuleParams,
  metrics: enforcementMetrics,
  publicPages: [
    { path: '/public/enforcement', title: { zh: '行政执法公示', en: 'Enforcement publicity' }, description: { zh: '执法主体、权责清单、裁量基准和执法决定（个人信息已脱敏）', en: 'Enforcement subjects, powers, benchmarks and decisions (personal data masked)' }, api: '/api/public/enforcement/subjects' },
    { path: '/public/enforcement/officers', title: { zh: '执法人员身份查询', en: 'Check an officer' }, description: { zh: '输入执法证号，核实执法人员身份和证件是否有效', en: 'Check an officer and certificate by its number' }, api: '/api/public/enforcement/officers' },
    { path: '/public/enforcement/procedure', title: { zh: '行政处罚办理流程', en: 'The penalty procedure' }, description: { zh: '普通程序和简易程序的各个环节，以及每一环节必须满足的法定条件和依据', en: 'Each step of the penalty procedures and the legal conditions it must meet' }, api: '/api/public/enforcement/procedure' },
    { path: '/public/enforcement/evaluations', title: { zh: '行政执法案卷评查结果', en: 'Case-file evaluation results' }, description: { zh: '按执法主体公布的年度案卷评查得分和等次', en: 'Yearly case-file evaluation scores and grades by subject' }, api: '/api/public/enforcement/evaluations' },
    { path: '/public/enforcement/decisions', title: { zh: '行政执法决定公示', en: 'Published enforcement decisions' }, description: { zh: '具有一定社会影响的行政处罚决定，当事人个人信息已脱敏', en: 'Penalty decisions with social impact, personal data masked' }, api: '/api/public/enforcement/decisions' },
  ],
  routes: enforcementRoutes,
  demo: loadEnforcementDemo,
});
