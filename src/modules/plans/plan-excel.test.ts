import { refusal } from '../../core/http/test-refusal.ts';
import { describe, expect, it } from 'vitest';
import { testWorkbook } from '../../core/imports/test-workbook.ts';
import { parsePlanText } from './plan-import.ts';
import { planTemplateXlsx, planTextFromXlsx } from './plan-excel.ts';

const HEADER = ['部分', '领域', '措施编号', '措施'];
const other = { name: '说明', text: '本表为任务分工', first: true };

describe('plan import from Excel', () => {
  it('reads one measure per row into the headed text the importer parses, areas and numbering kept', async () => {
    const buf = await testWorkbook('规划措施', HEADER, [
      ['二、主要任务', '（一）依法决策', 1, '健全依法决策机制。完善重大行政决策程序。'],
      ['二、主要任务', '（一）依法决策', 2, '完善法律顾问制度。'],
      ['二、主要任务', '（二）严格执法', 3, '深化执法体制改革。'],
      ['三、组织保障', '', 4, '加强党的领导。'],
    ], { titleRow: '演示市2027年法治政府建设工作要点', other });
    const { text, rows } = await planTextFromXlsx(buf, '演示市2027年法治政府建设工作要点');
    const plan = parsePlanText(text);
    expect(plan.measureCount).toBe(4);
    expect(plan.parts.map((p) => p.number)).toEqual(['二', '三']);
    expect(plan.parts[0].children.map((a) => a.children.map((m) => m.number))).toEqual([['1', '2'], ['3']]);
    expect(plan.parts[1].children.map((m) => [m.kind, m.number])).toEqual([['measure', '4']]);
    expect(rows.at(-1)).toBe(6);
  });

  it('names the Excel row of a numbering gap or an unreadable heading', async () => {
    const gap = await testWorkbook('规划措施', HEADER, [
      ['二、主要任务', '（一）依法决策', 1, '健全依法决策机制。'],
      ['二、主要任务', '（一）依法决策', 3, '完善法律顾问制度。'],
    ], { other });
    expect(await refusal(planTextFromXlsx(gap))).toMatchObject({ code: 'plan_numbering_gap', detail: expect.stringMatching(/^Excel 第3行：/), extra: { row: 3 } });
    const part = await testWorkbook('规划措施', HEADER, [['主要任务', '', 1, '健全依法决策机制。']], { other });
    expect(await refusal(planTextFromXlsx(part))).toMatchObject({ code: 'plan_sheet_part', detail: expect.stringContaining('第2行') });
    const noHeader = await testWorkbook('规划措施', ['领域', '措施'], [['（一）', '内容']], { other });
    expect(await refusal(planTextFromXlsx(noHeader))).toMatchObject({ code: 'plan_sheet_header' });
  });

  it('offers a template the importer reads back', async () => {
    const { text } = await planTextFromXlsx(await planTemplateXlsx());
    expect(parsePlanText(text).measureCount).toBe(2);
  });
});
