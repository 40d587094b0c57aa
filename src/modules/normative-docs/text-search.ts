import { sql } from 'kysely';
/**
 * Chinese full text for `to_tsvector('simple', …)`: neither PostgreSQL nor PGlite parses
 * Chinese, so text is segmented here (Intl.Segmenter) and every CJK word longer than two
 * characters also contributes its 2-character bigrams, so a query word always finds its
 * tokens in the index whatever the segmenter did with the surrounding text.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;

function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
}
function bigrams(w: string): string[] {
  const chars = [...w];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

export function segmentForIndex(text: string): string {
  const seen = new Set<string>();
  for (const w of words(text)) {
    seen.add(w);
    if (CJK.test(w) && [...w].length > 2) for (const b of bigrams(w)) seen.add(b);
    // Two segmented neighbours also meet as a bigram across the boundary below.
  }
  // Bigrams across the whole CJK runs, so a query word split differently still matches.
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) for (const b of bigrams(run)) seen.add(b);
  return [...seen].join(' ').slice(0, 1_000_000);
}

/** Query tokens: CJK words as bigrams (single characters as themselves), others as words. */
export function segmentQuery(q: string): string[] {
  const out = new Set<string>();
  for (const w of words(q)) {
    if (CJK.test(w)) {
      if ([...w].length === 1) out.add(w);
      else for (const b of bigrams(w)) out.add(b);
    } else out.add(w);
  }
  return [...out].slice(0, 20);
}

export function tsQuery(tokens: string[]): string {
  return tokens.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

/** The tsvector of a document: title and body, segmented (DESIGN.md §3). */
export const searchVector = (title: string, body: string) => sql<string>`to_tsvector('simple', ${segmentForIndex(`${title}\n${body}`)})`;
