import { refusal } from '../http/test-refusal.ts';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_DOCX_BYTES, extractDocxText } from './docx-text.ts';

const docxOf = (paragraphs: string[]) =>
  Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] }));


describe('extractDocxText', () => {
  it('reads the paragraphs of a real .docx, one per line, trimmed, blank runs collapsed', async () => {
    const buf = await docxOf([
      '  第一条 为规范行政规范性文件管理，制定本办法。  ',
      '',
      '\u3000',
      '',
      '第二条 本办法自公布之日起施行。',
    ]);
    expect(await extractDocxText(buf)).toBe('第一条 为规范行政规范性文件管理，制定本办法。\n第二条 本办法自公布之日起施行。');
  });

  it('refuses a PDF, a zip that is not a Word document, and an empty buffer', async () => {
    for (const buf of [Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), Buffer.alloc(0)]) {
      const e = await refusal(extractDocxText(buf));
      expect(e).toMatchObject({ status: 400, code: 'docx_invalid', field: 'file', detail: '上传的文件不是有效的 Word（.docx）文档' });
      expect(e.detail_en).toBe('The file is not a valid .docx document');
    }
    // An .xlsx is a zip too, but has no word/document.xml.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['第一条 为规范……，制定本办法。']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await refusal(extractDocxText(xlsx))).toMatchObject({ code: 'docx_invalid', field: 'file' });
    // A truncated .docx (a zip without its central directory).
    const truncated = (await docxOf(['第一条'])).subarray(0, 200);
    expect(await refusal(extractDocxText(truncated))).toMatchObject({ code: 'docx_invalid' });
  });

  it('refuses a document without text and one over 20 MB', async () => {
    expect(await refusal(extractDocxText(await docxOf(['', '   '])))).toMatchObject({ code: 'docx_empty', field: 'file' });
    const big = Buffer.alloc(MAX_DOCX_BYTES + 1);
    big.write('PK\x03\x04', 'latin1');
    expect(await refusal(extractDocxText(big))).toMatchObject({ code: 'docx_too_large', field: 'file', extra: { limit: MAX_DOCX_BYTES } });
  });
});
