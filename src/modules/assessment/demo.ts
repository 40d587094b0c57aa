import type { DemoContext } from '../../core/registry.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { atx } from './schema.ts';
import { templateSystem } from './systems.ts';
import type { ScoringRule } from './scoring.ts';

/** Leaves of the template that a module's metric already measures, found by their wording. */
const LINKS: [needle: string, metric: string, rule: ScoringRule][] = [
  ['不少于40学时', 'enforcement.training_compliance', { kind: 'threshold', target: 100 }],
  ['取得行政执法资格方能从事行政执法工作', 'enforcement.certified_officer_ratio', { kind: 'threshold', target: 100 }],
  ['重大行政执法事项未经', 'enforcement.legal_review_coverage', { kind: 'threshold', target: 100 }],
  ['行政执法案卷评查制度', 'enforcement.casefile_score_avg', { kind: 'linear', from: 60, to: 90 }],
  ['未经合法性审查', 'normative.legality_review_coverage', { kind: 'threshold', target: 100 }],
];

/** The demo city's draft indicator system for this year, from the seed-000 template. */
export async function loadAssessmentDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const sys = await templateSystem(tx, { orgId: orgByName('演示市人民政府办公室'), year: Number(s.today().slice(0, 4)), categories: ['市直部门', '县（市、区）政府'], createdBy: userByName('assessor') });
  const linked: string[] = [];
  for (const [needle, metric, rule] of LINKS) {
    if (!s.registry.metrics.has(metric)) continue;
    const leaf = await atx(tx)
      .selectFrom('assessment_nodes as n')
      .select(['n.id', 'n.code'])
      .where('n.system_id', '=', sys.id)
      .where('n.text', 'like', `%${needle}%`)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('assessment_nodes as c').select('c.id').whereRef('c.parent_id', '=', 'n.id'))))
      .orderBy('n.id')
      .executeTakeFirst();
    if (!leaf) continue;
    await atx(tx).updateTable('assessment_nodes').set({ method: 'metric', metric_code: metric, rule: JSON.stringify(rule), data_source: '系统指标数据' }).where('id', '=', leaf.id).execute();
    linked.push(`${leaf.code}→${metric}`);
  }
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.assessment', entityType: 'assessment_system', entityId: sys.id, after: { system: sys.name, linked } });
}
