import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../core/http/errors.ts';
import { type Bulletin, bulletinDocx, bulletinSummary, bulletinXlsx, arabicDate, ratePercent } from './bulletin-files.ts';

const bulletin: Bulletin = {
  title: '演示市2026年第3季度规范性文件备案审查情况通报',
  authority: '演示市司法局',
  docNumber: '演司通〔2026〕5号',
  period: { kind: 'quarter', year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30' },
  rows: [
    {
      issuerOrgId: 11,
      issuerName: '演示市人民政府办公室',
      issued: 8,
      filedOnTime: 7,
      filedLate: 1,
      notFiled: 0,
      approved: 6,
      correction: 1,
      revoked: 0,
      pending: 1,
    },
    {
      issuerOrgId: 12,
      issuerName: '演示市市场监督管理局',
      issued: 0,
      filedOnTime: 0,
      filedLate: 0,
      notFiled: 0,
      approved: 0,
      correction: 0,
      revoked: 0,
      pending: 0,
    },
  ],
  totals: { issued: 8, filedOnTime: 7, filedLate: 1, notFiled: 0, approved: 6, correction: 1, revoked: 0, pending: 1 },
  issuedOn: '2026-11-24',
};

describe('arabicDate', () => {
  it('writes the date of issue in Arabic numerals without leading zeros (GB/T 9704-2012 §7.3.5.4)', () => {
    expect(arabicDate('2026-11-24', 'issuedOn')).toBe('2026年11月24日');
    expect(arabicDate('2026-01-05', 'issuedOn')).toBe('2026年1月5日');
  });
  it('refuses what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-30', '2026-1-5', '', '二〇二六年']) {
      expect(() => arabicDate(bad, 'issuedOn')).toThrow(DomainError);
      try {
        arabicDate(bad, 'issuedOn');
      } catch (e) {
        expect(e).toMatchObject({ code: 'date_invalid', field: 'issuedOn', status: 400 });
      }
    }
  });
});

describe('rates and summary', () => {
  it('rounds the on-time rate to one decimal and leaves it out when nothing was issued', () => {
    expect(ratePercent({ issued: 8, filedOnTime: 7 })).toBe('87.5%');
    expect(ratePercent({ issued: 3, filedOnTime: 2 })).toBe('66.7%');
    expect(ratePercent({ issued: 4, filedOnTime: 4 })).toBe('100%');
    expect(ratePercent({ issued: 0, filedOnTime: 0 })).toBe('');
    expect(bulletinSummary({ ...bulletin.totals, issued: 0, filedOnTime: 0, filedLate: 0, approved: 0, correction: 0, pending: 0 })).toBe(
      '本期共制定规范性文件0件，按时报送备案0件；逾期报备0件；未报备0件。经审查，通过0件，责令纠正0件，撤销0件，尚在审查0件。',
    );
  });
});

describe('bulletinXlsx', () => {
  it('writes a title, the header, one row per issuer, 合计 and the rate', async () => {
    const buf = await bulletinXlsx(bulletin);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('备案审查情况');
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe(bulletin.title);
    expect(ws.getCell('J1').isMerged).toBe(true);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '制定机关',
      '制定件数',
      '按时报备',
      '逾期报备',
      '未报备',
      '审查通过',
      '责令纠正',
      '撤销',
      '待审查',
      '按时报备率',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['演示市人民政府办公室', 8, 7, 1, 0, 6, 1, 0, 1, 0.875]);
    expect(ws.getCell('J3').numFmt).toBe('0.0%');
    // issued = 0: the rate is left blank.
    expect(ws.getCell('A4').value).toBe('演示市市场监督管理局');
    expect(ws.getCell('J4').value).toBeNull();
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['合计', 8, 7, 1, 0, 6, 1, 0, 1, 0.875]);
    expect(ws.getCell('A5').font?.bold).toBe(true);
    expect(String(ws.getCell('A6').value)).toContain('2026年7月1日至2026年9月30日');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(1).width).toBeGreaterThan(ws.getColumn(2).width ?? 0);
  });
});

describe('bulletinDocx', () => {
  it('writes the 公文 with title, summary, table, signature and Chinese date', async () => {
    const buf = await bulletinDocx(bulletin);
    const text = (await mammoth.extractRawText({ buffer: buf })).value;
    expect(text).toContain('演示市司法局文件');
    expect(text).toContain('演司通〔2026〕5号');
    expect(text).toContain(bulletin.title);
    expect(text).toContain(
      '本期共制定规范性文件8件，按时报送备案7件，按时报备率87.5%；逾期报备1件；未报备0件。经审查，通过6件，责令纠正1件，撤销0件，尚在审查1件。',
    );
    expect(text).toContain('统计期间为2026年7月1日至2026年9月30日。');
    expect(text).toContain('演示市人民政府办公室');
    expect(text).toContain('演示市市场监督管理局');
    expect(text).toContain('按时报备率');
    expect(text).toContain('2026年11月24日');
    expect(text.indexOf('演示市司法局\n')).toBeGreaterThan(text.indexOf('合计'));
  });

  it('lays the page out after GB/T 9704-2012', async () => {
    const buf = await bulletinDocx(bulletin);
    // Page setup and run properties are not in the extracted text: read the parts from the
    // zip (jszip is already installed as a dependency of mammoth, docx and exceljs).
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(buf);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/); // 37 mm
    expect(xml).toMatch(/w:bottom="1984"/); // 35 mm
    expect(xml).toMatch(/w:left="1587"/); // 28 mm
    expect(xml).toMatch(/w:right="1474"/); // 26 mm
    expect(xml).toContain('w:color w:val="FF0000"'); // red 发文机关标志
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"[^>]*\/>/); // red 分隔线
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toMatch(/<w:sz w:val="44"\/>/); // 2号 title
    expect(xml).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/>/); // 固定值 28 磅
    expect(xml).toMatch(/w:firstLine="640"/); // 首行缩进二字
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/<w:sz w:val="32"\/>/); // 3号
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)?.async('string') ?? ''),
    );
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    const settings = (await zip.file('word/settings.xml')?.async('string')) ?? '';
    expect(settings).toContain('w:evenAndOddHeaders');
  });
});
