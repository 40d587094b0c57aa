import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { ResourceDef } from '../../core/registry.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { assertOrgInScope, inScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { badInput, conflict, notFound, staleVersion } from '../../core/http/errors.ts';
import { auditBy as audit } from '../../core/auth/audit-actor.ts';
import { recordAudit, type AuditActor } from '../../core/audit/audit.ts';
import { resolveRule } from '../../core/rules/service.ts';
import { isValidIsoDate } from '../../core/calendar/dates.ts';
import { sm3 } from '../../core/crypto/sm.ts';
import { sdb } from './survey-schema.ts';
import { leafIds } from './tree.ts';
import {
  PORTAL_GROUP,
  answeringProblem,
  checkAnswers,
  distribution,
  isSatisfactionQuestion,
  isShortfall,
  normaliseQuestions,
  questionnaireProblems,
  satisfactionPercent,
  type Problem,
  type Question,
  type QuestionInput,
  type RespondentGroup,
} from './survey-rules.ts';
import type { AnswerIn, BatchIn, SurveyIn, SurveyPatch } from './survey-contract.ts';

const SURVEY = { zh: '满意度调查', en: 'Satisfaction survey' };
const TOKEN = { zh: '答卷码', en: 'Survey token' };
const PUBLIC: AuditActor = { userId: null, name: 'public' };
export const SATISFACTION_THRESHOLD = 'assessment.satisfaction_threshold';
type Conn = Db | Tx;
type SurveyRow = NonNullable<Awaited<ReturnType<typeof surveyById>>>;

// ── tokens ──
// Crockford base32 (no I, L, O, U): a code printed on an evaluation card (评估卡) can be typed back.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 characters, 100 random bits: not guessable within the portal's rate limit. */
export function newToken(): string {
  let out = '';
  for (const b of crypto.randomBytes(20)) out += ALPHABET[b % 32];
  return out;
}
/** As typed: case, spaces and dashes ignored; I/L read as 1 and O as 0. */
export const normaliseToken = (t: string) => t.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
const tokenHash = (t: string) => sm3(`survey-token|${normaliseToken(t)}`);
/** The portal page that answers with a token. The token sits after '#', so it never reaches a server log. */
export const answerLink = (token: string) => `/public/assessment/answer#t=${token}`;

function refuse(problems: Problem[]): never {
  const p = problems[0];
  throw badInput(p.code, p.field, { zh: p.zh, en: p.en }, { problems });
}

