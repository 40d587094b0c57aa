import { refusal } from '../../core/http/test-refusal.ts';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testWorkbook, type Cell } from '../../core/imports/test-workbook.ts';
import {
  MAX_REGISTER_ROWS,
  REGISTER_COLUMNS,
  parseRegisterDate,
  parseRegisterWorkbook,
  registerTemplateXlsx,
} from './register-import.ts';

const workbook = (header: readonly string[], rows: Cell[][], opts: { titleRow?: string } = {}) => testWorkbook('目录', header, rows, { ...opts, other: { name: '其他', text: 'ignored' } });


// Header in a different order from REGISTER_COLUMNS, with a hint and extra spaces.
const HEADER = ['文件名称', '制定机关', '登记编号', '文件类型', '暂行或试行', '公布日期（必填）', ' 施行日期 ', '有效期至', '状态', '备案日期', '正文', '备注'];
const row = (o: Partial<Record<(typeof REGISTER_COLUMNS)[number] | '备注', Cell>>): Cell[] =>
  HEADER.map((h) => {
    const key = h.replace(/\s+/g, '').replace(/（.*）$/, '') as keyof typeof o;
    return o[key] ?? null;
  });
const good = {
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
  正文: '第一条 为规范……，制定本办法。\r\n第二条 本办法自公布之日起施行。',
};

describe('parseRegisterDate', () => {
  it('accepts the documented forms and only real dates', () => {
    expect(parseRegisterDate('2025-03-01')).toBe('2025-03-01');
    expect(parseRegisterDate('2025/3/1')).toBe('2025-03-01');
    expect(parseRegisterDate('2025年3月1日')).toBe('2025-03-01');
    expect(parseRegisterDate('２０２５年１２月３１日')).toBe('2025-12-31');
    expect(parseRegisterDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2025-02-30', '2025-2/1', '2025-13-01', '25-03-01', '2025年3月', '0025-03-01', 'abc', '45717']) {
      expect(parseRegisterDate(bad), bad).toBeNull();
    }
  });
});

