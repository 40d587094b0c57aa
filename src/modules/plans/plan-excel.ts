import ExcelJS from 'exceljs';
import { badInput } from '../../core/http/errors.ts';
import { addNotesSheet, contentText, readSheetTable, type SheetTableSpec } from '../../core/imports/sheet-table.ts';
import { parsePlanText, PlanImportError } from './plan-import.ts';

/**
 * A plan kept as a table (one row per measure: 部分, 领域, 措施编号, 措施) — how offices often
 * circulate a task division — read by turning the rows back into the headed text the
 * importer reads, so Excel and .docx plans go through one parser and one set of rules. A
 * refusal names the Excel row.
 */
const COLUMNS = ['部分', '领域', '措施编号', '措施'] as const;
type Column = (typeof COLUMNS)[number];
const SHEET: SheetTableSpec<Column> = {
  preferredSheet: '规划措施',
  columns: COLUMNS,
  required: ['部分', '措施编号', '措施'],
  columnsEn: { 部分: 'part', 领域: 'area', 措施编号: 'measure number', 措施: 'measure' },
  maxBytes: 5 * 1024 * 1024,
  maxRows: 2000,
  codes: { tooLarge: 'workbook_too_large', invalid: 'invalid_workbook', header: 'plan_sheet_header', tooManyRows: 'too_many_rows' },
};

/** '一、总体要求' stays; '一' or '总体要求' alone is not a heading the importer can read. */
const PART = /^[一二三四五六七八九十百零〇]+、/;
const AREA = /^[(（][一二三四五六七八九十百零〇]+[)）]/;

/** The plan's text from the workbook, and for each line of it the Excel row it came from. */
export async function planTextFromXlsx(buf: Buffer, title?: string): Promise<{ text: string; rows: number[] }> {
  const data = await readSheetTable(buf, SHEET);
  if (!data.length) throw badInput('plan_sheet_empty', 'file', { zh: '工作表中没有措施行', en: 'The sheet has no measure rows' });
  const lines: string[] = [];
  const rows: number[] = [];
  const push = (line: string, row: number) => {
    lines.push(line);
    rows.push(row);
  };
  if (title) push(title, 0);
  let part = '';
  let area = '';
  for (const d of data) {
    const cell = (c: Column) => contentText(d.cells.get(c));
    const [p, a, n, m] = [cell('部分'), cell('领域'), cell('措施编号'), cell('措施').replace(/\n+/g, '')];
    if (!PART.test(p)) throw badInput('plan_sheet_part', 'file', { zh: `Excel 第${d.row}行："部分"须写成"一、总体要求"的形式`, en: `Row ${d.row}: the part must read like "一、…"` }, { row: d.row });
    if (a && !AREA.test(a)) throw badInput('plan_sheet_area', 'file', { zh: `Excel 第${d.row}行："领域"须写成"（一）依法全面履行政府职能"的形式`, en: `Row ${d.row}: the area must read like "（一）…"` }, { row: d.row });
    if (!/^\d{1,3}$/.test(n) || !m) throw badInput('plan_sheet_measure', 'file', { zh: `Excel 第${d.row}行：须填写措施编号（数字）和措施内容`, en: `Row ${d.row}: a measure needs its number and text` }, { row: d.row });
    const newArea = p !== part || a !== area;
    if (p !== part) push(p, d.row);
    if (a && newArea) push(a, d.row);
    push(`${newArea ? '措施：' : ''}${n}.${m}`, d.row);
    [part, area] = [p, a];
  }
  const text = lines.join('\n');
  try {
    parsePlanText(text);
  } catch (err) {
    if (!(err instanceof PlanImportError)) throw err;
    const row = err.line ? rows[err.line - 1] : null;
    const zh = err.zh.replace(/^第\d+行：/, '');
    throw badInput(err.code, 'file', { zh: row ? `Excel 第${row}行：${zh}` : zh, en: row ? `Row ${row}: ${err.en}` : err.en }, row ? { row } : undefined);
  }
  return { text, rows };
}

/** The import template: the columns, two example rows from seed 002, and the notes. */
export async function planTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('规划措施');
  ws.columns = [
    { header: '部分', width: 24 },
    { header: '领域', width: 30 },
    { header: '措施编号', width: 10 },
    { header: '措施', width: 80 },
  ];
  ws.addRow(['二、主要任务和具体措施', '（一）依法全面履行政府职能', 1, '深化行政审批制度改革。全面清理精简行政审批事项，全部取消非行政许可审批事项。']);
  ws.addRow(['二、主要任务和具体措施', '（一）依法全面履行政府职能', 2, '严格控制新设行政许可。']);
  ws.getRow(1).font = { bold: true };
  addNotesSheet(
    wb,
    [
      ['部分', '规划的一级标题，如"二、主要任务和具体措施"（必填）'],
      ['领域', '二级标题，如"（一）依法全面履行政府职能"；部分下直接列措施的可不填'],
      ['措施编号', '按原文编号，连续不跳号（全文连续编号或各领域分别从1编号均可）'],
      ['措施', '措施的标题和内容（标题以句号结束）'],
    ],
    60,
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
