/**
 * 指标体系 in Excel: the form assessment offices exchange — one sheet 指标体系, one row per
 * indicator, its level given by the deepest level column filled in (一级指标, 二级指标,
 * 三级指标, and 四级指标… for deeper trees), the upper level columns repeating the
 * ancestors' titles, left empty or merged (the value is carried down from the rows above).
 *
 * Parsing is pure (no database): it finds the columns by their headings, rebuilds the tree,
 * numbers it like the seed text ('一', '一（二）', '一（二）3', deeper '.n') and reports every
 * problem by Excel row number, in Chinese and English. Points that do not add up are no
 * error but warnings: the import still writes the draft, publication refuses it until the
 * points balance. The service part writes a draft system in one transaction, or nothing
 * when a row is wrong, and exports a system's tree in the same form.
 */
import ExcelJS from 'exceljs';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import type { Tx } from '../../core/db/client.ts';
import { assertOrgInScope } from '../../core/policy/scope.ts';
import { badInput, conflict } from '../../core/http/errors.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { actorForAudit } from '../../core/auth/audit-actor.ts';
import {
  addNotesSheet,
  charLength,
  clean,
  contentText,
  findHeaderRow,
  loadSheet,
  readDataRows,
  rowChecks,
  type CellContent,
  type DataRow,
  type RowError,
  type SheetTableSpec,
} from '../../core/imports/sheet-table.ts';
import { atx, type Method } from './schema.ts';
import { METHODS } from './contract.ts';
import { getSystem, nextEdition } from './systems.ts';
import { pointsProblems, type FlatNode, type PointsProblem } from './tree.ts';

// ---------------------------------------------------------------------------------------
// Columns and labels

/** Level columns, outermost first; the form has three, deeper trees add more. */
export const LEVEL_COLUMNS = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标', '六级指标'] as const;
/** The form's columns, as exported and in the template (deeper level columns come after 三级指标). */
export const SYSTEM_COLUMNS = ['一级指标', '二级指标', '三级指标', '分值', '考核内容', '评分标准', '考核方式', '数据来源'] as const;
const DETAIL_COLUMNS = ['分值', '考核内容', '评分标准', '考核方式', '数据来源'] as const;
type LevelColumn = (typeof LEVEL_COLUMNS)[number];
type Column = LevelColumn | (typeof DETAIL_COLUMNS)[number];
const ALL_COLUMNS: readonly Column[] = [...LEVEL_COLUMNS, ...DETAIL_COLUMNS];
/** A file without these is refused; 二级指标… are needed only as deep as the tree goes. */
export const REQUIRED_SYSTEM_COLUMNS: readonly Column[] = ['一级指标', '分值'];
export const MAX_LEVELS = LEVEL_COLUMNS.length;

const LEVEL_EN = ['Level-1', 'Level-2', 'Level-3', 'Level-4', 'Level-5', 'Level-6'];
const COLUMN_EN: Record<Column, string> = {
  ...(Object.fromEntries(LEVEL_COLUMNS.map((c, i) => [c, `${LEVEL_EN[i]} indicator`])) as Record<LevelColumn, string>),
  分值: 'Points',
  考核内容: 'Content',
  评分标准: 'Scoring criteria',
  考核方式: 'Method',
  数据来源: 'Data source',
};

/** 考核方式 as the form writes it. */
export const METHOD_LABELS: Record<Method, string> = { metric: '指标数据', manual: '自评审核', survey: '满意度调查', veto: '一票否决' };
/** Chinese labels (and 自评加审核, the API's wording), and the English codes in any case. */
const METHOD_OF: Record<string, Method> = {
  ...Object.fromEntries(METHODS.map((m) => [METHOD_LABELS[m], m])),
  ...Object.fromEntries(METHODS.map((m) => [m, m])),
  自评加审核: 'manual',
};
const methodKey = (v: string) => ((METHODS as readonly string[]).includes(v.toLowerCase()) ? v.toLowerCase() : v);

