/**
 * Pure rules about officers: who may enforce, how many, and training hours. Dates are
 * ISO strings (YYYY-MM-DD), compared lexically.
 */

export interface OfficerFacts {
  id: number;
  org_id: number;
  kind: 'officer' | 'auxiliary';
  cert_status: string;
  cert_valid_from: string | null;
  cert_valid_until: string | null;
}

export type OfficerRefusal = 'auxiliary' | 'no_certificate' | 'certificate_suspended' | 'certificate_revoked' | 'certificate_expired' | 'certificate_not_yet_valid' | 'other_organisation';

/**
 * Why an officer may not act for `orgId` on `date`, or null when they may. Auxiliaries
 * never count (严禁无执法资格人员上岗执法, seed 000 §5(二)3).
 */
export function officerRefusal(o: OfficerFacts, orgId: number, date: string): OfficerRefusal | null {
  if (o.org_id !== orgId) return 'other_organisation';
  if (o.kind === 'auxiliary') return 'auxiliary';
  if (o.cert_status === 'suspended') return 'certificate_suspended';
  if (o.cert_status === 'revoked') return 'certificate_revoked';
  if (o.cert_status !== 'valid' || !o.cert_valid_until) return 'no_certificate';
  if (o.cert_valid_from && date < o.cert_valid_from) return 'certificate_not_yet_valid';
  if (date > o.cert_valid_until) return 'certificate_expired';
  return null;
}

export const OFFICER_REFUSAL_TEXT: Record<OfficerRefusal, { zh: string; en: string }> = {
  auxiliary: { zh: '执法辅助人员不得作为执法人员', en: 'is an auxiliary and cannot count as an officer' },
  no_certificate: { zh: '未取得行政执法证件', en: 'holds no enforcement certificate' },
  certificate_suspended: { zh: '行政执法证件已暂扣', en: 'has a suspended certificate' },
  certificate_revoked: { zh: '行政执法证件已注销或吊销', en: 'has a revoked certificate' },
  certificate_expired: { zh: '行政执法证件已过有效期', en: 'has an expired certificate' },
  certificate_not_yet_valid: { zh: '行政执法证件尚未生效', en: 'has a certificate not yet valid' },
  other_organisation: { zh: '不属于本执法主体', en: 'belongs to another organisation' },
};

/** The officers that count for an action: distinct, certified, of the organisation. */
export function certifiedCount(officers: OfficerFacts[], orgId: number, date: string): number {
  return new Set(officers.filter((o) => !officerRefusal(o, orgId, date)).map((o) => o.id)).size;
}

export type TrainingStatus = 'met' | 'yellow' | 'red' | 'normal';

/**
 * Training hours against the yearly requirement: met; below it before the warning date
 * 'normal'; from the warning date to year end 'yellow'; after the year 'red'.
 */
export function trainingStatus(hours: number, required: number, year: number, today: string, warningFrom: string): TrainingStatus {
  if (hours >= required) return 'met';
  const yearEnd = `${year}-12-31`;
  if (today > yearEnd) return 'red';
  if (today >= `${year}-${warningFrom}`) return 'yellow';
  return 'normal';
}
