import { sql } from 'kysely';
import type { Static } from '@sinclair/typebox';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { badInput, DomainError, notFound } from '../../core/http/errors.ts';
import { SEED002 } from '../../core/rules/seeds.ts';
import { ddb, dtx } from './schema.ts';
import { audit, checkNotFuture } from './common.ts';
import type { MyOpinionIn } from './decision-contract.ts';

const SUBJECT = 'decision';
const ASSIGNMENT = { zh: '论证任务', en: 'Assignment' };
const BASIS_INDEPENDENT = { law: SEED002, article: '措施23', quote: '选择论证专家要注重专业性、代表性、均衡性，支持其独立开展工作，逐步实行专家信息和论证意见公开' };

/**
 * An expert's written opinion on a decision: one per expert and decision. Used by the
 * office's procedure step (record_expert_opinion) and by the expert's own submission, so
 * both write the same row under the same rule.
 */
export async function insertExpertOpinion(tx: Tx, v: { decisionId: number; orgId: number; expertId: number; opinion: string; givenOn: string; recordedBy: number | null }) {
  const t = dtx(tx);
  const dup = await t.selectFrom('decision_expert_opinions').select('id').where('decision_id', '=', v.decisionId).where('expert_id', '=', v.expertId).executeTakeFirst();
  if (dup) throw badInput('expert_opinion_exists', 'expertId', { zh: '该专家的论证意见已登记', en: "The expert's opinion is already recorded" });
  return t
    .insertInto('decision_expert_opinions')
    .values({ decision_id: v.decisionId, org_id: v.orgId, expert_id: v.expertId, opinion: v.opinion.trim(), given_on: v.givenOn, recorded_by: v.recordedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** 我的论证任务: the decisions the caller (an expert of a pool, by their account) was drawn or chosen for. */
export async function myAssignments(s: Services, actor: Actor) {
  return ddb(s.db)
    .selectFrom('decision_expert_assignments as x')
    .innerJoin('decision_experts as e', 'e.id', 'x.expert_id')
    .innerJoin('decisions as d', (j) => j.on(sql<boolean>`d.id::text = x.subject_id`).on('x.subject_type', '=', SUBJECT))
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .leftJoin('decision_expert_opinions as p', (j) => j.onRef('p.decision_id', '=', 'd.id').onRef('p.expert_id', '=', 'e.id'))
    .select(['x.id', 'd.id as decision_id', 'd.title as decision_title', 'd.status as decision_status', 'd.plan_text', 'o.name as org_name', 'x.field', 'x.source', 'x.at', 'p.opinion', 'p.given_on'])
    .where('e.user_id', '=', actor.userId)
    .orderBy('x.id', 'desc')
    .limit(500)
    .execute();
}

/**
 * The expert hands in their own opinion while the decision is in 专家论证. Only the expert of
 * the assignment may: anyone else is told there is no such assignment.
 */
export async function submitMyOpinion(s: Services, actor: Actor, assignmentId: number, input: Static<typeof MyOpinionIn>) {
  checkNotFuture(input.givenOn, s.today(), 'givenOn');
  return s.tx(async (tx) => {
    const t = dtx(tx);
    const a = await t
      .selectFrom('decision_expert_assignments as x')
      .innerJoin('decision_experts as e', 'e.id', 'x.expert_id')
      .select(['x.id', 'x.subject_id', 'x.expert_id'])
      .where('x.id', '=', assignmentId)
      .where('x.subject_type', '=', SUBJECT)
      .where('e.user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!a) throw notFound(ASSIGNMENT);
    const d = await t.selectFrom('decisions').select(['id', 'org_id', 'status', 'title']).where('id', '=', Number(a.subject_id)).forUpdate().executeTakeFirstOrThrow();
    if (d.status !== 'argumentation') {
      throw new DomainError({ status: 409, code: 'expert_opinion_closed', title: '不在专家论证环节', detail: '该决策事项当前不在专家论证环节，不能提交论证意见', detail_en: 'The decision is not in expert argumentation', rule: 'expert_opinion_closed', basis: BASIS_INDEPENDENT });
    }
    const row = await insertExpertOpinion(tx, { decisionId: d.id, orgId: d.org_id, expertId: a.expert_id, opinion: input.opinion, givenOn: input.givenOn, recordedBy: actor.userId });
    await audit(tx, actor, { action: 'decisions.expert.opinion', entityType: 'decision', entityId: d.id, orgId: d.org_id, after: row });
    return row;
  });
}