function surveyById(db: Conn, id: number, lock = false) {
  const q = sdb(db).selectFrom('assessment_surveys').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

async function loadSurvey(db: Conn, actor: Actor, id: number, permission: string, lock = false) {
  const sv = await surveyById(db, id, lock);
  if (!sv) throw notFound(SURVEY);
  const facts = await assertOrgInScope(db, actor, permission, sv.org_id, SURVEY);
  return { sv, facts };
}

const targetIds = async (db: Conn, surveyId: number) => (await sdb(db).selectFrom('assessment_survey_targets').select('org_id').where('survey_id', '=', surveyId).execute()).map((r) => r.org_id);

function checkDates(opensOn: string, closesOn: string, today: string) {
  for (const [k, v] of [['opensOn', opensOn], ['closesOn', closesOn]] as const) if (!isValidIsoDate(v)) throw badInput('invalid_date', k, { zh: `日期无效：${v}`, en: `Invalid date ${v}` });
  if (closesOn < opensOn) throw badInput('dates_out_of_order', 'closesOn', { zh: '截止日期不能早于开始日期', en: 'The survey closes before it opens' });
  if (closesOn < today) throw badInput('date_in_past', 'closesOn', { zh: '截止日期不能早于今天', en: 'The closing date is in the past' });
}

/**
 * The round (and its survey leaf) a survey feeds: a round of the caller's office still open,
 * and a leaf of the round's system scored by survey, not yet linked to another survey.
 */
async function roundLink(tx: Tx, actor: Actor, roundId: number | undefined, nodeId: number | undefined) {
  if (nodeId && !roundId) throw badInput('node_without_round', 'nodeId', { zh: '关联指标须同时指定考核轮次', en: 'A linked indicator needs its round' });
  if (!roundId) return null;
  const round = await sdb(tx).selectFrom('assessment_rounds').select(['id', 'org_id', 'system_id', 'status']).where('id', '=', roundId).executeTakeFirst();
  if (!round) throw badInput('unknown_round', 'roundId', { zh: '考核轮次不存在', en: 'Unknown round' });
  await assertOrgInScope(tx, actor, 'assessment.manage', round.org_id, { zh: '考核轮次', en: 'Assessment round' });
  if (round.status !== 'open') throw conflict('round_published', { zh: '考核结果已公布，不能再关联满意度调查', en: 'The round is published' }, 'roundId');
  if (nodeId) {
    const nodes = await sdb(tx).selectFrom('assessment_nodes').select(['id', 'parent_id', 'method']).where('system_id', '=', round.system_id).execute();
    const node = nodes.find((n) => n.id === nodeId);
    if (!node || node.method !== 'survey' || !leafIds(nodes).has(node.id))
      throw badInput('not_survey_leaf', 'nodeId', { zh: '该指标不是本轮指标体系中以"满意度调查"计分的末级指标', en: 'Not a survey-scored leaf of the round’s system' });
    const taken = await sdb(tx).selectFrom('assessment_surveys').select('title').where('round_id', '=', roundId).where('node_id', '=', nodeId).executeTakeFirst();
    if (taken) throw conflict('leaf_has_survey', { zh: `该指标已由满意度调查"${taken.title}"计分`, en: 'Another survey already scores that indicator' }, 'nodeId');
  }
  const orgs = await sdb(tx).selectFrom('assessment_round_orgs').select('org_id').where('round_id', '=', roundId).execute();
  return { round, orgIds: orgs.map((o) => o.org_id) };
}

/** The assessed organisations: those named (within the office's scope and the round), else the round's. */
async function chooseTargets(tx: Tx, actor: Actor, orgIds: number[] | undefined, link: Awaited<ReturnType<typeof roundLink>>) {
  if (!orgIds?.length) {
    if (!link) throw badInput('no_targets', 'orgIds', { zh: '请指定被评价单位，或关联考核轮次（取其全部被考核单位）', en: 'Name the assessed organisations or link a round' });
    return link.orgIds;
  }
  for (const [i, o] of orgIds.entries()) {
    await assertOrgInScope(tx, actor, 'assessment.manage', o, { zh: '被评价单位', en: 'Assessed organisation' });
    if (link && !link.orgIds.includes(o)) throw badInput('target_not_assessed', `orgIds.${i}`, { zh: '该单位不是所关联考核轮次的被考核单位', en: 'Not an organisation of the linked round' });
  }
  return orgIds;
}

function checkQuestions(questions: QuestionInput[] | undefined, complete: boolean) {
  const problems = questionnaireProblems(questions ?? [], { complete });
  if (problems.length) refuse(problems);
}

/** 新建问卷 (draft): the organising office is the caller's; targets default to the round's organisations. */
export async function createSurvey(s: Services, actor: Actor, input: Static<typeof SurveyIn>) {
  checkDates(input.opensOn, input.closesOn, s.today());
  checkQuestions(input.questions, false);
  return s.tx(async (tx) => {
    const orgId = actor.currentOrgId ?? actor.orgId;
    await assertOrgInScope(tx, actor, 'assessment.manage', orgId, { zh: '组织单位', en: 'Organising office' });
    const link = await roundLink(tx, actor, input.roundId, input.nodeId);
    const targets = await chooseTargets(tx, actor, input.orgIds, link);
    const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()).region_code;
    const questions = normaliseQuestions(input.questions ?? []);
    const sv = await sdb(tx)
      .insertInto('assessment_surveys')
      .values({ org_id: orgId, region_code: region, title: input.title.trim(), intro: input.intro?.trim() || null, round_id: input.roundId ?? null, node_id: input.nodeId ?? null, opens_on: input.opensOn, closes_on: input.closesOn, public: !!input.public, questions: JSON.stringify(questions), created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await sdb(tx).insertInto('assessment_survey_targets').values(targets.map((o) => ({ survey_id: sv.id, org_id: o }))).execute();
    await audit(tx, actor, { action: 'assessment.survey.create', entityType: 'assessment_survey', entityId: sv.id, orgId, after: { ...sv, targets } });
    return { id: sv.id, status: sv.status, version: sv.version, targets: targets.length };
  });
}

const FROZEN_WHEN_OPEN = ['orgIds', 'opensOn', 'public', 'questions'] as const;

/**
 * Edits a survey. A draft changes freely; once open the questionnaire, the targets, the start
 * and the portal setting are frozen (answers already given refer to them), while the title,
 * the introduction and the closing date may still change. A closed survey does not change.
 */
export async function updateSurvey(s: Services, actor: Actor, id: number, input: Static<typeof SurveyPatch>) {
  checkQuestions(input.questions, false);
  return s.tx(async (tx) => {
    const { sv } = await loadSurvey(tx, actor, id, 'assessment.manage', true);
    if (sv.version !== input.version) throw staleVersion(SURVEY);
    if (sv.status === 'closed') throw conflict('survey_closed', { zh: '调查已结束，不能修改', en: 'The survey is closed' });
    const frozen = FROZEN_WHEN_OPEN.find((k) => input[k] !== undefined);
    if (sv.status === 'open' && frozen) throw conflict('survey_frozen', { zh: '调查已开始：问卷题目、被评价单位、开始日期和公开方式不能再修改', en: 'Once open, the questionnaire, targets, start and portal setting are frozen' }, frozen);
    if (input.opensOn !== undefined || input.closesOn !== undefined) checkDates(input.opensOn ?? sv.opens_on, input.closesOn ?? sv.closes_on, s.today());
    let targets: number[] | undefined;
    if (input.orgIds) {
      const link = sv.round_id ? await roundLink(tx, actor, sv.round_id, undefined) : null;
      targets = await chooseTargets(tx, actor, input.orgIds, link);
      const before = await targetIds(tx, id);
      const removed = before.filter((o) => !targets!.includes(o));
      if (removed.length) {
        const issued = await sdb(tx).selectFrom('assessment_survey_batches').select('target_org_id').where('survey_id', '=', id).where('target_org_id', 'in', removed).executeTakeFirst();
        if (issued) throw conflict('target_has_tokens', { zh: '已有答卷码限定为该单位，不能将其移出被评价单位', en: 'Tokens were issued for an organisation being removed' }, 'orgIds');
        await sdb(tx).deleteFrom('assessment_survey_targets').where('survey_id', '=', id).where('org_id', 'in', removed).execute();
      }
      const added = targets.filter((o) => !before.includes(o));
      if (added.length) await sdb(tx).insertInto('assessment_survey_targets').values(added.map((o) => ({ survey_id: id, org_id: o }))).execute();
    }
    const after = await sdb(tx)
      .updateTable('assessment_surveys')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.intro !== undefined ? { intro: input.intro.trim() || null } : {}),
        ...(input.opensOn !== undefined ? { opens_on: input.opensOn } : {}),
        ...(input.closesOn !== undefined ? { closes_on: input.closesOn } : {}),
        ...(input.public !== undefined ? { public: input.public } : {}),
        ...(input.questions !== undefined ? { questions: JSON.stringify(normaliseQuestions(input.questions)) } : {}),
        version: sv.version + 1,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'assessment.survey.update', entityType: 'assessment_survey', entityId: id, orgId: sv.org_id, before: sv, after: { ...after, ...(targets ? { targets } : {}) } });
    return { id, status: after.status, version: after.version };
  });
}

