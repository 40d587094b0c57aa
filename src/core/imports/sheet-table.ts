/**
 * Reading a table out of an uploaded .xlsx workbook, for the modules that import lists
 * (a register of documents, a list of powers, …). Reading is left to exceljs; this finds
 * the header row by the columns' headings (in any order, under an optional title row),
 * collects the non-empty data rows under it, and gives the per-row checks whose messages
 * every importer shares. Each module keeps its columns, error codes, limits and its own
 * row rules; the refusals here are 400s on field `file` with the codes the module names.
 */
import ExcelJS from 'exceljs';
import { badInput } from '../http/errors.ts';

// ---------------------------------------------------------------------------------------
// Cells

/** A cell as text, or as a calendar day when Excel stored a date. */
export type CellContent = { text: string } | { date: string };

/** The calendar day of a date, as ISO 'YYYY-MM-DD' (UTC). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A cell as text, or as a date when Excel stored a date; formulas by their cached result.
 * Excel dates carry no zone; exceljs reads them as UTC midnight, so the UTC calendar day
 * is the day the user typed.
 */
export function cellContent(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '' } : { date: isoDay(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result) return { text: String((result as { error: string }).error) };
      return cellContent((result ?? null) as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) return { text: String((value as { text?: unknown }).text ?? '') };
    if ('error' in value) return { text: String(value.error) };
  }
  return { text: '' };
}

/** Line breaks made '\n' and the ends trimmed. */
export const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** The text a cell's content shows: a date as 'YYYY-MM-DD', text cleaned; none is ''. */
export const contentText = (c: CellContent | undefined) => (c === undefined ? '' : 'date' in c ? c.date : clean(c.text));

/** A cell as the (cleaned) text the user sees; a date as 'YYYY-MM-DD'. */
export const cellText = (value: ExcelJS.CellValue) => contentText(cellContent(value));

/** Length in characters (code points), as a user counts them. */
export const charLength = (s: string) => [...s].length;

/** Header text as written, compared without spaces, asterisks or a trailing bracketed hint: “公布日期（必填）”. */
export function headerKey(v: ExcelJS.CellValue): string {
  return cellText(v)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/\([^)]*\)$/, '');
}

// ---------------------------------------------------------------------------------------
// Workbook

export interface LoadSheetOptions {
  /** Largest workbook accepted (bytes). */
  maxBytes: number;
  /** The sheet to read when the workbook has one of this name; otherwise the first. */
  preferredSheet?: string;
  /** Codes of the refusals of a file over `maxBytes` (extra: `{ limit }`) and of what is no .xlsx workbook. */
  codes: { tooLarge: string; invalid: string };
}

/** The sheet to import from an uploaded workbook; anything else is a 400 on field `file`. */
export async function loadSheet(buf: Buffer, opts: LoadSheetOptions): Promise<ExcelJS.Worksheet> {
  if (buf.length > opts.maxBytes) {
    const mb = Math.round((opts.maxBytes / (1024 * 1024)) * 10) / 10;
    throw badInput(opts.codes.tooLarge, 'file', { zh: `Excel 文件超过 ${mb} MB，无法导入`, en: `The .xlsx file is larger than ${mb} MB` }, { limit: opts.maxBytes });
  }
  const invalid = () => badInput(opts.codes.invalid, 'file', { zh: '上传的文件不是有效的 Excel（.xlsx）工作簿', en: 'The file is not a valid .xlsx workbook' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid();
  }
  // Another zip (a .docx, say) loads as a workbook without sheets.
  const ws = (opts.preferredSheet === undefined ? undefined : wb.getWorksheet(opts.preferredSheet)) ?? wb.worksheets[0];
  if (!ws) throw invalid();
  return ws;
}

/** The header row and, for each known column it names, the column's index (1-based). */
export interface SheetHeader<C extends string> {
  row: number;
  columns: Map<C, number>;
}

export interface HeaderOptions<C extends string> {
  /** Every column the importer reads, by its heading. */
  columns: readonly C[];
  /** Those the header must name. */
  required: readonly C[];
  /** English names of the columns, for the English message. */
  columnsEn: Record<C, string>;
  /** Code of the refusal when no row names every required column (extra: `{ missing }`). */
  errorCode: string;
  /** Rows searched for the header, since rows above it may hold a title. Default 10. */
  searchRows?: number;
}

/**
 * Finds the header: the first row, among the first few, that names every required column
 * (in any order). Without one, refuses naming the required columns missing from the row
 * that came closest.
 */
export function findHeaderRow<C extends string>(ws: ExcelJS.Worksheet, opts: HeaderOptions<C>): SheetHeader<C> {
  const score = (m: Map<C, number>) => opts.required.filter((c) => m.has(c)).length;
  let best: SheetHeader<C> = { row: 1, columns: new Map() };
  const last = Math.min(opts.searchRows ?? 10, ws.rowCount);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<C, number>();
    ws.getRow(r).eachCell((c, col) => {
      const key = headerKey(c.value);
      const known = opts.columns.find((h) => h === key);
      if (known && !columns.has(known)) columns.set(known, col);
    });
    if (score(columns) === opts.required.length) return { row: r, columns };
    if (score(columns) > score(best.columns)) best = { row: r, columns };
  }
  const missing = opts.required.filter((c) => !best.columns.has(c));
  throw badInput(
    opts.errorCode,
    'file',
    {
      zh: `表头缺少必需的列：${missing.join('、')}（请使用导入模板）`,
      en: `The header row lacks required columns: ${missing.map((c) => `${c} (${opts.columnsEn[c]})`).join(', ')}; use the import template`,
    },
    { missing },
  );
}

