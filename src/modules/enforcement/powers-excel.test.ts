import { refusal } from '../../core/http/test-refusal.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { testWorkbook, type Cell } from '../../core/imports/test-workbook.ts';
import {
  MAX_POWERS_BYTES,
  MAX_POWERS_ROWS,
  POWER_COLUMNS,
  buildPowersWorkbook,
  parsePowersWorkbook,
  powersTemplateXlsx,
  splitItems,
  type PowerExportRow,
} from './powers-excel.ts';

type Key = (typeof POWER_COLUMNS)[number] | '备注';

const workbook = (header: readonly string[], rows: Cell[][], opts: { titleRow?: string; sheet?: string } = {}) =>
  testWorkbook(opts.sheet ?? '权责清单', header, rows, { ...opts, other: { name: '其他', text: 'ignored' } });


// Header in another order than POWER_COLUMNS, with a hint, spaces and an extra column.
const HEADER = ['事项编码（必填）', ' 实施主体 ', '事项名称', '职权类型', '设定依据*', '承办内设机构', '责任事项', '是否公开', '状态', '备注'];
const row = (o: Partial<Record<Key, Cell>>): Cell[] =>
  HEADER.map((h) => {
    const key = h.replace(/\s+/g, '').replace(/（.*）$/, '').replace('*', '') as Key;
    return o[key] ?? null;
  });
const good = {
  实施主体: '演示市市场监督管理局',
  事项编码: 'CF-JG-101',
  事项名称: '对不执行政府定价的行政处罚',
  职权类型: '行政处罚',
  设定依据: '《中华人民共和国价格法》第三十九条',
  承办内设机构: '价格监督检查科',
  责任事项: '立案责任\r\n调查责任\n\n决定责任',
  是否公开: '是',
  状态: '有效',
};

describe('splitItems', () => {
  it('takes one responsibility per line and drops blank lines', () => {
    expect(splitItems(' 立案责任 \n\n调查责任\n')).toEqual(['立案责任', '调查责任']);
    expect(splitItems('')).toEqual([]);
  });
});

