import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { kinds, makeEnv, orgId, type Client, type TestEnv } from './helpers.ts';

const DAY = 86_400_000;
const full = { subject: true, authority: true, evidence: true, basis: true, procedure: true, discretion: true, documents: true };

describe.each(kinds)('enforcement: cases through the full procedure on %s', (kind) => {
  let env: TestEnv;
  let officer: Client;
  let reviewer: Client;
  let leader: Client;
  let legal: Client;
  let samr: number;
  const officers = new Map<string, number>();
  let pricePower: { id: number; benchmarks: { id: number; band: string }[] };
  let foodPower: { id: number; benchmarks: { id: number; band: string }[] };
  const ago = (n: number) => new Date(Date.parse(`${env.s.today()}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
  const countCases = async () => Number((await env.s.db.selectFrom('enforcement_cases' as never).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: string }).n);

  beforeAll(async () => {
    env = await makeEnv(kind);
    officer = await env.login('officer');
    reviewer = await env.login('reviewer');
    leader = await env.login('leader');
    legal = await env.login('legal');
    samr = await orgId(env.s, '演示市市场监督管理局');
    for (const o of (await legal.get('/api/enforcement/officers')).json()) officers.set(o.name, o.id);
    const powers = (await officer.get('/api/enforcement/powers?powerType=penalty')).json();
    pricePower = (await officer.get(`/api/enforcement/powers/${powers.find((p: any) => p.code === 'CF-JG-001').id}`)).json();
    foodPower = (await officer.get(`/api/enforcement/powers/${powers.find((p: any) => p.code === 'CF-SP-002').id}`)).json();
  });
  afterAll(async () => env?.close());

  const getCase = async (id: number) => (await officer.get(`/api/enforcement/cases/${id}`)).json();
  const step = async (c: Client, id: number, code: string, body: Record<string, unknown> = {}) => {
    const k = await getCase(id);
    const inst = (await officer.get(`/api/procedures/${k.instance_id}`)).json();
    return c.post(`/api/procedures/${k.instance_id}/transitions/${code}`, { version: inst.instance.version, ...body });
  };
  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
  const expectRefusal = (res: { statusCode: number; json(): any }, rule: string) => {
    expect(res.statusCode, JSON.stringify(res.json())).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().rule ?? res.json().code).toBe(rule);
    return res.json();
  };

  it('refuses to file without two certified officers of the subject, or with a bad party ID, writing nothing', async () => {
    const before = await countCases();
    const base = { powerId: foodPower.id, title: '某食品店无证经营案', party: { kind: 'org', name: '演示市鲜味食品店有限公司', idNumber: '91110000100006485K' }, facts: '当事人未取得食品经营许可从事食品经营活动。', filedOn: ago(30) };
    const aux = expectRefusal(await officer.post('/api/enforcement/cases', { ...base, officerIds: [officers.get('赵执法'), officers.get('李辅助')] }), 'auxiliary');
    expect(aux.detail).toContain('辅助人员');
    expect(aux.basis.article).toBe('五（二）3');
    expectRefusal(await officer.post('/api/enforcement/cases', { ...base, officerIds: [officers.get('赵执法'), officers.get('周过期')] }), 'certificate_expired');
    expectRefusal(await officer.post('/api/enforcement/cases', { ...base, officerIds: [officers.get('赵执法'), officers.get('吴城管')] }), 'other_organisation');
    const few = expectRefusal(await officer.post('/api/enforcement/cases', { ...base, officerIds: [officers.get('赵执法')] }), 'enforcement.officers_per_action');
    expect(few.basis.article).toBe('第四十二条');
    const badId = await officer.post('/api/enforcement/cases', { ...base, party: { kind: 'person', name: '李四', idNumber: '990102198805061237' }, officerIds: [officers.get('赵执法'), officers.get('钱明')] });
    expect(badId.statusCode).toBe(400);
    expect(badId.json()).toMatchObject({ code: 'invalid_id_number', field: 'party.idNumber' });
    expect((await officer.post('/api/enforcement/cases', { ...base, filedOn: '2026-02-30', officerIds: [officers.get('赵执法'), officers.get('钱明')] })).json().code).toBe('invalid_date');
    expect(await countCases()).toBe(before);
  });

  it('takes a major case from filing through hearing, legal review and collective discussion to decision, payment, publicity and closing', async () => {
    const res = await officer.post('/api/enforcement/cases', { powerId: foodPower.id, title: '某食品店无证经营案', source: '投诉举报', party: { kind: 'org', name: '演示市鲜味食品店有限公司', idNumber: '91110000100006485K' }, facts: '当事人未取得食品经营许可从事食品经营活动。', filedOn: ago(30), officerIds: [officers.get('赵执法'), officers.get('钱明')] });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect(res.json().case_no).toMatch(/^演市监立〔\d{4}〕\d+号$/);
    const k0 = await getCase(id);
    const inst0 = (await officer.get(`/api/procedures/${k0.instance_id}`)).json();
    expect(inst0.deadlines.find((d: any) => d.kind === 'enforcement.decision')).toMatchObject({ start_date: ago(30), days: 90 });

    expectRefusal(await step(officer, id, 'notify', { data: { noticeOn: ago(25), reasons: '事实清楚', legalBasis: '食品安全法第一百二十二条', penaltyKind: 'confiscation', proposedFine: 60000, benchmarkId: foodPower.benchmarks[0].id } }), 'investigation_required');
    const action = { kind: 'inspection', happenedOn: ago(28), place: '当事人经营场所', summary: '现场检查并拍照', officerIds: [officers.get('赵执法'), officers.get('钱明')] };
    expectRefusal(await officer.post(`/api/enforcement/cases/${id}/actions`, { ...action, certificatesShown: false }), 'certificates_not_shown');
    expect((await officer.post(`/api/enforcement/cases/${id}/actions`, { ...action, happenedOn: ago(31), certificatesShown: true })).json().code).toBe('dates_out_of_order');
    expect((await officer.post(`/api/enforcement/cases/${id}/actions`, { ...action, auxiliaryIds: [officers.get('钱明')], certificatesShown: true })).json().code).toBe('not_auxiliary');
    const act = await officer.post(`/api/enforcement/cases/${id}/actions`, { ...action, auxiliaryIds: [officers.get('李辅助')], certificatesShown: true });
    ok(act);
    expect(act.json().content.auxiliaries).toEqual(['李辅助']);

    // Recusal on the party's application: decided within 3 working days; nothing proceeds before.
    const rec = await officer.post(`/api/enforcement/cases/${id}/recusals`, { officerId: officers.get('钱明'), source: 'party', reason: '当事人称执法人员与其有利害关系', appliedOn: ago(27) });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().due_date > ago(27)).toBe(true);
    const notice = { noticeOn: ago(25), reasons: '当事人未取得许可经营食品，事实清楚', legalBasis: '《食品安全法》第一百二十二条', penaltyKind: 'confiscation', proposedFine: 60000, benchmarkId: foodPower.benchmarks[0].id };
    expectRefusal(await step(officer, id, 'notify', { data: notice }), 'recusal_pending');
    ok(await leader.post(`/api/enforcement/recusals/${rec.json().id}/decide`, { outcome: 'rejected', reason: '经查无利害关系', decidedOn: ago(26) }));

    // The fine must fit the band it cites unless a reason is given.
    const outside = expectRefusal(await step(officer, id, 'notify', { data: { ...notice, proposedFine: 80000 } }), 'benchmark_band');
    expect(outside.basis.article).toBe('措施29');
    expect((await step(officer, id, 'notify', { data: { ...notice, proposedFine: -5 } })).statusCode).toBe(400);
    expect((await step(officer, id, 'notify', { data: { ...notice, proposedFine: 1e12 } })).statusCode).toBe(400);
    ok(await step(officer, id, 'notify', { data: notice }));
    expect((await getCase(id)).hearing_right).toBe(true);

    expectRefusal(await step(officer, id, 'request_hearing', { data: { requestedOn: ago(5) } }), 'hearing_request_late');
    ok(await step(officer, id, 'request_hearing', { data: { requestedOn: ago(23) } }));
    expectRefusal(await step(officer, id, 'hold_hearing', { data: { noticeOn: ago(20), heldOn: ago(15), presider: '王主持', transcript: '当事人陈述申辩意见' } }), 'hearing_notice_short');
    expectRefusal(await step(officer, id, 'hold_hearing', { data: { noticeOn: ago(22), heldOn: ago(5), presider: '赵执法', transcript: '当事人陈述申辩意见' } }), 'presider_is_investigator');
    ok(await step(officer, id, 'hold_hearing', { data: { noticeOn: ago(22), heldOn: ago(5), presider: '王主持', transcript: '当事人陈述申辩意见' } }));
    expectRefusal(await step(officer, id, 'hold_hearing', { data: { noticeOn: ago(22), heldOn: ago(5), presider: '王主持', transcript: '再次听证' } }), 'hearing_held');

    // A hearing makes the decision major: 法制审核 cannot be skipped (art. 58).
    const skip = expectRefusal(await step(officer, id, 'to_decision'), 'legal_review_required');
    expect(skip.basis.article).toBe('第五十八条');
    ok(await step(officer, id, 'submit_review'));
    const reviewDeadline = (await officer.get(`/api/procedures/${k0.instance_id}`)).json().deadlines.find((d: any) => d.kind === 'enforcement.review');
    expect(reviewDeadline).toMatchObject({ status: 'open', unit: 'working', days: 5 });
    const queue = (await reviewer.get('/api/enforcement/reviews')).json();
    expect(queue.map((q: any) => q.id)).toContain(id);
    expectRefusal(await step(reviewer, id, 'review_pass', { note: '同意', data: { checklist: { ...full, discretion: false } } }), 'review_checklist_incomplete');
    ok(await step(reviewer, id, 'review_pass', { note: '事实清楚，程序合法，同意', data: { checklist: full } }));

    const decision = { decidedOn: env.s.today(), penaltyKind: 'confiscation', fine: 60000, benchmarkId: foodPower.benchmarks[0].id, otherPenalties: '没收违法所得', decisionText: '决定没收违法所得并处罚款六万元', publicize: true };
    expectRefusal(await step(leader, id, 'decide', { data: { ...decision, fine: 65000 } }), 'heavier_than_notice');
    expectRefusal(await step(leader, id, 'decide', { data: decision }), 'collective_decision_required');
    ok(await leader.post(`/api/enforcement/cases/${id}/collective`, { meeting: '局长办公会议', meetingDate: env.s.today(), attendees: '局长、副局长', minutes: '讨论了本案', conclusion: '同意处罚' }));
    const decided = await step(leader, id, 'decide', { data: decision });
    expect(decided.statusCode, decided.body).toBe(200);
    const k = await getCase(id);
    expect(k.decision_no).toMatch(/^演市监罚决字〔\d{4}〕\d+号$/);
    expect(k.review_reasons).toContain('hearing_held');
    expect(k.records.find((r: any) => r.kind === 'decision').content.rights).toMatch(/60日内.*申请行政复议.*6个月内.*行政诉讼/);

    ok(await step(officer, id, 'serve', { data: { servedOn: env.s.today(), method: 'direct' } }));
    const served = await getCase(id);
    expect(served.payment_due > env.s.today()).toBe(true);
    expectRefusal(await step(officer, id, 'record_payment', { data: { channel: 'onspot', receiptNo: 'XJ0001', paidOn: env.s.today(), amount: 60000 } }), 'onspot_collection_not_allowed');
    expectRefusal(await step(officer, id, 'record_payment', { data: { channel: 'bank', receiptNo: 'YH0001', paidOn: env.s.today(), amount: 59999 } }), 'payment_amount_mismatch');
    expectRefusal(await step(officer, id, 'close'), 'execution_pending');
    ok(await step(officer, id, 'record_payment', { data: { channel: 'bank', receiptNo: 'YH0001', paidOn: env.s.today(), amount: 60000 } }));

    ok(await officer.post(`/api/enforcement/cases/${id}/publicity`));
    const pub = (await env.anon.get('/api/public/enforcement/decisions')).json();
    expect(pub.find((p: any) => p.id === id)).toMatchObject({ decision_no: k.decision_no, party_name_masked: '演示市鲜味食品店有限公司' });
    ok(await step(officer, id, 'close'));
    expect((await getCase(id)).status).toBe('closed');

    // The case file: an index, each document with its SM3 digest, and a checksum list.
    const zipRes = await officer.get(`/api/enforcement/cases/${id}/casefile.zip`);
    expect(zipRes.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(zipRes.rawPayload);
    expect(Object.keys(zip.files)).toContain('目录.html');
    expect(await zip.file('目录.html')!.async('string')).toContain('行政处罚决定书');
  });

  it('publishes a decision about a person masked, and withdraws it after the decision is revoked', async () => {
    const res = await officer.post('/api/enforcement/cases', { powerId: pricePower.id, title: '个体户李大伟未明码标价案', party: { kind: 'person', name: '李大伟', idNumber: '990102198805061235', address: '演示市东湖区湖滨街道柳巷 8 号' }, facts: '未明码标价。', filedOn: ago(20), officerIds: [officers.get('赵执法'), officers.get('孙丽')] });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    ok(await officer.post(`/api/enforcement/cases/${id}/actions`, { kind: 'inquiry', happenedOn: ago(19), place: '询问室', summary: '询问当事人', officerIds: [officers.get('赵执法'), officers.get('孙丽')], certificatesShown: true }));
    const band = pricePower.benchmarks.find((b) => b.band === '一般')!;
    const before = (await officer.get(`/api/procedures/${(await getCase(id)).instance_id}`)).json().deadlines.find((d: any) => d.kind === 'enforcement.decision');
    const ext = await leader.post(`/api/enforcement/cases/${id}/extension`, { reason: '案情复杂，需补充鉴定' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().due_date > before.due_date).toBe(true);
    expect((await leader.post(`/api/enforcement/cases/${id}/extension`, { reason: '再次延长' })).json().code).toBe('deadline_already_extended');
    ok(await step(officer, id, 'notify', { data: { noticeOn: ago(18), reasons: '未明码标价', legalBasis: '价格法第四十二条', penaltyKind: 'fine', proposedFine: 1500, benchmarkId: band.id } }));
    // No hearing right for this fine; the five working days have passed; no reason for review.
    expectRefusal(await step(officer, id, 'request_hearing', { data: { requestedOn: ago(17) } }), 'hearing_not_available');
    ok(await step(officer, id, 'to_decision'));
    ok(await step(leader, id, 'decide', { data: { decidedOn: ago(1), penaltyKind: 'fine', fine: 1500, benchmarkId: band.id, decisionText: '当事人李大伟（身份证号码990102198805061235）未明码标价，决定对李大伟罚款一千五百元', publicize: true } }));
    expect((await step(officer, id, 'serve', { data: { servedOn: ago(2), method: 'direct' } })).json().code).toBe('dates_out_of_order');
    ok(await step(officer, id, 'serve', { data: { servedOn: env.s.today(), method: 'direct' } }));
    ok(await officer.post(`/api/enforcement/cases/${id}/publicity`));

    const list = await env.anon.get('/api/public/enforcement/decisions');
    expect(list.body).not.toContain('李大伟');
    expect(list.body).not.toContain('198805061235');
    const item = list.json().find((p: any) => p.id === id);
    expect(item.party_name_masked).toBe('李**');
    const detail = await env.anon.get(`/api/public/enforcement/decisions/${id}`);
    expect(detail.json()).toMatchObject({ party_id_masked: '990102********1235', party_address_masked: '演示市东湖区***', decision_text: '当事人李**（身份证号码990102********1235）未明码标价，决定对李**罚款一千五百元' });
    expect(detail.body).not.toContain('李大伟');
    expect(detail.body).not.toContain('柳巷');
    // The handling officer sees the party in full.
    expect((await getCase(id)).party).toMatchObject({ name: '李大伟', idNumber: '990102198805061235' });

    expectRefusal(await officer.post(`/api/enforcement/cases/${id}/publicity/withdraw`, { reason: '决定已撤销' }), 'no_change_recorded');
    const change = await leader.post(`/api/enforcement/cases/${id}/decision-change`, { kind: 'revoked', changedOn: env.s.today(), reason: '经复议撤销' });
    expect(change.statusCode, change.body).toBe(200);
    expect(change.json().withdraw_due > env.s.today()).toBe(true);
    expect((await officer.post(`/api/enforcement/cases/${id}/publicity/withdraw`, { reason: '原处罚决定经行政复议被撤销' })).json().withdraw_on_time).toBe(true);
    expect((await env.anon.get('/api/public/enforcement/decisions')).json().find((p: any) => p.id === id)).toBeUndefined();
    expect((await env.anon.get(`/api/public/enforcement/decisions/${id}`)).statusCode).toBe(404);
  });

  it('decides a small penalty on the spot, collects up to 100 yuan there, and refuses the simplified procedure above its threshold', async () => {
    const band = pricePower.benchmarks.find((b) => b.band === '一般')!;
    const base = { powerId: pricePower.id, title: '流动摊贩未明码标价当场处罚', party: { kind: 'person', name: '王五', idNumber: '990102198805061235' }, facts: '当场查明未标价', officerIds: [officers.get('赵执法'), officers.get('孙丽')], penaltyKind: 'fine', benchmarkId: band.id, place: '湖滨路', deviationReason: '当场处罚，情节轻微' };
    const before = await countCases();
    const refused = expectRefusal(await officer.post('/api/enforcement/cases/simple', { ...base, fine: 300 }), 'enforcement.simple_penalty_max_person');
    expect(refused.basis.article).toBe('第五十一条');
    expect(await countCases()).toBe(before);
    const res = await officer.post('/api/enforcement/cases/simple', { ...base, fine: 50 });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    expect(res.json().decision_no).toMatch(/简罚决字/);
    expectRefusal(await step(officer, id, 'close'), 'execution_pending');
    ok(await step(officer, id, 'record_payment', { data: { channel: 'onspot', receiptNo: 'CZ2026-0001', paidOn: env.s.today(), amount: 50 } }));
    ok(await step(officer, id, 'close'));
  });

  it('issues certificates only after training and the exam, and lets anyone check one by number', async () => {
    const created = await legal.post('/api/enforcement/officers', { orgId: samr, name: '新执法', kind: 'officer', trainedOn: ago(40) });
    expect(created.statusCode, created.body).toBe(200);
    const oid = created.json().id;
    expectRefusal(await legal.post(`/api/enforcement/officers/${oid}/certificate`, { certNo: 'JZ99019990001', issuer: '演示省人民政府', validFrom: env.s.today() }), 'qualification_missing');
    const aux = (await legal.post('/api/enforcement/officers', { orgId: samr, name: '辅助某', kind: 'auxiliary' })).json().id;
    expectRefusal(await legal.post(`/api/enforcement/officers/${aux}/certificate`, { certNo: 'JZ99019990002', issuer: '演示省人民政府', validFrom: env.s.today() }), 'auxiliary_no_certificate');
    expect((await legal.post('/api/enforcement/officers', { orgId: samr, name: '倒序某', kind: 'officer', trainedOn: ago(5), examPassedOn: ago(10) })).json().code).toBe('dates_out_of_order');

    const o2 = (await legal.post('/api/enforcement/officers', { orgId: samr, name: '持证某', kind: 'officer', trainedOn: ago(40), examPassedOn: ago(20) })).json().id;
    expect((await legal.post(`/api/enforcement/officers/${o2}/certificate`, { certNo: 'JZ99019990003', issuer: '演示省人民政府', validFrom: ago(10), validUntil: ago(11) })).json().code).toBe('dates_out_of_order');
    const cert = await legal.post(`/api/enforcement/officers/${o2}/certificate`, { certNo: 'JZ99019990003', issuer: '演示省人民政府', validFrom: ago(10) });
    expect(cert.statusCode, cert.body).toBe(200);
    expect(cert.json().cert_valid_until.slice(0, 4)).toBe(String(Number(ago(10).slice(0, 4)) + 5));
    expect((await env.anon.get('/api/public/enforcement/officers?certNo=JZ99019990003')).json()).toMatchObject({ name: '持证某', valid: true });
    ok(await legal.post(`/api/enforcement/officers/${o2}/certificate-status`, { status: 'suspended', reason: '违规执法，暂扣证件' }));
    expect((await env.anon.get('/api/public/enforcement/officers?certNo=JZ99019990003')).json().valid).toBe(false);

    ok(await legal.post(`/api/enforcement/officers/${o2}/training`, { course: '行政处罚法', hours: 8, heldOn: ago(3) }));
    const ledger = (await legal.get('/api/enforcement/officers')).json();
    expect(ledger.find((o: any) => o.id === o2)).toMatchObject({ hours: 8, required_hours: 40, can_enforce: false });
    expect(ledger.find((o: any) => o.name === '钱明').training_status).toBe('met');
  });

  it('imports a powers list from Excel row by row, reporting each bad row without revealing foreign organisations', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('权责清单');
    ws.addRow(['演示市权责清单']);
    ws.addRow(['实施主体', '事项编码', '事项名称', '职权类型', '设定依据', '承办内设机构', '责任事项', '是否公开']);
    ws.addRow(['演示市市场监督管理局', 'IMP-001', '对导入测试违法行为的行政处罚', '行政处罚', '《导入测试法》第一条', '法规科', '立案责任\n调查责任', '是']);
    ws.addRow(['演示市市场监督管理局', 'CF-JG-001', '重复编码', '行政处罚', '依据', '', '', '']);
    ws.addRow(['演示市教育局', 'IMP-002', '非执法主体的职权', 'license', '依据', '', '', '']);
    ws.addRow(['不存在的局', 'IMP-003', '未知机构的职权', '行政检查', '依据', '', '', '']);
    const upload = async (c: Client, data: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)]), 'powers.xlsx');
      const res = await fetch(env.baseUrl + '/api/enforcement/powers/import', { method: 'POST', headers: { cookie: c.cookie, 'x-csrf-token': c.csrf }, body: form });
      return { status: res.status, json: await res.json() };
    };
    const res = await upload(reviewer, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.imported).toBe(1);
    const errs = res.json.errors as { row: number; message: string }[];
    expect(errs.map((e) => e.row)).toEqual([4, 5, 6]);
    // The reviewer's scope is their own bureau: another bureau and an unknown name read alike.
    const unnamed = (m: string) => m.replace(/“.*?”/, '“”');
    expect(unnamed(errs[1].message)).toBe(unnamed(errs[2].message));
    expect((await officer.get('/api/enforcement/powers?q=IMP-001')).json()).toHaveLength(1);
    expect((await upload(reviewer, Buffer.from('not a workbook'))).json.code).toBe('invalid_workbook');
    const exported = await officer.get('/api/enforcement/powers.xlsx');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(exported.rawPayload as never);
    expect(back.getWorksheet('裁量基准')!.rowCount).toBeGreaterThan(3);
  });

  it('keeps the powers list with benchmarks, answers statistics and metrics for assessment', async () => {
    const p = await legal.post('/api/enforcement/powers', { orgId: samr, code: 'CF-TEST-9', name: '对测试违法行为的行政处罚', powerType: 'penalty', legalBasis: '《测试法》第一条', internalUnit: '法规科', responsibilityItems: ['立案责任'] });
    expect(p.statusCode, p.body).toBe(200);
    expect((await legal.post('/api/enforcement/powers', { orgId: samr, code: 'CF-TEST-9', name: '重复', powerType: 'penalty', legalBasis: '依据' })).json().code).toBe('power_code_taken');
    expect((await legal.put(`/api/enforcement/powers/${p.json().id}/benchmarks`, { bands: [{ band: '一般', circumstances: '情节一般', fineMin: 2000, fineMax: 1000 }] })).json().code).toBe('band_inverted');
    ok(await legal.put(`/api/enforcement/powers/${p.json().id}/benchmarks`, { bands: [{ band: '一般', circumstances: '情节一般', fineMin: 1000, fineMax: 2000 }] }));
    const nonSubject = await orgId(env.s, '演示市教育局');
    expect((await legal.post('/api/enforcement/powers', { orgId: nonSubject, code: 'X-1', name: '对某事项的处罚', powerType: 'penalty', legalBasis: '依据' })).json().code).toBe('not_enforcement_subject');

    const flow = (await env.anon.get('/api/public/enforcement/procedure')).json();
    expect(flow[0].steps.find((x: any) => x.code === 'decide').conditions.map((c: any) => c.rule)).toContain('legal_review_required');
    const publicPowers = (await env.anon.get(`/api/public/enforcement/powers?orgId=${samr}`)).json();
    expect(publicPowers.find((x: any) => x.code === 'CF-TEST-9').benchmarks).toHaveLength(1);

    const year = Number(env.s.today().slice(0, 4));
    const stats = (await legal.get(`/api/enforcement/stats?year=${year}`)).json();
    expect(stats.total.filed).toBeGreaterThanOrEqual(4);
    expect(stats.total.hearings).toBeGreaterThanOrEqual(1);
    expect(stats.byMonth).toHaveLength(12);
    const xlsx = await legal.get(`/api/enforcement/stats.xlsx?year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const q = `orgId=${samr}&from=${year}-01-01&to=${year}-12-31`;
    const review = (await legal.get(`/api/metrics/enforcement.legal_review_coverage/value?${q}`)).json();
    expect(review.value).toBe(100);
    const certified = (await legal.get(`/api/metrics/enforcement.certified_officer_ratio/value?${q}`)).json();
    expect(certified.denominator).toBeGreaterThan(certified.numerator);
  });
});