/** The line of 数据来源 that links a metric leaf to a registered metric: “指标数据：code（name）”. */
const METRIC_LINE = /^指标数据\s*[:：]\s*([A-Za-z][A-Za-z0-9_.-]*)/;
/** The line of a level-1 indicator's 考核内容 that starts its 基本目标. */
const GOAL_LINE = /^基本目标\s*[:：]\s*/;

// Limits of NodeIn / NodePatch (contract.ts), so an imported node is what the API would accept.
const TITLE_MIN = 2;
const TITLE_MAX = 500;
const TEXT_MAX = 5000;
const SOURCE_MAX = 200;
const POINTS_MAX = 10000;
/** total_points is numeric(7,1) and TemplateIn's total at most 10000. */
const TOTAL_MIN = 10;
const TOTAL_MAX = 10000;

/** Largest workbook accepted (bytes). */
export const MAX_SYSTEM_BYTES = 10 * 1024 * 1024;
/** Most indicators in one file (the seed-000 system has under 200). */
export const MAX_SYSTEM_ROWS = 2000;

const SHEET: SheetTableSpec<Column> = {
  preferredSheet: '指标体系',
  columns: ALL_COLUMNS,
  required: REQUIRED_SYSTEM_COLUMNS,
  columnsEn: COLUMN_EN,
  searchRows: 10,
  maxBytes: MAX_SYSTEM_BYTES,
  maxRows: MAX_SYSTEM_ROWS,
  codes: { tooLarge: 'workbook_too_large', invalid: 'invalid_workbook', header: 'system_header', tooManyRows: 'too_many_rows' },
};

export type { RowError };

// ---------------------------------------------------------------------------------------
// Codes

const CN_DIGITS = '零一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五; from 10000 on, arabic. */
export function cnNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 10000) return String(n);
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out) out += '零';
    zero = false;
    out += CN_DIGITS[d] + CN_UNITS[s.length - 1 - i];
  }
  return n >= 10 && n < 20 ? out.slice(1) : out;
}

/** The code of the `position`-th (1-based) child at `level` under `parentCode`. */
export function nodeCode(parentCode: string, level: number, position: number): string {
  if (level === 1) return cnNumeral(position);
  if (level === 2) return `${parentCode}（${cnNumeral(position)}）`;
  if (level === 3) return `${parentCode}${position}`;
  return `${parentCode}.${position}`;
}

// ---------------------------------------------------------------------------------------
// Reading the sheet

/** One indicator as imported, with the Excel row it came from. */
export interface ImportedNode {
  row: number;
  level: number;
  code: string;
  title: string;
  /** 考核内容, then 评分标准 on the next line. */
  text: string | null;
  /** Level 1 only: a 考核内容 line “基本目标：…” and what follows it. */
  goal: string | null;
  points: number;
  /** Leaves only (default manual); null for a node with children. */
  method: Method | null;
  metricCode: string | null;
  dataSource: string | null;
  children: ImportedNode[];
}

/** A data row with, for each column whose cell is covered by a merge, the row of the merge's master cell. */
export interface SystemSheetRow extends DataRow<Column> {
  merged: Map<Column, number>;
}

/**
 * The rows of the 指标体系 sheet (or the first sheet) under its header, with their merged
 * cells marked. exceljs gives a covered cell the master cell's value; the parser decides
 * what a merge means per column. Refusals (400 on `file`): no workbook, too large, a header
 * without 一级指标 and 分值 or with a gap in its level columns, too many rows, no row.
 */