describe('parsePowersWorkbook', () => {
  it('reads good rows under a title row, with Chinese labels or English codes and the defaults', async () => {
    const buf = await workbook(
      HEADER,
      [
        /* 3 */ row(good),
        /* 4 */ row({ ...good, 事项编码: 330217001, 职权类型: 'Inspection', 事项名称: '价格监督检查', 承办内设机构: null, 责任事项: null, 是否公开: null, 状态: null }),
        /* 5 */ [],
        /* 6 */ row({ ...good, 实施主体: '演示县市场监督管理局', 职权类型: 'license', 是否公开: '否', 状态: '停用' }),
        /* 7 */ row({ 备注: '只有备注的行被忽略' }),
      ],
      { titleRow: '演示市权责清单（2026年版）' },
    );
    const { rows, errors } = await parsePowersWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 3,
        orgName: '演示市市场监督管理局',
        code: 'CF-JG-101',
        name: '对不执行政府定价的行政处罚',
        powerType: 'penalty',
        legalBasis: '《中华人民共和国价格法》第三十九条',
        internalUnit: '价格监督检查科',
        responsibilityItems: ['立案责任', '调查责任', '决定责任'],
        published: true,
        active: true,
      },
      { row: 4, orgName: '演示市市场监督管理局', code: '330217001', name: '价格监督检查', powerType: 'inspection', legalBasis: '《中华人民共和国价格法》第三十九条', internalUnit: null, responsibilityItems: [], published: true, active: true },
      // The same code for another subject is no duplicate: codes are unique per subject.
      expect.objectContaining({ row: 6, orgName: '演示县市场监督管理局', code: 'CF-JG-101', powerType: 'license', published: false, active: false }),
    ]);
  });

  it('reports every problem of a row by Excel row number, in Chinese and English', async () => {
    const long = (n: number) => '字'.repeat(n);
    const buf = await workbook(HEADER, [
      /* 2 */ row(good),
      /* 3 */ row({ ...good, 实施主体: null, 事项名称: null }),
      /* 4 */ row({ ...good, 事项编码: 'A'.repeat(51) }),
      /* 5 */ row({ ...good, 事项编码: 'CF-2', 事项名称: '罚', 设定依据: '法' }),
      /* 6 */ row({ ...good, 事项编码: 'CF-3', 职权类型: '行政备案' }),
      /* 7 */ row({ ...good, 事项编码: 'CF-4', 承办内设机构: long(101) }),
      /* 8 */ row({ ...good, 事项编码: 'CF-5', 责任事项: Array.from({ length: 31 }, (_, i) => `责任${i + 1}`).join('\n') }),
      /* 9 */ row({ ...good, 事项编码: 'CF-6', 责任事项: `立案责任\n${long(501)}` }),
      /* 10 */ row({ ...good, 事项编码: 'CF-7', 是否公开: 'Y', 状态: '废止' }),
      /* 11 */ row(good),
      /* 12 */ row({ ...good, 事项编码: 'CF-8', 设定依据: long(2001) }),
    ]);
    const { rows, errors } = await parsePowersWorkbook(buf);
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors).toEqual([
      { row: 3, field: '实施主体', message: '「实施主体」不能为空', message_en: 'Implementing subject (实施主体) is required' },
      { row: 3, field: '事项名称', message: '「事项名称」不能为空', message_en: 'Item name (事项名称) is required' },
      { row: 4, field: '事项编码', message: '「事项编码」长度为51字，不能超过50字', message_en: 'Item code (事项编码) has 51 characters; expected at most 50' },
      { row: 5, field: '事项名称', message: '「事项名称」长度为1字，应为2至200字', message_en: 'Item name (事项名称) has 1 characters; expected 2 to 200' },
      { row: 5, field: '设定依据', message: '「设定依据」长度为1字，应为2至2000字', message_en: 'Legal basis (设定依据) has 1 characters; expected 2 to 2000' },
      {
        row: 6,
        field: '职权类型',
        message: '「职权类型」的值“行政备案”无效，应为“行政许可”、“行政处罚”、“行政强制”、“行政征收”、“行政检查”、“行政确认”、“行政裁决”、“行政给付”、“行政奖励”、“其他”之一',
        message_en: 'Power type (职权类型) "行政备案" is not one of 行政许可, 行政处罚, 行政强制, 行政征收, 行政检查, 行政确认, 行政裁决, 行政给付, 行政奖励, 其他',
      },
      { row: 7, field: '承办内设机构', message: '「承办内设机构」长度为101字，不能超过100字', message_en: 'Internal unit (承办内设机构) has 101 characters; expected at most 100' },
      { row: 8, field: '责任事项', message: '「责任事项」有31项，不能超过30项（每行一项）', message_en: 'Responsibilities (责任事项) has 31 items; at most 30 (one per line)' },
      { row: 9, field: '责任事项', message: '「责任事项」第2项长度为501字，不能超过500字', message_en: 'Responsibility 2 (责任事项) has 501 characters; at most 500' },
      { row: 10, field: '是否公开', message: '「是否公开」的值“Y”无效，应为“是”、“否”之一', message_en: 'Published (是否公开) "Y" is not one of 是, 否' },
      { row: 10, field: '状态', message: '「状态」的值“废止”无效，应为“有效”、“停用”之一', message_en: 'Status (状态) "废止" is not one of 有效, 停用' },
      { row: 11, field: '事项编码', message: '「事项编码」“CF-JG-101”与第2行重复（同一实施主体）', message_en: 'Item code (事项编码) "CF-JG-101" repeats row 2 for the same subject' },
      { row: 12, field: '设定依据', message: '「设定依据」长度为2001字，应为2至2000字', message_en: 'Legal basis (设定依据) has 2001 characters; expected 2 to 2000' },
    ]);
  });

  it('reads rich text and formula results as the text shown', async () => {
    const buf = await workbook(HEADER, [
      row({ ...good, 事项名称: { richText: [{ text: '对不执行' }, { font: { bold: true }, text: '政府定价的行政处罚' }] }, 事项编码: { formula: '"CF-"&"9"', result: 'CF-9' } }),
    ]);
    const { rows, errors } = await parsePowersWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ name: '对不执行政府定价的行政处罚', code: 'CF-9' });
  });

  it('refuses a header without the required columns, naming them', async () => {
    const e = await refusal(parsePowersWorkbook(await workbook(['实施主体', '事项名称', '备注'], [['演示市市场监督管理局', '某事项', '']])));
    expect(e.code).toBe('powers_header');
    expect(e.extra).toEqual({ missing: ['事项编码', '职权类型', '设定依据'] });
    expect(e.detail).toContain('事项编码、职权类型、设定依据');
  });

  it(`refuses more than ${MAX_POWERS_ROWS} data rows`, async () => {
    const rows = Array.from({ length: MAX_POWERS_ROWS + 1 }, (_, i) => row({ ...good, 事项编码: `CF-${i}` }));
    const e = await refusal(parsePowersWorkbook(await workbook(HEADER, rows)));
    expect(e.code).toBe('too_many_rows');
    expect(e.extra).toEqual({ limit: MAX_POWERS_ROWS, rows: MAX_POWERS_ROWS + 1 });
  });

  it('refuses garbage, a zip that is no workbook, and an oversized file with a 4xx, never a crash', async () => {
    expect((await refusal(parsePowersWorkbook(Buffer.from('这不是 Excel 文件')))).code).toBe('invalid_workbook');
    expect((await refusal(parsePowersWorkbook(Buffer.alloc(0)))).code).toBe('invalid_workbook');
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    expect((await refusal(parsePowersWorkbook(await zip.generateAsync({ type: 'nodebuffer' })))).code).toBe('invalid_workbook');
    expect((await refusal(parsePowersWorkbook(Buffer.alloc(MAX_POWERS_BYTES + 1)))).code).toBe('workbook_too_large');
  });
});

