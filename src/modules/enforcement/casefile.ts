/**
 * 案卷 export: one case as a .zip the handling organisation can archive, hand to a
 * reviewer or check later. It holds an index page (目录.html), the case particulars, one
 * file per 全过程记录 entry with the SM3 digest recorded when the act was entered, the
 * evidence files as uploaded, and 清单.sha with the SM3 of every file in the package, so
 * both the records and the package itself can be verified (国办发〔2018〕118号 全过程记录).
 */
import JSZip from 'jszip';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { readAttachment } from '../../core/attachments/service.ts';
import { sm3 } from '../../core/crypto/sm.ts';
import { getCase } from './cases.ts';

// ---------------------------------------------------------------------------------------
// Names and pages (pure)

/** Characters Windows and most unzip tools refuse in a name, and control characters. */
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

export function safeName(name: string): string {
  return name.replace(UNSAFE, '_');
}

/** `演市监立〔2026〕3号案卷.zip`, or `case-12案卷.zip` before a number is given. */
export function caseFileName(c: { id: number; case_no: string | null }): string {
  return safeName(`${c.case_no || `case-${c.id}`}案卷.zip`);
}

/** `文书/03-调查取证.json`: numbered so the files sort in the order of the record. */
export function recordPath(index: number, count: number, title: string): string {
  const width = Math.max(2, String(count).length);
  // Cut by code point so a long title never ends in half a surrogate pair.
  const name = [...safeName(title).trim()].slice(0, 60).join('') || '记录';
  return `文书/${String(index).padStart(width, '0')}-${name}.json`;
}

