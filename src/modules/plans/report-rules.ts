import type { ReportRecipient } from './labels.ts';

/** One figure of the year, as a metric computed it. */
export interface ReportFigure {
  code: string;
  module: string;
  name: string;
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/**
 * The bodies a report goes to (seed 002 #55): a people's government reports to the party
 * committee, the NPC standing committee and the government above; a department to its own
 * government and the department above.
 */
export function recipientsOf(orgType: string): ReportRecipient[] {
  return orgType === 'people_government' ? ['party_committee', 'npc_standing_committee', 'superior_government'] : ['own_government', 'superior_department'];
}

const UNITS: Record<string, string> = { percent: '%', count: '', days: '日', ratio: '' };

/** The figures as the report's table prints them: a rate with its fraction, a count as it is, no data as '—'. */
export function reportFigureRows(figures: ReportFigure[]): { code: string; name: string; value: string; detail: string | null }[] {
  return figures.map((f) => {
    if (f.value === null) return { code: f.code, name: f.name, value: '—', detail: '本年度无数据' };
    const unit = UNITS[f.unit] ?? '';
    const value = `${Number.isInteger(f.value) ? f.value : f.value.toFixed(2)}${unit}`;
    const detail = f.unit === 'percent' && f.denominator ? `${f.numerator}/${f.denominator}` : null;
    return { code: f.code, name: f.name, value, detail };
  });
}