const MOVES = {
  open: { from: 'draft', action: 'assessment.survey.open', refused: () => conflict('survey_not_draft', { zh: '调查已开始或已结束', en: 'The survey is not a draft' }) },
  closed: { from: 'open', action: 'assessment.survey.close', refused: () => conflict('survey_not_open', { zh: '只有进行中的调查可以结束', en: 'Only an open survey can be closed' }) },
} as const;

/** Moves a survey draft → open → closed (version-checked, audited); `prepare` checks and adds what the move needs. */
async function moveSurvey(s: Services, actor: Actor, id: number, version: number, to: keyof typeof MOVES, prepare: (tx: Tx, sv: SurveyRow) => Promise<void> = async () => {}) {
  return s.tx(async (tx) => {
    const { sv } = await loadSurvey(tx, actor, id, 'assessment.manage', true);
    if (sv.version !== version) throw staleVersion(SURVEY);
    const move = MOVES[to];
    if (sv.status !== move.from) throw move.refused();
    await prepare(tx, sv);
    const after = await sdb(tx)
      .updateTable('assessment_surveys')
      .set({ status: to, ...(to === 'open' ? { opened_at: s.now() } : { closed_at: s.now() }), version: sv.version + 1 })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actor, { action: move.action, entityType: 'assessment_survey', entityId: id, orgId: sv.org_id, before: { status: sv.status }, after: { status: after.status, questions: after.questions } });
    return { id, status: after.status, version: after.version };
  });
}

