import { refusal } from '../../core/http/test-refusal.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/http/errors.ts';
import { testWorkbook, type Cell } from '../../core/imports/test-workbook.ts';
import {
  MAX_SYSTEM_BYTES,
  MAX_SYSTEM_ROWS,
  SYSTEM_COLUMNS,
  buildSystemWorkbook,
  cnNumeral,
  importWarnings,
  nodeCode,
  parsePoints,
  parseSystemWorkbook,
  systemSheetRows,
  systemTemplateXlsx,
  type ExportNode,
  type ImportedNode,
} from './systems-excel.ts';

const workbook = (header: readonly string[], rows: Cell[][], opts: { titleRow?: string; sheet?: string; merges?: string[] } = {}) =>
  testWorkbook(opts.sheet ?? '指标体系', header, rows, { ...opts, other: { name: '说明', text: '先出现的其他工作表', first: true } });


const H = [...SYSTEM_COLUMNS];
type Key = (typeof SYSTEM_COLUMNS)[number];
const row = (o: Partial<Record<Key, Cell>>): Cell[] => H.map((h) => o[h] ?? null);

/** The tree without rows, for comparing shapes. */
const shape = (nodes: ImportedNode[]): unknown[] => nodes.map(({ row: _r, children, ...n }) => ({ ...n, children: shape(children) }));
/** Titles by code, the quickest view of a tree's structure. */
const outline = (nodes: ImportedNode[]): string[] => nodes.flatMap((n) => [`${n.code} ${n.title}`, ...outline(n.children)]);

describe('codes', () => {
  it('writes Chinese numerals as the seed text does', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1010].map(cnNumeral)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千零一十']);
  });
  it('numbers levels 一, 一（二）, 一（二）3 and deeper with .n', () => {
    expect(nodeCode('', 1, 12)).toBe('十二');
    expect(nodeCode('一', 2, 2)).toBe('一（二）');
    expect(nodeCode('一（二）', 3, 3)).toBe('一（二）3');
    expect(nodeCode('一（二）3', 4, 1)).toBe('一（二）3.1');
    expect(nodeCode('一（二）3.1', 5, 2)).toBe('一（二）3.1.2');
  });
});

describe('parsePoints', () => {
  const t = (text: string) => parsePoints({ text });
  it('takes numbers ≥ 0 with one decimal, full-width digits and a trailing 分', () => {
    expect(t('10')).toEqual({ ok: 10 });
    expect(t('2.5')).toEqual({ ok: 2.5 });
    expect(t('１２分')).toEqual({ ok: 12 });
    expect(t(String(0.1 + 0.2))).toEqual({ ok: 0.3 });
    expect(t('')).toBeNull();
    expect(t('-1')).toMatchObject({ zh: '「分值」“-1”不能为负数' });
    expect(t('2.55')).toMatchObject({ zh: '「分值」“2.55”最多保留一位小数' });
    expect(t('十分')).toMatchObject({ zh: '「分值」“十分”不是数字' });
    expect(t('10001')).toMatchObject({ en: 'Points (分值) "10001" exceeds 10000' });
    expect(parsePoints({ date: '2026-01-01' })).toMatchObject({ zh: '「分值」“2026-01-01”不是数字' });
  });
});

