import type { Sm4Box } from './sm.ts';
import { maskIdNumber, maskPersonName } from './mask.ts';

/**
 * A party's personal data (个人信息保护法 arts. 28, 51): sealed with SM4 at rest, its
 * masked form computed once at write time and stored beside it. Public views select only
 * the masked columns, so no page can show the plain value by forgetting to mask it.
 */
export interface PartyInput {
  /** 'person' = natural person (name and ID are personal data); 'org' = legal person or other organisation. */
  kind: 'person' | 'org';
  name: string;
  /** Resident identity number (person) or unified social credit code (org). */
  idNumber?: string | null;
  address?: string | null;
}

export interface SealedParty {
  party_kind: 'person' | 'org';
  party_name_enc: string | null;
  party_name_masked: string;
  party_id_enc: string | null;
  party_id_masked: string | null;
  party_address_enc: string | null;
  party_address_masked: string | null;
}

/** An address keeps its area (the first six characters), not the house. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  return chars.length <= 6 ? chars.join('') + '***' : chars.slice(0, 6).join('') + '***';
}

export function sealParty(pii: Sm4Box, p: PartyInput): SealedParty {
  const person = p.kind === 'person';
  const id = p.idNumber?.trim() || null;
  const address = p.address?.trim() || null;
  return {
    party_kind: p.kind,
    // An organisation's name is public by nature; a person's name is personal data.
    party_name_enc: person ? pii.encrypt(p.name.trim()) : null,
    party_name_masked: person ? maskPersonName(p.name) : p.name.trim(),
    party_id_enc: id ? pii.encrypt(id) : null,
    party_id_masked: id ? (person ? maskIdNumber(id) : id) : null,
    party_address_enc: address ? pii.encrypt(address) : null,
    party_address_masked: address ? (person ? maskAddress(address) : address) : null,
  };
}

/**
 * One personal identifier (a phone, an ID number) sealed with SM4, with its masked form
 * computed at write time for lists and public views.
 */
export function sealValue(pii: Sm4Box, value: string | null | undefined, mask: (v: string) => string): { enc: string | null; masked: string | null } {
  const v = value?.trim() || null;
  return { enc: v ? pii.encrypt(v) : null, masked: v ? mask(v) : null };
}

/** The plain party for users entitled to it (the handling organisation). */
export function openParty(pii: Sm4Box, row: SealedParty) {
  return {
    kind: row.party_kind,
    name: row.party_name_enc ? pii.decrypt(row.party_name_enc) : row.party_name_masked,
    idNumber: row.party_id_enc ? pii.decrypt(row.party_id_enc) : null,
    address: row.party_address_enc ? pii.decrypt(row.party_address_enc) : null,
  };
}

/** Unified social credit code (GB 32100-2015) with its check character. */
export function isValidCreditCode(code: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(code[i]) * weights[i];
  const check = (31 - (sum % 31)) % 31;
  return chars[check] === code[17];
}

/**
 * The text of a published decision with the party's own identifiers (a person's name, any
 * ID number, an address) replaced by their masked forms. The replacement works from the
 * sealed party — what the system knows about this party — not from patterns, so it masks
 * exactly the data of the record.
 */
export function redactParty(pii: Sm4Box, row: SealedParty, text: string): string {
  const plain = openParty(pii, row);
  let out = text;
  const swap = (value: string | null, masked: string | null) => {
    if (value && masked && value.length >= 2 && value !== masked) out = out.split(value).join(masked);
  };
  // Longest first, so an address that contains the name is masked as a whole.
  const pairs: [string | null, string | null][] = [
    [plain.address, row.party_address_masked],
    [plain.idNumber, row.party_id_masked],
    [plain.kind === 'person' ? plain.name : null, row.party_name_masked],
  ];
  pairs.sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0));
  for (const [v, m] of pairs) swap(v, m);
  return out;
}
