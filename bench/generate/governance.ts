import { sql, type Kysely } from 'kysely';
import type { Services } from '../../src/core/services.ts';
import { formatDayNumber, parseIsoDate } from '../../src/core/calendar/dates.ts';
import { deadlineUnitOf } from '../../src/core/calendar/deadlines.ts';
import { resolveRule } from '../../src/core/rules/service.ts';
import { mulberry32 } from '../../src/core/random.ts';
import type { ProvinceResult } from './province.ts';

/**
 * Major decisions and plans of a generated province, in bulk SQL:
 *  - per government (province, cities, counties) and year a published 决策事项目录 with its
 *    items; `decisions` decisions on those items (the `decisions.decision` procedure's
 *    instance with state = status), spread over the years, their state by age (the open
 *    steps in the last months, older ones implementing, evaluated, closed, stopped or
 *    rejected) and the fields of every step reached; deadlines: the comment period
 *    (`decisions.comment`, open while in public participation, closed after) and the
 *    progress report (`decisions.progress`, open while implementing — overdue for some —,
 *    paused while suspended, closed once evaluated or ended);
 *  - per government an implementation plan (实施方案) over the years, with areas and
 *    measures (plan_nodes) and `tasks` tasks in all (lead unit and co-units of the same
 *    government's tree, milestones), each with its `plans.task` deadline as tasks.ts starts it
 *    (calendar days to the day due): completed (closed), cancelled (closed), open (some
 *    overdue, some in the yellow window).
 */

export interface GovernanceResult {
  catalogues: number;
  items: number;
  decisions: number;
  decisionStatus: Record<string, number>;
  plans: number;
  nodes: number;
  tasks: number;
  milestones: number;
  taskStatus: Record<string, number>;
  deadlines: number;
  seconds: number;
}

const TOPICS = ['城市生活垃圾分类管理', '居民阶梯水价调整', '老旧小区改造', '公共交通票价调整', '中小学布局调整', '城市绿地系统规划', '农村人居环境整治', '集中供热价格调整', '养老服务体系建设', '历史文化街区保护', '城区停车收费调整', '海绵城市建设', '重点流域生态补偿', '基本医疗保险门诊统筹', '住房保障实施', '征地补偿标准调整'];
const KINDS = ['实施方案', '管理办法', '规划', '三年行动计划', '改革方案'];
const AREAS = ['依法全面履行政府职能', '健全依法行政制度体系', '推进行政决策科学化民主化法治化', '坚持严格规范公正文明执法', '强化行政权力制约和监督', '依法有效化解社会矛盾纠纷', '全面提升政务服务水平'];
const MEASURES = ['深化"放管服"改革', '全面落实权责清单制度', '加强规范性文件监督管理', '严格落实重大行政决策程序', '全面推行行政执法三项制度', '完善行政执法裁量权基准', '加强行政复议能力建设', '推进政务诚信建设', '加强法律顾问队伍建设', '开展法治督察', '健全行政执法协调监督工作体系', '推动行政争议实质性化解'];
const NAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = ['建华', '海涛', '晓明', '丽萍', '文博', '春雷', '秀英', '卫东', '红霞', '振宇'];

/** Decision states by age in days since the start: the open steps sit in the last months. */
const DECISION_MIX: [maxAge: number, states: [string, number][]][] = [
  [60, [['initiated', 25], ['planned', 35], ['comment', 40]]],
  [150, [['comment', 15], ['argumentation', 20], ['risk', 20], ['legality', 20], ['discussion', 15], ['decided', 10]]],
  [400, [['decided', 5], ['implementing', 70], ['suspended', 8], ['rejected', 7], ['evaluated', 10]]],
  [Infinity, [['implementing', 40], ['suspended', 4], ['evaluated', 16], ['closed', 30], ['stopped', 6], ['rejected', 4]]],
];
const ORDER = ['initiated', 'planned', 'comment', 'argumentation', 'risk', 'legality', 'discussion', 'decided', 'implementing', 'evaluated', 'closed'];

