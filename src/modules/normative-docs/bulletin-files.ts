/**
 * Files for the filing-review bulletin (规范性文件备案审查情况通报): 政府法制机构对规范性
 * 文件备案审查情况进行季度和年度通报. The service computes a Bulletin; this turns it into a
 * spreadsheet (exceljs) and a Word document laid out after GB/T 9704-2012 党政机关公文格式
 * (docx). Pure: no database, no clock.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { A4, em, FONTS, fontOf, halfPt, LINE, MARGINS, mmTwips, pageNumberFooter, SIZE, twips, WIDTH } from '../../core/docx/gbt9704.ts';
import { badInput } from '../../core/http/errors.ts';

import type { Bulletin, BulletinCounts } from './bulletin-types.ts';
export type { Bulletin, BulletinCounts, BulletinRow } from './bulletin-types.ts';

/** Column headings shared by the spreadsheet and the Word table. */
export const BULLETIN_COLUMNS = [
  '制定机关',
  '制定件数',
  '按时报备',
  '逾期报备',
  '未报备',
  '审查通过',
  '责令纠正',
  '撤销',
  '待审查',
  '按时报备率',
] as const;

const COUNT_KEYS = ['issued', 'filedOnTime', 'filedLate', 'notFiled', 'approved', 'correction', 'revoked', 'pending'] as const;

// ---------------------------------------------------------------------------------------
// Dates and rates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIso(iso: string, field: string): { y: number; m: number; d: number } {
  const m = ISO_DATE.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (!m || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw badInput('date_invalid', field, {
      zh: `日期“${iso}”无效，应为 YYYY-MM-DD 格式的真实日期`,
      en: `Date "${iso}" is not a real date in YYYY-MM-DD form`,
    });
  }
  return { y, m: mo, d };
}

/**
 * '2026-07-01' → '2026年7月1日': GB/T 9704-2012 §7.3.5.4 writes the 成文日期 in Arabic
 * numerals, the year in full, month and day without leading zeros.
 */
export function arabicDate(iso: string, field: string): string {
  const { y, m, d } = parseIso(iso, field);
  return `${y}年${m}月${d}日`;
}

/** On-time filing rate as a fraction, or null when nothing was issued. */
export function onTimeRate(c: Pick<BulletinCounts, 'issued' | 'filedOnTime'>): number | null {
  return c.issued > 0 ? c.filedOnTime / c.issued : null;
}

/** '87.5%', '100%', '66.7%'; '' when nothing was issued. */
export function ratePercent(c: Pick<BulletinCounts, 'issued' | 'filedOnTime'>): string {
  const r = onTimeRate(c);
  return r === null ? '' : `${Math.round(r * 1000) / 10}%`;
}

/** The summary paragraph of the bulletin, built from the totals. */
export function bulletinSummary(t: BulletinCounts): string {
  const rate = t.issued > 0 ? `，按时报备率${ratePercent(t)}` : '';
  return (
    `本期共制定规范性文件${t.issued}件，按时报送备案${t.filedOnTime}件${rate}；逾期报备${t.filedLate}件；未报备${t.notFiled}件。` +
    `经审查，通过${t.approved}件，责令纠正${t.correction}件，撤销${t.revoked}件，尚在审查${t.pending}件。`
  );
}

function periodText(b: Bulletin): string {
  return `${arabicDate(b.period.from, 'period.from')}至${arabicDate(b.period.to, 'period.to')}`;
}

// ---------------------------------------------------------------------------------------
// Spreadsheet

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The bulletin as an .xlsx: title, header, one row per issuer, 合计, note of the period. */
export async function bulletinXlsx(b: Bulletin): Promise<Buffer> {
  const period = periodText(b);
  parseIso(b.issuedOn, 'issuedOn');
  const issued = new Date(`${b.issuedOn}T00:00:00Z`);

  const wb = new ExcelJS.Workbook();
  wb.creator = b.authority;
  wb.title = b.title;
  wb.created = issued;
  wb.modified = issued;
  const ws = wb.addWorksheet('备案审查情况', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      horizontalCentered: true,
    },
  });
  const n = BULLETIN_COLUMNS.length;
  ws.columns = BULLETIN_COLUMNS.map((h, i) => ({ key: `c${i}`, width: i === 0 ? 32 : h.length > 4 ? 13 : 11 }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = b.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;

  const header = ws.getRow(2);
  header.values = [...BULLETIN_COLUMNS];
  header.height = 22;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    c.border = thin;
  });

  const addCounts = (label: string, c: BulletinCounts, bold: boolean) => {
    const rate = onTimeRate(c);
    const row = ws.addRow([label, ...COUNT_KEYS.map((k) => c[k]), rate]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = thin;
      cell.alignment = { horizontal: col === 1 ? 'left' : 'center', vertical: 'middle', wrapText: col === 1 };
      if (bold) cell.font = { bold: true };
    });
    row.getCell(n).numFmt = '0.0%';
  };
  for (const r of b.rows) addCounts(r.issuerName, r, false);
  addCounts('合计', b.totals, true);

  const note = ws.addRow([`统计期间：${period}。通报单位：${b.authority}${b.docNumber ? `（${b.docNumber}）` : ''}。`]);
  ws.mergeCells(note.number, 1, note.number, n);
  note.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  note.getCell(1).font = { size: 10, color: { argb: 'FF595959' } };

  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------
