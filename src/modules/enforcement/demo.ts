import type { DemoContext } from '../../core/registry.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import type { Services } from '../../core/services.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { createInstance } from '../../core/workflow/engine.ts';
import { startDeadline } from '../../core/calendar/deadlines.ts';
import { redactParty, sealParty, type PartyInput } from '../../core/crypto/personal.ts';
import { etx } from './schema.ts';
import { appendRecord, nextNumber } from './records.ts';

const PRICE_LAW = '《中华人民共和国价格法》第十三条、第四十二条';
const FOOD_LAW = '《中华人民共和国食品安全法》第三十五条、第一百二十二条';

interface PowerSeed {
  code: string;
  name: string;
  type: 'penalty' | 'license' | 'inspection' | 'coercion';
  basis: string;
  unit: string;
  items: string[];
  bands?: [band: string, circumstances: string, min: number | null, max: number | null, other?: string][];
}

const SAMR_POWERS: PowerSeed[] = [
  {
    code: 'CF-JG-001',
    name: '对经营者不按规定明码标价的行政处罚',
    type: 'penalty',
    basis: PRICE_LAW,
    unit: '价格监督检查和反不正当竞争科',
    items: ['立案责任：对检查发现、投诉举报的违法行为依法立案', '调查取证责任：两名以上执法人员调查取证', '告知责任：作出决定前告知当事人陈述申辩权利', '决定责任：依法作出处罚决定并送达', '执行责任：督促当事人履行'],
    bands: [
      ['轻微', '初次违法，危害后果轻微并及时改正', null, 0, '不予行政处罚（首违不罚）'],
      ['一般', '未明码标价商品较少，能够配合调查', 500, 2000],
      ['较重', '经责令改正拒不改正，或涉及民生商品', 2000, 5000],
    ],
  },
  {
    code: 'CF-SP-002',
    name: '对未取得食品经营许可从事食品经营活动的行政处罚',
    type: 'penalty',
    basis: FOOD_LAW,
    unit: '食品经营安全监督管理科',
    items: ['立案责任', '调查取证责任', '听证责任：拟处较大数额罚款的告知听证权利', '法制审核责任：重大执法决定经法制审核', '决定、送达、执行责任'],
    bands: [
      ['一般', '货值金额不足一万元，经营时间短', 50000, 70000, '没收违法所得和违法经营的食品'],
      ['较重', '货值金额不足一万元，经营时间长或拒不改正', 70000, 100000, '没收违法所得、违法经营的食品和工具设备'],
    ],
  },
  { code: 'XK-SP-001', name: '食品经营许可', type: 'license', basis: FOOD_LAW, unit: '行政审批科', items: ['受理责任', '审查责任', '决定责任', '事后监管责任'] },
  { code: 'JC-SP-001', name: '对食品经营者的监督检查', type: 'inspection', basis: '《中华人民共和国食品安全法》第一百一十条', unit: '食品经营安全监督管理科', items: ['"双随机、一公开"抽查', '检查结果公示'] },
];

const CITY_POWERS: PowerSeed[] = [
  {
    code: 'CF-RQ-001',
    name: '对擅自占用城市道路摆摊设点的行政处罚',
    type: 'penalty',
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    unit: '市容秩序执法大队',
    items: ['立案责任', '调查取证责任', '告知、决定、送达、执行责任'],
    bands: [
      ['轻微', '首次发现，当场改正', null, 0, '警告'],
      ['一般', '经劝导后仍占道经营', 50, 200],
    ],
  },
];

const OFFICERS: [name: string, certNo: string | null, validUntil: string | null, kind: 'officer' | 'auxiliary', user?: string][] = [
  ['赵执法', 'JZ99010020001', '2029-06-30', 'officer', 'officer'],
  ['钱明', 'JZ99010020002', '2028-12-31', 'officer'],
  ['孙丽', 'JZ99010020003', '2029-03-31', 'officer'],
  ['周过期', 'JZ99010020004', '2025-12-31', 'officer'],
  ['李辅助', null, null, 'auxiliary'],
];

async function addPowers(tx: Tx, orgId: number, region: string, seeds: PowerSeed[]) {
  const ids = new Map<string, { power: number; bands: number[] }>();
  for (const p of seeds) {
    const row = await etx(tx).insertInto('enforcement_powers').values({ org_id: orgId, region_code: region, code: p.code, name: p.name, power_type: p.type, legal_basis: p.basis, internal_unit: p.unit, responsibility_items: p.items }).returning('id').executeTakeFirstOrThrow();
    const bands = [];
    for (const [i, [band, circumstances, min, max, other]] of (p.bands ?? []).entries()) {
      const b = await etx(tx).insertInto('enforcement_benchmarks').values({ power_id: row.id, org_id: orgId, region_code: region, band, circumstances, fine_min: min, fine_max: max, other_penalties: other ?? null, sort_order: i }).returning('id').executeTakeFirstOrThrow();
      bands.push(b.id);
    }
    ids.set(p.code, { power: row.id, bands });
  }
  return ids;
}