export async function readSystemSheet(buf: Buffer): Promise<{ levels: number; rows: SystemSheetRow[] }> {
  const ws = await loadSheet(buf, SHEET);
  const header = findHeaderRow(ws, { ...SHEET, errorCode: SHEET.codes.header });
  const levels = LEVEL_COLUMNS.filter((c) => header.columns.has(c)).length;
  const missing = LEVEL_COLUMNS.slice(0, LEVEL_COLUMNS.findLastIndex((c) => header.columns.has(c)) + 1).filter((c) => !header.columns.has(c));
  if (missing.length) {
    throw badInput(
      SHEET.codes.header,
      'file',
      {
        zh: `表头缺少必需的列：${missing.join('、')}（层级列须从一级指标起连续排列；请使用导入模板）`,
        en: `The header row lacks required columns: ${missing.map((c) => `${c} (${COLUMN_EN[c]})`).join(', ')}; level columns must run from 一级指标 without a gap`,
      },
      { missing },
    );
  }
  const rows: SystemSheetRow[] = [];
  for (const data of readDataRows(ws, header, { maxRows: MAX_SYSTEM_ROWS, errorCode: SHEET.codes.tooManyRows })) {
    const merged = new Map<Column, number>();
    for (const [col, idx] of header.columns) {
      const cell = ws.getRow(data.row).getCell(idx);
      if (cell.type === ExcelJS.ValueType.Merge) merged.set(col, Number(cell.master.row));
    }
    // A row that only continues merges from above holds no indicator of its own.
    if ([...data.cells].every(([col, c]) => merged.has(col) || contentText(c) === '')) continue;
    rows.push({ ...data, merged });
  }
  if (rows.length === 0) throw badInput('system_empty', 'file', { zh: '工作表中没有指标行', en: 'The sheet has no indicator rows' });
  return { levels, rows };
}

type Points = { ok: number } | { zh: string; en: string };

/** 分值: a number ≥ 0 with at most one decimal (“10”, “2.5”, “10分”); a formula by its result. */
export function parsePoints(c: CellContent | undefined): Points | null {
  const raw = contentText(c);
  if (raw === '') return null;
  const v = raw.normalize('NFKC').replace(/\s*分$/, '').trim();
  if (c && 'date' in c) return { zh: `「分值」“${raw}”不是数字`, en: `Points (分值) "${raw}" is not a number` };
  if (/^-\s*\d+(\.\d+)?$/.test(v)) return { zh: `「分值」“${raw}”不能为负数`, en: `Points (分值) "${raw}" is negative` };
  if (!/^\d+(\.\d+)?$/.test(v)) return { zh: `「分值」“${raw}”不是数字`, en: `Points (分值) "${raw}" is not a number` };
  const n = Number(v);
  // Cells typed as numbers may carry float noise (0.1 + 0.2); a tenth is what counts.
  if (Math.abs(n * 10 - Math.round(n * 10)) > 1e-6) return { zh: `「分值」“${raw}”最多保留一位小数`, en: `Points (分值) "${raw}" has more than one decimal` };
  if (n > POINTS_MAX) return { zh: `「分值」“${raw}”不能超过${POINTS_MAX}分`, en: `Points (分值) "${raw}" exceeds ${POINTS_MAX}` };
  return { ok: Math.round(n * 10) / 10 };
}

/** Lines of `text` from the first matching `line` on, and the lines before; null when none matches. */
function splitAt(text: string, line: RegExp): { before: string; from: string } | null {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => line.test(l.trim()));
  if (at < 0) return null;
  return { before: lines.slice(0, at).join('\n').trim(), from: lines.slice(at).join('\n').trim() };
}

/** A node being built, before codes and leaf methods are settled. */
interface Draft extends Omit<ImportedNode, 'children' | 'code'> {
  children: Draft[];
  byTitle: Map<string, Draft>;
}

/**
 * Rebuilds the tree from the sheet's rows. Per row: the deepest filled level column is the
 * node; the level columns above it name its ancestors, each either written out (it must be
 * an indicator of an earlier row, under the ancestors to its left) or empty / merged (the
 * ancestor of the rows above, as long as the ancestors to its left are theirs too).
 * Problems, by row: no title, a level without its upper level (level gap), an ancestor no
 * earlier row defines, a node repeated under the same parent, 分值 missing or wrong, an
 * unknown 考核方式, texts over the API's limits. A node whose row has problems in other
 * columns still stands for the rows under it, so one mistake gives one error.
 */
