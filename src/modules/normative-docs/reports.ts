import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import { inScope, orgFacts, orgScopeFilter } from '../../core/policy/scope.ts';
import { ndb, ntx } from './schema.ts';
import type { Bulletin, BulletinCounts, BulletinRow } from './bulletin-files.ts';
import { parseRegisterWorkbook, type RowError } from './register-import.ts';
import { registerExistingDocument } from './register.ts';
import { legalOfficeFor } from './lifecycle.ts';

export function periodOf(year: number, quarter?: number) {
  if (!quarter) return { kind: 'year' as const, year, from: `${year}-01-01`, to: `${year}-12-31` };
  const m0 = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, m0 + 2, 0)).getUTCDate();
  return { kind: 'quarter' as const, year, quarter, from: `${year}-${String(m0).padStart(2, '0')}-01`, to: `${year}-${String(m0 + 2).padStart(2, '0')}-${end}` };
}

const zero = (): BulletinCounts => ({ issued: 0, filedOnTime: 0, filedLate: 0, notFiled: 0, approved: 0, correction: 0, revoked: 0, pending: 0 });

/**
 * 备案审查情况通报 (seed 000 §2(二)4: quarterly and annual): per issuing body in the
 * caller's scope, documents published in the period, how they were filed, and the
 * outcome of the filing review as it stands today.
 */
export async function bulletinData(s: Services, actor: Actor, q: { year: number; quarter?: number }): Promise<Bulletin> {
  const period = periodOf(q.year, q.quarter);
  const rows = await ndb(s.db)
    .selectFrom('normative_documents as d')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .leftJoin('normative_filings as f', 'f.document_id', 'd.id')
    .select([
      'd.issuer_org_id',
      'i.name as issuer_name',
      sql<number>`count(*)::int`.as('issued'),
      sql<number>`count(*) filter (where f.on_time)::int`.as('filed_on_time'),
      sql<number>`count(*) filter (where f.id is not null and not f.on_time)::int`.as('filed_late'),
      sql<number>`count(*) filter (where f.id is null)::int`.as('not_filed'),
      sql<number>`count(*) filter (where f.outcome = 'approved')::int`.as('approved'),
      sql<number>`count(*) filter (where f.outcome = 'correction' or (f.outcome is null and f.corrected_on is not null))::int`.as('correction'),
      sql<number>`count(*) filter (where f.outcome = 'revoked')::int`.as('revoked'),
      sql<number>`count(*) filter (where f.id is not null and f.outcome is null and f.corrected_on is null)::int`.as('pending'),
    ])
    .where('d.published_on', '>=', period.from)
    .where('d.published_on', '<=', period.to)
    .where(orgScopeFilter(actor, 'normative.read', sql.ref('d.issuer_org_id')))
    .groupBy(['d.issuer_org_id', 'i.name', 'i.path'])
    .orderBy('i.path')
    .execute();
  const out: BulletinRow[] = rows.map((r) => ({
    issuerOrgId: r.issuer_org_id,
    issuerName: r.issuer_name,
    issued: r.issued,
    filedOnTime: r.filed_on_time,
    filedLate: r.filed_late,
    notFiled: r.not_filed,
    approved: r.approved,
    correction: r.correction,
    revoked: r.revoked,
    pending: r.pending,
  }));
  const totals = zero();
  for (const r of out) for (const k of Object.keys(totals) as (keyof BulletinCounts)[]) totals[k] += r[k];
  const authority = (await s.db.selectFrom('orgs').select('name').where('id', '=', actor.currentOrgId ?? actor.orgId).executeTakeFirst())?.name ?? '';
  const region = (await s.db.selectFrom('regions').select('name').where('code', '=', actor.regionCode).executeTakeFirst())?.name ?? '';
  const title = `${region}${q.year}年${q.quarter ? `第${q.quarter}季度` : '度'}规范性文件备案审查情况通报`;
  return { title, authority, period, rows: out, totals, issuedOn: s.today() };
}

/**
 * 通过备案审查的规范性文件目录 of a year (seed 002 #18: published in the first quarter of
 * the next year; seed 000 §2(二)4). Public.
 */
export async function passedList(s: Services, year: number) {
  return ndb(s.db)
    .selectFrom('normative_filings as f')
    .innerJoin('normative_documents as d', 'd.id', 'f.document_id')
    .innerJoin('orgs as i', 'i.id', 'd.issuer_org_id')
    .innerJoin('orgs as r', 'r.id', 'f.filed_to_org_id')
    .select(['d.id', 'd.title', 'd.reg_number', 'i.name as issuer_name', 'd.published_on', 'f.filed_on', 'f.reviewed_on', 'r.name as reviewed_by_org', 'd.status'])
    .where('f.outcome', '=', 'approved')
    .where('f.reviewed_on', '>=', `${year}-01-01`)
    .where('f.reviewed_on', '<=', `${year}-12-31`)
    .orderBy('i.name')
    .orderBy('d.reg_year')
    .orderBy('d.reg_seq')
    .execute();
}