describe('export and template', () => {
  const powers: PowerExportRow[] = [
    { org_name: '演示市市场监督管理局', code: '00123', name: '对不执行政府定价的行政处罚', power_type: 'penalty', legal_basis: '《价格法》第三十九条', internal_unit: '价格监督检查科', responsibility_items: ['立案责任', '调查责任'], published: true, active: true },
    { org_name: '演示市市场监督管理局', code: 'XK-1', name: '食品经营许可', power_type: 'license', legal_basis: '《食品安全法》第三十五条', internal_unit: null, responsibility_items: [], published: false, active: false },
  ];

  it('writes both sheets, and the export imports back unchanged', async () => {
    const buf = await buildPowersWorkbook(powers, [
      { org_name: '演示市市场监督管理局', code: '00123', name: '对不执行政府定价的行政处罚', band: '一般', circumstances: '情节一般', fine_min: '1000.00', fine_max: 5000, other_penalties: null },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['权责清单', '裁量基准']);
    const list = wb.getWorksheet('权责清单')!;
    expect(list.getRow(1).values).toEqual([undefined, ...POWER_COLUMNS]);
    expect(list.getRow(2).getCell(2).value).toBe('00123'); // text, leading zeros kept
    expect(list.getRow(2).getCell(4).value).toBe('行政处罚');
    expect(list.getRow(2).getCell(7).value).toBe('立案责任\n调查责任');
    expect(list.getRow(3).values).toEqual([undefined, '演示市市场监督管理局', 'XK-1', '食品经营许可', '行政许可', '《食品安全法》第三十五条', '', '', '否', '停用']);
    const bands = wb.getWorksheet('裁量基准')!;
    expect(bands.getRow(1).values).toEqual([undefined, '实施主体', '事项编码', '事项名称', '档次', '违法情节', '罚款下限（元）', '罚款上限（元）', '其他处罚']);
    expect(bands.getRow(2).getCell(6).value).toBe(1000);
    expect(bands.getRow(2).getCell(7).value).toBe(5000);

    const { rows, errors } = await parsePowersWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows.map(({ row: _r, ...r }) => r)).toEqual([
      { orgName: '演示市市场监督管理局', code: '00123', name: '对不执行政府定价的行政处罚', powerType: 'penalty', legalBasis: '《价格法》第三十九条', internalUnit: '价格监督检查科', responsibilityItems: ['立案责任', '调查责任'], published: true, active: true },
      { orgName: '演示市市场监督管理局', code: 'XK-1', name: '食品经营许可', powerType: 'license', legalBasis: '《食品安全法》第三十五条', internalUnit: null, responsibilityItems: [], published: false, active: false },
    ]);
  });

  it('gives a template whose example row passes the parser, with a notes sheet', async () => {
    const buf = await powersTemplateXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['权责清单', '填写说明']);
    expect(wb.getWorksheet('权责清单')!.getRow(1).values).toEqual([undefined, ...POWER_COLUMNS]);
    const { rows, errors } = await parsePowersWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 2, powerType: 'penalty', published: true, active: true });
  });
});
