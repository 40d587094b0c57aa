import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, DomainError, notFound } from '../../core/http/errors.ts';
import { ruleValue } from '../../core/rules/service.ts';
import { SEED003 } from '../../core/rules/seeds.ts';
import { edb, etx, type Grade } from './schema.ts';
import { audit, orgRegion } from './common.ts';
import { DEFAULT_SHEET, GRADE_TEXT, gradeOf, scoreSheet, sheetProblem, type SheetItem } from './oversight-rules.ts';
import type { EvaluationIn, GradeDecisionIn, GradeProposalIn, ScoreIn, SelfAssessmentIn } from './contract.ts';

const CAMPAIGN = { zh: '案卷评查', en: 'Case-file evaluation' };
const EVALUABLE = ['decided', 'served', 'enforcing', 'executed', 'closed'];

// ── 案卷评查 campaigns ─────────────────────────────────────────────────────

/**
 * Opens a campaign of the organiser (the caller's office) and samples, for each subject in
 * its scope, up to N case files decided in the year — in an order fixed by the campaign, so
 * the sample can be reproduced and cannot be picked by hand.
 */
export async function createEvaluation(s: Services, actor: Actor, input: Static<typeof EvaluationIn>) {
  const sheet: SheetItem[] = input.sheet ?? DEFAULT_SHEET;
  const problem = sheetProblem(sheet);
  if (problem) throw badInput('invalid_sheet', 'sheet', { zh: problem, en: 'The scoring sheet is invalid (distinct codes, positive maxima, total 100)' });
  return s.tx(async (tx) => {
    const orgId = actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'enforcement.supervise', orgId, { zh: '组织单位', en: 'Organiser' });
    const region = await orgRegion(tx, orgId);
    const perSubject = input.perSubject ?? (await ruleValue<number>(tx, 'enforcement.casefile_sample_per_subject', region, s.today()));
    const t = etx(tx);
    const campaign = await t.insertInto('enforcement_evaluations').values({ org_id: orgId, region_code: region, name: input.name, year: input.year, sheet: JSON.stringify(sheet), created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
    const picked = await sql<{ id: number; org_id: number }>`
      select id, org_id from (
        select c.id, c.org_id, row_number() over (partition by c.org_id order by md5(c.id::text || '-' || ${campaign.id}::text)) as n
        from enforcement_cases c
        where c.decided_on between ${`${input.year}-01-01`}::date and ${`${input.year}-12-31`}::date
          and c.status = any(${EVALUABLE}::text[])
          and ${orgScopeFilter(actor, 'enforcement.supervise', sql.ref('c.org_id'))}
          ${input.orgIds ? sql`and c.org_id = any(${input.orgIds}::int[])` : sql``}
      ) x where n <= ${perSubject}`.execute(tx);
    if (!picked.rows.length) throw conflict('nothing_to_evaluate', { zh: `${input.year}年数据范围内没有已作出决定的案件可供评查`, en: `No decided cases in scope for ${input.year}` }, 'year');
    await t.insertInto('enforcement_evaluation_items').values(picked.rows.map((r) => ({ evaluation_id: campaign.id, case_id: r.id, case_org_id: r.org_id }))).execute();
    await audit(tx, actor, { action: 'enforcement.evaluation.create', entityType: 'enforcement_evaluation', entityId: campaign.id, orgId, after: { ...campaign, sampled: picked.rows.map((r) => r.id) } });
    return { ...campaign, sampled: picked.rows.length };
  });
}

export async function listEvaluations(s: Services, actor: Actor) {
  return edb(s.db)
    .selectFrom('enforcement_evaluations as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .select(['e.id', 'e.name', 'e.year', 'e.status', 'e.published_on', 'o.name as org_name'])
    .select((eb) => [
      eb.selectFrom('enforcement_evaluation_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.evaluation_id', '=', 'e.id').as('items'),
      eb.selectFrom('enforcement_evaluation_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.evaluation_id', '=', 'e.id').where('i.total', 'is not', null).as('scored'),
    ])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('e.org_id')))
    .orderBy('e.id', 'desc')
    .execute();
}

