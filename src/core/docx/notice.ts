/**
 * A Word document laid out as an official notice (通报、通知) after GB/T 9704-2012 党政机关
 * 公文格式, for any module: 标题 (2号小标宋, centred), 主送机关, 正文 in 3号仿宋 with 一级标题
 * in 黑体, tables in 5号仿宋, 发文机关署名 and 成文日期 at the foot, page numbers. The caller
 * gives the content; this gives the layout. Pure: no database, no clock.
 */
import { A4, em, FONTS, fontOf, halfPt, LINE, MARGINS, mmTwips, pageNumberFooter as footer, SIZE, twips, WIDTH } from './gbt9704.ts';
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

export { FONTS } from './gbt9704.ts';

export type NoticeBlock =
  /** 一级标题 ("一、考核结果"): 黑体, no closing punctuation. */
  | { heading: string }
  /** A paragraph of 正文, first line indented two characters. */
  | { text: string }
  /** A table; widths are relative, cells plain text. */
  | { columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[]; rows: string[][] };

export interface Notice {
  title: string;
  /** 主送机关, without the closing colon. */
  to: string;
  blocks: NoticeBlock[];
  /** 发文机关署名. */
  authority: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
}

/** '2026-07-01' → '2026年7月1日' (GB/T 9704-2012 §7.3.5.4: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const run = (text: string, opts: { font?: string; size?: number; bold?: boolean } = {}) =>
  new TextRun({ text, bold: opts.bold, font: opts.font ? fontOf(opts.font) : undefined, size: opts.size ? halfPt(opts.size) : undefined });

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function table(b: Extract<NoticeBlock, { columns: unknown }>): Table {
  const total = b.columns.reduce((a, c) => a + c.width, 0);
  const widths = b.columns.map((c) => Math.floor((WIDTH * c.width) / total));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : ALIGN[b.columns[i].align ?? 'center'], spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [run(text, { font: header ? FONTS.heading : FONTS.body, size: SIZE.table })] })],
          }),
      ),
    });
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { left: 57, right: 57, top: 28, bottom: 28 },
    rows: [row(b.columns.map((c) => c.title), true), ...b.rows.map((r) => row(r, false))],
  });
}

function block(b: NoticeBlock): (Paragraph | Table)[] {
  if ('heading' in b) return [new Paragraph({ indent: { firstLine: em(2) }, spacing: LINE, children: [run(b.heading, { font: FONTS.heading })] })];
  if ('text' in b) return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: em(2), firstLineChars: 200 }, spacing: LINE, children: [run(b.text)] })];
  // A blank line after a table keeps the next heading off its border.
  return [table(b), new Paragraph({ spacing: LINE, children: [] })];
}

/** The notice as a .docx buffer. */
export async function noticeDocx(n: Notice): Promise<Buffer> {
  const date = chineseDate(n.date);
  const blank = () => new Paragraph({ spacing: LINE, children: [] });
  // 成文日期右空四字; 发文机关署名以成文日期为准居中.
  const dateIndent = em(4);
  const signIndent = Math.max(0, Math.round(dateIndent + (em([...date].length) - em([...n.authority].length)) / 2));
  const doc = new Document({
    creator: n.authority,
    title: n.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: fontOf(FONTS.body), size: halfPt(SIZE.body) } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { ...MARGINS, header: mmTwips(15), footer: mmTwips(23) } } },
        footers: { default: footer(true), even: footer(false) },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: twips(36), lineRule: LineRuleType.EXACT }, children: [run(n.title, { font: FONTS.title, size: SIZE.title })] }),
          blank(),
          new Paragraph({ spacing: LINE, children: [run(`${n.to}：`)] }),
          ...n.blocks.flatMap(block),
          blank(),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: signIndent }, spacing: LINE, children: [run(n.authority)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: dateIndent }, spacing: LINE, children: [run(date)] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