async function insertReturning(db: Kysely<any>, q: ReturnType<typeof sql>): Promise<number[]> {
  return ((await q.execute(db)).rows as { id: number }[]).map((r) => r.id);
}

export async function generateGovernance(
  s: Services,
  province: ProvinceResult,
  opts: { decisions: number; tasks: number; years: number[]; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<GovernanceResult> {
  const t0 = performance.now();
  const rnd = mulberry32(opts.seed + 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const todayN = parseIsoDate(s.today());
  const iso = (d: number | null) => (d == null ? null : formatDayNumber(d));
  const cal = await s.calendar.get();
  const region = province.province.code;
  const progressRule = await resolveRule(s.db, 'decision.progress_report_months', region, s.today());
  const progressDays = Number(progressRule.value);
  const progressUnit = deadlineUnitOf(progressRule.unit);
  const total = opts.decisions + opts.tasks;

  // Governments with their units: province, each city, each county.
  const govs: { id: number; name: string; region: string; units: number[] }[] = [];
  const orgRows = await s.db.selectFrom('orgs').select(['id', 'name', 'region_code', 'parent_id']).where('id', 'in', [...province.orgsByLevel.province, ...province.orgsByLevel.city, ...province.orgsByLevel.county]).execute();
  const childrenOf = (id: number) => orgRows.filter((o) => o.parent_id === id).map((o) => o.id);
  for (const id of [province.province.governmentId, ...province.cities.flatMap((c) => [c.governmentId, ...c.counties.map((k) => k.governmentId)])]) {
    const o = orgRows.find((r) => r.id === id)!;
    govs.push({ id, name: o.name, region: o.region_code, units: childrenOf(id).filter((c) => !province.cities.some((ci) => ci.governmentId === c) && !province.cities.some((ci) => ci.counties.some((k) => k.governmentId === c))) });
  }
  const deadlines: Record<string, unknown>[] = [];
  const status: Record<string, number> = {};
  let catalogues = 0;
  let items = 0;
  let decisionsDone = 0;

  await s.db.connection().execute(async (db) => {
    // ── catalogues and items: the decisions spread over governments (weighted to the province and cities) and years ──
    const perGov = govs.map((g, i) => (i === 0 ? 4 : province.cities.some((c) => c.governmentId === g.id) ? 2 : 1));
    const weightSum = perGov.reduce((a, b) => a + b, 0);
    type Plan = { gov: (typeof govs)[number]; year: number; n: number };
    const plansByCat: Plan[] = [];
    let assigned = 0;
    for (const [gi, g] of govs.entries()) {
      const nGov = gi === govs.length - 1 ? opts.decisions - assigned : Math.round((opts.decisions * perGov[gi]) / weightSum);
      assigned += nGov;
      for (const [yi, year] of opts.years.entries()) plansByCat.push({ gov: g, year, n: Math.floor(nGov / opts.years.length) + (yi < nGov % opts.years.length ? 1 : 0) });
    }
    const catRows = plansByCat.map((p) => ({ o: p.gov.id, g: p.gov.region, y: p.year, t: `${p.gov.name}${p.year}年度重大行政决策事项目录`, d: `${p.year}-03-31`, p: `${p.year}-01-${String(int(10, 31)).padStart(2, '0')}` }));
    const catIds = await insertReturning(db, sql`insert into decision_catalogues (org_id, region_code, year, title, status, due_on, published_on) select o, g, y, t, case when p <= ${s.today()} then 'published' else 'draft' end, d, case when p <= ${s.today()} then p end from json_to_recordset(${JSON.stringify(catRows)}::json) as x(o int, g text, y int, t text, d date, p date) returning id`);
    catalogues = catIds.length;

    type Dec = Record<string, unknown>;
    const decs: Dec[] = [];
    const itemRows: Record<string, unknown>[] = [];
    for (const [ci, p] of plansByCat.entries()) {
      for (let k = 0; k < p.n; k++) {
        const topic = `${TOPICS[k % TOPICS.length]}${k >= TOPICS.length ? `（第${Math.floor(k / TOPICS.length) + 1}批）` : ''}`;
        const title = `${p.gov.name.replace('人民政府', '')}${topic}${pick(KINDS)}`;
        const undertaking = p.gov.units.length ? pick(p.gov.units) : p.gov.id;
        const yStart = parseIsoDate(`${p.year}-01-01`);
        // Started from the published catalogue (published in January): after it, before today.
        const start = Math.min(todayN - 1, Math.max(parseIsoDate(catRows[ci].p) + 1, yStart + int(0, 330)));
        const hearing = rnd() < 0.3;
        itemRows.push({ c: catIds[ci], o: p.gov.id, t: title, b: p.gov.name, u: undertaking, s: iso(start), e: `${p.year}-12-31`, h: hearing, n: k + 1 });
        decs.push({ gov: p.gov, title, undertaking, start, hearing });
      }
    }
    const itemIds: number[] = [];
    for (let i = 0; i < itemRows.length; i += 2000) {
      itemIds.push(...(await insertReturning(db, sql`insert into decision_catalogue_items (catalogue_id, org_id, title, deciding_body, undertaking_org_id, planned_start, planned_end, hearing_required, legal_basis, sort_order) select c, o, t, b, u, s, e, h, '《重大行政决策程序暂行条例》', n from json_to_recordset(${JSON.stringify(itemRows.slice(i, i + 2000))}::json) as x(c int, o int, t text, b text, u int, s date, e date, h boolean, n int) returning id`)));
    }
    items = itemIds.length;

    // ── decisions, their instances and deadlines ──
    const n = decs.length;
    if (n) {
      const ids = (await sql<{ d: string; p: string }>`select nextval(pg_get_serial_sequence('decisions', 'id')) as d, nextval(pg_get_serial_sequence('procedure_instances', 'id')) as p`.execute(db)).rows[0];
      const d0 = Number(ids.d);
      const p0 = Number(ids.p);
      await sql`select setval(pg_get_serial_sequence('decisions', 'id'), ${d0 + n - 1}), setval(pg_get_serial_sequence('procedure_instances', 'id'), ${p0 + n - 1})`.execute(db);
      const rows: Record<string, unknown>[] = [];
      const picked = decs.map((d) => {
        const states = DECISION_MIX.find(([max]) => todayN - (d.start as number) < max)![1];
        let x = rnd() * states.reduce((a, [, w]) => a + w, 0);
        for (const [c, w] of states) if ((x -= w) < 0) return c;
        return states[states.length - 1][0];
      });
      // Deadlines in every status even at a small scale: one suspended decision at least (its progress deadline paused).
      if (!picked.includes('suspended') && picked.includes('implementing')) picked[picked.indexOf('implementing')] = 'suspended';
      for (const [i, d] of decs.entries()) {
        const id = d0 + i;
        const inst = p0 + i;
        const start = d.start as number;
        const age = todayN - start;
        const st = picked[i];
        const reached = (step: string) => (st === 'rejected' ? ORDER.indexOf(step) <= ORDER.indexOf('discussion') : st === 'suspended' || st === 'stopped' ? ORDER.indexOf(step) <= ORDER.indexOf('implementing') : ORDER.indexOf(st) >= ORDER.indexOf(step));
        // Step days, squeezed into the age.
        const nominal = { planned: 10, comment: 20, commentEnd: 55, risk: 75, review: 85, concluded: 100, decided: 110, published: 118, evaluated: 118 + 365, closed: 118 + 380 };
        const last = Math.max(1, { initiated: 1, planned: 10, comment: 20, argumentation: 56, risk: 75, legality: 85, discussion: 100, decided: 110, implementing: 118, suspended: 150, rejected: 110, evaluated: 483, closed: 498, stopped: 200 }[st]!);
        const k = last > age - 1 ? (age - 1) / last : 1;
        const at = (t: number) => start + Math.floor(t * k);
        status[st] = (status[st] ?? 0) + 1;
        const commentFrom = reached('comment') ? at(nominal.comment) : null;
        // A comment period of at least 30 days (条例 art. 15), ending after today while in it.
        const commentUntil = commentFrom != null ? (st === 'comment' ? Math.max(commentFrom + 30, Math.min(todayN + int(1, 20), commentFrom + 45)) : commentFrom + 30 + int(0, 5)) : null;
        const decided = reached('decided') || st === 'rejected' ? at(nominal.decided) : null;
        const published = reached('implementing') ? at(nominal.published) : null;
        const gov = d.gov as (typeof govs)[number];
        rows.push({
          id, inst, o: gov.id, g: gov.region, item: itemIds[i], t: d.title, b: gov.name, u: d.undertaking, h: d.hearing, st,
          plan: reached('planned') ? `${d.title}（草案）：明确目标任务、实施步骤、保障措施和责任分工。` : null,
          cf: iso(commentFrom), cu: iso(commentUntil),
          adopt: reached('argumentation') ? `共收到意见${int(3, 60)}条，已逐条研究并公布采纳情况。` : null,
          hearing: d.hearing && reached('argumentation') ? JSON.stringify({ heldOn: iso(commentFrom! + 15), participants: ['市民代表', '企业代表', '专家学者'], record: '听证会依法举行。' }) : null,
          risk: reached('legality') ? JSON.stringify({ overallLevel: 'low', passed: true, disposalPlan: '分步推进，设立舆情应对专班。', assessedOn: iso(at(nominal.risk)) }) : null,
          rs: reached('legality') ? iso(at(nominal.review)) : null,
          rc: reached('discussion') ? iso(at(nominal.concluded)) : null,
          rp: reached('discussion') ? true : null,
          ro: reached('discussion') ? '决策草案于法有据，程序合法。' : null,
          meeting: decided != null ? JSON.stringify({ meetingKind: 'executive', heldOn: iso(decided), headDecision: st === 'rejected' ? 'reject' : 'adopt' }) : null,
          dd: st === 'rejected' ? null : iso(decided), pub: iso(published),
          ex: published != null ? '公众意见、专家论证意见采纳情况见附件。' : null,
          ev: ['evaluated', 'closed'].includes(st) ? JSON.stringify({ conclusion: st === 'closed' ? 'continue' : pick(['continue', 'adjust']), evaluatedOn: iso(at(nominal.evaluated)) }) : null,
          cl: st === 'closed' || st === 'stopped' ? iso(at(last)) : null,
        });
        // Deadlines as the procedure starts them.
        if (commentFrom != null) {
          deadlines.push({ m: 'decisions', k: 'decisions.comment', t: `公开征求意见：${d.title}`, st: 'decision', s: String(id), i: inst, o: gov.id, g: gov.region, r: null, f: iso(commentFrom), n: commentUntil! - commentFrom, u: 'calendar', d: iso(commentUntil), ds: st === 'comment' ? 'open' : 'closed', c: st === 'comment' ? null : iso(commentUntil! + 1), ps: null });
        }
        if (published != null) {
          // The latest progress period: from publication or the last report.
          let from = published;
          let due = parseIsoDate(cal.add(formatDayNumber(from), progressDays, progressUnit).due);
          const overdue = rnd() < 0.15;
          while (due < todayN && !(overdue && st === 'implementing' && due > todayN - 60)) {
            from = due;
            due = parseIsoDate(cal.add(formatDayNumber(from), progressDays, progressUnit).due);
          }
          const open = st === 'implementing' || st === 'suspended';
          const ds = st === 'suspended' ? 'paused' : open ? 'open' : 'closed';
          deadlines.push({ m: 'decisions', k: 'decisions.progress', t: `报告决策执行情况：${d.title}`, st: 'decision', s: String(id), i: inst, o: gov.id, g: gov.region, r: progressRule.key, f: iso(from), n: progressDays, u: progressUnit, d: iso(due), ds, c: open ? null : iso(Math.min(todayN, from + 20)), ps: st === 'suspended' ? iso(Math.min(todayN, from + int(1, 30))) : null });
        }
      }
      for (let i = 0; i < rows.length; i += 2000) {
        const chunk = JSON.stringify(rows.slice(i, i + 2000));
        await sql`insert into procedure_instances (id, procedure, module, subject_type, subject_id, title, state, org_id, region_code) overriding system value
          select inst, 'decisions.decision', 'decisions', 'decision', id::text, t, st, o, g from json_to_recordset(${chunk}::json) as x(id int, inst int, t text, st text, o int, g text)`.execute(db);
        await sql`insert into decisions (id, org_id, region_code, catalogue_item_id, title, deciding_body, undertaking_org_id, hearing_required, status, instance_id, plan_text, comment_from, comment_until, adoption_summary, hearing, risk,
            review_submitted_on, review_concluded_on, review_passed, review_opinion, meeting, decided_on, published_on, explanation, evaluation, closed_on) overriding system value
          select id, o, g, item, t, b, u, h, st, inst, plan, cf, cu, adopt, hearing, risk, rs, rc, rp, ro, meeting, dd, pub, ex, ev, cl
          from json_to_recordset(${chunk}::json) as x(id int, inst int, o int, g text, item int, t text, b text, u int, h boolean, st text, plan text, cf date, cu date, adopt text, hearing jsonb, risk jsonb,
            rs date, rc date, rp boolean, ro text, meeting jsonb, dd date, pub date, ex text, ev jsonb, cl date)`.execute(db);
        decisionsDone += Math.min(2000, rows.length - i);
        opts.onProgress?.(decisionsDone, total);
      }
    }
  });

  // ── plans, nodes, tasks, milestones ──
  const taskStatus: Record<string, number> = {};
  let nodes = 0;
  let milestones = 0;
  let tasks = 0;
  const firstYear = opts.years[0];
  const lastYear = opts.years[opts.years.length - 1];
  const perGovTasks = govs.map((_, i) => Math.floor(opts.tasks / govs.length) + (i < opts.tasks % govs.length ? 1 : 0));
  await s.db.connection().execute(async (db) => {
    const planRows = govs.map((g) => ({ o: g.id, g: g.region, t: `${g.name.replace('人民政府', '')}法治政府建设实施方案（${firstYear}—${lastYear + 2}年）`, n: `${g.name.slice(0, 2)}政发〔${firstYear}〕${int(1, 30)}号`, i: g.name, sy: firstYear, ey: lastYear + 2, dd: `${lastYear + 2}-12-31`, p: `${firstYear}-02-${String(int(10, 28)).padStart(2, '0')}` }));
    const planIds = await insertReturning(db, sql`insert into plans (org_id, region_code, kind, title, doc_number, issuer, start_year, end_year, default_due_on, status, published_on, source, measure_count)
      select o, g, 'implementation', t, n, i, sy, ey, dd, 'published', p, 'text', ${AREAS.length * 2} from json_to_recordset(${JSON.stringify(planRows)}::json) as x(o int, g text, t text, n text, i text, sy int, ey int, dd date, p date) returning id`);
    for (const [gi, g] of govs.entries()) {
      const planId = planIds[gi];
      const areaIds = await insertReturning(db, sql`insert into plan_nodes (plan_id, org_id, parent_id, kind, number, title, body, sort_order)
        select ${planId}, ${g.id}, null, 'area', n, t, t, s from json_to_recordset(${JSON.stringify(AREAS.map((t, i) => ({ n: `（${'一二三四五六七'[i]}）`, t, s: i * 3 })))}::json) as x(n text, t text, s int) returning id`);
      const measures = AREAS.flatMap((_, ai) => [0, 1].map((m) => ({ p: areaIds[ai], n: `${ai * 2 + m + 1}.`, t: MEASURES[(ai * 2 + m) % MEASURES.length], s: ai * 3 + m + 1 })));
      const measureIds = await insertReturning(db, sql`insert into plan_nodes (plan_id, org_id, parent_id, kind, number, title, body, sort_order)
        select ${planId}, ${g.id}, p, 'measure', n, t, t || '。', s from json_to_recordset(${JSON.stringify(measures)}::json) as x(p int, n text, t text, s int) returning id`);
      nodes += areaIds.length + measureIds.length;
      const units = g.units.length ? g.units : [g.id];
      const taskRows: Record<string, unknown>[] = [];
      for (let k = 0; k < perGovTasks[gi]; k++) {
        const mi = k % measureIds.length;
        const lead = units[k % units.length];
        const co = units.length > 2 && rnd() < 0.5 ? [units[(k + 1) % units.length]] : [];
        const year = opts.years[k % opts.years.length];
        const yEnd = parseIsoDate(`${year}-12-31`);
        const created = parseIsoDate(`${year}-03-01`);
        const due = rnd() < 0.6 ? yEnd : Math.min(yEnd, created + int(60, 280));
        let st: string;
        let completed: number | null = null;
        if (due < todayN) {
          const r = rnd();
          st = r < 0.85 ? 'completed' : r < 0.9 ? 'cancelled' : 'open';
          if (st === 'completed') completed = Math.min(todayN, rnd() < 0.9 ? due - int(0, 40) : due + int(1, 30));
        } else {
          const r = rnd();
          st = r < 0.35 ? 'completed' : r < 0.37 ? 'cancelled' : 'open';
          if (st === 'completed') completed = Math.min(todayN, created + int(20, Math.max(21, todayN - created)));
        }
        if (gi === 0 && k === 1) {
          st = 'cancelled'; // one cancelled task at least, at any scale
          completed = null;
        }
        // Start of the deadline: tasks.ts starts on the creation day (or the due day when that is earlier).
        const start = Math.min(created, due);
        taskStatus[st] = (taskStatus[st] ?? 0) + 1;
        taskRows.push({
          p: planId, nd: measureIds[mi], o: lead, g: g.region, t: `${MEASURES[mi % MEASURES.length]}：${year}年度任务${k + 1}`, co, who: `${pick(NAMES)}${pick(GIVEN)}`, dl: `${year}年度${MEASURES[mi % MEASURES.length]}工作总结`, y: year, d: iso(due), st,
          c: iso(completed), cn: st === 'completed' ? '已按期完成并报送佐证材料。' : null, cr: st === 'cancelled' ? '因机构改革职能调整，任务取消。' : null, f: iso(start), ca: iso(created),
          m1: iso(Math.min(due, start + Math.floor((due - start) / 2))), m1d: st === 'completed' || (st === 'open' && rnd() < 0.5) ? iso(Math.min(todayN, start + Math.floor((due - start) / 2))) : null,
        });
      }
      for (let i = 0; i < taskRows.length; i += 2000) {
        const chunk = taskRows.slice(i, i + 2000);
        await insertTaskRows(db, chunk as unknown as TaskRow[], s.today());
        milestones += 2 * chunk.length;
        tasks += chunk.length;
        opts.onProgress?.(decisionsDone + tasks, total);
      }
    }
  });
  // Decision deadlines (the task deadlines went in with their tasks).
  for (let i = 0; i < deadlines.length; i += 2000) {
    await sql`insert into deadlines (module, kind, title, subject_type, subject_id, instance_id, org_id, region_code, rule_key, start_date, days, unit, due_date, status, paused_since, closed_at, close_reason, created_at)
      select m, k, t, st, s, i, o, g, r, f, n, u, d, ds, ps, c + time '17:00', case when ds = 'closed' then '步骤完成' end, f + time '09:00'
      from json_to_recordset(${JSON.stringify(deadlines.slice(i, i + 2000))}::json) as x(m text, k text, t text, st text, s text, i int, o int, g text, r text, f date, n int, u text, d date, ds text, ps date, c date)`.execute(s.db);
  }
  for (const t of ['decisions', 'decision_catalogues', 'decision_catalogue_items', 'plans', 'plan_nodes', 'plan_tasks', 'plan_milestones', 'deadlines', 'procedure_instances']) await sql`analyze ${sql.table(t)}`.execute(s.db);
  return { catalogues, items, decisions: decisionsDone, decisionStatus: status, plans: govs.length, nodes, tasks, milestones, taskStatus, deadlines: deadlines.length + tasks, seconds: (performance.now() - t0) / 1000 };
}

/** A generated plan task: what insertTask is given, with its state and days. */
export interface TaskRow {
  /** Plan, measure node, lead unit and its region. */
  p: number;
  nd: number;
  o: number;
  g: string;
  t: string;
  co: number[];
  /** Responsible person, deliverable, year, day due. */
  who: string;
  dl: string;
  y: number | null;
  d: string;
  st: 'open' | 'completed' | 'cancelled';
  /** Completed on, completion note, cancel reason. */
  c: string | null;
  cn: string | null;
  cr: string | null;
  /** Start of its deadline, created on. */
  f: string;
  ca: string;
  /** The first milestone's day and when it was done. */
  m1: string;
  m1d: string | null;
}

/**
 * Tasks in bulk as tasks.ts's insertTask writes them (task, its milestones '阶段性成果' and
 * '全面完成', its `plans.task` deadline of calendar days to the day due), plus their state;
 * ids reserved, so tasks, deadlines and milestones refer to each other without reading back.
 */
export async function insertTaskRows(db: Kysely<any>, chunk: TaskRow[], today: string) {
  const ids = (await sql<{ t: number; d: number }>`select nextval(pg_get_serial_sequence('plan_tasks', 'id'))::int as t, nextval(pg_get_serial_sequence('deadlines', 'id'))::int as d from generate_series(1, ${chunk.length})`.execute(db)).rows;
  const withIds = chunk.map((r, j) => ({ ...r, id: ids[j].t, dl_id: ids[j].d }));
  const json = JSON.stringify(withIds);
  await sql`insert into deadlines (id, module, kind, title, subject_type, subject_id, org_id, region_code, start_date, days, unit, due_date, status, closed_at, close_reason, created_at) overriding system value
    select dl_id, 'plans', 'plans.task', '规划任务：' || t, 'plan_task', id::text, o, g, f, d - f, 'calendar', d, case when st = 'open' then 'open' else 'closed' end,
      case when st = 'completed' then c + time '17:00' when st = 'cancelled' then least(d, ${today}::date) + time '17:00' end,
      case when st = 'completed' then '任务完成' when st = 'cancelled' then '任务取消' end, ca + time '09:00'
    from json_to_recordset(${json}::json) as x(id int, dl_id int, o int, g text, t text, f date, d date, st text, c date, ca date)`.execute(db);
  await sql`insert into plan_tasks (id, plan_id, node_id, org_id, region_code, title, co_org_ids, responsible_name, deliverable, year, due_on, status, completed_on, completion_note, cancel_reason, deadline_id, created_at, updated_at) overriding system value
    select id, p, nd, o, g, t, co, who, dl, y, d, st, c, cn, cr, dl_id, ca + time '09:00', coalesce(c, ca) + time '17:00'
    from json_to_recordset(${json}::json) as x(id int, dl_id int, p int, nd int, o int, g text, t text, co int[], who text, dl text, y int, d date, st text, c date, cn text, cr text, ca date)`.execute(db);
  await sql`insert into plan_milestones (task_id, org_id, title, due_on, done_on, sort_order)
    select id, o, '阶段性成果', m1, m1d, 1 from json_to_recordset(${json}::json) as x(id int, o int, m1 date, m1d date)
    union all select id, o, '全面完成', d, c, 2 from json_to_recordset(${json}::json) as x(id int, o int, d date, c date)`.execute(db);
  return withIds.map((r) => r.id);
}