/** 开始调查: the questionnaire must be complete; a public survey gets its portal batch of tokens. */
export const openSurvey = (s: Services, actor: Actor, id: number, version: number) =>
  moveSurvey(s, actor, id, version, 'open', async (tx, sv) => {
    checkQuestions(sv.questions, true);
    if (sv.closes_on < s.today()) throw conflict('survey_period_over', { zh: `截止日期 ${sv.closes_on} 已过，请先修改截止日期`, en: 'The closing date has passed' }, 'closesOn');
    if (sv.round_id) {
      const round = await sdb(tx).selectFrom('assessment_rounds').select('status').where('id', '=', sv.round_id).executeTakeFirstOrThrow();
      if (round.status !== 'open') throw conflict('round_published', { zh: '所关联的考核结果已公布', en: 'The linked round is published' });
    }
    if (sv.public) await sdb(tx).insertInto('assessment_survey_batches').values({ survey_id: id, respondent_group: PORTAL_GROUP, channel: 'portal', issued_by: actor.userId }).execute();
  });

/** 结束调查: no more answers; the results stay. */
export const closeSurvey = (s: Services, actor: Actor, id: number, version: number) => moveSurvey(s, actor, id, version, 'closed');

export async function listSurveys(s: Services, actor: Actor) {
  return sdb(s.db)
    .selectFrom('assessment_surveys as v')
    .leftJoin('assessment_rounds as r', 'r.id', 'v.round_id')
    .select(['v.id', 'v.org_id', 'v.title', 'v.status', 'v.public', 'v.round_id', 'r.name as round_name', 'v.opens_on', 'v.closes_on'])
    .select((eb) => eb.selectFrom('assessment_survey_targets as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.survey_id', '=', 'v.id').as('targets'))
    .select((eb) => eb.selectFrom('assessment_survey_responses as p').select(eb.fn.countAll<number>().as('n')).whereRef('p.survey_id', '=', 'v.id').as('responses'))
    .where(orgScopeFilter(actor, 'assessment.read', sql.ref('v.org_id')))
    .orderBy('v.id', 'desc')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, targets: Number(r.targets ?? 0), responses: Number(r.responses ?? 0) })));
}

const targetsOf = (db: Conn, surveyId: number) =>
  sdb(db).selectFrom('assessment_survey_targets as t').innerJoin('orgs as o', 'o.id', 't.org_id').select(['t.org_id', 'o.name']).where('t.survey_id', '=', surveyId).orderBy('o.path').execute();

