/**
 * Unified registration numbers (统一登记编号, seed 001 §3(三)1), e.g. "演示府规〔{year}〕{seq}号".
 * Numbers restart each year, so both {year} and {seq} are required; {seq:3} pads to width 3.
 */
const FIELD = /\{([a-z]+)(?::(\d))?\}/g;

export function parseNumberPattern(pattern: string): { ok: true } | { ok: false; code: string; zh: string; en: string } {
  if (!pattern.trim()) return { ok: false, code: 'pattern_empty', zh: '编号规则不能为空', en: 'The pattern is empty' };
  if (pattern.length > 60) return { ok: false, code: 'pattern_too_long', zh: '编号规则超过 60 字', en: 'The pattern exceeds 60 characters' };
  const seen = new Set<string>();
  for (const m of pattern.matchAll(FIELD)) {
    if (m[1] !== 'year' && m[1] !== 'seq') return { ok: false, code: 'pattern_unknown_field', zh: `编号规则含未知字段 {${m[1]}}`, en: `Unknown field {${m[1]}}` };
    if (seen.has(m[1])) return { ok: false, code: 'pattern_repeated_field', zh: `编号规则重复使用 {${m[1]}}`, en: `Field {${m[1]}} repeated` };
    seen.add(m[1]);
  }
  if (!seen.has('seq')) return { ok: false, code: 'pattern_no_seq', zh: '编号规则缺少顺序号 {seq}', en: 'The pattern has no {seq}' };
  if (!seen.has('year')) return { ok: false, code: 'pattern_no_year', zh: '编号规则缺少年份 {year}', en: 'The pattern has no {year}' };
  return { ok: true };
}

export function formatNumber(pattern: string, year: number, seq: number): string {
  const p = parseNumberPattern(pattern);
  if (!p.ok) throw new Error(p.en);
  return pattern.replace(FIELD, (_, f: string, w?: string) => (f === 'year' ? String(year) : String(seq).padStart(Number(w ?? 0), '0')));
}