// Word document (GB/T 9704-2012)

const RED = 'FF0000';
const charLength = (s: string) => [...s].length;

function cell(text: string, opts: { width: number; bold?: boolean; left?: boolean }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: opts.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text, bold: opts.bold, size: halfPt(SIZE.table), font: fontOf(FONTS.body) })],
      }),
    ],
  });
}

function bulletinTable(b: Bulletin): Table {
  // Twips: eight count columns, a wider rate column ('100%', '66.7%' on one line), the rest for the issuer.
  const countWidth = 740;
  const rateWidth = 1000;
  const last = BULLETIN_COLUMNS.length - 1;
  const widths = BULLETIN_COLUMNS.map((_, i) =>
    i === 0 ? WIDTH - countWidth * (last - 1) - rateWidth : i === last ? rateWidth : countWidth,
  );
  const countRow = (label: string, c: BulletinCounts, bold: boolean) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, { width: widths[0], bold, left: true }),
        ...COUNT_KEYS.map((k, i) => cell(String(c[k]), { width: widths[i + 1], bold })),
        cell(ratePercent(c) || '—', { width: widths[widths.length - 1], bold }),
      ],
    });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: BULLETIN_COLUMNS.map((h, i) => cell(h, { width: widths[i], bold: true })),
      }),
      ...b.rows.map((r) => countRow(r.issuerName, r, false)),
      countRow('合计', b.totals, true),
    ],
  });
}

/** The bulletin as a .docx in 公文 format (文件式版头, 正文, 表格, 署名和成文日期, 页码). */
export async function bulletinDocx(b: Bulletin): Promise<Buffer> {
  const date = arabicDate(b.issuedOn, 'issuedOn');
  const period = periodText(b);

  const mark = `${b.authority}文件`;
  // 发文机关标志: red 小标宋, centred, no wider than 版心 (at most 36 pt a character).
  const markPt = Math.min(36, Math.floor(((WIDTH / 20) * 0.9) / Math.max(1, charLength(mark))));
  const body = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: em(2), firstLineChars: 200 },
      spacing: LINE,
      children: [new TextRun({ text })],
    });
  const blank = () => new Paragraph({ spacing: LINE, children: [] });

  // 成文日期右空四字; 发文机关署名以成文日期为准居中.
  const dateIndent = em(4);
  const signIndent = Math.max(0, Math.round(dateIndent + (em(charLength(date)) - em(charLength(b.authority))) / 2));

  const doc = new Document({
    creator: b.authority,
    title: b.title,
    description: `${b.title}（${period}）`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontOf(FONTS.body), size: halfPt(SIZE.body) } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGINS, header: mmTwips(15), footer: mmTwips(23) },
          },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false) },
        children: [
          // 版头: 发文机关标志上边缘至版心上边缘 35 mm.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: mmTwips(35), after: 0 },
            children: [new TextRun({ text: mark, font: fontOf(FONTS.title), size: halfPt(markPt), color: RED })],
          }),
          blank(),
          blank(),
          // 发文字号 (空二行 below the mark), then the red 分隔线 4 mm beneath it.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: LINE,
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
            children: b.docNumber ? [new TextRun({ text: b.docNumber })] : [],
          }),
          blank(),
          blank(),
          // 标题: 2号小标宋，居中.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: twips(36), lineRule: LineRuleType.EXACT },
            children: [new TextRun({ text: b.title, font: fontOf(FONTS.title), size: halfPt(SIZE.title) })],
          }),
          blank(),
          body(`统计期间为${period}。${bulletinSummary(b.totals)}各制定机关规范性文件制定及备案审查情况见下表。`),
          bulletinTable(b),
          blank(),
          blank(),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: signIndent },
            spacing: LINE,
            children: [new TextRun({ text: b.authority })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: dateIndent },
            spacing: LINE,
            children: [new TextRun({ text: date })],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