describe('parseRegisterWorkbook', () => {
  it('keeps good rows and reports every problem of a bad row by Excel row number', async () => {
    const buf = await workbook(
      HEADER,
      [
        /* 3 */ row(good),
        /* 4 */ row({
          ...good,
          制定机关: '演示市市场监督管理局',
          文件名称: '演示市市场监管领域轻微违法行为不予处罚清单（试行）',
          登记编号: '演市监规〔2025〕2号',
          文件类型: '部门规范性文件',
          暂行或试行: '是',
          公布日期: new Date(Date.UTC(2025, 4, 20)), // a real Excel date cell
          施行日期: '2025/6/1',
          有效期至: null,
          状态: '有效',
          备案日期: '2025年5月28日',
          正文: null,
        }),
        /* 5 */ [],
        /* 6 */ row({ ...good, 文件名称: null, 登记编号: '演示府规〔2025〕3号' }),
        /* 7 */ row({ ...good, 文件类型: '地方政府规章', 登记编号: '演示府规〔2025〕4号' }),
        /* 8 */ row({ ...good, 登记编号: '演示府规〔2025〕5号', 公布日期: '2025-03-05', 施行日期: '2025-03-01', 备案日期: '2025-03-10' }),
        /* 9 */ row({ ...good, 登记编号: '演示府规〔2025〕6号', 施行日期: '2025-02-30' }),
        /* 10 */ row({ ...good, 文件名称: '关于印发…的通知' }),
        /* 11 */ row({ 备注: '仅有备注的行' }),
        /* 12 */ row({ ...good, 登记编号: '演示府规〔2025〕7号', 暂行或试行: '暂行', 状态: '废止', 有效期至: '2025-04-01', 备案日期: '2025-02-01', 文件名称: '办法' }),
      ],
      { titleRow: '演示市规范性文件目录（2025年）' },
    );
    const { rows, errors } = await parseRegisterWorkbook(buf);
    expect(rows).toEqual([
      {
        row: 3,
        issuerName: '演示市人民政府',
        title: '演示市行政规范性文件管理办法',
        regNumber: '演示府规〔2025〕1号',
        docType: 'government',
        provisional: false,
        publishedOn: '2025-03-01',
        effectiveOn: '2025-04-01',
        expiresOn: '2030-03-31',
        status: 'valid',
        filedOn: '2025-03-10',
        body: '第一条 为规范……，制定本办法。\n第二条 本办法自公布之日起施行。',
      },
      {
        row: 4,
        issuerName: '演示市市场监督管理局',
        title: '演示市市场监管领域轻微违法行为不予处罚清单（试行）',
        regNumber: '演市监规〔2025〕2号',
        docType: 'department',
        provisional: true,
        publishedOn: '2025-05-20',
        effectiveOn: '2025-06-01',
        expiresOn: null,
        status: 'valid',
        filedOn: '2025-05-28',
        body: '',
      },
    ]);
    expect(errors).toEqual([
      { row: 6, field: '文件名称', message: '「文件名称」不能为空', message_en: 'Title (文件名称) is required' },
      {
        row: 7,
        field: '文件类型',
        message: '「文件类型」的值“地方政府规章”无效，应为“政府规范性文件”、“部门规范性文件”之一',
        message_en: 'Document type (文件类型) "地方政府规章" is not one of 政府规范性文件, 部门规范性文件',
      },
      {
        row: 8,
        field: '施行日期',
        message: '「施行日期」2025-03-01早于「公布日期」2025-03-05',
        message_en: 'Effective date 2025-03-01 is before the publication date 2025-03-05',
      },
      {
        row: 9,
        field: '施行日期',
        message: '「施行日期」的值“2025-02-30”不是有效日期，应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日',
        message_en: 'Effective date (施行日期) "2025-02-30" is not a valid date (YYYY-MM-DD, YYYY/M/D or YYYY年M月D日)',
      },
      {
        row: 10,
        field: '登记编号',
        message: '「登记编号」“演示府规〔2025〕1号”与第3行重复',
        message_en: 'Registration number (登记编号) "演示府规〔2025〕1号" repeats row 3',
      },
      {
        row: 12,
        field: '文件名称',
        message: '「文件名称」长度为2字，应为4至200字',
        message_en: 'Title (文件名称) has 2 characters; expected 4 to 200',
      },
      {
        row: 12,
        field: '暂行或试行',
        message: '「暂行或试行」的值“暂行”无效，应为“是”、“否”之一',
        message_en: 'Provisional (暂行或试行) "暂行" is not one of 是, 否',
      },
      {
        row: 12,
        field: '状态',
        message: '「状态」的值“废止”无效，应为“有效”、“已废止”、“已失效”之一',
        message_en: 'Status (状态) "废止" is not one of 有效, 已废止, 已失效',
      },
      {
        row: 12,
        field: '有效期至',
        message: '「有效期至」2025-04-01应晚于「施行日期」2025-04-01',
        message_en: 'Valid-until date 2025-04-01 must be after the effective date 2025-04-01',
      },
      {
        row: 12,
        field: '备案日期',
        message: '「备案日期」2025-02-01早于「公布日期」2025-03-01',
        message_en: 'Filing date 2025-02-01 is before the publication date 2025-03-01',
      },
    ]);
    // Row 11 holds only a column the importer does not read: skipped like an empty row.
    expect(errors.some((e) => e.row === 11)).toBe(false);
  });

  it('reads formula results, rich text and numbers as cell text', async () => {
    const buf = await workbook(HEADER, [
      row({
        ...good,
        制定机关: { richText: [{ text: '演示市' }, { text: '人民政府', font: { bold: true } }] },
        登记编号: { formula: '"演示府规〔2025〕"&1&"号"', result: '演示府规〔2025〕1号' },
        施行日期: { formula: 'DATE(2025,4,1)', result: new Date(Date.UTC(2025, 3, 1)) },
      }),
    ]);
    const { rows, errors } = await parseRegisterWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ issuerName: '演示市人民政府', regNumber: '演示府规〔2025〕1号', effectiveOn: '2025-04-01' });
  });

  it('refuses a header without the required columns, naming them', async () => {
    const buf = await workbook(['制定机关', '名称', '登记编号', '类型', '公布日期', '施行日期', '状态'], [row(good)]);
    const e = await refusal(parseRegisterWorkbook(buf));
    expect(e).toMatchObject({
      status: 400,
      code: 'register_header',
      field: 'file',
      detail: '表头缺少必需的列：文件名称、文件类型（请使用导入模板）',
      extra: { missing: ['文件名称', '文件类型'] },
    });
    expect(e.detail_en).toContain('文件名称 (Title), 文件类型 (Document type)');
  });

  it('refuses what is not an .xlsx: a PDF, a .docx, an empty buffer', async () => {
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('第一条')] }] })));
    for (const buf of [Buffer.from('%PDF-1.4\n1 0 obj\n'), docx, Buffer.alloc(0)]) {
      const e = await refusal(parseRegisterWorkbook(buf));
      expect(e).toMatchObject({ code: 'xlsx_invalid', field: 'file', detail: '上传的文件不是有效的 Excel（.xlsx）工作簿' });
    }
  });

  it(`refuses more than ${MAX_REGISTER_ROWS} data rows`, async () => {
    const rows = Array.from({ length: MAX_REGISTER_ROWS + 1 }, (_, i) => row({ ...good, 登记编号: `演示府规〔2025〕${i + 1}号`, 正文: null }));
    const e = await refusal(parseRegisterWorkbook(await workbook(HEADER, rows)));
    expect(e).toMatchObject({ code: 'register_too_many_rows', field: 'file', extra: { limit: MAX_REGISTER_ROWS, rows: MAX_REGISTER_ROWS + 1 } });
  });

  it('reads its own template back with no errors', async () => {
    const buf = await registerTemplateXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([...REGISTER_COLUMNS]);
    const { rows, errors } = await parseRegisterWorkbook(buf);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      row: 2,
      issuerName: '演示市人民政府',
      regNumber: '演示府规〔2025〕1号',
      docType: 'government',
      provisional: false,
      publishedOn: '2025-03-01',
      effectiveOn: '2025-04-01',
      expiresOn: '2030-03-31',
      status: 'valid',
      filedOn: '2025-03-10',
    });
    expect(rows[0].title).toMatch(/^演示市.+管理办法$/);
    expect(rows[0].body).toMatch(/^第一条/);
  });
});
