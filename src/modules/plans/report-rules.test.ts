import { describe, expect, it } from 'vitest';
import { recipientsOf, reportFigureRows } from './report-rules.ts';

describe('annual report rules', () => {
  it('sends a government report to three bodies and a department report to two (seed 002 #55)', () => {
    expect(recipientsOf('people_government')).toEqual(['party_committee', 'npc_standing_committee', 'superior_government']);
    expect(recipientsOf('government_department')).toEqual(['own_government', 'superior_department']);
  });

  it('prints a rate with its fraction, a count as it is, and no data as a dash', () => {
    const rows = reportFigureRows([
      { code: 'a', module: 'm', name: '按期完成率', unit: 'percent', value: 87.5, numerator: 7, denominator: 8 },
      { code: 'b', module: 'm', name: '逾期任务数', unit: 'count', value: 3, numerator: 3, denominator: null },
      { code: 'c', module: 'm', name: '无数据', unit: 'percent', value: null, numerator: 0, denominator: 0 },
    ]);
    expect(rows).toEqual([
      { code: 'a', name: '按期完成率', value: '87.50%', detail: '7/8' },
      { code: 'b', name: '逾期任务数', value: '3', detail: null },
      { code: 'c', name: '无数据', value: '—', detail: '本年度无数据' },
    ]);
  });
});
