
import type { Db, Tx } from '../db/client.ts';
import { sm3 } from '../crypto/sm.ts';
import { canonicalJson, plain } from './canonical.ts';

export interface AuditActor {
  userId: number | null;
  name: string;
}

export interface AuditInput {
  action: string; // e.g. 'org.create', 'procedure.transition'
  entityType: string;
  entityId?: string | number | null;
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, name: 'system' };

// Secrets and ciphertexts never enter the log; the log itself is readable by auditors.
const SECRET_KEY = /password|secret|token|_enc$|Enc$/;
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? (v == null ? v : '[redacted]') : redact(v);
    return out;
  }
  return value;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: number | null;
  before: unknown;
  after: unknown;
}

export function entryHash(prevHash: string, e: AuditEntry): string {
  return sm3(prevHash + canonicalJson(e));
}

type Draft = Omit<AuditEntry, 'seq'>;

/**
 * Entries recorded in a transaction opened by `Services.tx` wait here and are chained in
 * one step just before it commits. The chain's head row is locked only for that step, not
 * from the first change to the commit, so concurrent transactions serialise on a few
 * statements rather than on their whole length.
 */
const pending = new WeakMap<Tx, Draft[]>();

export function beginAuditBuffer(tx: Tx) {
  pending.set(tx, []);
}

/** Chains and writes the transaction's buffered entries (call last, inside the transaction). */
export async function flushAudit(tx: Tx) {
  const drafts = pending.get(tx);
  pending.delete(tx);
  if (drafts?.length) await append(tx, drafts);
}

async function append(tx: Tx, drafts: Draft[]) {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  let prev = head.hash;
  let seq = Number(head.seq);
  const rows = drafts.map((d) => {
    const entry: AuditEntry = { seq: ++seq, ...d };
    const hash = entryHash(prev, entry);
    const row = {
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  await tx.insertInto('audit_log').values(rows).execute();
  await tx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
}

/**
 * Records one entry in the caller's transaction, so the change and its trace commit or
 * roll back together. Outside a `Services.tx` transaction the entry is chained at once.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput): Promise<void> {
  const draft: Draft = {
    at: new Date().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.name,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId == null ? null : String(input.entityId),
    org_id: input.orgId ?? null,
    before: plain(redact(input.before ?? null)),
    after: plain(redact(input.after ?? null)),
  };
  const buffer = pending.get(tx);
  if (buffer) buffer.push(draft);
  else await append(tx, [draft]);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBad?: { seq: number; position: number; reason: 'edited' | 'deleted' | 'chain_broken' | 'truncated'; detail: string; detail_en: string };
}

/** Walks the chain in seq order and reports the first entry that was edited or removed. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        return bad(checked, Number(head.seq), expectedSeq, 'deleted', `第 ${expectedSeq} 条审计记录缺失（已被删除）`, `entry ${expectedSeq} is missing (deleted)`);
      }
      const entry: AuditEntry = {
        seq,
        at: new Date(r.at).toISOString(),
        actor_id: r.actor_id,
        actor_name: r.actor_name,
        action: r.action,
        entity_type: r.entity_type,
        entity_id: r.entity_id,
        org_id: r.org_id,
        before: r.before ?? null,
        after: r.after ?? null,
      };
      if (r.prev_hash !== prevHash) {
        return bad(checked, Number(head.seq), seq, 'chain_broken', `第 ${seq} 条审计记录的前序哈希与链不符`, `entry ${seq} does not link to its predecessor`);
      }
      if (entryHash(prevHash, entry) !== r.hash) {
        return bad(checked, Number(head.seq), seq, 'edited', `第 ${seq} 条审计记录内容已被篡改`, `entry ${seq} was edited after it was written`);
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
      after = seq;
    }
    if (rows.length < batch) break;
  }
  if (checked !== Number(head.seq) || prevHash !== head.hash) {
    return bad(checked, Number(head.seq), expectedSeq, 'truncated', `链尾缺失：应有 ${head.seq} 条，实有 ${checked} 条`, `chain truncated: head says ${head.seq} entries, found ${checked}`);
  }
  return { ok: true, checked, headSeq: Number(head.seq) };
}

function bad(checked: number, headSeq: number, seq: number, reason: NonNullable<VerifyResult['firstBad']>['reason'], zh: string, en: string): VerifyResult {
  return { ok: false, checked, headSeq, firstBad: { seq, position: seq, reason, detail: zh, detail_en: en } };
}

