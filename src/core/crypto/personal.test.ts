import { describe, expect, it } from 'vitest';
import { Sm4Box } from './sm.ts';
import { isValidCreditCode, maskAddress, openParty, redactParty, sealParty } from './personal.ts';

describe('party personal data', () => {
  const box = new Sm4Box('test-secret');
  it('seals a natural person and keeps only masked forms in the clear', () => {
    const p = sealParty(box, { kind: 'person', name: '张小明', idNumber: '990102198805061235', address: '演示市东湖区湖滨街道柳巷 6 号' });
    expect(p.party_name_masked).toBe('张**');
    expect(p.party_id_masked).toBe('990102********1235');
    expect(p.party_address_masked).toBe('演示市东湖区***');
    expect(JSON.stringify(p)).not.toContain('张小明');
    expect(JSON.stringify(p)).not.toContain('198805061235');
    expect(openParty(box, p)).toEqual({ kind: 'person', name: '张小明', idNumber: '990102198805061235', address: '演示市东湖区湖滨街道柳巷 6 号' });
  });
  it('keeps an organisation in the clear: it is not personal data', () => {
    const p = sealParty(box, { kind: 'org', name: '演示市惠民超市有限公司', idNumber: '914403001922038216' });
    expect(p.party_name_masked).toBe('演示市惠民超市有限公司');
    expect(p.party_name_enc).toBeNull();
    expect(p.party_id_masked).toBe('914403001922038216');
  });
  it('redacts the identifiers of the party from a text to publish', () => {
    const p = sealParty(box, { kind: 'person', name: '张小明', idNumber: '990102198805061235', address: '演示市东湖区湖滨街道柳巷 6 号' });
    const text = '当事人张小明（身份证号码990102198805061235，住演示市东湖区湖滨街道柳巷 6 号）未明码标价，对张小明罚款二千元。';
    expect(redactParty(box, p, text)).toBe('当事人张**（身份证号码990102********1235，住演示市东湖区***）未明码标价，对张**罚款二千元。');
    const org = sealParty(box, { kind: 'org', name: '演示市惠民超市有限公司', idNumber: '914403001922038216' });
    expect(redactParty(box, org, '演示市惠民超市有限公司未明码标价')).toBe('演示市惠民超市有限公司未明码标价');
  });
  it('masks a short address too', () => expect(maskAddress('湖滨路')).toBe('湖滨路***'));
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts codes with the right check character', () => {
    expect(isValidCreditCode('914403001922038216')).toBe(true);
    expect(isValidCreditCode('91110000100006485K')).toBe(true);
  });
  it('refuses a wrong check character, letters I O S V Z, and wrong lengths', () => {
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91440300192203821I')).toBe(false);
    expect(isValidCreditCode('91440300192203821')).toBe(false);
  });
});
