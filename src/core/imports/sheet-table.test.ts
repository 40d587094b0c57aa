import { refusal } from '../http/test-refusal.ts';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, findHeaderRow, headerKey, loadSheet, readDataRows, rowChecks, type RowError } from './sheet-table.ts';

const COLUMNS = ['名称', '编码', '日期', '备注'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['名称', '编码', '日期'];
const EN: Record<Column, string> = { 名称: 'Name', 编码: 'Code', 日期: 'Date', 备注: 'Note' };

const LOAD = { maxBytes: 1.5 * 1024 * 1024, codes: { tooLarge: 't_too_large', invalid: 't_invalid' } };
const HEADER = { columns: COLUMNS, required: REQUIRED, columnsEn: EN, errorCode: 't_header' };

type Cell = ExcelJS.CellValue;

async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}


/** Loads a one-sheet workbook of these rows and reads its table. */
async function table(rows: Cell[][], maxRows = 100) {
  const ws = await loadSheet(await workbook({ 表: rows }), LOAD);
  const header = findHeaderRow(ws, HEADER);
  return { header, data: readDataRows(ws, header, { maxRows, errorCode: 't_rows' }) };
}

describe('cell helpers', () => {
  it('read a cell as the text shown: rich text, formula results, dates, numbers', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(' 甲\r\n乙 ')).toBe('甲\n乙');
    expect(cellText(42)).toBe('42');
    expect(cellText(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
    expect(cellText({ richText: [{ text: '演示' }, { text: '市', font: { bold: true } }] })).toBe('演示市');
    expect(cellText({ formula: 'A1&"B"', result: 'AB' } as Cell)).toBe('AB');
    expect(cellText({ formula: 'DATE(2025,4,1)', result: new Date(Date.UTC(2025, 3, 1)) } as Cell)).toBe('2025-04-01');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
  });

  it('compare headings without spaces, asterisks or a trailing bracketed hint', () => {
    expect(headerKey(' 编 码 ')).toBe('编码');
    expect(headerKey('名称*')).toBe('名称');
    expect(headerKey('＊日期（必填）')).toBe('日期');
  });
});

