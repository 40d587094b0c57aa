import type { Db, Tx } from '../../core/db/client.ts';
import type { Sm4Box } from '../../core/crypto/sm.ts';
import { sealValue } from '../../core/crypto/personal.ts';
import { isValidMobile, maskPhone } from '../../core/crypto/mask.ts';
import type { SealedContact } from './schema.ts';
import { badInput } from '../../core/http/errors.ts';
import { DECISION } from '../../core/rules/seeds.ts';

export { auditBy as audit } from '../../core/auth/audit-actor.ts';
export { checkNotFuture } from '../../core/http/checks.ts';

export const BASIS_CATALOGUE = { law: DECISION, article: '第三条第三款', quote: '确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整' };

/** The organisation named by a request field, refused as bad input when there is none. */
export async function orgOf(db: Db | Tx, orgId: number, field: string) {
  const o = await db.selectFrom('orgs').select(['id', 'name', 'path', 'region_code']).where('id', '=', orgId).executeTakeFirst();
  if (!o) throw badInput('unknown_org', field, { zh: `机构不存在：${orgId}`, en: `Unknown organisation ${orgId}` });
  return o;
}

/** A period whose end must not precede its start. */
export function checkPeriod(start: string | null | undefined, end: string | null | undefined, field: string) {
  if (start && end && end < start) throw badInput('dates_out_of_order', field, { zh: `结束日期 ${end} 早于开始日期 ${start}`, en: `The end ${end} precedes the start ${start}` });
}


/** A phone sealed with SM4 (core/crypto/personal.ts) with its masked form for lists. */
export function sealPhone(pii: Sm4Box, phone: string | null | undefined, field: string): SealedContact {
  if (phone && !isValidMobile(phone.trim())) throw badInput('invalid_phone', field, { zh: '联系电话格式不正确', en: 'Invalid phone number' });
  const v = sealValue(pii, phone, maskPhone);
  return { contact_enc: v.enc, contact_masked: v.masked };
}

/** The phone as the caller may see it: plain only for those who keep the register. */
export function contactFor(pii: Sm4Box, row: SealedContact, entitled: boolean): string | null {
  return entitled && row.contact_enc ? pii.decrypt(row.contact_enc) : row.contact_masked;
}
