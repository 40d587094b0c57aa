import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

const RISKY_BODY = [
  '第一条 为加强本市排污口规范化管理，改善水环境质量，制定本办法。',
  '第二条 设置入河排污口的单位，须经市生态环境局批准并取得排污口设置许可证。',
  '第三条 违反本办法规定的，由市生态环境局处以五千元以上一万元以下罚款。',
  '第四条 本办法自公布之日起施行。',
].join('\n');
const PLAIN_BODY = '第一条 为规范本局公文处理工作，提高办文效率，制定本办法。\n第二条 本办法自公布之日起施行。';

describe.each(kinds)('normative documents on %s', (kind) => {
  let env: TestEnv;
  let staff: Client;
  let legal: Client;
  let leader: Client;
  let issuer: number;
  // A clock the test moves forward, to let a comment period run out.
  let offset = 0;

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => new Date(Date.now() + offset) });
    staff = await env.login('staff');
    legal = await env.login('legal');
    leader = await env.login('leader');
    issuer = await orgId(env.s, '演示市生态环境局');
  });
  afterAll(async () => env?.close());

  const step = async (c: Client, id: number, code: string, body: Record<string, unknown> = {}) => {
    const doc = (await legal.get(`/api/normative/documents/${id}`)).json();
    const inst = (await legal.get(`/api/procedures/${doc.instance_id}`)).json();
    return c.post(`/api/procedures/${doc.instance_id}/transitions/${code}`, { version: inst.instance.version, ...body });
  };
  const full = { issuer: true, authority: true, basis: true, content: true, procedure: true };

  async function adopted(title: string) {
    const res = await staff.post('/api/normative/documents', { issuerOrgId: issuer, title, body: PLAIN_BODY, affectsRights: false });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect((await step(staff, id, 'submit_review')).statusCode).toBe(200);
    expect((await step(legal, id, 'review_pass', { note: '合法', data: { outcome: 'pass', checklist: full } })).statusCode).toBe(200);
    expect((await step(leader, id, 'decide', { data: { meeting: '局长办公会议', meetingDate: env.s.today(), decision: '同意发布' } })).statusCode).toBe(200);
    return id;
  }

  it('runs the whole lifecycle: comment, review with flagged clauses, decision, numbered publication, catalogue, filing', async () => {
    const created = await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '演示市入河排污口管理办法', body: RISKY_BODY, legalBases: ['中华人民共和国水污染防治法'] });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'drafting', provisional: false });

    const early = await step(staff, id, 'submit_review');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'guard_refused', rule: 'public_comment_required' });
    expect(early.json().basis.law).toContain('贵港市');

    expect((await step(staff, id, 'open_comment', { data: {} })).statusCode).toBe(200);
    const open = (await legal.get(`/api/normative/documents/${id}`)).json();
    expect(open.status).toBe('comment');
    expect(open.comment_until > open.comment_from).toBe(true);
    expect((await step(staff, id, 'close_comment')).json()).toMatchObject({ code: 'guard_refused', rule: 'comment_period_open' });

    offset += 31 * 86_400_000;
    // A month later the sessions have idled out: log in again.
    staff = await env.login('staff');
    legal = await env.login('legal');
    leader = await env.login('leader');
    expect((await step(staff, id, 'close_comment')).statusCode).toBe(200);
    expect((await step(staff, id, 'submit_review')).statusCode).toBe(200);

    const inReview = (await legal.get(`/api/normative/documents/${id}`)).json();
    const categories = inReview.flags.map((f: any) => f.category);
    expect(categories).toContain('licensing');
    expect(categories).toContain('penalty');
    const flag = inReview.flags.find((f: any) => f.category === 'penalty');
    expect(RISKY_BODY.slice(flag.start, flag.end)).toBe(flag.match);
    expect(flag.basis.law).toBeTruthy();

    const partial = await step(legal, id, 'review_pass', { note: '通过', data: { outcome: 'pass', checklist: { ...full, procedure: false } } });
    expect(partial.json()).toMatchObject({ code: 'guard_refused', rule: 'review_checklist_incomplete' });
    const badData = await step(legal, id, 'review_pass', { note: '通过', data: { outcome: 'maybe', checklist: full } });
    expect(badData.statusCode).toBe(400);
    expect((await step(legal, id, 'review_pass', { note: '删除第二条许可和第三条罚款后通过', data: { outcome: 'pass_with_changes', checklist: full } })).statusCode).toBe(200);
    // Publishing before the collective decision is refused by the procedure itself.
    expect((await step(legal, id, 'publish', { data: {} })).json()).toMatchObject({ code: 'wrong_state' });

    expect((await step(leader, id, 'decide', { data: { meeting: '局长办公会议2026年第3次', meetingDate: env.s.today(), decision: '原则通过' } })).statusCode).toBe(200);
    const pub = await step(legal, id, 'publish', { data: {} });
    expect(pub.statusCode, pub.body).toBe(200);
    const published = (await legal.get(`/api/normative/documents/${id}`)).json();
    const year = env.s.today().slice(0, 4);
    expect(published).toMatchObject({ status: 'published', published_on: env.s.today(), effective_on: env.s.today() });
    expect(published.reg_number).toMatch(new RegExp(`^演环规〔${year}〕\\d+号$`));
    expect(published.expires_on.slice(0, 4)).toBe(String(Number(year) + 5));
    expect(published.reviews.map((r: any) => r.outcome)).toEqual(['pass_with_changes']);
    expect(published.decisions).toHaveLength(1);

    const byInstance = await env.s.db.selectFrom('deadlines').select(['kind', 'status']).where('instance_id', '=', published.instance_id).where('kind', '=', 'normative.filing').execute();
    expect(byInstance).toEqual([{ kind: 'normative.filing', status: 'open' }]);

    const found = (await env.anon.get(`/api/public/normative/documents?q=${encodeURIComponent('排污口')}`)).json();
    expect(found.items.map((d: any) => d.id)).toContain(id);
    const none = (await env.anon.get(`/api/public/normative/documents?q=${encodeURIComponent('养老服务')}`)).json();
    expect(none.total).toBe(0);
    const page = (await env.anon.get(`/api/public/normative/documents/${id}`)).json();
    expect(page).toMatchObject({ reg_number: published.reg_number, valid: true });

    expect((await step(legal, id, 'file', { data: { report: '现将本办法报送备案', explanation: '起草说明' } })).statusCode).toBe(200);
    expect(await env.s.db.selectFrom('deadlines').select('status').where('instance_id', '=', published.instance_id).where('kind', '=', 'normative.filing').execute()).toEqual([{ status: 'closed' }]);
  });

  it('refuses a body that is not an announced issuer, empty texts, edits after drafting, and strangers', async () => {
    const notIssuer = await staff.post('/api/normative/documents', { issuerOrgId: await orgId(env.s, '演示市教育局'), title: '某某管理办法', body: PLAIN_BODY });
    expect(notIssuer.statusCode).toBe(409);
    expect(notIssuer.json()).toMatchObject({ code: 'issuer_not_eligible', field: 'issuerOrgId' });
    expect((await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '空白管理办法', body: '   ' })).json().code).toBe('body_empty');
    expect((await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '超长管理办法', body: 'x'.repeat(200_001) })).statusCode).toBe(400);

    const id = await adopted('演示市生态环境局公文处理办法');
    const doc = (await staff.get(`/api/normative/documents/${id}`)).json();
    const edit = await staff.patch(`/api/normative/documents/${id}`, { version: doc.version, body: PLAIN_BODY + '\n第三条 补充。' });
    expect(edit.json().code).toBe('not_in_drafting');
    const county = await env.login('county_legal');
    expect((await county.get(`/api/normative/documents/${id}`)).statusCode).toBe(404);
    expect((await env.anon.get(`/api/public/normative/documents/${id}`)).statusCode).toBe(404);
    const draftOnly = (await env.anon.get(`/api/public/normative/documents?q=${encodeURIComponent('公文')}`)).json();
    expect(draftOnly.items.map((d: any) => d.id)).not.toContain(id);
  });

  it('numbers concurrent publications of one issuer without gaps or duplicates', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push(await adopted(`演示市生态环境局第${i + 1}号试点办法`));
    const results = await Promise.all(ids.map((id) => step(legal, id, 'publish', { data: {} })));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const rows = await env.s.db.selectFrom('normative_documents' as any).select(['reg_seq', 'reg_number', 'expires_on']).where('id', 'in', ids).execute() as any[];
    const seqs = rows.map((r) => r.reg_seq).sort((a, b) => a - b);
    const first = seqs[0];
    expect(seqs).toEqual(seqs.map((_, i) => first + i));
    expect(new Set(rows.map((r) => r.reg_number)).size).toBe(ids.length);
    // 试点 is not 暂行/试行: five years.
    expect(rows.every((r) => r.expires_on.slice(0, 4) === String(Number(env.s.today().slice(0, 4)) + 5))).toBe(true);
  });
});
