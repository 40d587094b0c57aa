/**
 * The page of GB/T 9704-2012 党政机关公文格式 in docx units, shared by every official document the
 * platform writes: A4, the margins giving a 156 mm 版心, 3号 body on a fixed 28-point line, the
 * sizes of title, tables and page numbers, and the page-number footer.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type IFontAttributesProperties } from 'docx';

export const FONTS = { body: '仿宋_GB2312', heading: '黑体', title: '方正小标宋简体', pageNumber: '宋体' } as const;

export const fontOf = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
/** Points → half-points (w:sz), points → twips, millimetres → twips (A4 comes out as Word's 11906 × 16838). */
export const halfPt = (pt: number) => Math.round(pt * 2);
export const twips = (pt: number) => Math.round(pt * 20);
export const mmTwips = (v: number) => Math.round((v / 25.4) * 1440);

export const SIZE = { title: 22, body: 16, table: 10.5, pageNumber: 14 }; // 2号, 3号, 5号, 4号
export const A4 = { width: mmTwips(210), height: mmTwips(297) };
export const MARGINS = { top: mmTwips(37), bottom: mmTwips(35), left: mmTwips(28), right: mmTwips(26) };
export const WIDTH = A4.width - MARGINS.left - MARGINS.right; // 版心 156 mm
export const LINE = { line: twips(28), lineRule: LineRuleType.EXACT }; // 固定行距 28 磅
/** n 字 of body text, in twips. */
export const em = (n: number) => twips(SIZE.body * n);

export function pageNumberFooter(odd: boolean): Footer {
  // 页码: 4号半角宋体阿拉伯数字，左右各一条一字线；单页居右空一字，双页居左空一字.
  const side = { [odd ? 'right' : 'left']: twips(SIZE.pageNumber) };
  return new Footer({
    children: [new Paragraph({ alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT, indent: side, children: [new TextRun({ font: fontOf(FONTS.pageNumber), size: halfPt(SIZE.pageNumber), children: ['— ', PageNumber.CURRENT, ' —'] })] })],
  });
}
