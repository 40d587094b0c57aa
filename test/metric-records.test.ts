import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type RawBuilder } from 'kysely';
import { kinds, makeEnv, orgId, type TestEnv } from './helpers.ts';
import { openParty, type SealedParty } from '../src/core/crypto/personal.ts';
import type { MetricRecordRow, MetricScope } from '../src/core/metrics/types.ts';

const DAY = 86_400_000;

/**
 * Every registered metric's records add up to its value, for any scope (DESIGN.md §4.7,
 * drill-down): a rate has one row per item of its denominator and counts its numerator; a
 * count counts its value; an average has one row per item and its counted rows' scores
 * ('得分 N' in the note) average to the value.
 */
describe.each(kinds)('metric records on %s', (kind) => {
  let env: TestEnv;
  const scopes: { name: string; scope: MetricScope }[] = [];
  let privateWords: string[] = [];

  beforeAll(async () => {
    env = await makeEnv(kind);
    const db = env.s.db;
    const today = env.s.today();
    const ago = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
    const one = async <T>(q: RawBuilder<T>) => (await q.execute(db)).rows[0];
    const samr = await orgId(env.s, '演示市市场监督管理局');
    const legalOffice = await orgId(env.s, '演示市司法局');

    // The demo has no inspections, errors, evaluations, cleanups, suggestions nor expired
    // documents: a few rows of each, so that every metric has records to add up.
    const officers = (await sql<{ id: number }>`select id from enforcement_officers where org_id = ${samr} and kind = 'officer' order by id`.execute(db)).rows.map((r) => r.id);
    const cases = (await sql<{ id: number }>`select id from enforcement_cases where org_id = ${samr} order by id`.execute(db)).rows.map((r) => r.id);
    const power = await one(sql<{ id: number }>`select id from enforcement_powers where org_id = ${samr} order by id limit 1`);
    await sql`insert into enforcement_inspections (org_id, region_code, power_id, target_name, matter, planned_on, approval_required, approved_on, officer_ids, inspected_on, status)
      values (${samr}, '990100', ${power.id}, '演示检查对象甲', '价格检查', ${ago(9)}, true, ${ago(8)}, ${sql.val(officers.slice(0, 2))}::int[], ${ago(7)}, 'done'),
             (${samr}, '990100', null, '演示检查对象乙', '价格检查', ${ago(9)}, true, null, ${sql.val(officers.slice(0, 1))}::int[], ${ago(6)}, 'done')`.execute(db);
    await sql`insert into enforcement_errors (org_id, region_code, officer_id, case_id, situation, description, found_on, liability, points)
      values (${samr}, '990100', ${officers[0]}, ${cases[0]}, 'delay', '拖延履行', ${ago(3)}, '批评教育', 2)`.execute(db);
    const ev = await one(sql<{ a: number; b: number }>`with a as (insert into enforcement_evaluations (org_id, region_code, name, year, sheet, status, published_on) values (${legalOffice}, '990100', '演示年度案卷评查', 2026, '{}', 'published', ${ago(2)}) returning id),
      b as (insert into enforcement_evaluations (org_id, region_code, name, year, sheet, status, published_on) values (${legalOffice}, '990100', '演示专项案卷评查', 2026, '{}', 'published', ${ago(1)}) returning id)
      select (select id from a) as a, (select id from b) as b`);
    await sql`insert into enforcement_evaluation_items (evaluation_id, case_id, case_org_id, total) values (${ev.a}, ${cases[0]}, ${samr}, 88.5), (${ev.a}, ${cases[1]}, ${samr}, 91), (${ev.b}, ${cases[1]}, ${samr}, null)`.execute(db);

    await sql`update enforcement_cases set review_reasons = '{fine_over_threshold}' where decided_on is not null`.execute(db);
    await sql`insert into enforcement_reviews (case_id, org_id, outcome, checklist) select id, org_id, 'pass', '{}' from enforcement_cases where decided_on is not null`.execute(db);
    await sql`insert into deadlines (module, kind, title, subject_type, subject_id, org_id, region_code, start_date, days, unit, due_date, status, closed_at)
      values ('core', 'core.test', '按期办结的事项', 'test', '1', ${samr}, '990100', ${ago(20)}, 10, 'calendar', ${ago(10)}, 'closed', ${`${ago(11)}T09:00:00+08:00`}),
             ('core', 'core.test', '逾期办结的事项', 'test', '2', ${samr}, '990100', ${ago(20)}, 10, 'calendar', ${ago(10)}, 'closed', ${`${ago(8)}T09:00:00+08:00`})`.execute(db);

    await sql`insert into normative_cleanups (org_id, region_code, name, due_on, status, published_on) values (${samr}, '990100', '演示专项清理（逾期）', ${ago(10)}, 'published', ${ago(8)}), (${samr}, '990100', '演示专项清理（未完成）', ${ago(5)}, 'open', null)`.execute(db);
    const doc = await one(sql<{ id: number }>`select id from normative_documents where published_on is not null order by id limit 1`);
    const dl = await one(sql<{ id: number }>`insert into deadlines (module, kind, title, subject_type, subject_id, org_id, region_code, start_date, days, unit, due_date) values ('normative', 'normative.suggestion', '答复审查建议', 'normative_suggestion', '0', ${legalOffice}, '990100', ${ago(20)}, 15, 'calendar', ${ago(5)}) returning id`);
    await sql`insert into normative_suggestions (tracking_code, document_id, org_id, region_code, name, content, deadline_id, status, answered_at) values ('TEST-0001', ${doc.id}, ${legalOffice}, '990100', '李建民', '建议审查第三条', ${dl.id}, 'answered', ${`${ago(7)}T10:00:00+08:00`}), ('TEST-0002', ${doc.id}, ${legalOffice}, '990100', '王秀英', '建议审查第二条', ${dl.id}, 'received', null)`.execute(db);
    const expiring = (await sql<{ id: number; org_id: number }>`select id, org_id from normative_documents where published_on is not null order by id limit 2`.execute(db)).rows;
    await sql`update normative_documents set status = 'expired', expires_on = ${ago(1)} where id = any(${sql.val(expiring.map((d) => d.id))}::int[])`.execute(db);
    await sql`insert into normative_evaluations (document_id, org_id, conclusion, report, evaluated_on) values (${expiring[0].id}, ${expiring[0].org_id}, 'continue', '评估报告', ${ago(30)})`.execute(db);

    // ── supervision: the demo issues no 督办 ──
    const supervised = (await sql<{ id: number; org_id: number }>`select id, org_id from deadlines where status = 'open' and org_id = ${samr} order by id limit 1`.execute(db)).rows[0];
    const closedOne = (await sql<{ id: number }>`select id from deadlines where title = '按期办结的事项'`.execute(db)).rows[0];
    const issuer = (await sql<{ id: number }>`select id from users where username = 'legal'`.execute(db)).rows[0].id;
    await sql`insert into supervision_notices (deadline_id, level, org_id, region_code, to_user_id, issued_by, message, issued_at)
      values (${supervised.id}, 'reminder', ${samr}, '990100', ${issuer}, ${issuer}, '请抓紧办理', ${`${ago(3)}T09:00:00+08:00`}), (${closedOne.id}, 'notice', ${samr}, '990100', ${issuer}, ${issuer}, '请说明逾期原因', ${`${ago(15)}T09:00:00+08:00`})`.execute(db);

    // ── plans (issue 7): the demo has no accountability case ──
    await sql`insert into accountability_cases (org_id, region_code, subject_org_id, person_name, trigger, summary, filed_on, status, investigation_due_on, notified_on)
      values (${legalOffice}, '990100', ${samr}, '某科长', 'complaint', '投诉处理超期', ${ago(40)}, 'hearing', ${ago(5)}, ${ago(6)}), (${legalOffice}, '990100', ${samr}, '某科员', 'other', '审计建议问责', ${ago(40)}, 'investigation', ${ago(2)}, null)`.execute(db);

    // ── decisions (issue 6): the demo has no evaluated decision nor a decided one that needed a hearing ──
    const gov = await orgId(env.s, '演示市人民政府');
    const undertaking = await orgId(env.s, '演示市发展和改革委员会');
    await sql`insert into decisions (org_id, region_code, no_catalogue_reason, title, deciding_body, undertaking_org_id, hearing_required, status, hearing, decided_on, published_on, evaluation)
      values (${gov}, '990100', '演示：依法应当听证', '演示听证并评估后调整的决策', '演示市人民政府常务会议', ${undertaking}, true, 'evaluated',
              ${JSON.stringify({ heldOn: ago(60), participants: [{ name: '代表', sector: '居民代表' }], record: '笔录' })}::jsonb, ${ago(40)}, ${ago(39)}, ${JSON.stringify({ conclusion: 'adjust', evaluatedOn: ago(2) })}::jsonb),
             (${gov}, '990100', '演示：依法应当听证', '演示未举行听证的决策', '演示市人民政府常务会议', ${undertaking}, true, 'decided', null, ${ago(30)}, null, null)`.execute(db);
    // ── end decisions ──

    // What no label may show: the parties' names and ID numbers, officers' and suggesters' names.
    const parties = (await sql<SealedParty>`select party_kind, party_name_enc, party_name_masked, party_id_enc, party_id_masked, party_address_enc, party_address_masked from enforcement_cases`.execute(db)).rows.map((r) => openParty(env.s.pii, r));
    const names = (await sql<{ name: string }>`select name from enforcement_officers union all select name from normative_suggestions`.execute(db)).rows.map((r) => r.name);
    privateWords = [...parties.flatMap((p) => [p.name, p.idNumber ?? '']), ...names].filter(Boolean);
    expect(privateWords).toContain('张小明');

    const subtree = async (name: string) => (await sql<{ id: number }>`select id from orgs where path like (select path from orgs where name = ${name}) || '%'`.execute(db)).rows.map((r) => r.id);
    const year = Number(today.slice(0, 4));
    const periods = [
      { name: 'covering the demo', from: `${year - 10}-01-01`, to: `${year + 10}-12-31` },
      { name: 'this year to date', from: `${year}-01-01`, to: today },
      { name: 'empty', from: '1990-01-01', to: '1990-12-31' },
    ];
    const orgScopes = [
      { name: 'city', orgIds: await subtree('演示市人民政府') },
      { name: 'samr', orgIds: await subtree('演示市市场监督管理局') },
      { name: 'district', orgIds: await subtree('东湖区人民政府') },
      { name: 'none', orgIds: [] },
    ];
    for (const o of orgScopes) for (const p of periods) scopes.push({ name: `${o.name} ${p.name}`, scope: { orgIds: o.orgIds, from: p.from, to: p.to } });
  });
  afterAll(async () => env?.close());

  it('adds every metric’s records up to its value, for every scope', async () => {
    const db = env.s.db;
    const withRows = new Set<string>();
    for (const m of env.s.registry.metrics.values()) {
      expect(m.recordType, m.code).toMatch(/^[a-z_]+$/);
      if (m.recordPath) expect(m.recordPath, m.code).toMatch(/^\/[a-z/-]+\/:id$/);
      for (const { name, scope } of scopes) {
        const at = `${m.code} (${name})`;
        const rows: MetricRecordRow[] = (await m.records(scope).execute(db)).rows;
        const value = await m.compute(db, scope).catch((err: { code?: string }) => {
          // No requirement in force (the training rule starts in 2000): the value is refused, the records say so.
          expect(err.code, at).toBe('rule_param_missing');
          expect(rows.every((r) => !r.counted && r.note?.includes('未配置')), at).toBe(true);
          return null;
        });
        if (!value) continue;
        // Usable as a subquery, as the round freezing its records uses it.
        const { n } = (await sql<{ n: number }>`select count(*)::int as n from (${m.records(scope)}) r`.execute(db)).rows[0];
        expect(n, at).toBe(rows.length);
        for (const r of rows) {
          expect(Object.keys(r).sort(), at).toEqual(['counted', 'entity_id', 'label', 'note', 'on_date', 'org_id']);
          expect(Number.isInteger(r.entity_id), at).toBe(true);
          // The organisation of each record is one of the scope: rounds group records by it.
          expect(scope.orgIds, at).toContain(r.org_id);
          expect(typeof r.counted, at).toBe('boolean');
          expect(r.label, at).toMatch(/\S/);
          if (r.on_date !== null) expect(r.on_date, at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (r.note !== null) expect(typeof r.note, at).toBe('string');
          for (const w of privateWords) expect(r.label, `${at}: label "${r.label}"`).not.toContain(w);
        }
        const counted = rows.filter((r) => r.counted);
        if (rows.length) withRows.add(m.code);
        if (m.unit === 'percent') {
          expect(rows.length, at).toBe(value.denominator);
          expect(counted.length, at).toBe(value.numerator);
          expect(value.value, at).toBe(rows.length ? Math.round((counted.length / rows.length) * 10000) / 100 : null);
        } else if (value.denominator !== undefined) {
          // An average: one row per item, the counted ones averaged.
          expect(rows.length, at).toBe(value.denominator);
          const scores = counted.map((r) => Number(/得分 ([\d.]+)/.exec(r.note ?? '')?.[1]));
          if (!rows.length) expect(value.value, at).toBeNull();
          else expect(Math.abs(scores.reduce((a, b) => a + b, 0) / scores.length - value.value!), at).toBeLessThanOrEqual(0.05 + 1e-9);
        } else {
          expect(counted.length, at).toBe(value.value);
        }
      }
    }
    // The data above gives every metric some records in one scope at least.
    expect([...env.s.registry.metrics.keys()].filter((c) => !withRows.has(c))).toEqual([]);
  });

  it('reads the averaged scores and the counted rows as the data says', async () => {
    const db = env.s.db;
    const scope = scopes.find((s) => s.name === 'samr covering the demo')!.scope;
    const avg = env.s.registry.metrics.get('enforcement.casefile_score_avg')!;
    expect(await avg.compute(db, scope)).toEqual({ value: 89.8, denominator: 3 });
    const inspections = (await env.s.registry.metrics.get('enforcement.inspection_compliance')!.records(scope).execute(db)).rows;
    expect(inspections.map((r) => [r.counted, r.note]).sort()).toEqual([[false, '须经批准而未批准，执法人员不足两名'], [true, '程序规范']]);
    const expired = (await env.s.registry.metrics.get('normative.expired_unevaluated')!.records(scopes.find((s) => s.name === 'city covering the demo')!.scope).execute(db)).rows;
    expect(expired.map((r) => r.counted).sort()).toEqual([false, true]);
    const suggestions = (await env.s.registry.metrics.get('normative.suggestions_answered_on_time')!.records(scopes.find((s) => s.name === 'city covering the demo')!.scope).execute(db)).rows;
    expect(suggestions.map((r) => [r.counted, r.note])).toEqual(expect.arrayContaining([[true, expect.stringMatching(/^按期答复（\d{4}-\d{2}-\d{2}）$/)], [false, '未答复']]));
    expect(suggestions).toHaveLength(2);
    const closed = (await env.s.registry.metrics.get('core.deadline_on_time_rate')!.records(scope).execute(db)).rows;
    // The two deadlines made above (the demo's own, e.g. plan tasks of the bureau, count as well).
    expect(closed.filter((r) => r.label.endsWith('办结的事项')).map((r) => [r.label, r.counted, r.note]).sort()).toEqual([['按期办结的事项', true, expect.stringMatching(/^按期办结（届满日 /)], ['逾期办结的事项', false, '逾期 2 日办结']]);
  });

  it('holds the officers to the training hours required in their region', async () => {
    const db = env.s.db;
    const scope = scopes.find((s) => s.name === 'samr this year to date')!.scope;
    const training = env.s.registry.metrics.get('enforcement.training_compliance')!;
    const reached = async () => (await training.records(scope).execute(db)).rows.filter((r) => r.counted).map((r) => r.note);
    expect(await reached()).toEqual(['42.0 / 40 学时']);
    // A city rule of 20 hours prevails over the national 40 (the most specific jurisdiction).
    await sql`insert into rule_params (key, name, value, unit, jurisdiction, effective_from, basis_law) values ('training.annual_hours', '行政执法人员年度培训学时', '20', 'hours', '990100', '2000-01-01', '演示市规定')`.execute(db);
    expect((await reached()).sort()).toEqual(['24.0 / 20 学时', '42.0 / 20 学时']);
    expect(await training.compute(db, scope)).toMatchObject({ numerator: 2 });
  });

  it('lists the metrics with their record type and page, without their functions', async () => {
    const legal = await env.login('legal');
    const res = await legal.get('/api/metrics');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as Record<string, unknown>[];
    expect(list.length).toBe(env.s.registry.metrics.size);
    for (const m of list) {
      expect(m).not.toHaveProperty('compute');
      expect(m).not.toHaveProperty('records');
      expect(typeof m.recordType).toBe('string');
    }
    expect(list.find((m) => m.code === 'normative.filing_on_time_rate')).toMatchObject({ recordType: 'normative_document', recordPath: '/normative/:id' });
    expect(list.find((m) => m.code === 'core.overdue_open_count')).not.toHaveProperty('recordPath');
  });
});
