/**
 * Import of an office's existing register of normative documents (规范性文件目录/登记簿)
 * from a spreadsheet, so it can migrate without retyping. Reading is left to exceljs; this
 * finds the columns by their headings, checks every row and reports each problem by Excel
 * row number, in Chinese and English. Pure: the service decides what to store.
 */
import ExcelJS from 'exceljs';
import { addNotesSheet, isoDay, readSheetTable, rowChecks, type RowError, type SheetTableSpec } from '../../core/imports/sheet-table.ts';

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
export type { RowError };

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

/** The first sheet, its header within the first ten rows; the refusals of the upload. */
const SHEET: SheetTableSpec<Column> = {
  columns: REGISTER_COLUMNS,
  required: REQUIRED_COLUMNS,
  columnsEn: COLUMN_EN,
  searchRows: HEADER_SEARCH_ROWS,
  maxBytes: MAX_REGISTER_BYTES,
  maxRows: MAX_REGISTER_ROWS,
  codes: { tooLarge: 'xlsx_too_large', invalid: 'xlsx_invalid', header: 'register_header', tooManyRows: 'register_too_many_rows' },
};

const DOC_TYPES: Record<string, RegisterRow['docType']> = { 政府规范性文件: 'government', 部门规范性文件: 'department' };
const STATUSES: Record<string, RegisterRow['status']> = { 有效: 'valid', 已废止: 'abolished', 已失效: 'expired' };
const YES_NO: Record<string, boolean> = { 是: true, 否: false };

const MAX_TEXT = 100; // 制定机关, 登记编号
const TITLE_MIN = 4;
const TITLE_MAX = 200;

// ---------------------------------------------------------------------------------------
// Dates

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
  return isoDay(t);
}

// ---------------------------------------------------------------------------------------
// Workbook

/**
 * Reads the first sheet of a register workbook. The header row (within the first ten rows)
 * must name every required column, in any order; each later non-empty row is checked and
 * lands either in `rows` or, with one entry per problem, in `errors`.
 */
export async function parseRegisterWorkbook(buf: Buffer): Promise<{ rows: RegisterRow[]; errors: RowError[] }> {
  const data = await readSheetTable(buf, SHEET);
  const rows: RegisterRow[] = [];
  const errors: RowError[] = [];
  const seenNumbers = new Map<string, number>();
  for (const d of data) {
    const { row, cells } = d;
    const before = errors.length;
    const { fail, text, required, bounded, oneOf } = rowChecks(d, errors, COLUMN_EN);
    const date = (col: Column, isRequired: boolean): string | null | undefined => {
      const c = cells.get(col);
      const raw = text(col);
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

  addNotesSheet(wb, NOTES, 80);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