async function campaignOf(db: Parameters<typeof edb>[0] | Tx, actor: Actor, id: number, permission: string) {
  const c = await edb(db as never).selectFrom('enforcement_evaluations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound(CAMPAIGN);
  await assertOrgInScope(db, actor, permission, c.org_id, CAMPAIGN);
  return c;
}

/** Per subject: files, average score and grade counts. */
async function summary(db: Parameters<typeof edb>[0] | Tx, id: number) {
  return edb(db as never)
    .selectFrom('enforcement_evaluation_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.case_org_id')
    .select(['i.case_org_id as org_id', 'o.name as org_name'])
    .select([sql<number>`count(*)::int`.as('files'), sql<number>`count(i.total)::int`.as('scored'), sql<string | null>`round(avg(i.total), 1)`.as('average')])
    .select([sql<number>`count(*) filter (where i.grade = 'excellent')::int`.as('excellent'), sql<number>`count(*) filter (where i.grade = 'good')::int`.as('good'), sql<number>`count(*) filter (where i.grade = 'pass')::int`.as('pass'), sql<number>`count(*) filter (where i.grade = 'fail')::int`.as('fail')])
    .where('i.evaluation_id', '=', id)
    .groupBy(['i.case_org_id', 'o.name'])
    .orderBy('o.name')
    .execute();
}

export async function getEvaluation(s: Services, actor: Actor, id: number) {
  const c = await campaignOf(s.db, actor, id, 'enforcement.read');
  const items = await edb(s.db)
    .selectFrom('enforcement_evaluation_items as i')
    .innerJoin('enforcement_cases as k', 'k.id', 'i.case_id')
    .innerJoin('orgs as o', 'o.id', 'i.case_org_id')
    .select(['i.case_id', 'k.case_no', 'k.decision_no', 'k.title', 'k.party_name_masked', 'o.name as org_name', 'i.scores', 'i.total', 'i.grade', 'i.comments', 'i.scored_at'])
    .where('i.evaluation_id', '=', id)
    .orderBy('o.name')
    .orderBy('i.case_id')
    .execute();
  const bySubject = await summary(s.db, id);
  return { ...c, items, bySubject, gradeText: GRADE_TEXT };
}

export async function scoreCaseFile(s: Services, actor: Actor, id: number, input: Static<typeof ScoreIn>) {
  return s.tx(async (tx) => {
    const c = await campaignOf(tx, actor, id, 'enforcement.supervise');
    if (c.status !== 'open') throw conflict('evaluation_published', { zh: '评查结果已公布，不能再评分', en: 'The results are published' });
    const item = await etx(tx).selectFrom('enforcement_evaluation_items').selectAll().where('evaluation_id', '=', id).where('case_id', '=', input.caseId).forUpdate().executeTakeFirst();
    if (!item) throw badInput('case_not_sampled', 'caseId', { zh: '该案卷不在本次评查的抽查范围内', en: 'The case file was not sampled in this campaign' });
    const sheet = c.sheet as SheetItem[];
    const r = scoreSheet(sheet, input.scores);
    if (!('total' in r)) {
      const name = sheet.find((i) => i.code === r.item)?.name ?? r.item;
      const zh = r.problem === 'missing' ? `缺少评分项"${name}"的得分` : r.problem === 'unknown' ? `评分表中没有"${name}"这一项` : `"${name}"的得分须在 0 至 ${sheet.find((i) => i.code === r.item)?.max} 分之间`;
      throw badInput(`score_${r.problem}`, `scores.${r.item}`, { zh, en: `Score item ${r.item}: ${r.problem}` });
    }
    const bands = await ruleValue<number[]>(tx, 'enforcement.casefile_grade_bands', c.region_code, s.today());
    const after = await etx(tx)
      .updateTable('enforcement_evaluation_items')
      .set({ scores: JSON.stringify(input.scores), total: r.total, grade: gradeOf(r.total, bands), comments: input.comments, scored_by: actor.userId, scored_at: new Date() })
      .where('evaluation_id', '=', id)
      .where('case_id', '=', input.caseId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.evaluation.score', entityType: 'enforcement_evaluation', entityId: id, orgId: c.org_id, before: item, after });
    return after;
  });
}

/** Results are published once every sampled file is scored; they then count in assessment. */
export async function publishEvaluation(s: Services, actor: Actor, id: number) {
  return s.tx(async (tx) => {
    const c = await campaignOf(tx, actor, id, 'enforcement.supervise');
    if (c.status !== 'open') throw conflict('evaluation_published', { zh: '评查结果已公布', en: 'Already published' });
    const open = await etx(tx).selectFrom('enforcement_evaluation_items').select(sql<number>`count(*)::int`.as('n')).where('evaluation_id', '=', id).where('total', 'is', null).executeTakeFirstOrThrow();
    if (open.n > 0) throw conflict('evaluation_incomplete', { zh: `尚有 ${open.n} 份案卷未评分，不能公布结果`, en: `${open.n} case files are not scored yet` });
    const after = await etx(tx).updateTable('enforcement_evaluations').set({ status: 'published', published_on: s.today() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.evaluation.publish', entityType: 'enforcement_evaluation', entityId: id, orgId: c.org_id, before: c, after });
    return after;
  });
}

/** Published results for the portal: per subject, no party data at all. */
export async function publicEvaluations(s: Services) {
  const campaigns = await edb(s.db).selectFrom('enforcement_evaluations as e').innerJoin('orgs as o', 'o.id', 'e.org_id').select(['e.id', 'e.name', 'e.year', 'e.published_on', 'o.name as org_name']).where('e.status', '=', 'published').orderBy('e.published_on', 'desc').limit(50).execute();
  const out = [];
  for (const c of campaigns) out.push({ ...c, bySubject: (await summary(s.db, c.id)).map(({ org_id, ...r }) => r) });
  return out;
}

// ── 评议考核 of internal units (seed 003 篇2 六) ─────────────────────────────

const UNIT = { zh: '评议考核', en: 'Unit assessment' };

export async function submitSelfAssessment(s: Services, actor: Actor, input: Static<typeof SelfAssessmentIn>) {
  return s.tx(async (tx) => {
    const orgId = input.orgId ?? actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'enforcement.unit.assess', orgId, { zh: '执法机关', en: 'Agency' });
    const region = await orgRegion(tx, orgId);
    const today = s.today();
    const due = await ruleValue<string>(tx, 'assessment.self_assessment_due', region, today);
    const t = etx(tx);
    const before = await t.selectFrom('enforcement_unit_assessments').selectAll().where('org_id', '=', orgId).where('year', '=', input.year).where('unit', '=', input.unit).forUpdate().executeTakeFirst();
    if (before?.proposed_grade) throw conflict('assessment_under_review', { zh: '办公室已提出考核档次建议，自评材料不能再修改', en: 'The office has already proposed a grade' });
    const values = { self_score: input.selfScore, self_report: input.selfReport, submitted_on: today, on_time: today <= `${input.year}-${due}` };
    const row = before
      ? await t.updateTable('enforcement_unit_assessments').set({ ...values, version: before.version + 1 }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
      : await t.insertInto('enforcement_unit_assessments').values({ org_id: orgId, region_code: region, year: input.year, unit: input.unit, ...values }).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.unit.self', entityType: 'enforcement_unit_assessment', entityId: row.id, orgId, before: before ?? null, after: row });
    return { ...row, due: `${input.year}-${due}` };
  });
}

async function loadAssessment(tx: Tx, actor: Actor, id: number, permission: string) {
  const row = await etx(tx).selectFrom('enforcement_unit_assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(UNIT);
  await assertOrgInScope(tx, actor, permission, row.org_id, UNIT);
  return row;
}

/** The office reviews the self-assessment and proposes a grade (seed 003 篇2 六(二)2). */
export async function proposeGrade(s: Services, actor: Actor, id: number, input: Static<typeof GradeProposalIn>) {
  return s.tx(async (tx) => {
    const row = await loadAssessment(tx, actor, id, 'enforcement.case.review');
    if (row.grade) throw conflict('assessment_decided', { zh: '考核结果已确定', en: 'The grade is decided' });
    const after = await etx(tx).updateTable('enforcement_unit_assessments').set({ proposed_grade: input.proposedGrade, office_opinion: input.opinion, version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.unit.propose', entityType: 'enforcement_unit_assessment', entityId: id, orgId: row.org_id, before: row, after });
    return after;
  });
}

/** The bureau meeting decides the grade (seed 003 篇2 六(二)3) and records its consequences. */
export async function decideGrade(s: Services, actor: Actor, id: number, input: Static<typeof GradeDecisionIn>) {
  return s.tx(async (tx) => {
    const row = await loadAssessment(tx, actor, id, 'enforcement.case.decide');
    if (row.grade) throw conflict('assessment_decided', { zh: '考核结果已确定', en: 'The grade is decided' });
    if (!row.proposed_grade) {
      throw new DomainError({ status: 409, code: 'guard_refused', title: '不能确定考核结果', detail: '须先由领导小组办公室审查自评材料并提出考核档次建议', detail_en: 'The office must review and propose a grade first', rule: 'grade_proposal_required', basis: { law: SEED003, article: '六、（二）2.—3.', quote: '局长办公会议确定考核结果：根据局行政执法责任制工作领导小组办公室提出的各内设执法机构考核档次的建议，确定年度考核结果' } });
    }
    const after = await etx(tx).updateTable('enforcement_unit_assessments').set({ grade: input.grade, meeting: input.meeting, consequences: input.consequences, decided_on: s.today(), version: row.version + 1 }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'enforcement.unit.decide', entityType: 'enforcement_unit_assessment', entityId: id, orgId: row.org_id, before: row, after });
    return { ...after, ...(await consecutiveFail(tx, after.org_id, after.unit, after.year, after.grade)) };
  });
}

/** Two failing years in a row call for a change of the unit's head (seed 003 篇2 六(三)). */
async function consecutiveFail(tx: Tx, orgId: number, unit: string, year: number, grade: Grade | null) {
  if (grade !== 'fail') return { consecutive_fail: false };
  const prev = await etx(tx).selectFrom('enforcement_unit_assessments').select('grade').where('org_id', '=', orgId).where('unit', '=', unit).where('year', '=', year - 1).executeTakeFirst();
  return { consecutive_fail: prev?.grade === 'fail' };
}

export async function listUnitAssessments(s: Services, actor: Actor, f: { year?: number }) {
  let q = edb(s.db).selectFrom('enforcement_unit_assessments as a').innerJoin('orgs as o', 'o.id', 'a.org_id').selectAll('a').select('o.name as org_name').where(orgScopeFilter(actor, 'enforcement.read', sql.ref('a.org_id')));
  if (f.year) q = q.where('a.year', '=', f.year);
  const rows = await q.orderBy('a.year', 'desc').orderBy('o.name').orderBy('a.unit').execute();
  // The due day each row was judged against: the parameter in force when it was submitted.
  return Promise.all(rows.map(async (r) => ({ ...r, due: `${r.year}-${await ruleValue<string>(s.db, 'assessment.self_assessment_due', r.region_code, r.submitted_on)}` })));
}
