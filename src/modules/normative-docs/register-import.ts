/**
 * Import of an office's existing register of normative documents (规范性文件目录/登记簿)
 * from a spreadsheet, so it can migrate without retyping. Reading is left to exceljs; this
 * finds the columns by their headings, checks every row and reports each problem by Excel
 * row number, in Chinese and English. Pure: the service decides what to store.
 */
import ExcelJS from 'exceljs';
import { badInput } from '../../core/http/errors.ts';

export const REGISTER_COLUMNS = [
  '制定机关',
  '文件名称',
  '登记编号',
  '文件类型',
  '暂行或试行',
  '公布日期',
  '施行日期',
  '有效期至',
  '状态',
  '备案日期',
  '正文',
] as const;
type Column = (typeof REGISTER_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['制定机关', '文件名称', '登记编号', '文件类型', '公布日期', '施行日期', '状态'];

export interface RegisterRow {
  row: number;
  issuerName: string;
  title: string;
  regNumber: string;
  docType: 'government' | 'department';
  provisional: boolean;
  publishedOn: string;
  effectiveOn: string;
  expiresOn: string | null;
  status: 'valid' | 'abolished' | 'expired';
  filedOn: string | null;
  body: string;
}
export interface RowError {
  row: number;
  field: string;
  message: string;
  message_en: string;
}

/** Largest workbook accepted (bytes). */
export const MAX_REGISTER_BYTES = 20 * 1024 * 1024;
/** Most data rows in one import. */
export const MAX_REGISTER_ROWS = 5000;
/** Rows above the header that may hold a sheet title (e.g. a merged “规范性文件目录”). */
const HEADER_SEARCH_ROWS = 10;

const COLUMN_EN: Record<Column, string> = {
  制定机关: 'Issuing authority',
  文件名称: 'Title',
  登记编号: 'Registration number',
  文件类型: 'Document type',
  暂行或试行: 'Provisional',
  公布日期: 'Publication date',
  施行日期: 'Effective date',
  有效期至: 'Valid until',
  状态: 'Status',
  备案日期: 'Filing date',
  正文: 'Body',
};

const DOC_TYPES: Record<string, RegisterRow['docType']> = { 政府规范性文件: 'government', 部门规范性文件: 'department' };
const STATUSES: Record<string, RegisterRow['status']> = { 有效: 'valid', 已废止: 'abolished', 已失效: 'expired' };
const YES_NO: Record<string, boolean> = { 是: true, 否: false };

const MAX_TEXT = 100; // 制定机关, 登记编号
const TITLE_MIN = 4;
const TITLE_MAX = 200;

// ---------------------------------------------------------------------------------------
// Cells

type CellContent = { text: string } | { date: string };

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A cell as text, or as a date when Excel stored a date. Excel dates carry no zone; exceljs
 * reads them as UTC midnight, so the UTC calendar day is the day the user typed.
 */
function cellContent(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '' } : { date: isoOf(value) };
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

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const contentText = (c: CellContent) => ('date' in c ? c.date : clean(c.text));
const length = (s: string) => [...s].length;

/** Header text as written, compared without spaces, asterisks or a bracketed hint: “公布日期（必填）”. */
function headerKey(v: ExcelJS.CellValue): string {
  return contentText(cellContent(v))
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/\([^)]*\)$/, '');
}

const DATE_PATTERNS = [/^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日' (half- or full-width digits) → ISO, or null. */
export function parseRegisterDate(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  let y: number, m: number, d: number;
  const a = DATE_PATTERNS[0].exec(s);
  const b = DATE_PATTERNS[1].exec(s);
  if (a) [y, m, d] = [Number(a[1]), Number(a[3]), Number(a[4])];
  else if (b) [y, m, d] = [Number(b[1]), Number(b[2]), Number(b[3])];
  else return null;
  if (y < 1900 || y > 2100) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return isoOf(t);
}

// ---------------------------------------------------------------------------------------
// Workbook

async function loadFirstSheet(buf: Buffer): Promise<ExcelJS.Worksheet> {
  if (buf.length > MAX_REGISTER_BYTES) {
    throw badInput(
      'xlsx_too_large',
      'file',
      { zh: 'Excel 文件超过 20 MB，无法导入', en: 'The .xlsx file is larger than 20 MB' },
      { limit: MAX_REGISTER_BYTES },
    );
  }
  const invalid = () =>
    badInput('xlsx_invalid', 'file', {
      zh: '上传的文件不是有效的 Excel（.xlsx）工作簿',
      en: 'The file is not a valid .xlsx workbook',
    });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid();
  }
  // Another zip (a .docx, say) loads as a workbook without sheets.
  const ws = wb.worksheets[0];
  if (!ws) throw invalid();
  return ws;
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<Column, number> } {
  let best: { row: number; columns: Map<Column, number> } = { row: 1, columns: new Map() };
  const last = Math.min(HEADER_SEARCH_ROWS, ws.rowCount);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<Column, number>();
    ws.getRow(r).eachCell((c, col) => {
      const key = headerKey(c.value);
      const known = REGISTER_COLUMNS.find((h) => h === key);
      if (known && !columns.has(known)) columns.set(known, col);
    });
    if (REQUIRED_COLUMNS.every((c) => columns.has(c))) return { row: r, columns };
    const score = (m: Map<Column, number>) => REQUIRED_COLUMNS.filter((c) => m.has(c)).length;
    if (score(columns) > score(best.columns)) best = { row: r, columns };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !best.columns.has(c));
  throw badInput(
    'register_header',
    'file',
    {
      zh: `表头缺少必需的列：${missing.join('、')}（请使用导入模板）`,
      en: `The header row lacks required columns: ${missing.map((c) => `${c} (${COLUMN_EN[c]})`).join(', ')}; use the import template`,
    },
    { missing },
  );
}

