import { describe, expect, it } from 'vitest';
import { meetingLight } from './meeting-rules.ts';

describe('yearly meeting obligations', () => {
  it('is green when met, and while short turns yellow from October and red from December', () => {
    expect(meetingLight(2, 2, 2026, '2026-12-31')).toBe('normal');
    expect(meetingLight(1, 2, 2026, '2026-09-30')).toBe('normal');
    expect(meetingLight(1, 2, 2026, '2026-10-01')).toBe('yellow');
    expect(meetingLight(1, 2, 2026, '2026-12-01')).toBe('red');
    expect(meetingLight(0, 1, 2025, '2026-03-01')).toBe('red');
  });
});