const STATE_OF = { valid: 'published', abolished: 'abolished', expired: 'expired' } as const;

/**
 * Migration of an office's existing register (Excel). Rows the parser rejects and rows
 * whose issuing body is not a confirmed issuer in the caller's scope, or whose number is
 * already registered, come back as errors; the valid rows are imported in one
 * transaction with their procedure instance in the state the register gives.
 */
export async function importRegister(s: Services, actor: Actor, file: Buffer) {
  const parsed = await parseRegisterWorkbook(file);
  const errors: RowError[] = [...parsed.errors];
  const imported: number[] = [];
  await s.tx(async (tx) => {
    const t = ntx(tx);
    const issuers = await t.selectFrom('normative_issuers as n').innerJoin('orgs as o', 'o.id', 'n.org_id').select(['n.org_id', 'o.name', 'o.region_code', 'n.doc_type', 'n.number_pattern']).execute();
    const byName = new Map(issuers.map((i) => [i.name, i]));
    for (const r of parsed.rows) {
      const issuer = byName.get(r.issuerName);
      const facts = issuer && (await orgFacts(tx, issuer.org_id));
      if (!issuer || !facts || !inScope(actor, 'normative.publish', facts)) {
        errors.push({ row: r.row, field: '制定机关', message: `"${r.issuerName}"不是您数据范围内已公告的制定主体`, message_en: `"${r.issuerName}" is not an announced issuer in your scope` });
        continue;
      }
      if (await t.selectFrom('normative_documents').select('id').where('reg_number', '=', r.regNumber).executeTakeFirst()) {
        errors.push({ row: r.row, field: '登记编号', message: `登记编号"${r.regNumber}"已存在`, message_en: `Number ${r.regNumber} already registered` });
        continue;
      }
      const seq = seqFromNumber(issuer.number_pattern, r.regNumber);
      const year = Number(r.publishedOn.slice(0, 4));
      const status = r.status === 'valid' && r.expiresOn && r.expiresOn < s.today() ? 'expired' : r.filedOn && r.status === 'valid' ? 'filed' : STATE_OF[r.status];
      const doc = await registerExistingDocument(
        s,
        tx,
        actor,
        {
          org_id: issuer.org_id,
          region_code: issuer.region_code,
          issuer_org_id: issuer.org_id,
          title: r.title,
          doc_type: r.docType,
          provisional: r.provisional,
          body: r.body || r.title,
          status,
          reg_number: r.regNumber,
          reg_year: seq == null ? null : year,
          reg_seq: seq,
          published_on: r.publishedOn,
          effective_on: r.effectiveOn,
          expires_on: r.expiresOn,
          created_by: actor.userId,
        },
        { note: `由原登记簿导入（第 ${r.row} 行）`, by: actor.userId },
      );
      if (r.filedOn) {
        const to = await legalOfficeFor(tx, issuer.org_id, issuer.doc_type);
        if (to) await t.insertInto('normative_filings').values({ document_id: doc.id, org_id: issuer.org_id, filed_to_org_id: to, region_code: issuer.region_code, filed_on: r.filedOn, due_on: r.filedOn, on_time: true, report: '（原登记簿导入）', explanation: '（原登记簿导入）' }).execute();
      }
      if (seq != null) {
        await t.insertInto('normative_number_seq').values({ org_id: issuer.org_id, year, last_seq: seq }).onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ last_seq: sql`greatest(normative_number_seq.last_seq, excluded.last_seq)` })).execute();
      }
      await recordAudit(tx, actorForAudit(actor), { action: 'normative.import', entityType: 'normative_document', entityId: doc.id, orgId: issuer.org_id, after: { ...doc, body: `${doc.body.length} 字`, search_vector: undefined } });
      imported.push(doc.id);
    }
  });
  errors.sort((a, b) => a.row - b.row);
  return { imported: imported.length, ids: imported, errors };
}

/** The sequence number of a registration number written after the issuer's pattern, if it fits. */
export function seqFromNumber(pattern: string, number: string): number | null {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = pattern.split(/(\{year\}|\{seq(?::\d)?\})/);
  const re = new RegExp('^' + parts.map((p) => (p === '{year}' ? '\\d{4}' : /^\{seq/.test(p) ? '(\\d+)' : esc(p))).join('') + '$');
  const m = re.exec(number);
  return m ? Number(m[1]) : null;
}

