import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sm3 } from '../../core/crypto/sm.ts';
import { canonicalJson } from '../../core/audit/canonical.ts';
import { DomainError } from '../../core/http/errors.ts';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';

// The service part is exercised against stand-ins for getCase and readAttachment (both
// check scope themselves); HTTP and database tests of the export belong to test/.
const mocks = vi.hoisted(() => ({ getCase: vi.fn(), readAttachment: vi.fn() }));
vi.mock('./cases.ts', () => ({ getCase: mocks.getCase }));
vi.mock('../../core/attachments/service.ts', () => ({ readAttachment: mocks.readAttachment }));

const { caseFileName, caseFileZip, escapeHtml, evidencePath, indexHtml, recordPath, safeName, shaList } = await import('./casefile.ts');

describe('names', () => {
  it('replaces the characters archives and file systems refuse', () => {
    expect(safeName('a/b\\c:d*e?f"g<h>i|j\u0001k')).toBe('a_b_c_d_e_f_g_h_i_j_k');
    expect(caseFileName({ id: 7, case_no: '演市监立〔2026〕3号' })).toBe('演市监立〔2026〕3号案卷.zip');
    expect(caseFileName({ id: 7, case_no: 'A/B:2026' })).toBe('A_B_2026案卷.zip');
    expect(caseFileName({ id: 7, case_no: null })).toBe('case-7案卷.zip');
  });

  it('numbers record files so they sort in order, and keeps titles safe and short', () => {
    expect(recordPath(3, 12, '调查取证')).toBe('文书/03-调查取证.json');
    expect(recordPath(7, 120, '行政处罚决定书')).toBe('文书/007-行政处罚决定书.json');
    expect(recordPath(1, 1, '询问/笔录?')).toBe('文书/01-询问_笔录_.json');
    expect(recordPath(1, 1, '  ')).toBe('文书/01-记录.json');
    expect([...recordPath(1, 1, '𠀀'.repeat(80))].length).toBe('文书/01-'.length + 60 + '.json'.length);
  });

  it('gives evidence files with the same name distinct paths', () => {
    const used = new Set<string>();
    expect(evidencePath('现场照片.jpg', used)).toBe('证据/现场照片.jpg');
    expect(evidencePath('现场照片.jpg', used)).toBe('证据/现场照片 (2).jpg');
    expect(evidencePath('现场照片.jpg', used)).toBe('证据/现场照片 (3).jpg');
    expect(evidencePath('a:b', used)).toBe('证据/a_b');
    expect(evidencePath('', used)).toBe('证据/附件');
  });
});

