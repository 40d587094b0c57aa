import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { refused, ok, kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

/** 重大行政决策, first increment: catalogues, legal advisers, the expert pool and drawing. */
describe.each(kinds)('decisions: registers on %s', (kind) => {
  let env: TestEnv;
  let legal: Client;
  let leader: Client;
  let countyLegal: Client;
  let staff: Client;
  let gov: number;
  let ndrc: number;
  let edu: number;
  let year: number;

  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(env.s.db)).rows[0].n);
  const audits = async (action: string) => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(env.s.db)).rows[0].n);

  beforeAll(async () => {
    env = await makeEnv(kind);
    [legal, leader, countyLegal, staff] = await Promise.all(['legal', 'leader', 'county_legal', 'staff'].map((u) => env.login(u)));
    gov = await orgId(env.s, '演示市人民政府');
    ndrc = await orgId(env.s, '演示市发展和改革委员会');
    edu = await orgId(env.s, '演示市教育局');
    year = Number(env.s.today().slice(0, 4)) + 1;
  });
  afterAll(async () => env?.close());

  describe('decision and hearing catalogues', () => {
    let catalogue: any;
    const item = (title: string, over: Record<string, unknown> = {}) => ({ title, decidingBody: '演示市人民政府常务会议', undertakingOrgId: ndrc, plannedStart: `${year}-04-01`, plannedEnd: `${year}-09-30`, ...over });

    it('creates a yearly catalogue whose publication is a supervised deadline, once per year', async () => {
      catalogue = ok(await legal.post('/api/decisions/catalogues', { orgId: gov, year }));
      expect(catalogue).toMatchObject({ status: 'draft', year, due_on: `${year}-03-31` });
      const detail = ok(await legal.get(`/api/decisions/catalogues/${catalogue.id}`));
      expect(detail.deadline).toMatchObject({ due_date: `${year}-03-31`, status: 'open' });
      expect(detail.abilities).toMatchObject({ edit: true, publish: true });
      refused(await legal.post('/api/decisions/catalogues', { orgId: gov, year }), 409, 'catalogue_exists');
      expect(await audits('decisions.catalogue.create')).toBe(1);
    });

    it('adds items and refuses a duplicate title and bad dates, writing nothing', async () => {
      ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('调整居民生活用水价格', { hearingRequired: true, legalBasis: '价格法第二十三条' })));
      ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('义务教育学校布局调整', { undertakingOrgId: edu })));
      const before = await count('decision_catalogue_items');
      const dup = refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('调整居民生活用水价格')), 409, 'duplicate_catalogue_item');
      expect(dup.detail).toContain('同名事项');
      expect(dup.field).toBe('title');
      refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('某项新的决策事项', { plannedEnd: `${year}-01-01` })), 400, 'dates_out_of_order');
      expect((await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('某项新的决策事项', { plannedStart: `${year}-02-30` }))).statusCode).toBe(400);
      expect(await count('decision_catalogue_items')).toBe(before);
    });

    it('keeps the catalogue from users outside the scope and without the permission', async () => {
      refused(await countyLegal.get(`/api/decisions/catalogues/${catalogue.id}`), 404, 'not_found');
      refused(await countyLegal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('越权增列的事项')), 404, 'not_found');
      refused(await countyLegal.post('/api/decisions/catalogues', { orgId: gov, year: year + 1 }), 404, 'not_found');
      expect((await countyLegal.get('/api/decisions/catalogues')).json().map((c: any) => c.id)).not.toContain(catalogue.id);
      expect((await staff.get('/api/decisions/catalogues')).statusCode).toBe(403);
      const seen = ok(await leader.get(`/api/decisions/catalogues/${catalogue.id}`));
      expect(seen.abilities.edit).toBe(false);
      expect((await leader.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('领导增列的事项'))).statusCode).toBe(403);
    });

    it('shows only published catalogues on the portal', async () => {
      refused(await env.anon.get(`/api/public/decisions/catalogues/${catalogue.id}`), 404, 'not_found');
      const list = ok(await env.anon.get('/api/public/decisions/catalogues'));
      expect(list.map((c: any) => c.id)).not.toContain(catalogue.id);
      expect(list.length).toBeGreaterThan(0); // the demo city's current catalogue
      expect(ok(await env.anon.get('/api/public/decisions/hearings')).every((h: any) => h.year !== year)).toBe(true);
    });

    it('publishes (with the version), closes the deadline and freezes the catalogue', async () => {
      refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: 99 }), 409, 'stale_version');
      refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: 1, publishedOn: `${year + 1}-01-01` }), 400, 'date_in_future');
      const pub = ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: 1 }));
      expect(pub).toMatchObject({ status: 'published', published_on: env.s.today(), on_time: true });
      const detail = ok(await legal.get(`/api/decisions/catalogues/${catalogue.id}`));
      expect(detail.deadline.status).toBe('closed');
      refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/publish`, { version: 2 }), 409, 'catalogue_published');

      const pubView = ok(await env.anon.get(`/api/public/decisions/catalogues/${catalogue.id}`));
      expect(pubView.items.map((i: any) => i.title)).toEqual(['调整居民生活用水价格', '义务教育学校布局调整']);
      expect(pubView.hearing_items.map((i: any) => i.title)).toEqual(['调整居民生活用水价格']);
      expect(pubView.items[0].undertaking_org_name).toBe('演示市发展和改革委员会');
      const hearings = ok(await env.anon.get(`/api/public/decisions/hearings?year=${year}`));
      expect(hearings.map((h: any) => h.title)).toEqual(['调整居民生活用水价格']);
    });

    it('refuses a change to the published catalogue without an amendment reason; with one, records the amendment', async () => {
      const detail = ok(await legal.get(`/api/decisions/catalogues/${catalogue.id}`));
      const water = detail.items.find((i: any) => i.title === '调整居民生活用水价格');
      const school = detail.items.find((i: any) => i.title === '义务教育学校布局调整');
      const frozen = refused(await legal.patch(`/api/decisions/catalogue-items/${water.id}`, { version: water.version, plannedEnd: `${year}-12-31` }), 409, 'catalogue_published');
      expect(frozen.basis.article).toBe('第三条第三款');
      refused(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('城市停车收费标准调整')), 409, 'catalogue_published');
      refused(await legal.post(`/api/decisions/catalogue-items/${school.id}/remove`, {}), 409, 'catalogue_published');
      expect(await count('decision_catalogue_amendments')).toBe(0);
      expect(ok(await legal.get(`/api/decisions/catalogues/${catalogue.id}`)).items.find((i: any) => i.id === water.id).version).toBe(water.version);

      const changed = ok(await legal.patch(`/api/decisions/catalogue-items/${water.id}`, { version: water.version, plannedEnd: `${year}-12-31`, amendmentReason: '成本监审延期，计划完成时间顺延' }));
      expect(changed.planned_end).toBe(`${year}-12-31`);
      ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('城市停车收费标准调整', { amendmentReason: '市政府常务会议决定增列' })));
      ok(await legal.post(`/api/decisions/catalogue-items/${school.id}/remove`, { amendmentReason: '经评估不属于重大行政决策事项' }));
      refused(await legal.patch(`/api/decisions/catalogue-items/${school.id}`, { version: school.version, notes: '已移出', amendmentReason: '补充说明' }), 409, 'item_removed');

      const pubView = ok(await env.anon.get(`/api/public/decisions/catalogues/${catalogue.id}`));
      expect(pubView.items.map((i: any) => i.title)).toEqual(['调整居民生活用水价格', '城市停车收费标准调整']);
      expect(pubView.amendments.map((a: any) => [a.kind, a.item_title])).toEqual([
        ['change', '调整居民生活用水价格'],
        ['add', '城市停车收费标准调整'],
        ['remove', '义务教育学校布局调整'],
      ]);
      expect(pubView.amendments[2].reason).toBe('经评估不属于重大行政决策事项');
      expect(await audits('decisions.catalogue.amend.remove')).toBe(1);
      // A removed title may come back, as a new amendment.
      ok(await legal.post(`/api/decisions/catalogues/${catalogue.id}/items`, item('义务教育学校布局调整', { undertakingOrgId: edu, amendmentReason: '重新列入' })));
    });

    it('refuses to publish an empty catalogue', async () => {
      const empty = ok(await legal.post('/api/decisions/catalogues', { orgId: ndrc, year }));
      refused(await legal.post(`/api/decisions/catalogues/${empty.id}/publish`, { version: 1 }), 409, 'catalogue_empty');
      expect(ok(await legal.get(`/api/decisions/catalogues/${empty.id}`)).status).toBe('draft');
    });
  });

  describe('legal advisers', () => {
    it('lists the advisers with masked contact and shows the plain contact only to the office', async () => {
      const list = ok(await legal.get(`/api/decisions/advisers?orgId=${gov}`));
      expect(list.map((a: any) => a.name)).toEqual(expect.arrayContaining(['刘律明', '何清', '林学文']));
      expect(JSON.stringify(list)).not.toContain('13900000102');
      expect(list.find((a: any) => a.name === '何清').contact_masked).toBe('139****0102');
      const he = list.find((a: any) => a.name === '何清');
      expect(ok(await legal.get(`/api/decisions/advisers/${he.id}`)).contact).toBe('13900000102');
      const seen = ok(await leader.get(`/api/decisions/advisers/${he.id}`));
      expect(seen.contact).toBe('139****0102');
      expect(seen.opinions.length).toBe(1);
    });

    it('records engagements and opinions; an opinion outside any engagement is refused', async () => {
      refused(await legal.post('/api/decisions/advisers', { orgId: gov, name: '韩律', kind: 'external', profession: 'lawyer', affiliation: '公正律师事务所', contact: '1234567890' }), 400, 'invalid_phone');
      const a = ok(await legal.post('/api/decisions/advisers', { orgId: gov, name: '韩律', kind: 'external', profession: 'lawyer', affiliation: '公正律师事务所', fields: ['政府合同'], contact: '13912345678' }));
      expect(JSON.stringify(a)).not.toContain('13912345678');
      const today = env.s.today();
      const opinion = { subjectType: 'decision', subjectId: 'W-1', subjectTitle: '调整居民生活用水价格', opinion: '建议依法举行价格听证并开展成本监审。', givenOn: today };
      const before = await count('decision_adviser_opinions');
      refused(await legal.post(`/api/decisions/advisers/${a.id}/opinions`, opinion), 409, 'adviser_not_engaged');
      ok(await legal.post(`/api/decisions/advisers/${a.id}/engagements`, { startOn: `${today.slice(0, 4)}-01-01`, endOn: `${today.slice(0, 4)}-12-31`, scope: '重大行政决策法律论证' }));
      refused(await legal.post(`/api/decisions/advisers/${a.id}/opinions`, { ...opinion, attachmentIds: ['00000000-0000-4000-8000-00000000abcd'] }), 400, 'attachment_not_of_adviser');
      expect(await count('decision_adviser_opinions')).toBe(before);
      ok(await legal.post(`/api/decisions/advisers/${a.id}/opinions`, opinion));
      const opinions = ok(await leader.get('/api/decisions/opinions?subjectType=decision&subjectId=W-1'));
      expect(opinions).toEqual([expect.objectContaining({ adviser_name: '韩律', opinion: opinion.opinion })]);
      expect(await audits('decisions.adviser.opinion')).toBe(1);
      refused(await countyLegal.post(`/api/decisions/advisers/${a.id}/opinions`, opinion), 404, 'not_found');
    });
  });

  describe('expert pool and drawing', () => {
    const draw = { orgId: 0, subjectType: 'decision', subjectId: 'W-1', subjectTitle: '调整居民生活用水价格', decidingOrgId: 0, undertakingOrgId: 0, counts: { law: 2, economy: 1, environment: 1 }, seed: 'demo-seed-2026' };
    let first: any;
    beforeAll(() => {
      Object.assign(draw, { orgId: gov, decidingOrgId: gov, undertakingOrgId: ndrc });
    });

    it('keeps contact data sealed: masked in the list, plain only for the pool keepers, absent from the portal', async () => {
      const list = ok(await legal.get(`/api/decisions/experts?orgId=${gov}`));
      expect(list.length).toBe(12);
      expect(JSON.stringify(list)).not.toMatch(/1390000\d{4}/);
      expect(list.every((e: any) => /^139\*{4}\d{4}$/.test(e.contact_masked))).toBe(true);
      const created = ok(await legal.post('/api/decisions/experts', { orgId: gov, name: '蒋工程', fields: ['engineering', 'public_safety'], affiliation: '省交通规划设计院', title: '高级工程师', contact: '13988887777', idNumber: '11010519491231002X' }));
      expect(JSON.stringify(created)).not.toContain('13988887777');
      expect(JSON.stringify(created)).not.toContain('11010519491231002X');
      const stored = await sql<{ contact_enc: string }>`select contact_enc from decision_experts where id = ${created.id}`.execute(env.s.db);
      expect(stored.rows[0].contact_enc).not.toContain('13988887777');
      expect(ok(await legal.get(`/api/decisions/experts/${created.id}`))).toMatchObject({ contact: '13988887777', id_number: '11010519491231002X' });
      expect(ok(await leader.get(`/api/decisions/experts/${created.id}`))).toMatchObject({ contact: '139****7777', id_number: '110105********002X' });
      refused(await legal.post('/api/decisions/experts', { orgId: gov, name: '错号', fields: ['law'], affiliation: '某单位', idNumber: '110105194912310021' }), 400, 'invalid_id_number');
      for (const url of ['/api/public/decisions/catalogues', '/api/public/decisions/hearings']) {
        expect((await env.anon.get(url)).body).not.toMatch(/139\d{8}|139\*{4}/);
      }
    });

    it('draws by field, excludes the declared conflict with the reason, and records the draw', async () => {
      first = ok(await legal.post('/api/decisions/expert-draws', draw));
      expect(first.seed).toBe('demo-seed-2026');
      expect(first.drawn.map((d: any) => d.field).sort()).toEqual(['economy', 'environment', 'law', 'law']);
      expect(first.drawn.every((d: any) => d.name)).toBe(true);
      const wei = first.excluded.find((e: any) => e.name === '卫价研');
      expect(wei).toMatchObject({ reason: 'conflict', detail: '受演示市发展和改革委员会委托承担水价成本监审' });
      expect(JSON.stringify(first)).not.toMatch(/1390000\d{4}/);
      const assigned = ok(await leader.get('/api/decisions/expert-assignments?subjectType=decision&subjectId=W-1'));
      expect(assigned.map((a: any) => a.expert_id).sort()).toEqual(first.drawn.map((d: any) => d.expertId).sort());
      expect(await audits('decisions.expert.draw')).toBe(1);
      expect(ok(await legal.get(`/api/decisions/expert-draws/${first.id}`)).drawn).toEqual(first.drawn);
    });

    it('is reproducible with its seed: the same seed draws the same experts, and the record verifies', async () => {
      const again = ok(await legal.post('/api/decisions/expert-draws', { ...draw, subjectId: 'W-2' }));
      expect(again.drawn.map((d: any) => d.expertId)).toEqual(first.drawn.map((d: any) => d.expertId));
      expect(ok(await leader.get(`/api/decisions/expert-draws/${first.id}/verify`))).toMatchObject({ reproduced: true, seed: 'demo-seed-2026' });
      // An edited record no longer verifies.
      await sql`update decision_expert_draws set drawn = jsonb_set(drawn, '{0,expertId}', '999') where id = ${first.id}`.execute(env.s.db);
      expect(ok(await leader.get(`/api/decisions/expert-draws/${first.id}/verify`)).reproduced).toBe(false);
      await sql`update decision_expert_draws set drawn = ${JSON.stringify(first.drawn.map(({ expertId, field, affiliation }: any) => ({ expertId, field, affiliation })))}::jsonb where id = ${first.id}`.execute(env.s.db);
      // A second draw for the same subject leaves out those already drawn.
      const more = ok(await legal.post('/api/decisions/expert-draws', { ...draw, counts: { law: 1 }, seed: undefined }));
      expect(more.seed).toMatch(/^[0-9a-f]{16}$/);
      expect(first.drawn.map((d: any) => d.expertId)).not.toContain(more.drawn[0].expertId);
      expect(more.excluded.filter((e: any) => e.reason === 'already_drawn').length).toBe(4);
    });

    it('refuses a draw with too few candidates, naming the field, and writes nothing', async () => {
      const [draws, assignments] = [await count('decision_expert_draws'), await count('decision_expert_assignments')];
      const res = refused(await legal.post('/api/decisions/expert-draws', { ...draw, subjectId: 'W-3', counts: { engineering: 5 } }), 409, 'experts_not_enough');
      expect(res.field).toBe('counts.engineering');
      expect(res.detail).toContain('工程技术领域需要 5 名');
      refused(await legal.post('/api/decisions/expert-draws', { ...draw, subjectId: 'W-3', counts: {} }), 400, 'counts_empty');
      expect([await count('decision_expert_draws'), await count('decision_expert_assignments')]).toEqual([draws, assignments]);
      refused(await countyLegal.post('/api/decisions/expert-draws', { ...draw, subjectId: 'W-3' }), 404, 'not_found');
    });

    it('refuses to add an expert with a declared conflict by hand; adds another with a reason', async () => {
      const pool = ok(await legal.get(`/api/decisions/experts?orgId=${gov}`));
      const id = (name: string) => pool.find((e: any) => e.name === name).id;
      const before = await count('decision_expert_assignments');
      const manual = { orgId: gov, subjectType: 'decision', subjectId: 'W-4', decidingOrgId: gov, undertakingOrgId: ndrc, reason: '熟悉本地水价成本构成' };
      const c = refused(await legal.post('/api/decisions/expert-assignments', { ...manual, expertId: id('卫价研'), field: 'economy' }), 409, 'expert_conflict');
      expect(c.detail).toContain('利害关系');
      expect(c.basis.article).toBe('措施23');
      ok(await legal.post(`/api/decisions/experts/${id('王法正')}/conflicts`, { subjectType: 'decision', subjectId: 'W-4', description: '曾为该项目投资方提供法律服务', declaredOn: env.s.today() }));
      refused(await legal.post('/api/decisions/expert-assignments', { ...manual, expertId: id('王法正'), field: 'law' }), 409, 'expert_conflict');
      refused(await legal.post('/api/decisions/expert-assignments', { ...manual, expertId: id('孙经纬'), field: 'law' }), 400, 'expert_field_mismatch');
      expect(await count('decision_expert_assignments')).toBe(before);
      ok(await legal.post('/api/decisions/expert-assignments', { ...manual, expertId: id('孙经纬'), field: 'economy' }));
      refused(await legal.post('/api/decisions/expert-assignments', { ...manual, expertId: id('孙经纬'), field: 'economy' }), 409, 'expert_already_assigned');
      refused(await legal.post(`/api/decisions/experts/${id('孙经纬')}/conflicts`, { description: '未指明对象', declaredOn: env.s.today() }), 400, 'conflict_target_missing');
      expect(await audits('decisions.expert.assign')).toBe(1);
      expect(await audits('decisions.expert.conflict')).toBe(1);
    });
  });
});