describe('parseSystemWorkbook', () => {
  it('reads a three-level system under a title row, columns in any order, ancestors repeated', async () => {
    // Another column order, a hint in a heading, and an unknown column.
    const header = ['分值（必填）', '一级指标', '二级指标', '三级指标', '考核方式', '考核内容', '评分标准', '数据来源', '备注'];
    const r = (o: Partial<Record<Key | '备注', Cell>>): Cell[] => header.map((h) => o[h.replace(/（.*）$/, '') as Key] ?? null);
    const buf = await workbook(
      header,
      [
        /* 3 */ r({ 一级指标: '依法全面履行政府职能', 分值: 40, 考核内容: '一、依法全面履行政府职能\n基本目标：政府职能依法全面履行\n机构职能法定化' }),
        /* 4 */ r({ 一级指标: '依法全面履行政府职能', 二级指标: '深化行政审批制度改革', 分值: '20', 考核方式: '指标数据' }),
        /* 5 */ r({ 一级指标: '依法全面履行政府职能', 二级指标: '深化行政审批制度改革', 三级指标: '公布行政审批事项目录清单', 分值: 12.5, 考核内容: '全面公布目录清单', 评分标准: '未公布的不得分', 考核方式: '指标数据', 数据来源: '政务服务网\n指标数据：normative.legality_review_coverage（合法性审核覆盖率）' }),
        /* 6 */ r({ 一级指标: '依法全面履行政府职能', 二级指标: '深化行政审批制度改革', 三级指标: '企业和群众办事满意度', 分值: '7.5分', 考核方式: 'Survey', 评分标准: '按调查结果计分' }),
        /* 7 */ [],
        /* 8 */ r({ 一级指标: '依法全面履行政府职能', 二级指标: '推行权力清单制度', 分值: 20, 考核方式: '一票否决', 数据来源: '权责清单系统' }),
        /* 9 */ r({ 一级指标: '严格规范公正文明执法', 分值: 60 }),
        /* 10 */ r({ 一级指标: '严格规范公正文明执法', 二级指标: '执法人员持证上岗', 分值: 60, 考核方式: '指标数据' }),
        /* 11 */ r({ 备注: '只有备注的行被忽略' }),
      ],
      { titleRow: '演示市2026年度法治政府建设考核指标体系' },
    );
    const { nodes, errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([]);
    expect(nodes).toEqual([
      {
        row: 3,
        level: 1,
        code: '一',
        title: '依法全面履行政府职能',
        text: '一、依法全面履行政府职能',
        goal: '政府职能依法全面履行\n机构职能法定化',
        points: 40,
        method: null,
        metricCode: null,
        dataSource: null,
        children: [
          {
            row: 4,
            level: 2,
            code: '一（一）',
            title: '深化行政审批制度改革',
            text: null,
            goal: null,
            points: 20,
            method: null, // not a leaf: its 考核方式 is ignored
            metricCode: null,
            dataSource: null,
            children: [
              { row: 5, level: 3, code: '一（一）1', title: '公布行政审批事项目录清单', text: '全面公布目录清单\n未公布的不得分', goal: null, points: 12.5, method: 'metric', metricCode: 'normative.legality_review_coverage', dataSource: '政务服务网', children: [] },
              { row: 6, level: 3, code: '一（一）2', title: '企业和群众办事满意度', text: '按调查结果计分', goal: null, points: 7.5, method: 'survey', metricCode: null, dataSource: null, children: [] },
            ],
          },
          { row: 8, level: 2, code: '一（二）', title: '推行权力清单制度', text: null, goal: null, points: 20, method: 'veto', metricCode: null, dataSource: '权责清单系统', children: [] },
        ],
      },
      {
        row: 9,
        level: 1,
        code: '二',
        title: '严格规范公正文明执法',
        text: null,
        goal: null,
        points: 60,
        method: null,
        metricCode: null,
        dataSource: null,
        // A metric leaf without a link line: linked in the editor, publication checks it.
        children: [{ row: 10, level: 2, code: '二（一）', title: '执法人员持证上岗', text: null, goal: null, points: 60, method: 'metric', metricCode: null, dataSource: null, children: [] }],
      },
    ]);
    expect(importWarnings(nodes, 100)).toEqual([]);
  });

  it('carries empty ancestor cells down from the rows above, and defaults leaves to 自评审核', async () => {
    const buf = await workbook(H, [
      /* 2 */ row({ 一级指标: '甲体系', 分值: 30 }),
      /* 3 */ row({ 二级指标: '甲一', 分值: 10 }),
      /* 4 */ row({ 三级指标: '甲一1', 分值: 4 }),
      /* 5 */ row({ 三级指标: '甲一2', 分值: 6 }),
      /* 6 */ row({ 二级指标: '甲二', 分值: 20 }),
      /* 7 */ row({ 三级指标: '甲二1', 分值: 20 }),
      /* 8 */ row({ 一级指标: '乙体系', 分值: 70 }),
      /* 9 */ row({ 二级指标: '乙一', 分值: 70 }),
      // An ancestor written out again, deeper cells carried: back under 甲一.
      /* 10 */ row({ 一级指标: '甲体系', 二级指标: '甲一', 三级指标: '甲一3', 分值: 0 }),
      /* 11 */ row({ 三级指标: '甲一4', 分值: 0, 考核方式: 'manual' }),
      // 一级 written, 二级 empty: the carried 甲一 is still under 甲体系.
      /* 12 */ row({ 一级指标: '甲体系', 三级指标: '甲一5', 分值: 0 }),
    ]);
    const { nodes, errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([]);
    expect(outline(nodes)).toEqual(['一 甲体系', '一（一） 甲一', '一（一）1 甲一1', '一（一）2 甲一2', '一（一）3 甲一3', '一（一）4 甲一4', '一（一）5 甲一5', '一（二） 甲二', '一（二）1 甲二1', '二 乙体系', '二（一） 乙一']);
    const leaves = outline(nodes).length;
    expect(leaves).toBe(11);
    expect(nodes[0].children[0].children.map((n) => [n.row, n.method])).toEqual([
      [4, 'manual'],
      [5, 'manual'],
      [10, 'manual'],
      [11, 'manual'],
      [12, 'manual'],
    ]);
    expect(nodes[1].children[0].method).toBe('manual');
  });

  it('reads real merged cells: vertical merges carry the title down, a title merged across levels stays at its level, a merged 考核方式 applies to each row', async () => {
    const buf = await workbook(
      H,
      [
        /* 2 */ row({ 一级指标: '依法行政制度体系', 分值: 30 }),
        /* 3 */ row({ 二级指标: '制度建设', 分值: 20 }),
        /* 4 */ row({ 三级指标: '规章立法计划', 分值: 10, 考核方式: '满意度调查' }),
        /* 5 */ row({ 三级指标: '规范性文件备案', 分值: 10 }),
        /* 6 */ row({ 二级指标: '清理', 分值: 10 }),
        /* 7 */ row({ 一级指标: '重大行政决策', 分值: 70 }),
        /* 8 */ row({ 二级指标: '决策程序', 分值: 70 }),
        /* 9 */ row({ 三级指标: '公众参与', 分值: 35 }),
        /* 10 */ row({ 三级指标: '合法性审查', 分值: 35 }),
      ],
      {
        // 一级指标 merged over its block; 二级指标 over its block; 重大行政决策 merged
        // across 一级:三级 on its own row; 考核方式 merged over rows 4-5.
        merges: ['A2:A6', 'B3:B5', 'A7:C7', 'A8:A10', 'B8:B10', 'G4:G5'],
      },
    );
    const { nodes, errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([]);
    expect(outline(nodes)).toEqual(['一 依法行政制度体系', '一（一） 制度建设', '一（一）1 规章立法计划', '一（一）2 规范性文件备案', '一（二） 清理', '二 重大行政决策', '二（一） 决策程序', '二（一）1 公众参与', '二（一）2 合法性审查']);
    expect(nodes[0].children[0].children.map((n) => n.method)).toEqual(['survey', 'survey']);
    expect(nodes[1]).toMatchObject({ row: 7, level: 1, points: 70 });
    expect(importWarnings(nodes, 100)).toEqual([]);
  });

  it('refuses a merged 分值 and skips rows that only continue merges', async () => {
    const buf = await workbook(
      H,
      [
        /* 2 */ row({ 一级指标: '甲体系', 分值: 10 }),
        /* 3 */ row({ 二级指标: '甲一', 分值: 5 }),
        /* 4 */ row({ 二级指标: '甲二' }),
        /* 5 */ row({}),
      ],
      { merges: ['D3:D4', 'A2:A5'] },
    );
    const { errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([{ row: 4, field: '分值', message: '「分值」是与第3行合并的单元格：每个指标须有自己的分值', message_en: 'Points (分值) is a cell merged with row 3; each indicator needs its own points' }]);
  });

  it('reports each row error by Excel row number, in Chinese and English, one per mistake', async () => {
    const buf = await workbook(H, [
      /* 2 */ row({ 二级指标: '没有一级指标', 分值: 1 }),
      /* 3 */ row({ 一级指标: '甲体系', 分值: 30 }),
      /* 4 */ row({ 三级指标: '缺少二级', 分值: 1 }),
      /* 5 */ row({ 二级指标: '甲一', 分值: null }),
      /* 6 */ row({ 三级指标: '分值不对', 分值: '-2' }),
      /* 7 */ row({ 三级指标: '两位小数', 分值: 1.25 }),
      /* 8 */ row({ 三级指标: '方式不对', 分值: 1, 考核方式: '领导打分' }),
      /* 9 */ row({ 二级指标: '甲一', 分值: 3 }),
      /* 10 */ row({ 一级指标: '乙体系', 二级指标: '乙一', 分值: 3 }),
      /* 11 */ row({ 考核内容: '没有指标名称', 分值: 3 }),
      /* 12 */ row({ 三级指标: '字', 分值: 1, 数据来源: '源'.repeat(201) }),
      /* 13 */ row({ 一级指标: '甲体系', 二级指标: '甲一', 三级指标: '方式不对', 分值: 1 }),
    ]);
    const { nodes, errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([
      { row: 2, field: '一级指标', message: '「二级指标」“没有一级指标”缺少所属的「一级指标」：请填写该列，或把本行放在所属一级指标的行之下', message_en: 'Level-2 indicator (二级指标) "没有一级指标" has no level-1 indicator (一级指标) above it; fill in the column or put the row under its parent\'s row' },
      { row: 4, field: '二级指标', message: '「三级指标」“缺少二级”缺少所属的「二级指标」：请填写该列，或把本行放在所属二级指标的行之下', message_en: 'Level-3 indicator (三级指标) "缺少二级" has no level-2 indicator (二级指标) above it; fill in the column or put the row under its parent\'s row' },
      { row: 5, field: '分值', message: '「分值」不能为空', message_en: 'Points (分值) is required' },
      { row: 6, field: '分值', message: '「分值」“-2”不能为负数', message_en: 'Points (分值) "-2" is negative' },
      { row: 7, field: '分值', message: '「分值」“1.25”最多保留一位小数', message_en: 'Points (分值) "1.25" has more than one decimal' },
      { row: 8, field: '考核方式', message: '「考核方式」的值“领导打分”无效，应为“指标数据”、“自评审核”、“满意度调查”、“一票否决”之一', message_en: 'Method (考核方式) "领导打分" is not one of 指标数据, 自评审核, 满意度调查, 一票否决' },
      { row: 9, field: '二级指标', message: '「二级指标」“甲一”与第5行重复（同一上级指标下）', message_en: 'Level-2 indicator (二级指标) "甲一" repeats row 5 under the same parent' },
      { row: 10, field: '一级指标', message: '「一级指标」“乙体系”不是前面各行中的指标：每个指标须单独占一行，上级指标的行在下级之前', message_en: 'Level-1 indicator (一级指标) "乙体系" is no indicator of an earlier row; each indicator has its own row, above those of its children' },
      { row: 11, field: '一级指标', message: '「一级指标」至「三级指标」均为空：每行须填写一个指标的名称', message_en: 'No indicator title in 一级指标, 二级指标, 三级指标; each row is one indicator' },
      { row: 12, field: '三级指标', message: '「三级指标」长度为1字，应为2至500字', message_en: 'Level-3 indicator (三级指标) has 1 characters; expected 2 to 500' },
      { row: 12, field: '数据来源', message: '「数据来源」长度为201字，不能超过200字', message_en: 'Data source (数据来源) has 201 characters; expected at most 200' },
      { row: 13, field: '三级指标', message: '「三级指标」“方式不对”与第8行重复（同一上级指标下）', message_en: 'Level-3 indicator (三级指标) "方式不对" repeats row 8 under the same parent' },
    ]);
    // Rows with a wrong cell still hold their place, so the rows under them are not blamed.
    expect(outline(nodes)).toEqual(['一 甲体系', '一（一） 甲一', '一（一）1 分值不对', '一（一）2 两位小数', '一（一）3 方式不对', '一（一）4 字']);
  });

  it('reports points that do not add up as warnings, not errors', async () => {
    const { nodes, errors } = await parseSystemWorkbook(
      await workbook(H, [row({ 一级指标: '甲体系', 分值: 30 }), row({ 二级指标: '甲一', 分值: 10 }), row({ 二级指标: '甲二', 分值: 10.5 }), row({ 一级指标: '乙体系', 分值: 60 })]),
    );
    expect(errors).toEqual([]);
    expect(importWarnings(nodes, 100)).toEqual([
      { code: null, expected: 100, actual: 90 },
      { code: '一', expected: 30, actual: 20.5 },
    ]);
  });

  it('refuses a header without the required columns, or with a gap in its level columns', async () => {
    let e = await refusal(parseSystemWorkbook(await workbook(['指标', '二级指标', '考核内容'], [['甲', '乙', '丙']])));
    expect(e.code).toBe('system_header');
    expect(e.extra).toEqual({ missing: ['一级指标', '分值'] });
    expect(e.detail).toContain('一级指标、分值');
    e = await refusal(parseSystemWorkbook(await workbook(['一级指标', '三级指标', '分值'], [['甲', '乙', 1]])));
    expect(e.code).toBe('system_header');
    expect(e.extra).toEqual({ missing: ['二级指标'] });
  });

  it('refuses garbage, a zip that is no workbook, an oversized file, too many rows and an empty sheet with a 400', async () => {
    expect((await refusal(parseSystemWorkbook(Buffer.from('这不是 Excel 文件')))).code).toBe('invalid_workbook');
    expect((await refusal(parseSystemWorkbook(Buffer.alloc(0)))).code).toBe('invalid_workbook');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect((await refusal(parseSystemWorkbook(await zip.generateAsync({ type: 'nodebuffer' })))).code).toBe('invalid_workbook');
    expect((await refusal(parseSystemWorkbook(Buffer.alloc(MAX_SYSTEM_BYTES + 1)))).code).toBe('workbook_too_large');
    const many = Array.from({ length: MAX_SYSTEM_ROWS + 1 }, (_, i) => row({ 一级指标: `体系${i}`, 分值: 1 }));
    const e = await refusal(parseSystemWorkbook(await workbook(H, many)));
    expect(e.code).toBe('too_many_rows');
    expect(e.extra).toEqual({ limit: MAX_SYSTEM_ROWS, rows: MAX_SYSTEM_ROWS + 1 });
    expect((await refusal(parseSystemWorkbook(await workbook(H, [])))).code).toBe('system_empty');
  });
});

describe('export, round trip and template', () => {
  const leaf = (title: string, points: number | string, more: Partial<ExportNode> = {}): ExportNode => ({ title, text: null, goal: null, points, method: 'manual', metric_code: null, data_source: null, children: [], ...more });
  const tree: ExportNode[] = [
    {
      ...leaf('依法全面履行政府职能', '40.0', { method: null, text: '一、依法全面履行政府职能', goal: '政府职能依法全面履行' }),
      children: [
        {
          ...leaf('深化行政审批制度改革', '25.5', { method: null }),
          children: [
            leaf('公布目录清单', '12.5', { method: 'metric', metric_code: 'normative.legality_review_coverage', data_source: '政务服务网', text: '全面公布目录清单\n未公布的不得分' }),
            {
              ...leaf('改革事项', 13, { method: null }),
              children: [leaf('事项一', 6.5, { method: 'survey' }), leaf('事项二', 6.5, { method: 'veto', data_source: '督查室' })],
            },
          ],
        },
        leaf('推行权力清单制度', 14.5),
      ],
    },
    leaf('严格规范公正文明执法', 60, { method: 'metric', metric_code: null }),
  ];

  it('writes the form: ancestors repeated, points as numbers, methods in Chinese, the metric link in 数据来源', async () => {
    const { levels, rows } = systemSheetRows(tree, (code) => (code === 'normative.legality_review_coverage' ? '合法性审核覆盖率' : undefined));
    expect(levels).toBe(4);
    expect(rows[0]).toEqual({ 一级指标: '依法全面履行政府职能', 二级指标: '', 三级指标: '', 四级指标: '', 分值: 40, 考核内容: '一、依法全面履行政府职能\n基本目标：政府职能依法全面履行', 评分标准: '', 考核方式: '', 数据来源: '' });
    expect(rows[2]).toEqual({ 一级指标: '依法全面履行政府职能', 二级指标: '深化行政审批制度改革', 三级指标: '公布目录清单', 四级指标: '', 分值: 12.5, 考核内容: '全面公布目录清单\n未公布的不得分', 评分标准: '', 考核方式: '指标数据', 数据来源: '政务服务网\n指标数据：normative.legality_review_coverage（合法性审核覆盖率）' });
    expect(rows[4]).toMatchObject({ 三级指标: '改革事项', 四级指标: '事项一', 分值: 6.5, 考核方式: '满意度调查' });

    const buf = await buildSystemWorkbook(tree);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标体系']);
    const ws = wb.getWorksheet('指标体系')!;
    expect(ws.getRow(1).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '四级指标', '分值', '考核内容', '评分标准', '考核方式', '数据来源']);
    expect(ws.getRow(3).getCell(5).value).toBe(25.5);
    expect(ws.rowCount).toBe(9);
  });

  it('keeps three level columns for a shallow tree and refuses one deeper than six levels', () => {
    expect(systemSheetRows([leaf('甲体系', 10)]).levels).toBe(3);
    let deep = leaf('第七级', 1);
    for (let i = 6; i >= 1; i--) deep = { ...leaf(`第${i}级`, 1, { method: null }), children: [deep] };
    expect(() => systemSheetRows([deep])).toThrow(DomainError);
  });

  it('imports its own export back to the same tree', async () => {
    const { nodes, errors } = await parseSystemWorkbook(await buildSystemWorkbook(tree, () => '名称'));
    expect(errors).toEqual([]);
    const back = (ns: ImportedNode[]): ExportNode[] =>
      ns.map((n) => ({ title: n.title, text: n.text, goal: n.goal, points: n.points, method: n.method, metric_code: n.metricCode, data_source: n.dataSource, children: back(n.children) }));
    const expected = (ns: ExportNode[]): ExportNode[] => ns.map((n) => ({ ...n, points: Number(n.points), children: expected(n.children) }));
    expect(back(nodes)).toEqual(expected(tree));
    expect(outline(nodes)).toEqual(['一 依法全面履行政府职能', '一（一） 深化行政审批制度改革', '一（一）1 公布目录清单', '一（一）2 改革事项', '一（一）2.1 事项一', '一（一）2.2 事项二', '一（二） 推行权力清单制度', '二 严格规范公正文明执法']);
    expect(nodes[0].children[0].children[1].children[0]).toMatchObject({ level: 4, code: '一（一）2.1', row: 6 });
    expect(importWarnings(nodes, 100)).toEqual([]);
    // And once more: export of the import is the same sheet.
    expect(shape((await parseSystemWorkbook(await buildSystemWorkbook(back(nodes)))).nodes)).toEqual(shape(nodes));
  });

  it('gives a template whose example passes the parser with balanced points, and a notes sheet', async () => {
    const buf = await systemTemplateXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标体系', '填写说明']);
    expect(wb.getWorksheet('指标体系')!.getRow(1).values).toEqual([undefined, ...SYSTEM_COLUMNS]);
    const { nodes, errors } = await parseSystemWorkbook(buf);
    expect(errors).toEqual([]);
    expect(outline(nodes)).toHaveLength(8);
    expect(importWarnings(nodes, 100)).toEqual([]);
    expect(nodes[0].goal).toBeTruthy();
  });
});
