import { describe, expect, it } from 'vitest';
import { addCalendarDays, validityEnd } from './validity.ts';

describe('validity period of a normative document', () => {
  it('ends the day before the anniversary', () => {
    expect(validityEnd('2026-03-01', 5)).toBe('2031-02-28');
    expect(validityEnd('2026-01-01', 2)).toBe('2027-12-31');
    expect(validityEnd('2026-07-15', 3)).toBe('2029-07-14');
  });
  it('treats a 29 February anniversary that does not exist as 1 March', () => {
    expect(validityEnd('2024-02-29', 2)).toBe('2026-02-28');
    expect(validityEnd('2024-02-29', 4)).toBe('2028-02-28');
  });
  it('counts calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
