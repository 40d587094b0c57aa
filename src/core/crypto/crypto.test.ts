import { describe, expect, it } from 'vitest';
import { sm3, Sm4Box } from './sm.ts';
import { isValidIdNumber, maskIdNumber, maskPersonName, maskPhone } from './mask.ts';
import { canonicalJson } from '../audit/canonical.ts';

describe('SM3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('SM4 field encryption', () => {
  const box = new Sm4Box('test-secret');
  it('round-trips and uses a fresh IV each time', () => {
    const a = box.encrypt('110105194912310021');
    const b = box.encrypt('110105194912310021');
    expect(a).not.toBe(b);
    expect(box.decrypt(a)).toBe('110105194912310021');
  });
  it('detects tampering and a wrong key', () => {
    const c = box.encrypt('13812345678');
    const raw = Buffer.from(c.slice(3), 'base64url');
    raw[20] ^= 1;
    expect(() => box.decrypt('v1:' + raw.toString('base64url'))).toThrow(/integrity/);
    expect(() => new Sm4Box('other').decrypt(c)).toThrow();
  });
});

describe('masking of personal data', () => {
  it('masks identifiers and names', () => {
    expect(maskIdNumber('110105194912310021')).toBe('110105********0021');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳小明')).toBe('欧***');
  });
  it('checks the GB 11643 check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});
