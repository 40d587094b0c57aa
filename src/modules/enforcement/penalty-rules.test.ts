import { describe, expect, it } from 'vitest';
import { bandDeviationOk, fineInBand, hearingRight, lateSurchargeFen, legalReviewReasons, onSpotCollectionAllowed, simpleProcedureAllowed, toFen } from './penalty-rules.ts';

const hearingT = { person: 10000, org: 100000 };

describe('discretion benchmark band (seed 002 #29)', () => {
  const band = { fine_min: '500.00', fine_max: '2000.00' };
  it('accepts a fine within the band, bounds included', () => {
    expect(fineInBand(500, band)).toBe(true);
    expect(fineInBand(2000, band)).toBe(true);
    expect(fineInBand(1234.56, band)).toBe(true);
  });
  it('refuses a fine outside the band unless a reason is recorded', () => {
    expect(fineInBand(2000.01, band)).toBe(false);
    expect(bandDeviationOk(3000, band, null)).toBe(false);
    expect(bandDeviationOk(3000, band, '  ')).toBe(false);
    expect(bandDeviationOk(3000, band, '当事人系累犯，情节恶劣')).toBe(true);
  });
  it('treats a missing bound as open', () => {
    expect(fineInBand(0, { fine_min: null, fine_max: 0 })).toBe(true);
    expect(fineInBand(1, { fine_min: null, fine_max: 0 })).toBe(false);
    expect(fineInBand(1e9, { fine_min: 100, fine_max: null })).toBe(true);
  });
});

describe('hearing threshold (行政处罚法 art. 63)', () => {
  it('gives the right from the large-fine threshold of the party kind', () => {
    expect(hearingRight('person', 9999.99, ['fine'], hearingT)).toBe(false);
    expect(hearingRight('person', 10000, ['fine'], hearingT)).toBe(true);
    expect(hearingRight('org', 99999, ['fine'], hearingT)).toBe(false);
    expect(hearingRight('org', 100000, ['fine'], hearingT)).toBe(true);
  });
  it('gives the right for heavy penalties whatever the fine', () => {
    expect(hearingRight('org', 0, ['revocation'], hearingT)).toBe(true);
    expect(hearingRight('person', 0, ['suspension'], hearingT)).toBe(true);
    expect(hearingRight('person', 0, ['warning'], hearingT)).toBe(false);
  });
});

describe('legal review requirement (art. 58)', () => {
  const t = { person: 10000, org: 100000 };
  it('names each reason that applies', () => {
    expect(legalReviewReasons({ declared: [], hearingHeld: false, partyKind: 'org', fine: 2000, outsideBand: false }, t)).toEqual([]);
    expect(legalReviewReasons({ declared: ['complex'], hearingHeld: true, partyKind: 'org', fine: 2000, outsideBand: false }, t)).toEqual(['hearing_held', 'complex']);
    expect(legalReviewReasons({ declared: [], hearingHeld: false, partyKind: 'person', fine: 10000, outsideBand: false }, t)).toEqual(['fine_threshold']);
    expect(legalReviewReasons({ declared: [], hearingHeld: false, partyKind: 'org', fine: 100, outsideBand: true }, t)).toEqual(['band_deviation']);
  });
  it('ignores declared reasons it does not know', () => {
    expect(legalReviewReasons({ declared: ['whatever'], hearingHeld: false, partyKind: 'org', fine: 0, outsideBand: false }, t)).toEqual([]);
  });
});

describe('simplified procedure and on-the-spot collection (arts. 51, 68)', () => {
  const t = { person: 200, org: 3000 };
  it('allows a warning or a fine up to the threshold of the party kind', () => {
    expect(simpleProcedureAllowed('person', 'warning', 0, t)).toBe(true);
    expect(simpleProcedureAllowed('person', 'fine', 200, t)).toBe(true);
    expect(simpleProcedureAllowed('person', 'fine', 200.01, t)).toBe(false);
    expect(simpleProcedureAllowed('org', 'fine', 3000, t)).toBe(true);
    expect(simpleProcedureAllowed('org', 'fine', 3001, t)).toBe(false);
    expect(simpleProcedureAllowed('org', 'revocation', 0, t)).toBe(false);
    expect(simpleProcedureAllowed('person', 'fine', 0, t)).toBe(false);
  });
  it('lets officers collect on the spot only up to 100 yuan', () => {
    expect(onSpotCollectionAllowed(100, 100)).toBe(true);
    expect(onSpotCollectionAllowed(100.5, 100)).toBe(false);
  });
});

describe('late-payment surcharge (art. 72)', () => {
  it('is nothing on or before the due day', () => {
    expect(lateSurchargeFen(1000, '2026-03-15', '2026-03-15', 3)).toBe(0);
    expect(lateSurchargeFen(1000, '2026-03-15', '2026-03-01', 3)).toBe(0);
  });
  it('adds 3 % of the fine a day from the day after', () => {
    expect(lateSurchargeFen(1000, '2026-03-15', '2026-03-16', 3)).toBe(toFen(30));
    expect(lateSurchargeFen(1000, '2026-03-15', '2026-03-25', 3)).toBe(toFen(300));
  });
  it('never exceeds the fine', () => {
    expect(lateSurchargeFen(1000, '2026-03-15', '2026-06-30', 3)).toBe(toFen(1000));
  });
});
