/**
 * The paragraphs of a document's text as shown for comment: one per non-empty line. A
 * comment names a paragraph by its index in this list, so the split must stay stable.
 */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