/** A case that stands at a point of its procedure: its row, officers, instance and the records of the steps behind it. */
async function demoCase(s: Services, tx: Tx, actor: Actor, v: { orgId: number; region: string; powerId: number; title: string; party: PartyInput; facts: string; filedOn: string; officers: number[]; state: string; extra?: Record<string, unknown>; records: [kind: string, title: string, on: string, content: Record<string, unknown>][] }) {
  const year = Number(v.filedOn.slice(0, 4));
  const c = await etx(tx)
    .insertInto('enforcement_cases')
    .values({ org_id: v.orgId, region_code: v.region, procedure_kind: 'general', case_no: `演市监立〔${year}〕${await nextNumber(tx, v.orgId, 'case', year)}号`, power_id: v.powerId, title: v.title, source: '日常检查发现', ...sealParty(s.pii, v.party), facts: v.facts, filed_on: v.filedOn, status: v.state, created_by: actor.userId, ...(v.extra ?? {}) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await etx(tx).insertInto('enforcement_case_officers').values(v.officers.map((o, i) => ({ case_id: c.id, officer_id: o, role: i === 0 ? ('lead' as const) : ('handler' as const) }))).execute();
  const inst = await createInstance(s, tx, actor, { procedure: 'enforcement.case', subjectId: c.id, title: `${c.case_no} ${v.title}`, orgId: v.orgId, regionCode: v.region });
  if (v.state !== inst.state) {
    await tx.updateTable('procedure_instances').set({ state: v.state }).where('id', '=', inst.id).execute();
    await tx.insertInto('procedure_history').values({ instance_id: inst.id, transition: 'import', from_state: inst.state, to_state: v.state, actor_id: actor.userId, note: '演示数据：案件已办理至此', data: '{}' }).execute();
  } else {
    await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'enforcement', kind: 'enforcement.decision', title: `作出处罚决定：${c.case_no}`, subjectType: 'enforcement_case', subjectId: c.id, instanceId: inst.id, orgId: v.orgId, regionCode: v.region, assigneeUserId: actor.userId, startDate: v.filedOn, ruleKey: 'enforcement.decision_days' });
  }
  await etx(tx).updateTable('enforcement_cases').set({ instance_id: inst.id }).where('id', '=', c.id).execute();
  for (const [kind, title, on, content] of v.records) await appendRecord(tx, actor.userId, c, { kind, title, happenedOn: on, content, officerIds: kind.startsWith('action') ? v.officers : [] });
  return c;
}