describe('indexHtml', () => {
  const head = { caseNo: '演市监立〔2026〕3号', title: '某公司<script>案', orgName: '演示市市场监督管理局', powerName: '对不执行政府定价的行政处罚', status: 'closed' };

  it('escapes titles and names, and links files relative to the page', () => {
    const html = indexHtml(head, [
      { no: 1, date: '2026-01-05', title: '立案审批', officers: ['赵执法', '孙丽'], digest: 'ab'.repeat(32), file: '文书/01-立案审批.json', evidence: null },
      { no: 2, date: '2026-01-06', title: '证据 <img src=x onerror=alert(1)> & "引号"', officers: [], digest: 'cd'.repeat(32), file: '文书/02-证据 _img src=x onerror=alert(1)_ & _引号_.json', evidence: '证据/发票#1 50%.pdf' },
    ]);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('某公司&lt;script&gt;案');
    expect(html).toContain('<td>证据 &lt;img src=x onerror=alert(1)&gt; &amp; &quot;引号&quot;</td>');
    expect(html).toContain('<td>赵执法、孙丽</td>');
    expect(html).toContain(`<td class="digest">${'ab'.repeat(32)}</td>`);
    expect(html).toContain(`<a href="${encodeURIComponent('文书')}/${encodeURIComponent('01-立案审批.json')}">01-立案审批.json</a>`);
    expect(html).toContain(`href="${encodeURIComponent('证据')}/${encodeURIComponent('发票#1 50%.pdf')}"`);
    expect(html).toContain('<th>序号</th><th>日期</th><th>文书/记录</th><th>执法人员</th><th>SM3 摘要</th><th>文件</th>');
    expect(html.match(/<tr><td>/g)).toHaveLength(2);
  });

  it('escapes each HTML metacharacter', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('shaList', () => {
  it('lists the SM3 of the exact bytes, two spaces, then the path', () => {
    const files = [
      { path: 'a.txt', data: Buffer.from('abc') },
      { path: '证据/照片.jpg', data: Buffer.from([0xff, 0xd8, 0xff]) },
    ];
    expect(shaList(files)).toBe(`${sm3(Buffer.from('abc'))}  a.txt\n${sm3(Buffer.from([0xff, 0xd8, 0xff]))}  证据/照片.jpg\n`);
    // GB/T 32905-2016 appendix A.1: SM3("abc").
    expect(sm3(Buffer.from('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('caseFileZip', () => {
  const s = { today: () => '2026-03-01' } as unknown as Services;
  const actor = { userId: 1 } as unknown as Actor;
  const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

  const record = (id: number, r: { kind: string; title: string; happenedOn: string; content: Record<string, unknown>; officerIds?: number[]; attachmentId?: string | null }) => {
    const body = { caseId: 9, kind: r.kind, title: r.title, happenedOn: r.happenedOn, content: r.content, officerIds: r.officerIds ?? [], attachmentId: r.attachmentId ?? null };
    return { id, kind: r.kind, title: r.title, happened_on: r.happenedOn, content: r.content, officer_ids: body.officerIds, attachment_id: body.attachmentId, digest: sm3(canonicalJson(body)), at: new Date('2026-01-05T02:00:00Z') };
  };
  const theCase = {
    id: 9,
    case_no: '演市监立〔2026〕3号',
    title: '某食品店销售过期食品案',
    org_name: '演示市市场监督管理局',
    procedure_kind: 'general',
    status: 'closed',
    power_id: 4,
    power_code: 'CF-SP-002',
    power_name: '对经营超过保质期食品的行政处罚',
    power_basis: '《食品安全法》第一百二十四条',
    source: '投诉举报',
    party: { kind: 'org', name: '演示市鲜味食品店有限公司', idNumber: null, address: null },
    facts: '销售超过保质期的食品。',
    major_reasons: [],
    filed_on: '2026-01-05',
    notice_on: '2026-01-20',
    decided_on: '2026-02-01',
    served_on: '2026-02-02',
    payment_due: '2026-02-17',
    paid_on: '2026-02-10',
    closed_on: '2026-02-11',
    penalty_kind: 'fine',
    proposed_fine: '60000.00',
    fine_amount: '60000.00',
    other_penalties: null,
    paid_amount: '60000.00',
    surcharge: null,
    decision_no: '演市监罚决〔2026〕1号',
    service_method: 'direct',
    transferred_to: null,
    officers: [
      { id: 11, name: '赵执法', cert_no: 'YN-0001', role: 'lead', recused: false },
      { id: 12, name: '孙丽', cert_no: 'YN-0002', role: 'handler', recused: false },
    ],
    records: [
      record(1, { kind: 'filing', title: '立案审批', happenedOn: '2026-01-05', content: { caseNo: '演市监立〔2026〕3号', facts: '销售超过保质期的食品。' }, officerIds: [11, 12] }),
      record(2, { kind: 'evidence.physical', title: '证据', happenedOn: '2026-01-06', content: { kind: 'physical', description: '过期食品照片' }, attachmentId: 'a1' }),
      record(3, { kind: 'evidence.physical', title: '证据', happenedOn: '2026-01-07', content: { kind: 'physical', description: '同一照片再次引用' }, attachmentId: 'a1' }),
      record(4, { kind: 'decision', title: '行政处罚决定书', happenedOn: '2026-02-01', content: { decisionNo: '演市监罚决〔2026〕1号', fine: 60000 }, officerIds: [11, 99] }),
    ],
  };

  beforeEach(() => {
    mocks.getCase.mockReset().mockResolvedValue(theCase);
    mocks.readAttachment.mockReset().mockResolvedValue({ row: { id: 'a1', filename: '现场照片.jpg' }, data: photo });
  });

  it('packs the index, the case, each record with its digest, the evidence once, and an SM3 list of every file', async () => {
    const out = await caseFileZip(s, actor, 9);
    expect(out.filename).toBe('演市监立〔2026〕3号案卷.zip');
    expect(mocks.getCase).toHaveBeenCalledWith(s, actor, 9);
    expect(mocks.readAttachment).toHaveBeenCalledTimes(1);
    expect(mocks.readAttachment).toHaveBeenCalledWith(s, actor, 'a1');

    const zip = await JSZip.loadAsync(out.data);
    const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
    expect(names).toEqual(['目录.html', '案件信息.json', '文书/01-立案审批.json', '文书/02-证据.json', '文书/03-证据.json', '文书/04-行政处罚决定书.json', '证据/现场照片.jpg', '清单.sha']);

    // Every file but the list itself is listed with the SM3 of its bytes.
    const sha = await zip.file('清单.sha')!.async('string');
    const listed = sha.trim().split('\n').map((l) => l.split('  '));
    expect(listed.map(([, p]) => p)).toEqual(names.slice(0, -1));
    for (const [digest, p] of listed) expect(sm3(await zip.file(p)!.async('nodebuffer')), p).toBe(digest);
    expect(await zip.file('证据/现场照片.jpg')!.async('nodebuffer')).toEqual(photo);

    // A record file carries exactly what was hashed, so its digest can be recomputed.
    const decision = JSON.parse(await zip.file('文书/04-行政处罚决定书.json')!.async('string'));
    expect(decision).toMatchObject({ no: 4, officers: ['赵执法', '#99'], evidence_file: null, digest: theCase.records[3].digest });
    expect(sm3(canonicalJson(decision.record))).toBe(decision.digest);
    const evidence = JSON.parse(await zip.file('文书/03-证据.json')!.async('string'));
    expect(evidence.evidence_file).toBe('证据/现场照片.jpg');
    expect(sm3(canonicalJson(evidence.record))).toBe(evidence.digest);

    const info = JSON.parse(await zip.file('案件信息.json')!.async('string'));
    expect(info).toMatchObject({
      case_no: '演市监立〔2026〕3号',
      status: 'closed',
      power: { code: 'CF-SP-002', name: '对经营超过保质期食品的行政处罚' },
      party: { name: '演示市鲜味食品店有限公司' },
      penalty: { fine: 60000 },
      decision_no: '演市监罚决〔2026〕1号',
      dates: { filed_on: '2026-01-05', decided_on: '2026-02-01' },
    });

    const html = await zip.file('目录.html')!.async('string');
    expect(html).toContain('行政处罚决定书');
    expect(html).toContain('<td>赵执法、孙丽</td>');
    expect(html).toContain(theCase.records[0].digest);
  });

  it('fails rather than leave out evidence it cannot read', async () => {
    mocks.readAttachment.mockRejectedValue(new DomainError({ status: 409, code: 'attachment_corrupted', title: '附件校验失败', detail: '附件内容与登记的 SM3 摘要不符', detail_en: 'Corrupted' }));
    await expect(caseFileZip(s, actor, 9)).rejects.toMatchObject({ code: 'attachment_corrupted' });
  });

  it('names a case file without a number by its id', async () => {
    mocks.getCase.mockResolvedValue({ ...theCase, case_no: null, records: [] });
    const out = await caseFileZip(s, actor, 9);
    expect(out.filename).toBe('case-9案卷.zip');
    const zip = await JSZip.loadAsync(out.data);
    expect(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name)).toEqual(['目录.html', '案件信息.json', '清单.sha']);
  });
});