/**
 * Reads the first sheet of a register workbook. The header row (within the first ten rows)
 * must name every required column, in any order; each later non-empty row is checked and
 * lands either in `rows` or, with one entry per problem, in `errors`.
 */
export async function parseRegisterWorkbook(buf: Buffer): Promise<{ rows: RegisterRow[]; errors: RowError[] }> {
  const ws = await loadFirstSheet(buf);
  const header = findHeader(ws);

  const data: { row: number; cells: Map<Column, CellContent> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= header.row) return;
    const cells = new Map<Column, CellContent>();
    for (const [col, idx] of header.columns) cells.set(col, cellContent(row.getCell(idx).value));
    if ([...cells.values()].every((c) => contentText(c) === '')) return;
    data.push({ row: r, cells });
  });
  if (data.length > MAX_REGISTER_ROWS) {
    throw badInput(
      'register_too_many_rows',
      'file',
      {
        zh: `一次最多导入 ${MAX_REGISTER_ROWS} 行，本文件有 ${data.length} 行，请分批导入`,
        en: `At most ${MAX_REGISTER_ROWS} rows can be imported at once; this file has ${data.length}`,
      },
      { limit: MAX_REGISTER_ROWS, rows: data.length },
    );
  }

  const rows: RegisterRow[] = [];
  const errors: RowError[] = [];
  const seenNumbers = new Map<string, number>();
  for (const { row, cells } of data) {
    const before = errors.length;
    const fail = (field: Column, zh: string, en: string) => errors.push({ row, field, message: zh, message_en: en });
    const text = (col: Column) => {
      const c = cells.get(col);
      return c ? contentText(c) : '';
    };
    const required = (col: Column): string | null => {
      const v = text(col);
      if (v) return v;
      fail(col, `「${col}」不能为空`, `${COLUMN_EN[col]} (${col}) is required`);
      return null;
    };
    const oneOf = <T>(col: Column, v: string, allowed: Record<string, T>): T | undefined => {
      if (Object.hasOwn(allowed, v)) return allowed[v];
      const list = Object.keys(allowed);
      fail(
        col,
        `「${col}」的值“${v}”无效，应为${list.map((a) => `“${a}”`).join('、')}之一`,
        `${COLUMN_EN[col]} (${col}) "${v}" is not one of ${list.join(', ')}`,
      );
      return undefined;
    };
    const date = (col: Column, isRequired: boolean): string | null | undefined => {
      const c = cells.get(col);
      const raw = c ? contentText(c) : '';
      if (!raw) {
        if (isRequired) required(col);
        return isRequired ? undefined : null;
      }
      if (c && 'date' in c) return c.date;
      const iso = parseRegisterDate(raw);
      if (iso) return iso;
      fail(
        col,
        `「${col}」的值“${raw}”不是有效日期，应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日`,
        `${COLUMN_EN[col]} (${col}) "${raw}" is not a valid date (YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)`,
      );
      return undefined;
    };
    const bounded = (col: Column, v: string | null, min: number, max: number) => {
      if (v === null) return;
      const n = length(v);
      if (n >= min && n <= max) return;
      fail(
        col,
        min > 1 ? `「${col}」长度为${n}字，应为${min}至${max}字` : `「${col}」长度为${n}字，不能超过${max}字`,
        `${COLUMN_EN[col]} (${col}) has ${n} characters; expected ${min > 1 ? `${min} to ${max}` : `at most ${max}`}`,
      );
    };

    const issuerName = required('制定机关');
    bounded('制定机关', issuerName, 1, MAX_TEXT);
    const title = required('文件名称');
    bounded('文件名称', title, TITLE_MIN, TITLE_MAX);
    const regNumber = required('登记编号');
    bounded('登记编号', regNumber, 1, MAX_TEXT);
    if (regNumber !== null) {
      const first = seenNumbers.get(regNumber);
      if (first !== undefined) {
        fail('登记编号', `「登记编号」“${regNumber}”与第${first}行重复`, `Registration number (登记编号) "${regNumber}" repeats row ${first}`);
      } else seenNumbers.set(regNumber, row);
    }
    const typeText = required('文件类型');
    const docType = typeText === null ? undefined : oneOf('文件类型', typeText, DOC_TYPES);
    const provisionalText = text('暂行或试行');
    const provisional = provisionalText === '' ? false : oneOf('暂行或试行', provisionalText, YES_NO);
    const publishedOn = date('公布日期', true);
    const effectiveOn = date('施行日期', true);
    const expiresOn = date('有效期至', false);
    const statusText = required('状态');
    const status = statusText === null ? undefined : oneOf('状态', statusText, STATUSES);
    const filedOn = date('备案日期', false);

    if (publishedOn && effectiveOn && effectiveOn < publishedOn) {
      fail('施行日期', `「施行日期」${effectiveOn}早于「公布日期」${publishedOn}`, `Effective date ${effectiveOn} is before the publication date ${publishedOn}`);
    }
    if (effectiveOn && expiresOn && expiresOn <= effectiveOn) {
      fail('有效期至', `「有效期至」${expiresOn}应晚于「施行日期」${effectiveOn}`, `Valid-until date ${expiresOn} must be after the effective date ${effectiveOn}`);
    }
    if (publishedOn && filedOn && filedOn < publishedOn) {
      fail('备案日期', `「备案日期」${filedOn}早于「公布日期」${publishedOn}`, `Filing date ${filedOn} is before the publication date ${publishedOn}`);
    }

    if (errors.length > before) continue;
    rows.push({
      row,
      issuerName: issuerName!,
      title: title!,
      regNumber: regNumber!,
      docType: docType!,
      provisional: provisional!,
      publishedOn: publishedOn!,
      effectiveOn: effectiveOn!,
      expiresOn: expiresOn ?? null,
      status: status!,
      filedOn: filedOn ?? null,
      body: text('正文'),
    });
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------
// Template

const EXAMPLE = {
  制定机关: '演示市人民政府',
  文件名称: '演示市行政规范性文件管理办法',
  登记编号: '演示府规〔2025〕1号',
  文件类型: '政府规范性文件',
  暂行或试行: '否',
  公布日期: '2025-03-01',
  施行日期: '2025-04-01',
  有效期至: '2030-03-31',
  状态: '有效',
  备案日期: '2025-03-10',
  正文:
    '第一条 为加强行政规范性文件管理，推进依法行政，根据有关法律、法规和国家有关规定，结合本市实际，制定本办法。\n' +
    '第二条 本办法自2025年4月1日起施行，有效期至2030年3月31日。',
} satisfies Record<Column, string>;

const DATE_COLUMNS: readonly Column[] = ['公布日期', '施行日期', '有效期至', '备案日期'];

const NOTES: readonly [string, string][] = [
  ['必填列', REQUIRED_COLUMNS.join('、')],
  ['文件类型', '政府规范性文件 或 部门规范性文件'],
  ['暂行或试行', '是 或 否（不填视为否）'],
  ['日期', 'Excel 日期，或文字 YYYY-MM-DD、YYYY/M/D、YYYY年M月D日'],
  ['日期先后', '施行日期不早于公布日期；有效期至晚于施行日期；备案日期不早于公布日期'],
  ['状态', '有效、已废止 或 已失效'],
  ['文件名称', '4至200字'],
  ['登记编号', '同一文件中不得重复'],
  ['行数', `每次最多 ${MAX_REGISTER_ROWS} 行；读取第一个工作表，空行忽略`],
];

/** A workbook to fill in: the header row and one example row, plus a sheet of notes. */
export async function registerTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet('规范性文件目录', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = REGISTER_COLUMNS.map((h) => ({
    header: h,
    key: h,
    width: h === '文件名称' ? 40 : h === '正文' ? 60 : h === '制定机关' || h === '登记编号' ? 24 : DATE_COLUMNS.includes(h) ? 14 : 16,
  }));
  const header = ws.getRow(1);
  header.eachCell((c, col) => {
    const required = REQUIRED_COLUMNS.includes(REGISTER_COLUMNS[col - 1]);
    c.font = { bold: true, color: required ? { argb: 'FFC00000' } : undefined };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  const example = ws.addRow(
    Object.fromEntries(
      REGISTER_COLUMNS.map((h) => [h, DATE_COLUMNS.includes(h) ? new Date(`${EXAMPLE[h]}T00:00:00Z`) : EXAMPLE[h]]),
    ),
  );
  for (const h of DATE_COLUMNS) example.getCell(h).numFmt = 'yyyy-mm-dd';
  example.getCell('正文').alignment = { wrapText: true, vertical: 'top' };

  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '要求', key: 'v', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const [k, v] of NOTES) notes.addRow({ k, v });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
