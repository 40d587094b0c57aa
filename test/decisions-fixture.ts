import { ok, orgId, type Client, type TestEnv } from './helpers.ts';

/**
 * 重大行政决策 in tests: the data of the procedure's steps, and one decision carried through
 * every step (the main path of test/decisions-procedure.test.ts, without its refusals).
 */


/** A risk assessment of all six items (seed 002 #24), passed or not. */
export const riskData = (today: string, passed: boolean) => ({
  items: ['social_stability', 'environment', 'economic', 'legal', 'fiscal', 'public_safety'].map((k) => ({ kind: k, level: 'low', description: `${k}风险可控` })),
  overallLevel: 'low',
  passed,
  disposalPlan: '设立信访接待和舆情应对专班',
  assessedOn: today,
});

/** An executive meeting with the head, the legal-affairs head and three members, one of them against. */
export const meetingData = (today: string, over: Record<string, unknown> = {}) => ({
  meetingKind: 'executive',
  heldOn: today,
  attendees: [
    { name: '周市长', role: 'head' },
    { name: '陈法明', role: 'legal_head' },
    { name: '甲副市长', role: 'member', view: 'agree' },
    { name: '乙副市长', role: 'member', view: 'agree' },
    { name: '丙秘书长', role: 'member', view: 'disagree', opinion: '建议分步实施' },
  ],
  headDecision: 'adopt',
  minutes: '会议讨论了水价调整方案，丙秘书长建议分步实施。',
  ...over,
});

/**
 * One decision from a 2027 catalogue item with a hearing, through every step to its
 * post-evaluation (conclusion `conclusion`), the clock moved by `setDay` (which logs in again
 * and returns the legal-affairs and leader clients). Starts on 2026-03-02.
 */
export async function fullDecision(env: TestEnv, setDay: (day: string) => Promise<{ legal: Client; leader: Client }>, conclusion: 'continue' | 'adjust' | 'stop' = 'adjust') {
  let { legal, leader } = await setDay('2026-03-02');
  const gov = await orgId(env.s, '演示市人民政府');
  const ndrc = await orgId(env.s, '演示市发展和改革委员会');
  const catalogue = ok(await legal.post('/api/decisions/catalogues', { orgId: gov, year: 2027 }));
  const item = ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, { title: '调整居民生活用水价格', decidingBody: '演示市人民政府常务会议', undertakingOrgId: ndrc, hearingRequired: true }));
  ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: catalogue.version }));
  const decision = ok(await legal.post('/api/decisions', { catalogueItemId: item.id }));
  let inst = { id: decision.instance_id as number, version: 1 };
  const go = async (who: Client, code: string, data: Record<string, unknown> = {}, note?: string) => {
    const r = ok(await who.post(`/api/procedures/${inst.id}/transitions/${code}`, { version: inst.version, data, ...(note ? { note } : {}) }));
    inst = { id: r.id, version: r.version };
  };
  await go(legal, 'draft_plan', { planText: '居民生活用水实行阶梯水价，第一阶梯每立方米3.2元。' });
  await go(legal, 'open_comment', { commentFrom: '2026-03-02', commentUntil: '2026-03-31' });
  ok(await env.anon.post(`/api/public/decisions/${decision.id}/comments`, { content: '建议对低保户减免' }));
  ({ legal, leader } = await setDay('2026-04-01'));
  const [comment] = ok(await legal.get(`/api/decisions/${decision.id}`)).comments;
  ok(await legal.post(`/api/decisions/${decision.id}/comment-answers`, { commentId: comment.id, answer: 'adopted' }));
  await go(legal, 'record_hearing', { heldOn: '2026-03-20', participants: [{ name: '李四', sector: '居民代表' }, { name: '某水务公司', sector: '企业代表' }], record: '听证笔录全文' });
  await go(legal, 'close_comment', { adoptionSummary: '共收到意见1条，采纳1条；听证意见已采纳。' });
  ok(await legal.post('/api/decisions/experts', { orgId: gov, name: '王水价', fields: ['economy'], affiliation: '演示大学经济学院' }));
  const draw = ok(await legal.post('/api/decisions/expert-draws', { orgId: gov, subjectType: 'decision', subjectId: String(decision.id), subjectTitle: decision.title, counts: { economy: 1 }, seed: 'water-2026' }));
  await go(legal, 'record_expert_opinion', { expertId: draw.drawn[0].expertId, opinion: '方案必要、可行，建议设置过渡期。', givenOn: '2026-04-01' });
  await go(legal, 'finish_argumentation');
  await go(legal, 'assess_risk', riskData('2026-04-01', true));
  await go(legal, 'submit_review');
  const adviser = ok(await legal.post('/api/decisions/advisers', { orgId: gov, name: '刘顾问', kind: 'in_house', profession: 'official', affiliation: '演示市司法局' }));
  const opinion = ok(await legal.post(`/api/decisions/advisers/${adviser.id}/opinions`, { subjectType: 'decision', subjectId: String(decision.id), subjectTitle: decision.title, opinion: '程序合法，依据充分', givenOn: '2026-04-01' }));
  ({ legal, leader } = await setDay('2026-04-20'));
  await go(legal, 'review_pass', { adviserOpinionId: opinion.id }, '经审查，决策草案合法');
  await go(leader, 'decide', meetingData('2026-04-20', { headDecision: 'adopt_amended' }));
  await go(leader, 'publish', { publishedOn: '2026-04-20', explanation: '为促进节约用水，实行阶梯水价。' });
  ({ legal, leader } = await setDay('2026-12-01'));
  await go(legal, 'evaluate', { opinionsGathered: '问卷调查和座谈会意见', thirdParty: '演示大学评估中心', conclusion, report: '阶梯设置需调整' });
  return { decision, inst, gov, draw, adviser, opinion, legal, leader };
}
