import { describe, expect, it } from 'vitest';
import { formatNumber, parseNumberPattern } from './numbering.ts';
import { segmentForIndex, segmentQuery, tsQuery } from './text-search.ts';

describe('registration number patterns', () => {
  it('refuses patterns without a sequence or year, with unknown or repeated fields', () => {
    expect(parseNumberPattern('演示府规〔{year}〕号')).toMatchObject({ ok: false, code: 'pattern_no_seq' });
    expect(parseNumberPattern('演示府规{seq}号')).toMatchObject({ ok: false, code: 'pattern_no_year' });
    expect(parseNumberPattern('{year}{seq}{foo}')).toMatchObject({ ok: false, code: 'pattern_unknown_field' });
    expect(parseNumberPattern('{year}{seq}{seq}')).toMatchObject({ ok: false, code: 'pattern_repeated_field' });
    expect(parseNumberPattern(' ')).toMatchObject({ ok: false, code: 'pattern_empty' });
  });
  it('formats with and without padding, never truncating', () => {
    expect(formatNumber('演示府规〔{year}〕{seq}号', 2026, 3)).toBe('演示府规〔2026〕3号');
    expect(formatNumber('演司规〔{year}〕{seq:3}号', 2026, 7)).toBe('演司规〔2026〕007号');
    expect(formatNumber('演司规〔{year}〕{seq:3}号', 2026, 1234)).toBe('演司规〔2026〕1234号');
  });
});

describe('Chinese full-text tokens', () => {
  it('finds query words inside indexed text however the segmenter split it', () => {
    const index = new Set(segmentForIndex('规范性文件备案审查办法').split(' '));
    for (const q of ['备案', '备案审查', '规范性文件', '审查办法']) for (const t of segmentQuery(q)) expect(index.has(t), `${q}:${t}`).toBe(true);
    expect(segmentQuery('养老服务').every((t) => index.has(t))).toBe(false);
  });
  it('lower-cases Latin, drops punctuation and quotes tsquery tokens', () => {
    expect(segmentQuery('GDP，。')).toEqual(['gdp']);
    expect(tsQuery(["it's", 'a\\b'])).toBe("'it''s' & 'a\\\\b'");
  });
});
