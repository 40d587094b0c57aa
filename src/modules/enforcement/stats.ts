import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import type { Services } from '../../core/services.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { assertOrgInScope, orgScopeFilter } from '../../core/policy/scope.ts';
import { edb } from './schema.ts';
import { POWER_TYPE_LABELS } from './labels.ts';
import type { StatRow } from './shapes.ts';

export type { StatRow };

const POWER_TYPE_TEXT: Record<string, string> = POWER_TYPE_LABELS;

/**
 * Statistics of one year by month, by organisation and by power: filed, decided, closed,
 * decided late or still open past the decision deadline, hearings, legal reviews, fines
 * imposed and collected. One pass over the year's cases in scope.
 */
export async function statistics(s: Services, actor: Actor, f: { year: number; orgId?: number }) {
  const from = `${f.year}-01-01`;
  const to = `${f.year}-12-31`;
  let subtree: string | null = null;
  if (f.orgId) subtree = (await assertOrgInScope(s.db, actor, 'enforcement.read', f.orgId, { zh: '机构', en: 'Organisation' })).path;
  const today = s.today();
  const rows = await edb(s.db)
    .selectFrom('enforcement_cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    .leftJoin('deadlines as d', (j) => j.onRef('d.instance_id', '=', 'c.instance_id').on('d.kind', '=', 'enforcement.decision'))
    .select([
      sql<number>`extract(month from c.filed_on)::int`.as('month'),
      'c.org_id',
      'o.name as org_name',
      'p.name as power_name',
      'p.id as power_id',
      sql<number>`count(*)::int`.as('filed'),
      sql<number>`count(*) filter (where c.decided_on is not null)::int`.as('decided'),
      sql<number>`count(*) filter (where c.status = 'closed')::int`.as('closed'),
      sql<number>`count(*) filter (where (c.decided_on is not null and c.decided_on > d.due_date) or (c.decided_on is null and d.status <> 'closed' and d.due_date < ${today}::date))::int`.as('overdue'),
      sql<number>`count(*) filter (where exists (select 1 from enforcement_records r where r.case_id = c.id and r.kind = 'hearing'))::int`.as('hearings'),
      sql<number>`count(*) filter (where exists (select 1 from enforcement_reviews v where v.case_id = c.id))::int`.as('reviews'),
      sql<string>`coalesce(sum(c.fine_amount), 0)`.as('fines_imposed'),
      sql<string>`coalesce(sum(c.paid_amount), 0)`.as('fines_collected'),
    ])
    .where('c.filed_on', '>=', from)
    .where('c.filed_on', '<=', to)
    .where(orgScopeFilter(actor, 'enforcement.read', sql.ref('c.org_id')))
    .$if(!!subtree, (q) => q.where('o.path', 'like', `${subtree}%`))
    .groupBy([sql`extract(month from c.filed_on)`, 'c.org_id', 'o.name', 'p.id', 'p.name'])
    .execute();
  const add = (map: Map<string, StatRow>, key: string, label: string, r: (typeof rows)[number]) => {
    const x = map.get(key) ?? { key, label, filed: 0, decided: 0, closed: 0, overdue: 0, hearings: 0, reviews: 0, fines_imposed: 0, fines_collected: 0 };
    x.filed += r.filed;
    x.decided += r.decided;
    x.closed += r.closed;
    x.overdue += r.overdue;
    x.hearings += r.hearings;
    x.reviews += r.reviews;
    x.fines_imposed = Math.round((x.fines_imposed + Number(r.fines_imposed)) * 100) / 100;
    x.fines_collected = Math.round((x.fines_collected + Number(r.fines_collected)) * 100) / 100;
    map.set(key, x);
  };
  const byMonth = new Map<string, StatRow>();
  const byOrg = new Map<string, StatRow>();
  const byPower = new Map<string, StatRow>();
  const total = new Map<string, StatRow>();
  for (let m = 1; m <= 12; m++) byMonth.set(String(m), { key: String(m), label: `${m}月`, filed: 0, decided: 0, closed: 0, overdue: 0, hearings: 0, reviews: 0, fines_imposed: 0, fines_collected: 0 });
  for (const r of rows) {
    add(byMonth, String(r.month), `${r.month}月`, r);
    add(byOrg, String(r.org_id), r.org_name, r);
    add(byPower, String(r.power_id), r.power_name, r);
    add(total, 'total', '合计', r);
  }
  const sort = (m: Map<string, StatRow>) => [...m.values()].sort((a, b) => b.filed - a.filed);
  return { year: f.year, total: total.get('total') ?? { key: 'total', label: '合计', filed: 0, decided: 0, closed: 0, overdue: 0, hearings: 0, reviews: 0, fines_imposed: 0, fines_collected: 0 }, byMonth: [...byMonth.values()], byOrg: sort(byOrg), byPower: sort(byPower), powerTypes: POWER_TYPE_TEXT };
}

const COLUMNS: [keyof StatRow, string][] = [
  ['label', '项目'],
  ['filed', '立案'],
  ['decided', '作出决定'],
  ['closed', '结案'],
  ['overdue', '超期'],
  ['hearings', '听证'],
  ['reviews', '法制审核'],
  ['fines_imposed', '罚款决定额（元）'],
  ['fines_collected', '实缴入库额（元）'],
];

export async function statisticsXlsx(stats: Awaited<ReturnType<typeof statistics>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of [['按月份', stats.byMonth], ['按执法主体', stats.byOrg], ['按执法事项', stats.byPower]] as const) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${stats.year}年行政执法统计（${name}）`]).font = { bold: true, size: 14 };
    ws.addRow(COLUMNS.map(([, h]) => h)).font = { bold: true };
    for (const r of [...rows, stats.total]) ws.addRow(COLUMNS.map(([k]) => r[k]));
    ws.columns.forEach((c, i) => (c.width = i === 0 ? 32 : 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