/** The survey with its questionnaire, targets and token batches (issued and used), and what the caller may do. */
export async function getSurvey(s: Services, actor: Actor, id: number) {
  const { sv, facts } = await loadSurvey(s.db, actor, id, 'assessment.read');
  const db = sdb(s.db);
  const [org, round, node, targets, batches] = await Promise.all([
    db.selectFrom('orgs').select('name').where('id', '=', sv.org_id).executeTakeFirstOrThrow(),
    sv.round_id ? db.selectFrom('assessment_rounds').select('name').where('id', '=', sv.round_id).executeTakeFirst() : undefined,
    sv.node_id ? db.selectFrom('assessment_nodes').select(['code', 'title']).where('id', '=', sv.node_id).executeTakeFirst() : undefined,
    targetsOf(s.db, id),
    db
      .selectFrom('assessment_survey_batches as b')
      .leftJoin('orgs as o', 'o.id', 'b.target_org_id')
      .select(['b.id', 'b.respondent_group', 'b.target_org_id', 'o.name as target_name', 'b.channel', 'b.issued_at'])
      .select((eb) => eb.selectFrom('assessment_survey_tokens as k').select(eb.fn.countAll<number>().as('n')).whereRef('k.batch_id', '=', 'b.id').as('issued'))
      .select((eb) =>
        eb.selectFrom('assessment_survey_tokens as k').innerJoin('assessment_survey_responses as p', 'p.token_id', 'k.id').select(eb.fn.countAll<number>().as('n')).whereRef('k.batch_id', '=', 'b.id').as('used'),
      )
      .where('b.survey_id', '=', id)
      .orderBy('b.id')
      .execute(),
  ]);
  return {
    id: sv.id,
    org_id: sv.org_id,
    org_name: org.name,
    title: sv.title,
    intro: sv.intro,
    round_id: sv.round_id,
    round_name: round?.name ?? null,
    node_id: sv.node_id,
    node_title: node ? `${node.code} ${node.title}` : null,
    opens_on: sv.opens_on,
    closes_on: sv.closes_on,
    status: sv.status,
    public: sv.public,
    questions: sv.questions,
    version: sv.version,
    targets,
    batches: batches.map((b) => ({ ...b, issued: Number(b.issued ?? 0), used: Number(b.used ?? 0) })),
    can: { manage: sv.status !== 'closed' && inScope(actor, 'assessment.manage', facts) },
  };
}

/** Inserts a batch and its tokens; returns the tokens, which are stored only as hashes. */
export async function insertBatch(tx: Tx, surveyId: number, b: { group: RespondentGroup; count: number; orgId?: number | null; issuedBy: number | null }) {
  const batch = await sdb(tx).insertInto('assessment_survey_batches').values({ survey_id: surveyId, respondent_group: b.group, target_org_id: b.orgId ?? null, channel: 'issued', issued_by: b.issuedBy }).returning(['id', 'respondent_group', 'target_org_id']).executeTakeFirstOrThrow();
  const tokens = Array.from({ length: b.count }, newToken);
  await sdb(tx).insertInto('assessment_survey_tokens').values(tokens.map((t) => ({ batch_id: batch.id, survey_id: surveyId, token_hash: tokenHash(t) }))).execute();
  return { batch, tokens };
}

/**
 * 发放答卷码: N one-time tokens for a respondent group (optionally for one organisation). The
 * links are returned once; the database keeps only their SM3 digests.
 */
export async function issueBatch(s: Services, actor: Actor, id: number, input: Static<typeof BatchIn>) {
  return s.tx(async (tx) => {
    const { sv } = await loadSurvey(tx, actor, id, 'assessment.manage');
    if (sv.status === 'closed') throw conflict('survey_closed', { zh: '调查已结束，不能再发放答卷码', en: 'The survey is closed' });
    if (input.orgId && !(await targetIds(tx, id)).includes(input.orgId)) throw badInput('not_a_target', 'orgId', { zh: '该单位不是本次调查的被评价单位', en: 'Not an organisation assessed by this survey' });
    const { batch, tokens } = await insertBatch(tx, id, { group: input.group, count: input.count, orgId: input.orgId, issuedBy: actor.userId });
    await audit(tx, actor, { action: 'assessment.survey.tokens', entityType: 'assessment_survey', entityId: id, orgId: sv.org_id, after: { batch: batch.id, group: input.group, count: input.count, targetOrgId: input.orgId ?? null } });
    return { batch, tokens: tokens.map((t) => ({ token: t, link: answerLink(t) })) };
  });
}