/** `证据/<filename>`, with “ (2)” before the extension when two files share a name. */
export function evidencePath(filename: string, used: Set<string>): string {
  const base = safeName(filename).trim() || '附件';
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  let path = `证据/${base}`;
  for (let n = 2; used.has(path); n++) path = `证据/${stem} (${n})${ext}`;
  used.add(path);
  return path;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A relative link that survives names with '#', '?', '%' or spaces. */
const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const link = (path: string, text = path.slice(path.indexOf('/') + 1)) => `<a href="${escapeHtml(href(path))}">${escapeHtml(text)}</a>`;

export interface IndexEntry {
  no: number;
  date: string;
  title: string;
  officers: string[];
  digest: string;
  file: string;
  evidence: string | null;
}
export interface IndexHead {
  caseNo: string | null;
  title: string;
  orgName: string;
  powerName: string;
  status: string;
}

/** 目录.html: a self-contained page that opens from the unpacked folder. */
export function indexHtml(head: IndexHead, entries: IndexEntry[]): string {
  const heading = `${head.caseNo ?? ''} ${head.title}`.trim();
  const rows = entries
    .map((e) =>
      [
        '<tr>',
        `<td>${e.no}</td>`,
        `<td>${escapeHtml(e.date)}</td>`,
        `<td>${escapeHtml(e.title)}</td>`,
        `<td>${escapeHtml(e.officers.join('、'))}</td>`,
        `<td class="digest">${escapeHtml(e.digest)}</td>`,
        `<td>${link(e.file)}${e.evidence ? `<br>${link(e.evidence)}` : ''}</td>`,
        '</tr>',
      ].join(''),
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(heading)} 案卷目录</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; }
th { background: #f2f2f2; }
td.digest { font-family: monospace; font-size: 85%; word-break: break-all; }
</style>
</head>
<body>
<h1>案卷目录</h1>
<p>案号：${escapeHtml(head.caseNo ?? '（未编号）')}<br>案由：${escapeHtml(head.title)}<br>执法主体：${escapeHtml(head.orgName)}<br>执法职权：${escapeHtml(head.powerName)}<br>案件状态：${escapeHtml(head.status)}</p>
<p>案件信息：${link('案件信息.json', '案件信息.json')}；文件校验清单（SM3）：${link('清单.sha', '清单.sha')}</p>
<table>
<thead><tr><th>序号</th><th>日期</th><th>文书/记录</th><th>执法人员</th><th>SM3 摘要</th><th>文件</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** `sm3  path` per line, as sha256sum writes it, over the exact bytes stored. */
export function shaList(files: { path: string; data: Buffer }[]): string {
  return files.map((f) => `${sm3(f.data)}  ${f.path}\n`).join('');
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');
const money = (v: string | number | null) => (v === null ? null : Number(v));

/** jsonb comes back parsed; a driver that hands back text still gives the same value. */
function recordContent(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

// ---------------------------------------------------------------------------------------
// Service

type CaseView = Awaited<ReturnType<typeof getCase>>;

function caseInfo(c: CaseView, today: string) {
  return {
    case_no: c.case_no,
    title: c.title,
    org_name: c.org_name,
    procedure_kind: c.procedure_kind,
    status: c.status,
    power: { id: c.power_id, code: c.power_code, name: c.power_name, legal_basis: c.power_basis },
    source: c.source,
    party: c.party,
    facts: c.facts,
    major_reasons: c.major_reasons,
    dates: { filed_on: c.filed_on, notice_on: c.notice_on, decided_on: c.decided_on, served_on: c.served_on, payment_due: c.payment_due, paid_on: c.paid_on, closed_on: c.closed_on },
    penalty: { kind: c.penalty_kind, proposed_fine: money(c.proposed_fine), fine: money(c.fine_amount), other_penalties: c.other_penalties, paid_amount: money(c.paid_amount), surcharge: money(c.surcharge) },
    decision_no: c.decision_no,
    service_method: c.service_method,
    transferred_to: c.transferred_to,
    officers: c.officers.map((o) => ({ id: o.id, name: o.name, cert_no: o.cert_no, role: o.role, recused: o.recused })),
    exported_on: today,
  };
}

/**
 * The case file of one case. Scope is checked by getCase ('enforcement.read') and, for
 * each evidence file, by readAttachment, which also verifies the file against its SM3;
 * a file that cannot be read fails the export rather than leaving a silent gap.
 */
export async function caseFileZip(s: Services, actor: Actor, caseId: number): Promise<{ filename: string; data: Buffer }> {
  const c = await getCase(s, actor, caseId);
  const officerName = new Map(c.officers.map((o) => [o.id, o.name]));
  const records: { path: string; data: Buffer }[] = [];
  const evidence: { path: string; data: Buffer }[] = [];
  const evidenceOf = new Map<string, string>();
  const usedEvidence = new Set<string>();
  const entries: IndexEntry[] = [];

  for (const [i, r] of c.records.entries()) {
    const officers = r.officer_ids.map((id) => officerName.get(id) ?? `#${id}`);
    let evidenceFile: string | null = null;
    if (r.attachment_id) {
      evidenceFile = evidenceOf.get(r.attachment_id) ?? null;
      if (!evidenceFile) {
        const file = await readAttachment(s, actor, r.attachment_id);
        evidenceFile = evidencePath(file.row.filename, usedEvidence);
        evidenceOf.set(r.attachment_id, evidenceFile);
        evidence.push({ path: evidenceFile, data: file.data });
      }
    }
    const path = recordPath(i + 1, c.records.length, r.title);
    // `record` is exactly what appendRecord hashed, so the digest can be recomputed.
    const record = { caseId: c.id, kind: r.kind, title: r.title, happenedOn: r.happened_on, content: recordContent(r.content), officerIds: r.officer_ids, attachmentId: r.attachment_id };
    records.push({
      path,
      data: json({ no: i + 1, record, digest: r.digest, digest_method: 'SM3(canonical JSON of `record`: keys sorted, no whitespace)', officers, evidence_file: evidenceFile, recorded_at: r.at }),
    });
    entries.push({ no: i + 1, date: r.happened_on, title: r.title, officers, digest: r.digest, file: path, evidence: evidenceFile });
  }

  const head = { caseNo: c.case_no, title: c.title, orgName: c.org_name, powerName: c.power_name, status: c.status };
  const files = [
    { path: '目录.html', data: Buffer.from(indexHtml(head, entries), 'utf8') },
    { path: '案件信息.json', data: json(caseInfo(c, s.today())) },
    ...records,
    ...evidence,
  ];
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.data);
  zip.file('清单.sha', shaList(files));
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { filename: caseFileName(c), data };
}