/** One data row: its Excel row number and the content of each column the header names. */
export interface DataRow<C extends string> {
  row: number;
  cells: Map<C, CellContent>;
}

/**
 * The data rows under the header. A row whose known columns are all empty is skipped
 * (even when another column holds something); more than `maxRows` is refused before any
 * row is checked (extra: `{ limit, rows }`).
 */
export function readDataRows<C extends string>(ws: ExcelJS.Worksheet, header: SheetHeader<C>, opts: { maxRows: number; errorCode: string }): DataRow<C>[] {
  const data: DataRow<C>[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= header.row) return;
    const cells = new Map<C, CellContent>();
    for (const [col, idx] of header.columns) cells.set(col, cellContent(row.getCell(idx).value));
    if ([...cells.values()].every((c) => contentText(c) === '')) return;
    data.push({ row: r, cells });
  });
  if (data.length > opts.maxRows) {
    throw badInput(
      opts.errorCode,
      'file',
      {
        zh: `一次最多导入 ${opts.maxRows} 行，本文件有 ${data.length} 行，请分批导入`,
        en: `At most ${opts.maxRows} rows can be imported at once; this file has ${data.length}`,
      },
      { limit: opts.maxRows, rows: data.length },
    );
  }
  return data;
}

/** What an importer reads: limits, columns, and the codes and messages of its refusals. */
export interface SheetTableSpec<C extends string> extends LoadSheetOptions, Omit<HeaderOptions<C>, 'errorCode'> {
  /** Most data rows in one import. */
  maxRows: number;
  /** Codes of the refusals: those of `loadSheet`, a header lacking required columns, too many rows. */
  codes: LoadSheetOptions['codes'] & { header: string; tooManyRows: string };
}

/** The data rows of an uploaded workbook: `loadSheet`, `findHeaderRow`, `readDataRows`. */
export async function readSheetTable<C extends string>(buf: Buffer, spec: SheetTableSpec<C>): Promise<DataRow<C>[]> {
  const ws = await loadSheet(buf, spec);
  const header = findHeaderRow(ws, { ...spec, errorCode: spec.codes.header });
  return readDataRows(ws, header, { maxRows: spec.maxRows, errorCode: spec.codes.tooManyRows });
}

// ---------------------------------------------------------------------------------------
// Row checks

/** One problem of one row, by Excel row number and column heading. */
export interface RowError {
  row: number;
  field: string;
  message: string;
  message_en: string;
}

/**
 * The checks of one data row, each adding its problem to `errors` in Chinese and English:
 * `text` of a column (or ''), `required` (the text, or null when empty), `bounded` length
 * in characters, `oneOf` a fixed set of values (listed as `shown`, by default its keys).
 */
export function rowChecks<C extends string>(data: DataRow<C>, errors: RowError[], columnsEn: Record<C, string>) {
  const { row, cells } = data;
  const fail = (field: C, zh: string, en: string) => {
    errors.push({ row, field, message: zh, message_en: en });
  };
  const text = (col: C) => contentText(cells.get(col));
  const required = (col: C): string | null => {
    const v = text(col);
    if (v) return v;
    fail(col, `「${col}」不能为空`, `${columnsEn[col]} (${col}) is required`);
    return null;
  };
  const bounded = (col: C, v: string | null, min: number, max: number) => {
    if (v === null) return;
    const n = charLength(v);
    if (n >= min && n <= max) return;
    fail(
      col,
      min > 1 ? `「${col}」长度为${n}字，应为${min}至${max}字` : `「${col}」长度为${n}字，不能超过${max}字`,
      `${columnsEn[col]} (${col}) has ${n} characters; expected ${min > 1 ? `${min} to ${max}` : `at most ${max}`}`,
    );
  };
  const oneOf = <T>(col: C, v: string, allowed: Record<string, T>, shown: readonly string[] = Object.keys(allowed)): T | undefined => {
    if (Object.hasOwn(allowed, v)) return allowed[v];
    fail(
      col,
      `「${col}」的值“${v}”无效，应为${shown.map((a) => `“${a}”`).join('、')}之一`,
      `${columnsEn[col]} (${col}) "${v}" is not one of ${shown.join(', ')}`,
    );
    return undefined;
  };
  return { fail, text, required, bounded, oneOf };
}

// ---------------------------------------------------------------------------------------
// Templates

/** A template's sheet of notes: one row per item (项目) and what it requires (要求). */
export function addNotesSheet(wb: ExcelJS.Workbook, notes: readonly (readonly [string, string])[], width: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '要求', key: 'v', width },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [k, v] of notes) ws.addRow({ k, v });
  return ws;
}