/** Responses and satisfaction counts per target organisation (one, or all). */
function orgCounts(db: Conn, surveyId: number, orgId?: number) {
  let q = sdb(db)
    .selectFrom('assessment_survey_targets as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .leftJoin('assessment_survey_responses as p', (j) => j.onRef('p.survey_id', '=', 't.survey_id').onRef('p.target_org_id', '=', 't.org_id'))
    .leftJoin('assessment_survey_answers as a', 'a.response_id', 'p.id')
    .select((eb) => ['t.org_id', 'o.name', eb.fn.count<number>('p.id').distinct().as('responses'), eb.fn.count<number>('a.satisfied').filterWhere('a.satisfied', '=', true).as('satisfied'), eb.fn.count<number>('a.satisfied').as('rated')])
    .where('t.survey_id', '=', surveyId)
    .groupBy(['t.org_id', 'o.name', 'o.path'])
    .orderBy('o.path');
  if (orgId) q = q.where('t.org_id', '=', orgId);
  return q.execute().then((rows) => rows.map((r) => ({ org_id: r.org_id, name: r.name, responses: Number(r.responses), satisfied: Number(r.satisfied), rated: Number(r.rated) })));
}

/** The satisfaction floor in force for a region on a date, with its legal basis (seed 000 §9(三)2). */
export async function satisfactionThreshold(db: Conn, regionCode: string, date: string) {
  const row = await resolveRule(db, SATISFACTION_THRESHOLD, regionCode, date);
  return { value: Number(row.value), basis: { law: row.basis_law, article: row.basis_article, quote: row.basis_quote } };
}

/**
 * 调查结果: per organisation the responses and the satisfaction percent (satisfied answers over
 * answered satisfaction questions), flagged when short of the threshold; per question the
 * distribution, for one organisation or all.
 */
export async function surveyResults(s: Services, actor: Actor, id: number, orgId?: number) {
  const { sv } = await loadSurvey(s.db, actor, id, 'assessment.read');
  const today = s.today();
  const threshold = await satisfactionThreshold(s.db, sv.region_code, sv.closes_on < today ? sv.closes_on : today);
  const orgs = (await orgCounts(s.db, id)).map((o) => {
    const percent = satisfactionPercent(o.satisfied, o.rated);
    return { ...o, percent, shortfall: isShortfall(percent, threshold.value) };
  });
  if (orgId && !orgs.some((o) => o.org_id === orgId)) throw notFound({ zh: '被评价单位', en: 'Assessed organisation' }, 'orgId');
  const total = orgs.reduce((t, o) => ({ responses: t.responses + o.responses, satisfied: t.satisfied + o.satisfied, rated: t.rated + o.rated }), { responses: 0, satisfied: 0, rated: 0 });
  const overallPercent = satisfactionPercent(total.satisfied, total.rated);
  let answersQ = sdb(s.db)
    .selectFrom('assessment_survey_answers as a')
    .innerJoin('assessment_survey_responses as p', 'p.id', 'a.response_id')
    .select(['a.question_id', 'a.choice', 'a.scale', 'a.text', 'a.satisfied'])
    .where('p.survey_id', '=', id)
    .orderBy('p.submitted_at', 'desc')
    .orderBy('p.id', 'desc');
  if (orgId) answersQ = answersQ.where('p.target_org_id', '=', orgId);
  const answers = await answersQ.execute();
  const groups = await sdb(s.db).selectFrom('assessment_survey_responses').select(['respondent_group as group', (eb) => eb.fn.countAll<number>().as('responses')]).where('survey_id', '=', id).groupBy('respondent_group').orderBy('respondent_group').execute();
  return {
    survey: { id: sv.id, title: sv.title, status: sv.status, opens_on: sv.opens_on, closes_on: sv.closes_on },
    threshold: threshold.value,
    basis: threshold.basis,
    overall: { responses: total.responses, percent: overallPercent, shortfall: isShortfall(overallPercent, threshold.value) },
    orgs,
    groups: groups.map((g) => ({ group: g.group, responses: Number(g.responses) })),
    orgId: orgId ?? null,
    questions: sv.questions.map((q) => {
      const mine = answers.filter((a) => a.question_id === q.id);
      const d = distribution(q, mine);
      const texts = q.kind === 'text' ? mine.map((a) => a.text!).slice(0, 50) : [];
      return { id: q.id, kind: q.kind, text: q.text, satisfaction: isSatisfactionQuestion(q), answered: d.answered, percent: d.percent, counts: d.counts, texts };
    }),
  };
}

/**
 * The satisfaction percent of one assessed organisation from the survey linked to a round's
 * survey leaf, for scoring that leaf with `scoreSurvey`; null when no survey is linked to it.
 */
export async function surveyPercentFor(tx: Conn, roundId: number, nodeId: number, orgId: number): Promise<{ percent: number | null; responses: number; surveyId: number } | null> {
  const sv = await sdb(tx).selectFrom('assessment_surveys').select('id').where('round_id', '=', roundId).where('node_id', '=', nodeId).executeTakeFirst();
  if (!sv) return null;
  const [c] = await orgCounts(tx, sv.id, orgId);
  return { percent: c ? satisfactionPercent(c.satisfied, c.rated) : null, responses: c?.responses ?? 0, surveyId: sv.id };
}

// ── public portal ──

const publicQuestions = (qs: Question[]) => qs.map(({ id, kind, text, required, options }) => ({ id, kind, text, required, ...(options ? { options } : {}) }));

async function publicView(db: Conn, sv: SurveyRow, today: string) {
  const [org, targets] = await Promise.all([sdb(db).selectFrom('orgs').select('name').where('id', '=', sv.org_id).executeTakeFirstOrThrow(), targetsOf(db, sv.id)]);
  const problem = answeringProblem(sv, today);
  return { id: sv.id, title: sv.title, intro: sv.intro, organiser: org.name, opens_on: sv.opens_on, closes_on: sv.closes_on, open: !problem, notice: problem?.zh ?? null, questions: publicQuestions(sv.questions), targets };
}

/** Public surveys taking answers today. */
export async function publicSurveys(s: Services) {
  const today = s.today();
  return sdb(s.db)
    .selectFrom('assessment_surveys as v')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .select(['v.id', 'v.title', 'v.intro', 'o.name as organiser', 'v.opens_on', 'v.closes_on'])
    .where('v.public', '=', true)
    .where('v.status', '=', 'open')
    .where('v.opens_on', '<=', today)
    .where('v.closes_on', '>=', today)
    .orderBy('v.closes_on')
    .execute();
}

/** The questionnaire of a public survey (open or closed; never a draft). */
export async function publicSurvey(s: Services, id: number) {
  const sv = await surveyById(s.db, id);
  if (!sv || !sv.public || sv.status === 'draft') throw notFound(SURVEY);
  return publicView(s.db, sv, s.today());
}

/** A fresh token from the portal for a public survey taking answers (rate-limited by the route). */
export async function portalToken(s: Services, id: number) {
  return s.tx(async (tx) => {
    const sv = await surveyById(tx, id);
    if (!sv || !sv.public || sv.status === 'draft') throw notFound(SURVEY);
    const problem = answeringProblem(sv, s.today());
    if (problem) throw conflict(problem.code, problem);
    const batch = await sdb(tx).selectFrom('assessment_survey_batches').select('id').where('survey_id', '=', id).where('channel', '=', 'portal').executeTakeFirstOrThrow();
    const token = newToken();
    const row = await sdb(tx).insertInto('assessment_survey_tokens').values({ batch_id: batch.id, survey_id: id, token_hash: tokenHash(token) }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(tx, PUBLIC, { action: 'assessment.survey.portal_token', entityType: 'assessment_survey', entityId: id, orgId: sv.org_id, after: { tokenId: row.id } });
    return { token };
  });
}

async function tokenRow(db: Conn, token: string, lock = false) {
  const q = sdb(db)
    .selectFrom('assessment_survey_tokens as k')
    .innerJoin('assessment_survey_batches as b', 'b.id', 'k.batch_id')
    .select(['k.id', 'k.survey_id', 'b.respondent_group', 'b.target_org_id'])
    .where('k.token_hash', '=', tokenHash(token));
  const row = await (lock ? q.forUpdate('k') : q).executeTakeFirst();
  if (!row) throw notFound(TOKEN, 'token');
  return row;
}

const tokenUsed = () => conflict('survey_token_used', { zh: '该答卷码已经答过卷，每个答卷码只能答一次', en: 'This token has already been used' }, 'token');

/** What a token opens: the questionnaire and, when the batch was for one organisation, that organisation. */
export async function tokenForm(s: Services, token: string) {
  const k = await tokenRow(s.db, token);
  if (await sdb(s.db).selectFrom('assessment_survey_responses').select('id').where('token_id', '=', k.id).executeTakeFirst()) throw tokenUsed();
  const sv = (await surveyById(s.db, k.survey_id))!;
  return { ...(await publicView(s.db, sv, s.today())), fixedOrgId: k.target_org_id };
}

/**
 * One answer per token: the token row is locked and the response's token is unique, so a
 * second answer — also a concurrent one — is refused with `survey_token_used`. Everything is
 * checked before anything is written; the transaction writes the response, its answers and
 * the audit entry together or not at all.
 */
export async function answerTx(tx: Tx, input: Static<typeof AnswerIn>, today: string, by: AuditActor = PUBLIC) {
  const k = await tokenRow(tx, input.token, true);
  if (await sdb(tx).selectFrom('assessment_survey_responses').select('id').where('token_id', '=', k.id).executeTakeFirst()) throw tokenUsed();
  const sv = (await surveyById(tx, k.survey_id))!;
  const problem = answeringProblem(sv, today);
  if (problem) throw conflict(problem.code, problem);
  const targets = await targetsOf(tx, sv.id);
  if (k.target_org_id && input.orgId && input.orgId !== k.target_org_id) throw badInput('org_fixed_by_token', 'orgId', { zh: '该答卷码只用于评价指定的单位', en: 'This token is for another organisation' });
  const orgId = k.target_org_id ?? input.orgId;
  if (!orgId) throw badInput('org_required', 'orgId', { zh: '请选择被评价单位', en: 'Choose the organisation being evaluated' });
  const target = targets.find((t) => t.org_id === orgId);
  if (!target) throw badInput('not_a_target', 'orgId', { zh: '该单位不是本次调查的被评价单位', en: 'Not an organisation assessed by this survey' });
  const checked = checkAnswers(sv.questions, input.answers);
  if (checked.problems.length) refuse(checked.problems);
  if (!checked.answers.length) throw badInput('answers_empty', 'answers', { zh: '答卷没有回答任何题目', en: 'No question is answered' });
  const response = await sdb(tx)
    .insertInto('assessment_survey_responses')
    .values({ survey_id: sv.id, token_id: k.id, target_org_id: orgId, respondent_group: k.respondent_group })
    .onConflict((oc) => oc.column('token_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!response) throw tokenUsed();
  await sdb(tx)
    .insertInto('assessment_survey_answers')
    .values(checked.answers.map((a) => ({ response_id: response.id, question_id: a.questionId, choice: a.choice, scale: a.scale, text: a.text, satisfied: a.satisfied })))
    .execute();
  await recordAudit(tx, by, { action: 'assessment.survey.answer', entityType: 'assessment_survey_response', entityId: response.id, orgId: sv.org_id, after: { survey: sv.id, targetOrgId: orgId, group: k.respondent_group, answered: checked.answers.length } });
  return { ok: true, org: target.name };
}

export const submitAnswer = (s: Services, input: Static<typeof AnswerIn>) => s.tx((tx) => answerTx(tx, input, s.today()));

/** The route-enumerating authorization test's row: a draft survey of `orgId` assessing itself. */
export const surveyFixture: NonNullable<ResourceDef['fixture']> = async ({ tx, orgId, regionCode, mark }) => {
  const questions = normaliseQuestions([{ kind: 'single', text: `${mark}总体评价`, options: ['满意', '不满意'], satisfied: ['满意'] }]);
  const sv = await sdb(tx).insertInto('assessment_surveys').values({ org_id: orgId, region_code: regionCode, title: `${mark}满意度调查`, opens_on: '2026-01-01', closes_on: '2026-12-31', public: true, questions: JSON.stringify(questions) }).returning('id').executeTakeFirstOrThrow();
  await sdb(tx).insertInto('assessment_survey_targets').values({ survey_id: sv.id, org_id: orgId }).execute();
  return String(sv.id);
};