describe('loadSheet', () => {
  it('refuses what is not a workbook, and a zip without sheets, with a 400 on the file', async () => {
    for (const buf of [Buffer.from('%PDF-1.4\n'), Buffer.alloc(0), await workbook({})]) {
      const e = await refusal(loadSheet(buf, LOAD));
      expect(e).toMatchObject({ status: 400, code: 't_invalid', field: 'file', detail: '上传的文件不是有效的 Excel（.xlsx）工作簿', detail_en: 'The file is not a valid .xlsx workbook' });
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const e = await refusal(loadSheet(Buffer.alloc(LOAD.maxBytes + 1), LOAD));
    expect(e).toMatchObject({ status: 400, code: 't_too_large', field: 'file', detail: 'Excel 文件超过 1.5 MB，无法导入', detail_en: 'The .xlsx file is larger than 1.5 MB', extra: { limit: LOAD.maxBytes } });
  });

  it('reads the preferred sheet when present, else the first', async () => {
    const buf = await workbook({ 说明: [['x']], 清单: [['y']] });
    expect((await loadSheet(buf, { ...LOAD, preferredSheet: '清单' })).name).toBe('清单');
    expect((await loadSheet(buf, { ...LOAD, preferredSheet: '没有' })).name).toBe('说明');
    expect((await loadSheet(buf, LOAD)).name).toBe('说明');
  });
});

describe('findHeaderRow and readDataRows', () => {
  it('finds the header under a title row, in any order, and skips empty rows', async () => {
    const { header, data } = await table([
      /* 1 */ ['演示清单（2026年）'],
      /* 2 */ [],
      /* 3 */ ['备注', '日期*', ' 编码 ', '名称（必填）', '其他'],
      /* 4 */ ['说明', new Date(Date.UTC(2025, 4, 20)), 7, '甲'],
      /* 5 */ [],
      /* 6 */ [null, null, '  ', null, '只有未知列的行'],
      /* 7 */ [null, null, 'B-2', { richText: [{ text: '乙' }] }],
    ]);
    expect(header.row).toBe(3);
    expect([...header.columns]).toEqual([
      ['备注', 1],
      ['日期', 2],
      ['编码', 3],
      ['名称', 4],
    ]);
    expect(data.map((d) => d.row)).toEqual([4, 7]);
    expect(Object.fromEntries(data[0].cells)).toEqual({ 备注: { text: '说明' }, 日期: { date: '2025-05-20' }, 编码: { text: '7' }, 名称: { text: '甲' } });
    expect(Object.fromEntries(data[1].cells)).toMatchObject({ 编码: { text: 'B-2' }, 名称: { text: '乙' }, 日期: { text: '' } });
  });

  it('refuses a header without every required column, listing those missing', async () => {
    const e = await refusal(table([['标题'], ['名称', '备注'], ['名称', '日期', '备注'], ['甲', '2025-01-01', '']]));
    expect(e).toMatchObject({
      status: 400,
      code: 't_header',
      field: 'file',
      detail: '表头缺少必需的列：编码（请使用导入模板）',
      detail_en: 'The header row lacks required columns: 编码 (Code); use the import template',
      extra: { missing: ['编码'] },
    });
  });

  it('looks for the header only in the first rows', async () => {
    const rows: Cell[][] = [...Array.from({ length: 10 }, (_, i) => [`标题${i + 1}`]), ['名称', '编码', '日期']];
    expect((await refusal(table(rows))).extra).toEqual({ missing: ['名称', '编码', '日期'] });
    const ws = await loadSheet(await workbook({ 表: rows }), LOAD);
    expect(findHeaderRow(ws, { ...HEADER, searchRows: 11 }).row).toBe(11);
  });

  it('caps the non-empty data rows, empty ones not counted', async () => {
    const rows: Cell[][] = [['名称', '编码', '日期'], ['甲', '1', '2025-01-01'], [], ['乙', '2', '2025-01-02'], ['丙', '3', '2025-01-03']];
    expect((await table(rows, 3)).data).toHaveLength(3);
    const e = await refusal(table(rows, 2));
    expect(e).toMatchObject({
      status: 400,
      code: 't_rows',
      field: 'file',
      detail: '一次最多导入 2 行，本文件有 3 行，请分批导入',
      detail_en: 'At most 2 rows can be imported at once; this file has 3',
      extra: { limit: 2, rows: 3 },
    });
  });
});

describe('rowChecks', () => {
  it('reports each problem of a row by Excel row number, in Chinese and English', async () => {
    const { data } = await table([
      ['名称', '编码', '日期', '备注'],
      ['甲', '', '2025-01-01', '超过五个字的备注'],
    ]);
    const errors: RowError[] = [];
    const { text, required, bounded, oneOf } = rowChecks(data[0], errors, EN);
    expect(text('名称')).toBe('甲');
    expect(required('名称')).toBe('甲');
    expect(required('编码')).toBeNull();
    bounded('名称', '甲', 2, 10);
    bounded('备注', text('备注'), 1, 5);
    bounded('编码', null, 1, 5);
    expect(oneOf('名称', '甲', { 甲: 1, 乙: 2 })).toBe(1);
    expect(oneOf('名称', '丙', { 甲: 1, 乙: 2 })).toBeUndefined();
    expect(oneOf('名称', 'c', { a: 1, c_: 2 }, ['A', 'C'])).toBeUndefined();
    expect(errors.every((e) => e.row === 2)).toBe(true);
    expect(errors.map((e) => [e.field, e.message, e.message_en])).toEqual([
      ['编码', '「编码」不能为空', 'Code (编码) is required'],
      ['名称', '「名称」长度为1字，应为2至10字', 'Name (名称) has 1 characters; expected 2 to 10'],
      ['备注', '「备注」长度为8字，不能超过5字', 'Note (备注) has 8 characters; expected at most 5'],
      ['名称', '「名称」的值“丙”无效，应为“甲”、“乙”之一', 'Name (名称) "丙" is not one of 甲, 乙'],
      ['名称', '「名称」的值“c”无效，应为“A”、“C”之一', 'Name (名称) "c" is not one of A, C'],
    ]);
  });
});
