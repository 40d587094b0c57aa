import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document as DocxDocument, Packer, Paragraph } from 'docx';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';
import { runExpiryScan } from '../src/modules/normative-docs/expiry.ts';
import { createUserTx } from '../src/core/users/service.ts';
import { SYSTEM_ACTOR } from '../src/core/audit/audit.ts';
import { actorFromToken } from '../src/core/auth/session.ts';
import { documentProcedure } from '../src/modules/normative-docs/procedure.ts';
import type { GuardDef } from '../src/core/workflow/types.ts';
import { citableDocument } from '../src/modules/normative-docs/public.ts';

const BODY = ['第一条 为规范本市共享单车停放管理，制定本办法。', '第二条 运营企业应当规范投放车辆，及时清理违规停放的车辆。', '第三条 本办法自公布之日起施行。'].join('\n');
const DAY = 86_400_000;
const full = { issuer: true, authority: true, basis: true, content: true, procedure: true };

/** multipart/form-data upload over the real connection, as the web app sends it. */
async function upload(env: TestEnv, c: Client, url: string, data: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), filename);
  const res = await fetch(env.baseUrl + url, { method: 'POST', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf }, body: form });
  return { status: res.status, json: await res.json() };
}

describe.each(kinds)('normative documents: participation, filing review, suggestions, validity, reports on %s', (kind) => {
  let env: TestEnv;
  let staff: Client;
  let legal: Client;
  let leader: Client;
  let issuer: number;
  let offset = 0;
  const relogin = async () => {
    staff = await env.login('staff');
    legal = await env.login('legal');
    leader = await env.login('leader');
  };

  beforeAll(async () => {
    env = await makeEnv(kind, { now: () => new Date(Date.now() + offset) });
    await relogin();
    issuer = await orgId(env.s, '演示市生态环境局');
  });
  afterAll(async () => env?.close());

  const doc = async (id: number) => (await legal.get(`/api/normative/documents/${id}`)).json();
  const step = async (c: Client, id: number, code: string, body: Record<string, unknown> = {}) => {
    const d = await doc(id);
    const inst = (await legal.get(`/api/procedures/${d.instance_id}`)).json();
    return c.post(`/api/procedures/${d.instance_id}/transitions/${code}`, { version: inst.instance.version, ...body });
  };
  async function published(title: string) {
    const id = (await staff.post('/api/normative/documents', { issuerOrgId: issuer, title, body: BODY, affectsRights: false })).json().id;
    expect((await step(staff, id, 'submit_review')).statusCode).toBe(200);
    expect((await step(legal, id, 'review_pass', { note: '合法', data: { outcome: 'pass', checklist: full } })).statusCode).toBe(200);
    expect((await step(leader, id, 'decide', { data: { meeting: '局长办公会议', meetingDate: env.s.today(), decision: '同意' } })).statusCode).toBe(200);
    expect((await step(legal, id, 'publish', { data: {} })).statusCode).toBe(200);
    return id;
  }

  it('shows an unfiled document red in supervision, where the legal-affairs office sends a 限期报送 notice', async () => {
    const red = (await legal.get('/api/supervision/deadlines?status=red&module=normative')).json();
    const filing = red.items.find((d: any) => d.kind === 'normative.filing' && d.title.includes('入河排污口'));
    expect(filing).toMatchObject({ light: 'red' });
    const staffId = (await env.s.db.selectFrom('users').select('id').where('username', '=', 'staff').executeTakeFirstOrThrow()).id;
    const notice = await legal.post('/api/supervision/notices', { deadlineId: filing.id, toUserId: staffId, level: 'notice', message: '请于3个工作日内报送备案。' });
    expect(notice.statusCode, notice.body).toBe(200);
    expect((await staff.get('/api/supervision/notices?view=mine')).json().map((n: any) => n.id)).toContain(notice.json().id);
  });

  it('lets other modules cite only documents in force on the date of the act', async () => {
    const [inForce] = (await legal.get(`/api/normative/documents?q=${encodeURIComponent('城市绿化管理办法')}`)).json();
    expect(await citableDocument(env.s.db, { regNumber: inForce.reg_number }, env.s.today())).toMatchObject({ id: inForce.id });
    expect(await citableDocument(env.s.db, { id: inForce.id }, '2000-01-01')).toBeNull();
    const [draft] = (await legal.get(`/api/normative/documents?q=${encodeURIComponent('环境信用评价')}`)).json();
    expect(await citableDocument(env.s.db, { id: draft.id }, env.s.today())).toBeNull();
  });

  it('filters the public catalogue by announced issuing body and year of publication', async () => {
    const issuers = (await env.anon.get('/api/public/normative/issuers')).json();
    expect(issuers.map((i: any) => i.name)).toEqual(expect.arrayContaining(['演示市人民政府', '演示市生态环境局']));
    const gov = issuers.find((i: any) => i.name === '演示市人民政府').org_id;
    const byIssuer = (await env.anon.get(`/api/public/normative/documents?issuerOrgId=${gov}`)).json();
    expect(byIssuer.total).toBeGreaterThanOrEqual(2);
    expect(byIssuer.items.every((d: any) => d.issuer_name === '演示市人民政府')).toBe(true);
    const year = Number(byIssuer.items[0].published_on.slice(0, 4));
    const byYear = (await env.anon.get(`/api/public/normative/documents?issuerOrgId=${gov}&year=${year}`)).json();
    expect(byYear.items.length).toBeGreaterThanOrEqual(1);
    expect(byYear.items.every((d: any) => d.published_on.startsWith(String(year)))).toBe(true);
    expect(byYear).toMatchObject({ more: false });
    expect((await env.anon.get(`/api/public/normative/documents?year=1980`)).statusCode).toBe(400);
  });

  it('refuses a numbering pattern without a sequence field', async () => {
    const res = await legal.post('/api/normative/issuers', { orgId: await orgId(env.s, '演示市交通运输局'), docType: 'department', numberPattern: '演交规〔{year}〕号', announcedOn: '2026-01-05' });
    expect(res.json()).toMatchObject({ code: 'pattern_no_seq', field: 'numberPattern' });
    expect(await env.s.db.selectFrom('normative_issuers' as any).select('org_id').where('org_id', '=', await orgId(env.s, '演示市交通运输局')).execute()).toEqual([]);
  });

  it('reminds the issuing body before expiry, once per threshold', async () => {
    const first = await runExpiryScan(env.s);
    expect(first.reminded).toBeGreaterThanOrEqual(2); // the demo's 暂行 document: 60 and 30 days
    expect(await runExpiryScan(env.s)).toEqual({ expired: 0, reminded: 0 });
    const expiring = (await legal.get('/api/normative/expiring?days=60')).json();
    const provisional = expiring.find((d: any) => d.title === '演示市住宅小区物业管理暂行办法');
    expect(provisional).toMatchObject({ evaluated: false });
    const dl = await env.s.db.selectFrom('deadlines').select(['kind', 'due_date', 'status']).where('subject_type', '=', 'normative_document').where('subject_id', '=', String(provisional.id)).where('kind', '=', 'normative.expiry').execute();
    expect(dl).toEqual([{ kind: 'normative.expiry', due_date: provisional.expires_on, status: 'open' }]);
  });

  it('takes public comments per paragraph, requires every answer and every department settled before review', async () => {
    const market = await orgId(env.s, '演示市市场监督管理局');
    const id = (await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '演示市共享单车停放管理办法', body: BODY, consultedOrgIds: [market] })).json().id;
    expect((await step(staff, id, 'open_comment', { data: {} })).statusCode).toBe(200);

    const drafts = (await env.anon.get('/api/public/normative/drafts')).json();
    expect(drafts.map((d: any) => d.id)).toContain(id);
    const draft = (await env.anon.get(`/api/public/normative/drafts/${id}`)).json();
    expect(draft).toMatchObject({ open: true, paragraphs: BODY.split('\n') });
    const ok = await env.anon.post(`/api/public/normative/drafts/${id}/comments`, { paragraph: 1, content: '建议明确清理时限为2小时。', name: '李明', contact: '13800138000' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await env.anon.post(`/api/public/normative/drafts/${id}/comments`, { paragraph: 9, content: '意见' })).json()).toMatchObject({ code: 'paragraph_unknown', field: 'paragraph' });
    expect((await env.anon.post(`/api/public/normative/drafts/${id}/comments`, { paragraph: 0, content: '意见', contact: 'abc' })).json()).toMatchObject({ code: 'invalid_contact' });
    const shown = (await env.anon.get(`/api/public/normative/drafts/${id}`)).json();
    expect(shown.comments).toHaveLength(1);
    expect(shown.comments[0]).toMatchObject({ paragraph: 1, commenter: '李*' });
    expect(JSON.stringify(shown)).not.toContain('13800138000');

    // The consulted department has a reply deadline in its own 待办.
    const consultations = (await legal.get('/api/normative/consultations')).json().filter((c: any) => c.document_id === id);
    expect(consultations).toHaveLength(1);
    expect(consultations[0]).toMatchObject({ org_id: market, position: null });
    expect(consultations[0].due_date).toBeTruthy();
    expect((await legal.post(`/api/normative/consultations/${consultations[0].id}/reply`, { position: 'disagree', reply: '第二条涉及本局职责，建议删除。' })).statusCode).toBe(200);

    offset += 31 * DAY;
    await relogin();
    expect((await env.anon.post(`/api/public/normative/drafts/${id}/comments`, { paragraph: 0, content: '迟到的意见' })).json()).toMatchObject({ code: 'comment_closed' });
    expect((await step(staff, id, 'close_comment')).statusCode).toBe(200);
    expect((await step(staff, id, 'submit_review')).json()).toMatchObject({ code: 'guard_refused', rule: 'comments_unanswered' });

    const commentId = (await doc(id)).comments[0].id;
    expect((await staff.post(`/api/normative/comments/${commentId}/answer`, { answer: 'not_adopted' })).json()).toMatchObject({ code: 'reason_required' });
    expect((await staff.post(`/api/normative/comments/${commentId}/answer`, { answer: 'partly', reason: '清理时限由运营协议约定。' })).statusCode).toBe(200);

    const refused = (await step(staff, id, 'submit_review')).json();
    expect(refused).toMatchObject({ code: 'guard_refused', rule: 'consultation_unsettled' });
    expect(refused.basis.law).toContain('贵港市');
    expect((await legal.post(`/api/normative/consultations/${consultations[0].id}/resolve`, { resolution: '协调' })).json()).toMatchObject({ code: 'consultation_not_escalated' });
    expect((await staff.post(`/api/normative/consultations/${consultations[0].id}/escalate`)).statusCode).toBe(200);
    expect((await legal.get('/api/normative/escalations')).json().map((e: any) => e.id)).toContain(consultations[0].id);
    expect((await legal.post(`/api/normative/consultations/${consultations[0].id}/resolve`, { resolution: '经协调，第二条改为由运营企业负责清理，市场监管部门依职责监督。' })).statusCode).toBe(200);
    expect((await step(staff, id, 'submit_review')).statusCode).toBe(200);
    const answered = (await env.anon.get(`/api/public/normative/drafts/${id}`)).json();
    expect(answered.comments[0]).toMatchObject({ answer: 'partly', answer_reason: '清理时限由运营协议约定。' });
  });

  it('files with the superior office, which orders a correction, then approves; only the issuer may file', async () => {
    const id = await published('演示市生态环境局排污许可证后监管办法');
    // A legal-affairs user of the drafting unit who does not act for the issuing body.
    const cityGov = await orgId(env.s, '演示市人民政府');
    const govDoc = (await staff.post('/api/normative/documents', { issuerOrgId: cityGov, title: '演示市大气污染防治实施办法', body: BODY, affectsRights: false })).json().id;
    await env.s.tx(async (tx) => {
      const role = await tx.selectFrom('roles').select('id').where('code', '=', 'legal_affairs').executeTakeFirstOrThrow();
      await createUserTx(env.s, tx, SYSTEM_ACTOR, { username: 'env_legal', displayName: '环境局法制科', orgId: issuer, password: 'Env-legal-2026', grants: [{ roleId: role.id, orgId: issuer, scope: 'own' }] });
    });
    const envLegal = await env.login('env_legal', 'Env-legal-2026');
    expect((await step(envLegal, govDoc, 'submit_review')).statusCode).toBe(200);
    expect((await step(legal, govDoc, 'review_pass', { note: '合法', data: { outcome: 'pass', checklist: full } })).statusCode).toBe(200);
    expect((await step(leader, govDoc, 'decide', { data: { meeting: '市政府常务会议', meetingDate: env.s.today(), decision: '同意' } })).statusCode).toBe(200);
    expect((await step(legal, govDoc, 'publish', { data: {} })).statusCode).toBe(200);
    const notIssuer = await step(envLegal, govDoc, 'file', { data: { report: '报送备案', explanation: '说明' } });
    expect(notIssuer.json()).toMatchObject({ code: 'guard_refused', rule: 'filer_not_issuer' });
    expect((await step(legal, id, 'file', { data: { report: '', explanation: '说明' } })).statusCode).toBe(400);

    expect((await step(legal, id, 'file', { data: { report: '现将本办法报送备案。', explanation: '起草说明' } })).statusCode).toBe(200);
    const filed = await doc(id);
    expect(filed.filing).toMatchObject({ filed_to_name: '演示市司法局', on_time: true, outcome: null });
    expect((await step(legal, id, 'order_correction', { data: {} })).json()).toMatchObject({ code: 'note_required' });
    expect((await step(legal, id, 'order_correction', { note: '第二条增设义务缺乏上位法依据，请限期纠正。', data: {} })).statusCode).toBe(200);
    const correcting = await doc(id);
    expect(correcting).toMatchObject({ status: 'correction', filing: { outcome: 'correction' } });
    expect(correcting.filing.correction_due > env.s.today()).toBe(true);
    const open = await env.s.db.selectFrom('deadlines').select(['kind', 'status']).where('instance_id', '=', correcting.instance_id).where('kind', '=', 'normative.correction').execute();
    expect(open).toEqual([{ kind: 'normative.correction', status: 'open' }]);
    // Still in force while being corrected.
    expect((await env.anon.get(`/api/public/normative/documents/${id}`)).json().valid).toBe(true);
    expect((await step(legal, id, 'report_correction', { note: '已删除第二条', data: { body: '第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行。' } })).statusCode).toBe(200);
    expect((await step(legal, id, 'approve_filing', { data: {} })).statusCode).toBe(200);
    const approved = await doc(id);
    expect(approved).toMatchObject({ status: 'approved', filing: { outcome: 'approved' } });
    expect(approved.paragraphs).toHaveLength(2);
    const passed = (await env.anon.get(`/api/public/normative/passed?year=${env.s.today().slice(0, 4)}`)).json();
    expect(passed.map((p: any) => p.id)).toContain(id);
    const history = (await env.anon.get(`/api/public/normative/documents/${id}`)).json().history.map((h: any) => h.transition);
    expect(history).toEqual(['publish', 'file', 'order_correction', 'report_correction', 'approve_filing']);
  });

  it('re-issues a document after evaluation: the new one replaces the old on publication', async () => {
    const old = await published('演示市生态环境局扬尘污染防治办法');
    expect((await staff.post(`/api/normative/documents/${old}/evaluations`, { conclusion: 'continue', report: '实施情况良好，需继续实施，修订后重新发布。' })).statusCode).toBe(200);
    expect((await staff.post('/api/normative/documents', { issuerOrgId: await orgId(env.s, '演示市人民政府'), title: '演示市扬尘污染防治办法', body: BODY, affectsRights: false, replacesId: old })).json()).toMatchObject({ code: 'replaces_invalid' });
    const res = await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '演示市生态环境局扬尘污染防治办法（修订）', body: BODY, affectsRights: false, replacesId: old });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().id;
    expect((await step(staff, next, 'submit_review')).statusCode).toBe(200);
    expect((await step(legal, next, 'review_pass', { note: '合法', data: { outcome: 'pass', checklist: full } })).statusCode).toBe(200);
    expect((await step(leader, next, 'decide', { data: { meeting: '局长办公会议', meetingDate: env.s.today(), decision: '同意' } })).statusCode).toBe(200);
    expect((await step(legal, next, 'publish', { data: {} })).statusCode).toBe(200);
    const replaced = await doc(old);
    expect(replaced.status).toBe('abolished');
    expect(replaced.evaluations).toHaveLength(1);
    const page = (await env.anon.get(`/api/public/normative/documents/${old}`)).json();
    expect(page).toMatchObject({ valid: false });
    expect(page.history.map((h: any) => h.transition)).toContain('replace');
  });

  it('takes a citizen suggestion with a tracking code and shows the answer', async () => {
    const id = await published('演示市生态环境局噪声污染防治办法');
    const draftOnly = (await staff.post('/api/normative/documents', { issuerOrgId: issuer, title: '演示市生态环境局未公布办法', body: BODY })).json().id;
    expect((await env.anon.post('/api/public/normative/suggestions', { documentId: draftOnly, name: '王五', content: '违法' })).statusCode).toBe(404);
    const res = await env.anon.post('/api/public/normative/suggestions', { documentId: id, name: '王五', contact: '13900139000', content: '第二条增加企业义务，没有法律依据。' });
    expect(res.statusCode, res.body).toBe(200);
    const { trackingCode, dueDate } = res.json();
    expect(trackingCode).toMatch(/^JY\d{8}[0-9A-Z]{8}$/);
    expect(dueDate > env.s.today()).toBe(true);
    expect((await env.anon.get(`/api/public/normative/suggestions/${trackingCode}`)).json()).toMatchObject({ status: 'received', handling_org: '演示市司法局' });
    const mine = (await legal.get('/api/normative/suggestions?status=received')).json().find((g: any) => g.tracking_code === trackingCode);
    expect(mine).toBeTruthy();
    expect(JSON.stringify(mine)).not.toContain('13900139000');
    expect((await legal.post(`/api/normative/suggestions/${mine.id}/answer`, { finding: 'lawful', answer: '经审查，第二条依据《中华人民共和国环境噪声污染防治法》，不违法。' })).statusCode).toBe(200);
    expect((await legal.post(`/api/normative/suggestions/${mine.id}/answer`, { finding: 'lawful', answer: '再次' })).json().code).toBe('suggestion_answered');
    const tracked = (await env.anon.get(`/api/public/normative/suggestions/${trackingCode.toLowerCase()}`)).json();
    expect(tracked).toMatchObject({ status: 'answered', finding: 'lawful' });
    expect(JSON.stringify(tracked)).not.toContain('王五');
    const rate = (await legal.get(`/api/metrics/normative.suggestions_answered_on_time/value?orgId=${await orgId(env.s, '演示市司法局')}&from=${env.s.today().slice(0, 4)}-01-01&to=2099-12-31`)).json();
    expect(rate).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('expires documents past their validity through the procedure, idempotently', async () => {
    // The clock has moved past the demo 暂行 document's last day of validity.
    const provisional = (await legal.get(`/api/normative/documents?q=${encodeURIComponent('物业管理暂行办法')}`)).json()[0];
    expect(provisional.expires_on < env.s.today()).toBe(true);
    const scan = await runExpiryScan(env.s);
    expect(scan.expired).toBeGreaterThanOrEqual(1);
    expect((await runExpiryScan(env.s)).expired).toBe(0);
    const page = (await env.anon.get(`/api/public/normative/documents/${provisional.id}`)).json();
    expect(page).toMatchObject({ status: 'expired', valid: false });
    expect(page.history.map((h: any) => h.transition)).toContain('expire');
    const cat = (await env.anon.get(`/api/public/normative/documents?q=${encodeURIComponent('物业管理')}`)).json();
    expect(cat.items.map((d: any) => d.id)).not.toContain(provisional.id);
    // Its evaluation deadline closed with the procedure.
    const dl = await env.s.db.selectFrom('deadlines').select('status').where('subject_id', '=', String(provisional.id)).where('kind', '=', 'normative.expiry').execute();
    expect(dl).toEqual([{ status: 'closed' }]);
    const unevaluated = (await legal.get(`/api/metrics/normative.expired_unevaluated/value?orgId=${await orgId(env.s, '演示市人民政府')}&from=2020-01-01&to=2099-12-31`)).json();
    expect(unevaluated.value).toBeGreaterThanOrEqual(1);
  });

  it('runs a cleanup campaign: every document decided, results published, abolished ones out of force', async () => {
    const id = await published('演示市生态环境局待清理办法');
    expect((await legal.post('/api/normative/cleanups', { orgId: issuer, name: '2026年规范性文件全面清理', dueOn: '2000-01-01' })).json().code).toBe('invalid_date');
    const c = (await legal.post('/api/normative/cleanups', { orgId: issuer, name: '演示市生态环境局规范性文件全面清理', dueOn: '2099-06-30' })).json();
    expect(c.items).toBeGreaterThanOrEqual(2);
    expect((await legal.post(`/api/normative/cleanups/${c.id}/publish`)).json().code).toBe('cleanup_incomplete');
    const detail = (await legal.get(`/api/normative/cleanups/${c.id}`)).json();
    expect((await legal.post(`/api/normative/cleanups/${c.id}/decide`, { documentId: id, decision: 'abolish' })).json().code).toBe('reason_required');
    for (const item of detail.items) {
      const body = item.document_id === id ? { documentId: id, decision: 'abolish', reason: '上位法已修改' } : { documentId: item.document_id, decision: 'keep' };
      expect((await legal.post(`/api/normative/cleanups/${c.id}/decide`, body)).statusCode).toBe(200);
    }
    expect((await legal.post(`/api/normative/cleanups/${c.id}/publish`)).statusCode).toBe(200);
    expect((await doc(id)).status).toBe('abolished');
    const results = (await env.anon.get('/api/public/normative/cleanups')).json();
    expect(results.find((r: any) => r.id === c.id).items.find((i: any) => i.document_id === id)).toMatchObject({ decision: 'abolish' });
    const onSchedule = (await legal.get(`/api/metrics/normative.cleanup_on_schedule/value?orgId=${issuer}&from=2099-01-01&to=2099-12-31`)).json();
    expect(onSchedule).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('evaluates every guard of the procedure against the real rows: refused on a bare draft, satisfied after the steps', async () => {
    const guards = new Map<string, GuardDef>();
    for (const t of documentProcedure.transitions) for (const g of t.guards ?? []) guards.set(g.code, g);
    expect([...guards.keys()].sort()).toEqual(
      ['collective_decision_required', 'comment_period_open', 'comments_unanswered', 'consultation_unsettled', 'filer_not_issuer', 'issuer_not_eligible', 'legality_review_required', 'not_filing_recipient', 'public_comment_required', 'review_checklist_incomplete'].sort(),
    );
    const actorOf = async (c: Client) => (await actorFromToken(env.s, decodeURIComponent(c.cookie.split('=')[1])))!;
    const legalActor = await actorOf(legal);
    const outsider = await actorOf(await env.login('county_legal'));
    const evaluate = (docId: number, instanceId: number, actor: typeof legalActor, data: Record<string, unknown> = {}) =>
      env.s.tx(async (tx) => {
        const out: Record<string, boolean> = {};
        const inst = await tx.selectFrom('procedure_instances').selectAll().where('id', '=', instanceId).executeTakeFirstOrThrow();
        for (const [code, g] of guards) {
          out[code] = await g.check({
            services: env.s,
            tx,
            actor,
            today: env.s.today(),
            input: { version: inst.version, data },
            instance: { id: inst.id, procedure: inst.procedure, subjectType: inst.subject_type, subjectId: String(docId), title: inst.title, state: inst.state, orgId: inst.org_id, regionCode: inst.region_code, data: {}, version: inst.version },
            rule: async () => undefined as never,
            attachmentCount: async () => 0,
          });
        }
        return out;
      });
    // A bare draft in the name of a body that is not an announced issuer, with an open
    // comment period, an unanswered comment and an unanswered consultation.
    const education = await orgId(env.s, '演示市教育局');
    const bare = await env.s.tx(async (tx) => {
      const d = await tx.insertInto('normative_documents' as any).values({ org_id: issuer, region_code: '990100', issuer_org_id: education, title: '守卫测试办法', doc_type: 'department', body: BODY, comment_from: env.s.today(), comment_until: '2099-01-01' }).returning('id').executeTakeFirstOrThrow() as { id: number };
      const i = await tx.insertInto('procedure_instances').values({ procedure: 'normative.document', module: 'normative', subject_type: 'normative_document', subject_id: String(d.id), title: '守卫测试办法', state: 'comment', org_id: issuer, region_code: '990100', data: '{}' }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('normative_comments' as any).values({ document_id: d.id, org_id: issuer, region_code: '990100', paragraph: 0, content: '意见' }).execute();
      await tx.insertInto('normative_consultations' as any).values({ document_id: d.id, org_id: education, drafting_org_id: issuer, region_code: '990100', requested_on: env.s.today() }).execute();
      return { doc: d.id, inst: i.id };
    });
    const refused = await evaluate(bare.doc, bare.inst, outsider, { checklist: { issuer: true } });
    expect(Object.entries(refused).filter(([, v]) => v)).toEqual([]);
    // A document through the whole path and filed, judged for the office that acts for it.
    const done = await published('演示市生态环境局守卫测试通过办法');
    expect((await step(legal, done, 'file', { data: { report: '报送备案', explanation: '说明' } })).statusCode).toBe(200);
    const d = await doc(done);
    const passed = await evaluate(done, d.instance_id, legalActor, { checklist: full });
    expect(passed).toEqual({
      issuer_not_eligible: true,
      public_comment_required: true,
      comment_period_open: false, // it never went to public comment (it affects no rights)
      comments_unanswered: true,
      consultation_unsettled: true,
      legality_review_required: true,
      collective_decision_required: true,
      review_checklist_incomplete: true,
      filer_not_issuer: true,
      not_filing_recipient: true,
    });
  });

  it('reports the filing bulletin as JSON, Excel and Word, and computes the filing metrics', async () => {
    const year = env.s.today().slice(0, 4);
    const b = (await legal.get(`/api/normative/reports/bulletin?year=${year}`)).json();
    const row = b.rows.find((r: any) => r.issuerName === '演示市生态环境局');
    expect(row.issued).toBeGreaterThanOrEqual(3);
    expect(row.issued).toBe(row.filedOnTime + row.filedLate + row.notFiled);
    expect(b.totals.issued).toBe(b.rows.reduce((n: number, r: any) => n + r.issued, 0));
    const xlsx = await legal.get(`/api/normative/reports/bulletin.xlsx?year=${year}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => cells.push(String(r.getCell(1).value)));
    expect(cells).toContain('演示市生态环境局');
    const docx = await legal.get(`/api/normative/reports/bulletin.docx?year=${year}&quarter=${Math.floor((Number(env.s.today().slice(5, 7)) - 1) / 3) + 1}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await legal.get(`/api/normative/reports/bulletin?year=1999`)).statusCode).toBe(400);
    const m = (await legal.get(`/api/metrics/normative.legality_review_coverage/value?orgId=${issuer}&from=${year}-01-01&to=${year}-12-31`)).json();
    expect(m.value).toBe(100);
    const filing = (await legal.get(`/api/metrics/normative.filing_on_time_rate/value?orgId=${issuer}&from=2000-01-01&to=2099-12-31`)).json();
    expect(filing.denominator).toBeGreaterThan(filing.numerator);
  });

  it('imports an existing register with a per-row error report, and reads the text of a .docx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('登记簿');
    ws.addRow(['制定机关', '文件名称', '登记编号', '文件类型', '暂行或试行', '公布日期', '施行日期', '有效期至', '状态', '备案日期', '正文']);
    ws.addRow(['演示市生态环境局', '演示市生态环境局历史文件管理办法', '演环规〔2021〕7号', '部门规范性文件', '否', '2021-03-01', '2021-04-01', '2026-03-31', '已失效', '2021-03-10', '第一条 历史文件。']);
    ws.addRow(['演示市教育局', '演示市教育局某某办法', '演教规〔2021〕1号', '部门规范性文件', '否', '2021-03-01', '2021-04-01', '', '有效', '', '']);
    ws.addRow(['演示市生态环境局', '日期有误的办法', '演环规〔2021〕8号', '部门规范性文件', '否', '2021-02-30', '2021-04-01', '', '有效', '', '']);
    const res = await upload(env, legal, '/api/normative/import', Buffer.from(await wb.xlsx.writeBuffer()), 'register.xlsx');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.imported).toBe(1);
    expect(res.json.errors.map((e: any) => [e.row, e.field])).toEqual([
      [3, '制定机关'],
      [4, '公布日期'],
    ]);
    const imported = await doc(res.json.ids[0]);
    expect(imported).toMatchObject({ status: 'expired', reg_number: '演环规〔2021〕7号', reg_seq: 7 });
    expect((await upload(env, legal, '/api/normative/import', Buffer.from('not a workbook'), 'x.xlsx')).json.code).toBe('xlsx_invalid');

    const docxFile = await Packer.toBuffer(new DxDoc());
    const text = await upload(env, staff, '/api/normative/docx-text', docxFile, '办法.docx');
    expect(text.json.text).toBe('第一条 为规范管理，制定本办法。\n第二条 本办法自公布之日起施行。');
    expect((await upload(env, staff, '/api/normative/docx-text', Buffer.from('%PDF-1.4 x'), 'a.docx')).json.code).toBe('docx_invalid');
  });
});

/** A two-paragraph Word document built with the docx library. */
class DxDoc extends DocxDocument {
  constructor() {
    super({ sections: [{ children: [new Paragraph('第一条 为规范管理，制定本办法。'), new Paragraph('第二条 本办法自公布之日起施行。')] }] });
  }
}
