/**
 * 权责清单 in Excel: the export (powers and their 裁量基准), the import template, and the
 * import of a department's existing list so it need not be retyped. Parsing is pure (no
 * database): it finds the columns by their headings, checks each row as `PowerIn` would
 * and reports every problem by Excel row number, in Chinese and English. The service part
 * then resolves each 实施主体 within the caller's scope and writes the valid rows in one
 * transaction.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { DomainError } from '../../core/http/errors.ts';
import { addNotesSheet, charLength, readSheetTable, rowChecks, type RowError, type SheetTableSpec } from '../../core/imports/sheet-table.ts';
import { edb, etx, type PowerType } from './schema.ts';
import { POWER_TYPES } from './contract.ts';
import { POWER_TYPE_LABELS } from './labels.ts';
import { activeSubject, insertPower } from './powers.ts';

// ---------------------------------------------------------------------------------------
// Columns and labels

export const POWER_COLUMNS = ['实施主体', '事项编码', '事项名称', '职权类型', '设定依据', '承办内设机构', '责任事项', '是否公开', '状态'] as const;
type Column = (typeof POWER_COLUMNS)[number];
export const REQUIRED_POWER_COLUMNS: readonly Column[] = ['实施主体', '事项编码', '事项名称', '职权类型', '设定依据'];

export const BENCHMARK_COLUMNS = ['实施主体', '事项编码', '事项名称', '档次', '违法情节', '罚款下限（元）', '罚款上限（元）', '其他处罚'] as const;

const COLUMN_EN: Record<Column, string> = {
  实施主体: 'Implementing subject',
  事项编码: 'Item code',
  事项名称: 'Item name',
  职权类型: 'Power type',
  设定依据: 'Legal basis',
  承办内设机构: 'Internal unit',
  责任事项: 'Responsibilities',
  是否公开: 'Published',
  状态: 'Status',
};

export { POWER_TYPE_LABELS };

/** Chinese labels as exported, and the English codes of the API, both mean a type. */
const POWER_TYPE_OF: Record<string, PowerType> = Object.fromEntries([
  ...POWER_TYPES.map((t) => [POWER_TYPE_LABELS[t], t] as const),
  ...POWER_TYPES.map((t) => [t, t] as const),
]);
/** English codes in any case ('Penalty'); Chinese labels as written. */
const typeKey = (v: string) => ((POWER_TYPES as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : v);
const YES_NO: Record<string, boolean> = { 是: true, 否: false };
const STATUS_OF: Record<string, boolean> = { 有效: true, 停用: false };

// Limits of PowerIn (contract.ts), so an imported row is what the API would accept.
const CODE_MAX = 50;
const NAME_MIN = 2;
const NAME_MAX = 200;
const BASIS_MIN = 2;
const BASIS_MAX = 2000;
const UNIT_MAX = 100;
const ITEM_MAX = 500;
const ITEMS_MAX = 30;
const ORG_NAME_MAX = 200;

/** Largest workbook accepted (bytes). */
export const MAX_POWERS_BYTES = 20 * 1024 * 1024;
/** Most data rows in one import. */
export const MAX_POWERS_ROWS = 5000;
/** Rows above the header that may hold a sheet title (e.g. a merged “某某局权责清单”). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The 权责清单 sheet, read by its name since the exported file carries 裁量基准 as a second
 * sheet (else the first sheet); its header within the first ten rows; the refusals.
 */
const SHEET: SheetTableSpec<Column> = {
  preferredSheet: '权责清单',
  columns: POWER_COLUMNS,
  required: REQUIRED_POWER_COLUMNS,
  columnsEn: COLUMN_EN,
  searchRows: HEADER_SEARCH_ROWS,
  maxBytes: MAX_POWERS_BYTES,
  maxRows: MAX_POWERS_ROWS,
  codes: { tooLarge: 'workbook_too_large', invalid: 'invalid_workbook', header: 'powers_header', tooManyRows: 'too_many_rows' },
};

export interface PowerRow {
  row: number;
  orgName: string;
  code: string;
  name: string;
  powerType: PowerType;
  legalBasis: string;
  internalUnit: string | null;
  responsibilityItems: string[];
  published: boolean;
  active: boolean;
}
export type { RowError };

// ---------------------------------------------------------------------------------------
// Workbook

/** One line per responsibility; blank lines are layout, not items. */
export function splitItems(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Reads the 权责清单 sheet (or the first sheet). The header row, within the first ten
 * rows, must name every required column in any order; each later non-empty row lands
 * either in `rows` or, with one entry per problem, in `errors`.
 */
export async function parsePowersWorkbook(buf: Buffer): Promise<{ rows: PowerRow[]; errors: RowError[] }> {
  const rows: PowerRow[] = [];
  const errors: RowError[] = [];
  // A code is unique per subject (unique (org_id, code)), so the key is the pair.
  const seen = new Map<string, number>();
  for (const data of await readSheetTable(buf, SHEET)) {
    const { row } = data;
    const before = errors.length;
    const { fail, text, required, bounded, oneOf } = rowChecks(data, errors, COLUMN_EN);
    const optionalChoice = (col: Column, allowed: Record<string, boolean>, fallback: boolean) => {
      const v = text(col);
      return v === '' ? fallback : oneOf(col, v, allowed);
    };

    const orgName = required('实施主体');
    bounded('实施主体', orgName, 1, ORG_NAME_MAX);
    const code = required('事项编码');
    bounded('事项编码', code, 1, CODE_MAX);
    if (orgName !== null && code !== null) {
      const key = `${orgName}\u0000${code}`;
      const first = seen.get(key);
      if (first !== undefined) fail('事项编码', `「事项编码」“${code}”与第${first}行重复（同一实施主体）`, `Item code (事项编码) "${code}" repeats row ${first} for the same subject`);
      else seen.set(key, row);
    }
    const name = required('事项名称');
    bounded('事项名称', name, NAME_MIN, NAME_MAX);
    const typeText = required('职权类型');
    const powerType = typeText === null ? undefined : oneOf('职权类型', typeKey(typeText), POWER_TYPE_OF, Object.values(POWER_TYPE_LABELS));
    const legalBasis = required('设定依据');
    bounded('设定依据', legalBasis, BASIS_MIN, BASIS_MAX);
    const unit = text('承办内设机构');
    bounded('承办内设机构', unit || null, 1, UNIT_MAX);
    const items = splitItems(text('责任事项'));
    if (items.length > ITEMS_MAX) fail('责任事项', `「责任事项」有${items.length}项，不能超过${ITEMS_MAX}项（每行一项）`, `Responsibilities (责任事项) has ${items.length} items; at most ${ITEMS_MAX} (one per line)`);
    items.forEach((item, i) => {
      const n = charLength(item);
      if (n > ITEM_MAX) fail('责任事项', `「责任事项」第${i + 1}项长度为${n}字，不能超过${ITEM_MAX}字`, `Responsibility ${i + 1} (责任事项) has ${n} characters; at most ${ITEM_MAX}`);
    });
    // Most lists are published in full (seed 000: 权责清单向社会公开), hence 是 by default.
    const published = optionalChoice('是否公开', YES_NO, true);
    const active = optionalChoice('状态', STATUS_OF, true);

    if (errors.length > before) continue;
    rows.push({
      row,
      orgName: orgName!,
      code: code!,
      name: name!,
      powerType: powerType!,
      legalBasis: legalBasis!,
      internalUnit: unit || null,
      responsibilityItems: items,
      published: published!,
      active: active!,
    });
  }
  return { rows, errors };
}

// ---------------------------------------------------------------------------------------
// Writing workbooks (pure)

export interface PowerExportRow {
  org_name: string;
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  internal_unit: string | null;
  responsibility_items: string[];
  published: boolean;
  active: boolean;
}
export interface BenchmarkExportRow {
  org_name: string;
  code: string;
  name: string;
  band: string;
  circumstances: string;
  fine_min: string | number | null;
  fine_max: string | number | null;
  other_penalties: string | null;
}

const WIDTHS: Record<string, number> = { 实施主体: 28, 事项编码: 18, 事项名称: 36, 设定依据: 60, 承办内设机构: 18, 责任事项: 50, 违法情节: 50, 其他处罚: 30 };

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly string[], required: readonly string[] = []) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((h) => ({ header: h, key: h, width: WIDTHS[h] ?? 14 }));
  ws.getRow(1).eachCell((c, col) => {
    c.font = { bold: true, color: required.includes(columns[col - 1]) ? { argb: 'FFC00000' } : undefined };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  return ws;
}

function powerCells(p: PowerExportRow): Record<Column, string> {
  return {
    实施主体: p.org_name,
    事项编码: p.code,
    事项名称: p.name,
    职权类型: POWER_TYPE_LABELS[p.power_type] ?? p.power_type,
    设定依据: p.legal_basis,
    承办内设机构: p.internal_unit ?? '',
    责任事项: p.responsibility_items.join('\n'),
    是否公开: p.published ? '是' : '否',
    状态: p.active ? '有效' : '停用',
  };
}

function addPowerRow(ws: ExcelJS.Worksheet, p: PowerExportRow) {
  // Codes are written as text, so Excel keeps leading zeros and long digit strings.
  const row = ws.addRow(powerCells(p));
  for (const col of ['设定依据', '责任事项'] as const) row.getCell(col).alignment = { wrapText: true, vertical: 'top' };
}

/** Money columns come back from PostgreSQL as strings; Excel should hold numbers. */
const yuan = (v: string | number | null) => (v === null || v === '' ? null : Number(v));

/** The export workbook: 权责清单 and, for penalty powers, 裁量基准. */
export async function buildPowersWorkbook(powers: PowerExportRow[], benchmarks: BenchmarkExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = addSheet(wb, '权责清单', POWER_COLUMNS);
  for (const p of powers) addPowerRow(ws, p);
  const bs = addSheet(wb, '裁量基准', BENCHMARK_COLUMNS);
  for (const b of benchmarks) {
    const row = bs.addRow({ 实施主体: b.org_name, 事项编码: b.code, 事项名称: b.name, 档次: b.band, 违法情节: b.circumstances, '罚款下限（元）': yuan(b.fine_min), '罚款上限（元）': yuan(b.fine_max), 其他处罚: b.other_penalties ?? '' });
    row.getCell('违法情节').alignment = { wrapText: true, vertical: 'top' };
    for (const col of ['罚款下限（元）', '罚款上限（元）']) row.getCell(col).numFmt = '#,##0.00';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXAMPLE: PowerExportRow = {
  org_name: '演示市市场监督管理局',
  code: '330217001',
  name: '对销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚',
  power_type: 'penalty',
  legal_basis: '《中华人民共和国产品质量法》第四十九条',
  internal_unit: '执法稽查科',
  responsibility_items: ['立案责任：对发现的涉嫌违法行为予以审查，决定是否立案', '调查责任：两名以上执法人员调查取证，出示执法证件', '决定责任：依法作出处罚决定并送达'],
  published: true,
  active: true,
};

const NOTES: readonly [string, string][] = [
  ['必填列', REQUIRED_POWER_COLUMNS.join('、')],
  ['实施主体', '机构全称，须为经确认公告的行政执法主体，且在您的数据范围内'],
  ['事项编码', `1至${CODE_MAX}字；同一实施主体的编码不得重复，也不得与已有职权重复`],
  ['事项名称', `${NAME_MIN}至${NAME_MAX}字`],
  ['职权类型', `${Object.values(POWER_TYPE_LABELS).join('、')}（也可填英文代码 ${POWER_TYPES.join(', ')}）`],
  ['设定依据', `${BASIS_MIN}至${BASIS_MAX}字`],
  ['承办内设机构', `可不填；不超过${UNIT_MAX}字`],
  ['责任事项', `每行一项（单元格内换行 Alt+Enter），至多${ITEMS_MAX}项，每项不超过${ITEM_MAX}字`],
  ['是否公开', '是 或 否（不填视为是）'],
  ['状态', '有效 或 停用（不填视为有效）'],
  ['行数', `每次最多 ${MAX_POWERS_ROWS} 行；读取“权责清单”工作表（没有则读第一个工作表），空行忽略；裁量基准请在系统中逐项维护`],
];

/** A workbook to fill in: the list's header and one example row, plus a sheet of notes. */
export async function powersTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  addPowerRow(addSheet(wb, '权责清单', POWER_COLUMNS, REQUIRED_POWER_COLUMNS), EXAMPLE);
  addNotesSheet(wb, NOTES, 90);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------
// Service

const SUBJECT = { zh: '实施主体', en: 'Implementing subject' };

/** The powers (and their benchmarks) in the caller's read scope, as a workbook. */
export async function powersXlsx(s: Services, actor: Actor, f: { orgId?: number }): Promise<Buffer> {
  if (f.orgId) await assertOrgInScope(s.db, actor, 'enforcement.read', f.orgId, SUBJECT);
  const db = edb(s.db);
  let pq = db
    .selectFrom('enforcement_powers as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['o.name as org_name', 'p.code', 'p.name', 'p.power_type', 'p.legal_basis', 'p.internal_unit', 'p.responsibility_items', 'p.published', 'p.active'])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('p.org_id')));
  if (f.orgId) pq = pq.where('p.org_id', '=', f.orgId);
  let bq = db
    .selectFrom('enforcement_benchmarks as b')
    .innerJoin('enforcement_powers as p', 'p.id', 'b.power_id')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['o.name as org_name', 'p.code', 'p.name', 'b.band', 'b.circumstances', 'b.fine_min', 'b.fine_max', 'b.other_penalties'])
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('p.org_id')));
  if (f.orgId) bq = bq.where('p.org_id', '=', f.orgId);
  const [powers, benchmarks] = await Promise.all([
    pq.orderBy('o.path').orderBy('p.code').execute(),
    bq.orderBy('o.path').orderBy('p.code').orderBy('b.sort_order').execute(),
  ]);
  return buildPowersWorkbook(powers, benchmarks);
}

type Resolved = { orgId: number } | { field: Column; zh: string; en: string };

/**
 * The organisation a row names, if the caller may manage its powers and it is an active
 * enforcement subject. An organisation outside the scope answers exactly as an unknown
 * name does, so the import cannot be used to probe for other organisations.
 */
async function resolveSubject(tx: Tx, actor: Actor, name: string, today: string): Promise<Resolved> {
  const candidates = await tx.selectFrom('orgs').select('id').where('name', '=', name).execute();
  const inScope: number[] = [];
  for (const c of candidates) {
    try {
      await assertOrgInScope(tx, actor, 'enforcement.power.manage', c.id, SUBJECT);
      inScope.push(c.id);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
  if (inScope.length === 0) return { field: '实施主体', zh: `「实施主体」“${name}”不是您数据范围内的机构`, en: `Implementing subject (实施主体) "${name}" is not an organisation in your scope` };
  if (inScope.length > 1) return { field: '实施主体', zh: `「实施主体」“${name}”对应多个同名机构，无法确定，请在系统中逐项录入`, en: `Implementing subject (实施主体) "${name}" names several organisations; enter these powers one by one` };
  try {
    await activeSubject(tx, inScope[0], today);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { field: '实施主体', zh: `「实施主体」“${name}”：${err.detail}`, en: `Implementing subject (实施主体) "${name}": ${err.detail_en}` };
  }
  return { orgId: inScope[0] };
}

/**
 * Imports a 权责清单 workbook. Rows the parser rejects, rows whose subject the caller
 * may not manage or is not an active enforcement subject, and codes the subject already
 * has come back as errors; the remaining rows are written in one transaction.
 */
export async function importPowers(s: Services, actor: Actor, data: Buffer): Promise<{ imported: number; errors: RowError[] }> {
  const parsed = await parsePowersWorkbook(data);
  const errors: RowError[] = [...parsed.errors];
  let imported = 0;
  if (parsed.rows.length) {
    await s.tx(async (tx) => {
      const today = s.today();
      const subjects = new Map<string, Resolved>();
      for (const name of new Set(parsed.rows.map((r) => r.orgName))) subjects.set(name, await resolveSubject(tx, actor, name, today));
      const orgIds = [...new Set([...subjects.values()].flatMap((r) => ('orgId' in r ? [r.orgId] : [])))];
      const taken = new Set(
        orgIds.length
          ? (await etx(tx).selectFrom('enforcement_powers').select(['org_id', 'code']).where('org_id', 'in', orgIds).execute()).map((p) => `${p.org_id}\u0000${p.code}`)
          : [],
      );
      for (const r of parsed.rows) {
        const subject = subjects.get(r.orgName)!;
        if (!('orgId' in subject)) {
          errors.push({ row: r.row, field: subject.field, message: subject.zh, message_en: subject.en });
          continue;
        }
        if (taken.has(`${subject.orgId}\u0000${r.code}`)) {
          errors.push({ row: r.row, field: '事项编码', message: `「事项编码」“${r.code}”：本主体已有该编码的职权`, message_en: `Item code (事项编码) "${r.code}": the subject already has a power with this code` });
          continue;
        }
        await insertPower(tx, actor, {
          orgId: subject.orgId,
          code: r.code,
          name: r.name,
          powerType: r.powerType,
          legalBasis: r.legalBasis,
          internalUnit: r.internalUnit,
          responsibilityItems: r.responsibilityItems,
          published: r.published,
          active: r.active,
        });
        imported++;
      }
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { imported, errors };
}
