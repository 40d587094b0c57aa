/**
 * Plain text of an uploaded Word (.docx) document: the body of a normative document
 * (规范性文件正文), or a plan (规划) before its headings are parsed. Reading is left to mammoth; this only bounds the input, turns every
 * failure into a DomainError the client can act on, and normalises the text.
 */
import mammoth from 'mammoth';
import { badInput } from '../http/errors.ts';

/** Largest .docx accepted (bytes, compressed). */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

const invalid = () =>
  badInput('docx_invalid', 'file', {
    zh: '上传的文件不是有效的 Word（.docx）文档',
    en: 'The file is not a valid .docx document',
  });

/**
 * Text of a .docx: one paragraph per line (lines trimmed, blank lines dropped, so runs of
 * empty paragraphs collapse into the single `\n` between two paragraphs). Table cells
 * come out as paragraphs in reading order; a manual line break inside a paragraph starts
 * a new line.
 */
export async function extractDocxText(buf: Buffer): Promise<string> {
  if (buf.length > MAX_DOCX_BYTES) {
    throw badInput(
      'docx_too_large',
      'file',
      { zh: 'Word 文档超过 20 MB，无法读取', en: 'The .docx document is larger than 20 MB' },
      { limit: MAX_DOCX_BYTES },
    );
  }
  // A .docx is a zip (local file header "PK\x03\x04"); anything else is refused before
  // the zip reader sees it.
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04) throw invalid();
  let raw: string;
  try {
    // mammoth rejects a non-zip, a corrupt zip, and a zip without a WordprocessingML
    // main part (e.g. an .xlsx or a plain archive).
    raw = (await mammoth.extractRawText({ buffer: buf })).value;
  } catch {
    throw invalid();
  }
  const text = normaliseText(raw);
  if (!text) {
    throw badInput('docx_empty', 'file', { zh: 'Word 文档中没有文字内容', en: 'The .docx document contains no text' });
  }
  return text;
}

/** Trim every line (incl. full-width spaces), drop blank lines, join with `\n`. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join('\n');
}
