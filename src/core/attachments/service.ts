import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { sql } from 'kysely';
import type { Services } from '../services.ts';
import type { Actor } from '../policy/actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../policy/scope.ts';
import { badInput, DomainError, notFound } from '../http/errors.ts';
import { ruleValue } from '../rules/service.ts';
import { sm3 } from '../crypto/sm.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorForAudit } from '../auth/audit-actor.ts';

/**
 * The type of a file from its content, never from its name. Plain text has no magic
 * number: it is accepted as text/plain only if it is valid UTF-8 without control bytes.
 */
export async function sniffType(buf: Buffer): Promise<string | undefined> {
  const t = await fileTypeFromBuffer(buf);
  if (t) return t.mime;
  if (buf.length && !buf.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf);
      return 'text/plain';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

async function ownerOf(s: Services, ownerType: string, ownerId: string) {
  const res = s.registry.resources.get(ownerType);
  if (!res) throw badInput('unknown_owner_type', 'ownerType', { zh: `不能向"${ownerType}"类记录上传附件`, en: `Attachments cannot be linked to ${ownerType}` });
  const row = await sql<{ org_id: number }>`select ${sql.ref(res.orgColumn)} as org_id from ${sql.table(res.table)} where ${sql.ref(res.idColumn)}::text = ${ownerId}`.execute(s.db);
  return { res, orgId: row.rows[0]?.org_id };
}

export async function uploadAttachment(s: Services, actor: Actor, input: { ownerType: string; ownerId: string; filename: string; data: Buffer }) {
  const { res, orgId } = await ownerOf(s, input.ownerType, input.ownerId);
  if (orgId == null) throw notFound({ zh: '关联记录', en: 'Owner record' }, 'ownerId');
  const facts = await assertOrgInScope(s.db, actor, res.writePermission, orgId, { zh: '关联记录', en: 'Owner record' });
  const org = await s.db.selectFrom('orgs').select('region_code').where('id', '=', facts.id).executeTakeFirstOrThrow();
  const [maxBytes, allowed] = await Promise.all([
    ruleValue<number>(s.db, 'attachments.max_bytes', org.region_code, s.today()),
    ruleValue<string[]>(s.db, 'attachments.allowed_types', org.region_code, s.today()),
  ]);
  if (input.data.length > maxBytes) {
    throw new DomainError({ status: 413, code: 'file_too_large', title: '文件过大', detail: `文件超过 ${Math.round(maxBytes / 1048576)} MB 的上限`, detail_en: `The file exceeds the ${maxBytes} byte limit`, field: 'file', rule: 'attachments.max_bytes' });
  }
  if (!input.data.length) throw badInput('file_empty', 'file', { zh: '文件为空', en: 'The file is empty' });
  const mime = await sniffType(input.data);
  if (!mime || !allowed.includes(mime)) {
    throw new DomainError({ status: 415, code: 'file_type_not_allowed', title: '文件类型不允许', detail: `文件内容识别为 ${mime ?? '未知类型'}，不在允许的类型之内`, detail_en: `The content is ${mime ?? 'of unknown type'}, which is not allowed`, field: 'file', rule: 'attachments.allowed_types' });
  }
  const id = crypto.randomUUID();
  const digest = sm3(input.data);
  const key = path.join(id.slice(0, 2), id);
  const full = path.join(s.config.filesDir, key);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, input.data, { flag: 'wx' });
  try {
    return await s.tx(async (tx) => {
      const row = await tx
        .insertInto('attachments')
        .values({ id, org_id: orgId, region_code: org.region_code, owner_type: input.ownerType, owner_id: input.ownerId, filename: path.basename(input.filename).slice(0, 200), mime, size_bytes: input.data.length, sm3: digest, storage_key: key, uploaded_by: actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actorForAudit(actor), { action: 'attachment.upload', entityType: 'attachment', entityId: id, orgId, after: row });
      return row;
    });
  } catch (err) {
    fs.rmSync(full, { force: true }); // no orphan file when the record is not written
    throw err;
  }
}

export async function listAttachments(s: Services, actor: Actor, ownerType: string, ownerId: string) {
  return s.db
    .selectFrom('attachments')
    .select(['id', 'owner_type', 'owner_id', 'filename', 'mime', 'size_bytes', 'sm3', 'org_id', 'uploaded_by', 'created_at'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .where(orgScopeFilter(actor, 'attachment.read', sql.ref('org_id')))
    .orderBy('created_at')
    .execute();
}

/** Reads a file within data scope and checks its SM3 digest, so tampering on disk shows. */
export async function readAttachment(s: Services, actor: Actor, id: string) {
  const row = await s.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ zh: '附件', en: 'Attachment' });
  await assertOrgInScope(s.db, actor, 'attachment.read', row.org_id, { zh: '附件', en: 'Attachment' });
  const data = fs.readFileSync(path.join(s.config.filesDir, row.storage_key));
  if (sm3(data) !== row.sm3) {
    throw new DomainError({ status: 409, code: 'attachment_corrupted', title: '附件校验失败', detail: '附件内容与登记的 SM3 摘要不符，可能已被篡改', detail_en: 'The file does not match its recorded SM3 digest' });
  }
  return { row, data };
}