const daysBefore = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The demo city's enforcement: subjects, powers with benchmarks, officers, and cases at several steps. */
export async function loadEnforcementDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const today = s.today();
  const samr = orgByName('演示市市场监督管理局');
  const city = orgByName('演示市城市管理综合行政执法局');
  const subjects: [org: number, kind: 'statutory' | 'authorized', basis: string, prefix: string, domains: string[]][] = [
    [samr, 'statutory', '《中华人民共和国食品安全法》《中华人民共和国价格法》《中华人民共和国行政处罚法》', '演市监', ['市场监管', '食品安全', '价格']],
    [city, 'statutory', '《中华人民共和国行政处罚法》第十八条；演示市人民政府关于相对集中行政处罚权的决定', '演城管', ['市容环境', '城市管理']],
    [orgByName('演示市生态环境局'), 'statutory', '《中华人民共和国环境保护法》', '演环', ['生态环境']],
    [orgByName('演示市住房公积金管理中心'), 'authorized', '《住房公积金管理条例》第三十七条、第三十八条', '演公积金', ['住房公积金']],
  ];
  for (const [org, kind, basis, prefix, domains] of subjects) {
    await etx(tx).insertInto('enforcement_subjects').values({ org_id: org, region_code: '990100', kind, legal_basis: basis, doc_prefix: prefix, domains, announced_on: '2026-01-15', announcement: '演示市人民政府关于公布行政执法主体名单的公告（2026年第1号）' }).execute();
  }
  const samrPowers = await addPowers(tx, samr, '990100', SAMR_POWERS);
  await addPowers(tx, city, '990100', CITY_POWERS);

  const officerIds = new Map<string, number>();
  for (const [name, certNo, until, kind, user] of OFFICERS) {
    const row = await etx(tx)
      .insertInto('enforcement_officers')
      .values({ org_id: samr, region_code: '990100', user_id: user ? userByName(user) : null, name, kind, domains: ['市场监管'], trained_on: kind === 'officer' ? '2024-03-10' : null, exam_passed_on: kind === 'officer' ? '2024-04-20' : null, cert_no: certNo, cert_issuer: certNo ? '演示省人民政府' : null, cert_valid_from: certNo ? '2024-05-01' : null, cert_valid_until: until, cert_status: certNo ? 'valid' : 'none' })
      .returning('id')
      .executeTakeFirstOrThrow();
    officerIds.set(name, row.id);
  }
  for (const [name, hours] of [['赵执法', 24], ['钱明', 42], ['孙丽', 16]] as const) {
    for (const [i, h] of [hours - 8, 8].entries()) {
      await etx(tx).insertInto('enforcement_training').values({ officer_id: officerIds.get(name)!, org_id: samr, year: Number(today.slice(0, 4)), course: i === 0 ? '行政处罚法专题培训' : '食品安全法律知识更新', hours: h, held_on: `${today.slice(0, 4)}-0${i + 3}-15`, recorded_by: userByName('reviewer') }).execute();
    }
  }
  for (const [name, cert] of [['吴城管', 'JZ99010030001'], ['郑城管', 'JZ99010030002']]) {
    await etx(tx).insertInto('enforcement_officers').values({ org_id: city, region_code: '990100', name, kind: 'officer', domains: ['城市管理'], trained_on: '2025-02-10', exam_passed_on: '2025-03-01', cert_no: cert, cert_issuer: '演示省人民政府', cert_valid_from: '2025-03-15', cert_valid_until: '2030-03-14', cert_status: 'valid' }).execute();
  }

  const officer = userByName('officer');
  const actor = { userId: officer, username: 'officer', displayName: '演示数据', orgId: samr, regionCode: '990100', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set<string>() } satisfies Actor;
  const team = [officerIds.get('赵执法')!, officerIds.get('钱明')!];
  const price = samrPowers.get('CF-JG-001')!;

  const open = await demoCase(s, tx, actor, {
    orgId: samr, region: '990100', powerId: price.power, title: '某超市未按规定明码标价案', party: { kind: 'org', name: '演示市惠民超市有限公司', address: '演示市东湖区湖滨路 18 号' },
    facts: '执法人员在日常检查中发现当事人经营场所内 23 种商品未标示价格。', filedOn: daysBefore(today, 12), officers: team, state: 'investigation',
    records: [
      ['filing', '立案审批', daysBefore(today, 12), { source: '日常检查发现' }],
      ['action.inspection', '调查取证', daysBefore(today, 10), { kind: 'inspection', place: '当事人经营场所', summary: '现场检查，制作现场笔录并拍照固定证据', certificatesShown: true }],
    ],
  });
  const decidedOn = daysBefore(today, 30);
  const closed = await demoCase(s, tx, actor, {
    orgId: samr, region: '990100', powerId: price.power, title: '个体工商户张某某未明码标价案', party: { kind: 'person', name: '张小明', idNumber: '990102198805061235', address: '演示市东湖区湖滨街道柳巷 6 号' },
    facts: '当事人在经营的水果店内未对所售 12 种水果明码标价，经责令改正后仍未改正。', filedOn: daysBefore(today, 60), officers: team, state: 'closed',
    extra: { notice_on: daysBefore(today, 40), proposed_fine: 2000, penalty_kind: 'fine', fine_amount: 2000, benchmark_id: price.bands[1], decision_no: `演市监罚决字〔${decidedOn.slice(0, 4)}〕${await nextNumber(tx, samr, 'decision', Number(decidedOn.slice(0, 4)))}号`, decided_on: decidedOn, decision_text: '当事人张小明在其经营的水果店内未明码标价，违反了《中华人民共和国价格法》第十三条的规定，依据第四十二条，决定处以罚款人民币贰仟元整。', publicize: true, served_on: daysBefore(today, 29), service_method: 'direct', payment_due: daysBefore(today, 14), paid_on: daysBefore(today, 20), paid_amount: 2000, surcharge: 0, closed_on: daysBefore(today, 18) },
    records: [
      ['filing', '立案审批', daysBefore(today, 60), { source: '投诉举报' }],
      ['action.inquiry', '调查取证', daysBefore(today, 55), { kind: 'inquiry', place: '演示市市场监督管理局询问室', summary: '询问当事人并制作询问笔录', certificatesShown: true }],
      ['notice', '行政处罚事先告知书', daysBefore(today, 40), { proposedFine: 2000, rights: '当事人享有陈述、申辩的权利' }],
      ['decision', '行政处罚决定书', decidedOn, { fine: 2000 }],
      ['service', '送达回证', daysBefore(today, 29), { method: 'direct' }],
      ['payment', '罚款缴纳凭证（代收机构回执）', daysBefore(today, 20), { channel: 'bank', amount: 2000 }],
      ['closing', '结案报告', daysBefore(today, 18), {}],
    ],
  });
  await etx(tx).insertInto('enforcement_payments').values({ case_id: closed.id, org_id: samr, channel: 'bank', receipt_no: 'YH2026000123', amount: 2000, paid_on: daysBefore(today, 20), recorded_by: officer }).execute();
  await etx(tx).insertInto('enforcement_publicity').values({ case_id: closed.id, org_id: samr, region_code: '990100', published_on: daysBefore(today, 27), public_title: redactParty(s.pii, closed, closed.title), public_text: redactParty(s.pii, closed, closed.decision_text ?? ''), due_on: daysBefore(today, 21), on_time: true }).execute();
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.enforcement', entityType: 'demo', after: { subjects: subjects.length, officers: officerIds.size + 2, cases: [open.id, closed.id] } });
}