export function parseSystemRows(sheet: { levels: number; rows: SystemSheetRow[] }): { nodes: ImportedNode[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const levelCols = LEVEL_COLUMNS.slice(0, sheet.levels);
  const roots: Draft[] = [];
  const rootIndex = new Map<string, Draft>();
  /** The ancestors of the last row's node, and that node: what empty level cells carry down. */
  let context: Draft[] = [];

  for (const data of sheet.rows) {
    const { row } = data;
    const { fail, text, bounded, oneOf } = rowChecks(data, errors, COLUMN_EN);
    // A level cell covered by a merge carries the value down like an empty one; so a title
    // merged across the level columns to its right stays at its own level.
    const levelText = (i: number) => (data.merged.has(levelCols[i]) ? '' : text(levelCols[i]));
    const depth = levelCols.map((_, i) => levelText(i)).findLastIndex((v) => v !== '') + 1;
    if (depth === 0) {
      fail('一级指标', `「${levelCols[0]}」至「${levelCols.at(-1)}」均为空：每行须填写一个指标的名称`, `No indicator title in ${levelCols.join(', ')}; each row is one indicator`);
      continue;
    }
    const col = levelCols[depth - 1];
    const title = levelText(depth - 1);

    // The ancestors, outermost first.
    const ancestors: Draft[] = [];
    let placed = true;
    for (let i = 0; i < depth - 1; i++) {
      const given = levelText(i);
      const siblings = i === 0 ? rootIndex : ancestors[i - 1].byTitle;
      if (given) {
        const found = siblings.get(given);
        if (!found) {
          fail(
            levelCols[i],
            `「${levelCols[i]}」“${given}”不是前面各行中的指标：每个指标须单独占一行，上级指标的行在下级之前`,
            `${COLUMN_EN[levelCols[i]]} (${levelCols[i]}) "${given}" is no indicator of an earlier row; each indicator has its own row, above those of its children`,
          );
          placed = false;
          break;
        }
        ancestors.push(found);
      } else {
        const carried = context[i];
        if (!carried || (i > 0 && context[i - 1] !== ancestors[i - 1])) {
          fail(
            levelCols[i],
            `「${col}」“${title}”缺少所属的「${levelCols[i]}」：请填写该列，或把本行放在所属${levelCols[i]}的行之下`,
            `${COLUMN_EN[col]} (${col}) "${title}" has no ${COLUMN_EN[levelCols[i]].toLowerCase()} (${levelCols[i]}) above it; fill in the column or put the row under its parent's row`,
          );
          placed = false;
          break;
        }
        ancestors.push(carried);
      }
    }
    if (!placed) continue;

    const parent = ancestors.at(-1);
    const index = parent ? parent.byTitle : rootIndex;
    const existing = index.get(title);
    if (existing) {
      fail(
        col,
        `「${col}」“${title}”与第${existing.row}行重复（同一上级指标下）`,
        `${COLUMN_EN[col]} (${col}) "${title}" repeats row ${existing.row} under the same parent`,
      );
      // Rows under the repeated one still find their parent.
      context = [...ancestors, existing];
      continue;
    }
    bounded(col, title, TITLE_MIN, TITLE_MAX);

    let points = 0;
    const p = data.merged.has('分值') ? { zh: `「分值」是与第${data.merged.get('分值')}行合并的单元格：每个指标须有自己的分值`, en: `Points (分值) is a cell merged with row ${data.merged.get('分值')}; each indicator needs its own points` } : parsePoints(data.cells.get('分值'));
    if (p === null) fail('分值', '「分值」不能为空', 'Points (分值) is required');
    else if ('ok' in p) points = p.ok;
    else fail('分值', p.zh, p.en);

    const methodText = text('考核方式');
    const method = methodText === '' ? null : (oneOf('考核方式', methodKey(methodText), METHOD_OF, Object.values(METHOD_LABELS)) ?? null);

    let content = text('考核内容');
    let goal: string | null = null;
    const goalSplit = depth === 1 ? splitAt(content, GOAL_LINE) : null;
    if (goalSplit) {
      content = goalSplit.before;
      goal = goalSplit.from.replace(GOAL_LINE, '').trim() || null;
    }
    const body = [content, text('评分标准')].filter(Boolean).join('\n');
    if (charLength(body) > TEXT_MAX) {
      fail('考核内容', `「考核内容」与「评分标准」合计${charLength(body)}字，不能超过${TEXT_MAX}字`, `Content (考核内容) and scoring criteria (评分标准) have ${charLength(body)} characters; at most ${TEXT_MAX}`);
    }

    let source = text('数据来源');
    let metricCode: string | null = null;
    const metricSplit = method === 'metric' ? splitAt(source, METRIC_LINE) : null;
    if (metricSplit) {
      metricCode = METRIC_LINE.exec(metricSplit.from)![1];
      // Text after the link line (other than the link's name) belongs to the source.
      source = [metricSplit.before, metricSplit.from.split('\n').slice(1).join('\n').trim()].filter(Boolean).join('\n');
    }
    bounded('数据来源', source || null, 1, SOURCE_MAX);

    const node: Draft = { row, level: depth, title, text: body || null, goal, points, method, metricCode, dataSource: source || null, children: [], byTitle: new Map() };
    (parent ? parent.children : roots).push(node);
    index.set(title, node);
    context = [...ancestors, node];
  }

  const settle = (drafts: Draft[], parentCode: string): ImportedNode[] =>
    drafts.map(({ byTitle: _b, children, ...d }, i) => {
      const code = nodeCode(parentCode, d.level, i + 1);
      const leaf = children.length === 0;
      const method = leaf ? (d.method ?? 'manual') : null;
      return { ...d, code, method, metricCode: method === 'metric' ? d.metricCode : null, children: settle(children, code) };
    });
  errors.sort((a, b) => a.row - b.row);
  return { nodes: settle(roots, ''), errors };
}

/** Reads and parses an uploaded 指标体系 workbook (no database). */
export async function parseSystemWorkbook(buf: Buffer): Promise<{ nodes: ImportedNode[]; errors: RowError[] }> {
  return parseSystemRows(await readSystemSheet(buf));
}

/** Every node, parents before children. */
export function flattenImported(nodes: ImportedNode[]): ImportedNode[] {
  return nodes.flatMap((n) => [n, ...flattenImported(n.children)]);
}

/** Points that do not add up (as `pointsProblems` reports them for a stored system). */
export function importWarnings(nodes: ImportedNode[], total: number): PointsProblem[] {
  const flat: FlatNode[] = [];
  let id = 0;
  const walk = (ns: ImportedNode[], parentId: number | null) =>
    ns.forEach((n, i) => {
      const me = ++id;
      flat.push({ id: me, parent_id: parentId, code: n.code, sort_order: i, points: n.points });
      walk(n.children, me);
    });
  walk(nodes, null);
  return pointsProblems(flat, total);
}

// ---------------------------------------------------------------------------------------
// Writing workbooks (pure)

/** A node of a stored tree as `getSystem` nests it (numeric columns may be strings). */
export interface ExportNode {
  title: string;
  text: string | null;
  goal?: string | null;
  points: number | string;
  method: Method | null;
  metric_code?: string | null;
  data_source?: string | null;
  children: ExportNode[];
}

export type SheetRowValues = Record<string, string | number>;

function depthOf(nodes: ExportNode[]): number {
  return nodes.reduce((d, n) => Math.max(d, 1 + depthOf(n.children)), 0);
}

/**
 * The sheet's rows for a tree, parents before children, ancestors' titles repeated on each
 * row; 分值 as a number; a leaf's 考核方式 in Chinese; a metric leaf's link as the last line
 * of 数据来源 (“指标数据：code（name）”); a level-1 node's 基本目标 as the last line of 考核内容.
 * 评分标准 stays empty: imported text keeps it after 考核内容 and is exported as it is stored.
 */
export function systemSheetRows(tree: ExportNode[], metricName: (code: string) => string | undefined = () => undefined): { levels: number; rows: SheetRowValues[] } {
  const depth = depthOf(tree);
  if (depth > MAX_LEVELS) {
    throw conflict('system_too_deep', { zh: `指标体系有${depth}级，Excel 最多支持${MAX_LEVELS}级`, en: `The system has ${depth} levels; Excel import and export support ${MAX_LEVELS}` });
  }
  const levels = Math.max(3, depth);
  const rows: SheetRowValues[] = [];
  const walk = (nodes: ExportNode[], path: string[]) => {
    for (const n of nodes) {
      const titles = [...path, n.title];
      const leaf = n.children.length === 0;
      const row: SheetRowValues = {};
      LEVEL_COLUMNS.slice(0, levels).forEach((c, i) => (row[c] = titles[i] ?? ''));
      const metric = leaf && n.method === 'metric' && n.metric_code ? `指标数据：${n.metric_code}${metricName(n.metric_code) ? `（${metricName(n.metric_code)}）` : ''}` : '';
      row.分值 = Number(n.points);
      row.考核内容 = [n.text ?? '', titles.length === 1 && n.goal ? `基本目标：${n.goal}` : ''].filter(Boolean).join('\n');
      row.评分标准 = '';
      row.考核方式 = leaf && n.method ? METHOD_LABELS[n.method] : '';
      row.数据来源 = [n.data_source ?? '', metric].filter(Boolean).join('\n');
      rows.push(row);
      walk(n.children, titles);
    }
  };
  walk(tree, []);
  return { levels, rows };
}

const WIDTHS: Record<string, number> = { 分值: 8, 考核内容: 56, 评分标准: 40, 考核方式: 12, 数据来源: 28 };
const WRAPPED = ['考核内容', '评分标准', '数据来源', ...LEVEL_COLUMNS];

function addSystemSheet(wb: ExcelJS.Workbook, levels: number) {
  const columns = [...LEVEL_COLUMNS.slice(0, levels), ...DETAIL_COLUMNS];
  const ws = wb.addWorksheet('指标体系', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((h) => ({ header: h, key: h, width: WIDTHS[h] ?? 24 }));
  ws.getRow(1).eachCell((c, col) => {
    c.font = { bold: true, color: REQUIRED_SYSTEM_COLUMNS.includes(columns[col - 1]) ? { argb: 'FFC00000' } : undefined };
    c.alignment = { horizontal: 'center', vertical: 'middle' };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  return ws;
}

function addRows(ws: ExcelJS.Worksheet, rows: SheetRowValues[]) {
  for (const values of rows) {
    const row = ws.addRow(values);
    for (const col of WRAPPED) if (col in values) row.getCell(col).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The export workbook: one sheet 指标体系 in the form's layout. */
export async function buildSystemWorkbook(tree: ExportNode[], metricName?: (code: string) => string | undefined): Promise<Buffer> {
  const { levels, rows } = systemSheetRows(tree, metricName);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  addRows(addSystemSheet(wb, levels), rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXAMPLE: ExportNode[] = [
  {
    title: '依法全面履行政府职能',
    text: null,
    goal: '政府职能依法全面履行，行政审批制度改革深入推进',
    points: 40,
    method: null,
    children: [
      {
        title: '深化行政审批制度改革',
        text: null,
        points: 20,
        method: null,
        children: [
          { title: '行政审批事项目录清单向社会公布', text: '全面清理并公布行政审批事项目录清单\n未公布的不得分；公布不完整的扣5分', points: 10, method: 'manual', data_source: '政府门户网站', children: [] },
          { title: '企业和群众办事满意度', text: '按第三方满意度调查结果计分', points: 10, method: 'survey', data_source: '第三方调查', children: [] },
        ],
      },
      { title: '推行权力清单制度', text: '公布权责清单并动态调整\n未公布的扣10分', points: 20, method: 'manual', data_source: '权责清单系统', children: [] },
    ],
  },
  {
    title: '严格规范公正文明执法',
    text: null,
    points: 60,
    method: null,
    children: [
      { title: '行政执法人员持证上岗', text: '执法人员持证上岗比例\n达到100%得满分，每低1个百分点扣1分', points: 50, method: 'metric', data_source: '执法人员管理系统', children: [] },
      { title: '重大执法决定法制审核', text: '重大执法决定未经法制审核的，考核结果为不合格', points: 10, method: 'veto', children: [] },
    ],
  },
];

const NOTES: readonly [string, string][] = [
  ['必填列', `${REQUIRED_SYSTEM_COLUMNS.join('、')}；读取“指标体系”工作表（没有则读第一个工作表），表头可在前10行内，列的顺序不限`],
  ['每行一个指标', '填到哪一级指标列，该行就是哪一级指标；二级指标有自己的一行，三级指标的行放在其二级指标的行之下'],
  ['上级指标列', '可重复填写上级指标名称，也可留空或合并单元格（沿用上方行的上级指标）；三级以下可增加“四级指标”“五级指标”“六级指标”列'],
  ['编号', '按位置自动生成：一、一（二）、一（二）3，更深的层级为 .1、.2'],
  ['分值', `每个指标必填，不小于0、最多一位小数、不超过${POINTS_MAX}分；下级指标分值之和应等于上级指标分值，不平衡的导入后提示，发布前须调整平衡`],
  ['考核内容、评分标准', `合计不超过${TEXT_MAX}字，导入后依次保存为指标原文（评分标准另起一行）；一级指标的考核内容中以“基本目标：”开头的一行及其后内容保存为基本目标`],
  ['考核方式', `${Object.values(METHOD_LABELS).join('、')}（也可填英文代码 ${METHODS.join(', ')}）；只对末级指标有效，不填视为自评审核`],
  ['数据来源', `不超过${SOURCE_MAX}字；按指标数据评分的末级指标可另起一行写“指标数据：指标编码”关联系统中的指标数据，评分规则在导入后设置`],
  ['行数', `每次最多 ${MAX_SYSTEM_ROWS} 行；空行忽略；任何一行有错误时不导入，请按提示修改后重新上传`],
];

/** A workbook to fill in: the form's header and a small example tree, plus a sheet of notes. */
export async function systemTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const { levels, rows } = systemSheetRows(EXAMPLE);
  addRows(addSystemSheet(wb, levels), rows);
  addNotesSheet(wb, NOTES, 100);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------
// Service

const OFFICE = { zh: '考核机构', en: 'Assessment office' };

/** A system's tree as a workbook, for whoever may read the system (as `getSystem`). */
export async function systemXlsx(s: Services, actor: Actor, systemId: number): Promise<{ filename: string; data: Buffer }> {
  const sys = await getSystem(s, actor, systemId);
  const data = await buildSystemWorkbook(sys.tree, (code) => s.registry.metrics.get(code)?.name.zh);
  return { filename: `${sys.name}（第${sys.edition}版）.xlsx`, data };
}

async function insertNodes(tx: Tx, systemId: number, orgId: number, nodes: ImportedNode[], parentId: number | null): Promise<number> {
  let count = 0;
  for (const [i, n] of nodes.entries()) {
    const row = await atx(tx)
      .insertInto('assessment_nodes')
      .values({ system_id: systemId, parent_id: parentId, org_id: orgId, code: n.code, level: n.level, sort_order: i, title: n.title, text: n.text, goal: n.goal, points: n.points, method: n.method, metric_code: n.metricCode, data_source: n.dataSource })
      .returning('id')
      .executeTakeFirstOrThrow();
    count += 1 + (await insertNodes(tx, systemId, orgId, n.children, row.id));
  }
  return count;
}

function checkInput(input: { year: number; name: string; totalPoints?: number }) {
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw badInput('invalid_year', 'year', { zh: '年度应为2000至2100之间的整数', en: 'year must be an integer from 2000 to 2100' });
  const n = charLength(clean(input.name ?? ''));
  if (n < 4 || n > 200) throw badInput('invalid_name', 'name', { zh: '指标体系名称应为4至200字', en: 'name must have 4 to 200 characters' });
  const t = input.totalPoints;
  if (t !== undefined && (!Number.isFinite(t) || t < TOTAL_MIN || t > TOTAL_MAX || Math.abs(t * 10 - Math.round(t * 10)) > 1e-6)) {
    throw badInput('invalid_total', 'totalPoints', { zh: `总分应为${TOTAL_MIN}至${TOTAL_MAX}分，最多一位小数`, en: `totalPoints must be ${TOTAL_MIN} to ${TOTAL_MAX} with at most one decimal` });
  }
}

/**
 * Imports a 指标体系 workbook as a new draft system of the caller's (current) organisation.
 * Any row error — including a metric link the platform does not know — writes nothing and
 * comes back in `errors`; otherwise the draft (source 'excel', next edition of the name
 * and year) is written in one transaction and points that do not add up come back as
 * `warnings`. The total is `totalPoints`, or else the sum of the level-1 points.
 */
export async function importSystem(
  s: Services,
  actor: Actor,
  data: Buffer,
  input: { year: number; name: string; totalPoints?: number },
): Promise<{ system: unknown | null; errors: RowError[]; warnings: PointsProblem[] }> {
  checkInput(input);
  const orgId = actor.currentOrgId ?? actor.orgId;
  await assertOrgInScope(s.db, actor, 'assessment.manage', orgId, OFFICE);
  const { nodes, errors } = await parseSystemWorkbook(data);
  for (const n of flattenImported(nodes)) {
    if (n.metricCode && !s.registry.metrics.has(n.metricCode)) {
      errors.push({ row: n.row, field: '数据来源', message: `「数据来源」中的指标数据“${n.metricCode}”在本系统中不存在`, message_en: `Data source (数据来源) links metric "${n.metricCode}", which is not registered` });
    }
  }
  if (errors.length) return { system: null, errors: errors.sort((a, b) => a.row - b.row), warnings: [] };

  const top = Math.round(nodes.reduce((a, n) => a + n.points * 10, 0)) / 10;
  const total = input.totalPoints ?? top;
  if (total < TOTAL_MIN || total > TOTAL_MAX) {
    throw badInput('total_points_required', 'totalPoints', { zh: `一级指标分值合计 ${top} 分，不在${TOTAL_MIN}至${TOTAL_MAX}分之间，请填写总分`, en: `The level-1 points add up to ${top}, outside ${TOTAL_MIN}..${TOTAL_MAX}; give totalPoints` }, { sum: top });
  }
  const warnings = importWarnings(nodes, total);
  const name = clean(input.name);
  const system = await s.tx(async (tx) => {
    const region = (await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow()).region_code;
    const edition = await nextEdition(tx, orgId, name, input.year);
    const sys = await atx(tx)
      .insertInto('assessment_systems')
      .values({ org_id: orgId, region_code: region, name, year: input.year, edition, source: 'excel', total_points: total, created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    const count = await insertNodes(tx, sys.id, orgId, nodes, null);
    await recordAudit(tx, actorForAudit(actor), { action: 'assessment.system.import', entityType: 'assessment_system', entityId: sys.id, orgId, after: { ...sys, node_count: count, warnings } });
    return { ...sys, node_count: count };
  });
  return { system, errors: [], warnings };
}
