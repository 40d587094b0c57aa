import { describe, expect, it } from 'vitest';
import { certifiedCount, officerRefusal, trainingStatus, type OfficerFacts } from './officer-rules.ts';

const officer = (id: number, over: Partial<OfficerFacts> = {}): OfficerFacts => ({ id, org_id: 7, kind: 'officer', cert_status: 'valid', cert_valid_from: '2024-01-01', cert_valid_until: '2028-12-31', ...over });

describe('who may enforce (行政处罚法 art. 42; seed 000 §5(二)3)', () => {
  it('accepts a certified officer of the subject', () => {
    expect(officerRefusal(officer(1), 7, '2026-05-01')).toBeNull();
  });
  it('refuses auxiliaries, missing, suspended, revoked, expired and not-yet-valid certificates, and other organisations', () => {
    expect(officerRefusal(officer(1, { kind: 'auxiliary' }), 7, '2026-05-01')).toBe('auxiliary');
    expect(officerRefusal(officer(1, { cert_status: 'none', cert_valid_until: null }), 7, '2026-05-01')).toBe('no_certificate');
    expect(officerRefusal(officer(1, { cert_status: 'suspended' }), 7, '2026-05-01')).toBe('certificate_suspended');
    expect(officerRefusal(officer(1, { cert_status: 'revoked' }), 7, '2026-05-01')).toBe('certificate_revoked');
    expect(officerRefusal(officer(1, { cert_valid_until: '2026-04-30' }), 7, '2026-05-01')).toBe('certificate_expired');
    expect(officerRefusal(officer(1, { cert_valid_from: '2026-06-01' }), 7, '2026-05-01')).toBe('certificate_not_yet_valid');
    expect(officerRefusal(officer(1), 8, '2026-05-01')).toBe('other_organisation');
  });
  it('counts the last day of validity as valid', () => {
    expect(officerRefusal(officer(1), 7, '2028-12-31')).toBeNull();
    expect(officerRefusal(officer(1), 7, '2029-01-01')).toBe('certificate_expired');
  });
  it('counts two certified officers only when both qualify, each once', () => {
    expect(certifiedCount([officer(1), officer(2)], 7, '2026-05-01')).toBe(2);
    expect(certifiedCount([officer(1), officer(2, { kind: 'auxiliary' })], 7, '2026-05-01')).toBe(1);
    expect(certifiedCount([officer(1), officer(1)], 7, '2026-05-01')).toBe(1);
  });
});

describe('training hours (seed 000 §1(三)1)', () => {
  it('is met at the requirement', () => expect(trainingStatus(40, 40, 2026, '2026-03-01', '10-01')).toBe('met'));
  it('is normal below it before the warning date, yellow from it, red after the year', () => {
    expect(trainingStatus(16, 40, 2026, '2026-09-30', '10-01')).toBe('normal');
    expect(trainingStatus(16, 40, 2026, '2026-10-01', '10-01')).toBe('yellow');
    expect(trainingStatus(16, 40, 2026, '2027-01-02', '10-01')).toBe('red');
  });
});
