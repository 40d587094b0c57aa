import type { PeriodUnit, StatutoryCalendar } from './calendar.ts';

/**
 * The public deadline answer (DESIGN.md §6), shared by the API and `fazhi calendar
 * deadline` so both print the same object.
 */
export function computeDeadline(cal: StatutoryCalendar, from: string, days: number, unit: PeriodUnit) {
  const r = cal.add(from, days, unit);
  return {
    from,
    days,
    unit,
    due: r.due,
    provisional: r.provisional,
    ...(r.rolledForwardFrom ? { rolledForwardFrom: r.rolledForwardFrom } : {}),
    basis:
      unit === 'working'
        ? '起算日不计入，按国务院节假日安排计算工作日（民法典第二百零一条）'
        : '起算日不计入；期间最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（民法典第二百零一条、第二百零三条）',
  };
}
