import { sql, type RawBuilder } from 'kysely';
import type { Services } from '../../src/core/services.ts';

/**
 * A province-sized organisation tree for benchmarks, independent of any module: one
 * fictional province (region codes 98xxxx, unassigned in GB/T 2260, like the demo's 99xxxx),
 * `cities` prefecture-level cities and about `counties` counties / districts, as `regions`
 * rows (level, parent, path) and `orgs` rows (path '/<ancestor ids>/<id>/', as the demo's
 * insertOrg writes it).
 *
 * Tree: 省人民政府 → 省司法厅; 省人民政府 → 市人民政府 → 市司法局 + the eight enforcement
 * departments + 县（区）人民政府 → 县司法局 + the eight departments. County governments are
 * children of their city government, as in the demo, so a city government's subtree is the
 * whole city.
 *
 * Ids are reserved from the identity sequences and every level is one multi-row INSERT,
 * so the whole tree (≈ 1,150 orgs) takes a few statements.
 */

export type EnforcementDeptKind = 'samr' | 'ecology' | 'urban' | 'transport' | 'emergency' | 'health' | 'land' | 'agriculture';

/** The eight enforcement departments of every city and county: name suffix, org type, doc prefix character. */
export const DEPT_KINDS: { kind: EnforcementDeptKind; name: string; orgType: 'government_department' | 'enforcement_agency'; short: string }[] = [
  { kind: 'samr', name: '市场监督管理局', orgType: 'government_department', short: '市监' },
  { kind: 'ecology', name: '生态环境局', orgType: 'government_department', short: '环' },
  { kind: 'urban', name: '综合行政执法局', orgType: 'enforcement_agency', short: '综执' },
  { kind: 'transport', name: '交通运输局', orgType: 'government_department', short: '交' },
  { kind: 'emergency', name: '应急管理局', orgType: 'government_department', short: '应急' },
  { kind: 'health', name: '卫生健康委员会', orgType: 'government_department', short: '卫' },
  { kind: 'land', name: '自然资源和规划局', orgType: 'government_department', short: '自然' },
  { kind: 'agriculture', name: '农业农村局', orgType: 'government_department', short: '农' },
];

export interface Dept {
  id: number;
  kind: EnforcementDeptKind;
  name: string;
  /** The place name ('青岚市', '青岚市东城区'), for document prefixes. */
  place: string;
  /** One- or two-character abbreviation of the place, for document prefixes. */
  placeShort: string;
  level: 'city' | 'county';
  regionCode: string;
  path: string;
  cityIndex: number;
  governmentId: number;
}

export interface Unit {
  name: string;
  regionCode: string;
  governmentId: number;
  legalAffairsId: number;
  departments: Dept[];
}

export interface City extends Unit {
  index: number;
  counties: Unit[];
  /** Every org of the city: its government and everything under it. */
  subtreeOrgIds: number[];
  governmentPath: string;
}

export interface ProvinceResult {
  province: { code: string; name: string; governmentId: number; legalAffairsId: number };
  cities: City[];
  orgsByLevel: { province: number[]; city: number[]; county: number[]; township: number[] };
  /** Township / street offices (乡镇街道), the tree's fourth level, when asked for. */
  townships: { id: number; name: string; regionCode: string; countyGovernmentId: number; path: string }[];
  enforcementDepartments: Dept[];
  /** The city chosen for city-level measurements (the one with the most counties). */
  chosenCity: City;
  regions: number;
  orgs: number;
  seconds: number;
}

const CITY_NAMES = ['青岚', '白鹭', '云杉', '金沙', '玉泉', '枫林', '石桥', '松涛', '碧波', '芦荻', '梅岭', '竹溪', '桂岸', '柳湾', '兰汀', '荷塘', '杏坛', '榆关'];
const SYL_A = ['东', '西', '南', '北', '长', '安', '平', '永', '兴', '宁', '清', '丰', '阳', '和', '新', '太', '广', '崇', '福', '昌'];
const SYL_B = ['川', '山', '河', '原', '林', '泽', '城', '谷', '陵', '江', '岭', '湖', '台', '源', '塘', '溪', '峰', '沙', '滨', '乡'];

/** Counties per city: a fixed spread that sums to `total` (≈ 100 for 14 cities). */
function countySpread(cities: number, total: number): number[] {
  const base = Math.floor(total / cities);
  const out = Array.from({ length: cities }, () => base);
  for (let i = 0; i < total - base * cities; i++) out[(i * 5) % cities]++;
  // Some spread: move one county from every third city to the next.
  for (let i = 0; i + 1 < cities; i += 3) if (out[i] > 2) {
    out[i]--;
    out[i + 1]++;
  }
  return out;
}

const TOWN_A = ['城关', '新河', '石门', '桃园', '柳林', '大庄', '双桥', '高岭', '白沙', '龙泉', '青石', '马鞍', '黄土', '清水', '长岗', '杨柳'];
const TOWN_SUFFIX = ['镇', '乡', '街道'];

/**
 * `townshipsPerCounty` (default 0) adds the fourth level: that many 乡镇街道 regions (level
 * 'township', free codes …30–…99 of their city's block, as the demo takes free codes of its
 * city) and a `township_street` office each under its county government — at most 70 per city,
 * so a city with many counties gets fewer per county.
 */
export async function generateProvince(s: Services, opts: { cities?: number; counties?: number; townshipsPerCounty?: number; code?: string; name?: string; progress?: boolean } = {}): Promise<ProvinceResult> {
  const t0 = performance.now();
  const nCities = opts.cities ?? 14;
  const nCounties = opts.counties ?? 100;
  const code = opts.code ?? '980000';
  const pname = opts.name ?? '青原省';
  if (!/^\d{2}0000$/.test(code)) throw new Error(`province code ${code} must be NN0000`);
  if (nCities > 99 || nCities > CITY_NAMES.length) throw new Error(`at most ${CITY_NAMES.length} cities`);
  if (await s.db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) throw new Error(`region ${code} exists already`);
  const pp = code.slice(0, 2);
  const spread = countySpread(nCities, nCounties);
  if (spread.some((c) => c > 18)) throw new Error('too many counties per city');

  // ── regions ──
  type Reg = { code: string; name: string; level: string; parent: string | null; path: string };
  const regions: Reg[] = [{ code, name: pname, level: 'province', parent: null, path: `/${code}/` }];
  const cityPlan: { name: string; code: string; counties: { name: string; code: string; short: string; towns: { name: string; code: string }[] }[] }[] = [];
  // Township codes follow the city's county codes (…02, …03, …21–…): from …30 (or after the last county) to …99.
  const townStart = (c: number) => Math.max(30, 21 + spread[c] - 1);
  const perCounty = (c: number) => Math.min(opts.townshipsPerCounty ?? 0, Math.floor((100 - townStart(c)) / spread[c]));
  const usedNames = new Set<string>();
  for (let c = 0; c < nCities; c++) {
    const cityCode = `${pp}${String(c + 1).padStart(2, '0')}00`;
    const cityName = `${CITY_NAMES[c]}市`;
    regions.push({ code: cityCode, name: cityName, level: 'city', parent: code, path: `/${code}/${cityCode}/` });
    const counties = [];
    for (let k = 0; k < spread[c]; k++) {
      // Districts 02, 03 (城区), counties 21, 22, … as GB/T 2260 numbers them.
      const district = k < 2;
      const cc = `${pp}${String(c + 1).padStart(2, '0')}${String(district ? k + 2 : 21 + (k - 2)).padStart(2, '0')}`;
      let name: string;
      if (district) name = `${k === 0 ? '东城' : '西城'}区`;
      else {
        let i = c * 7 + k * 3;
        do name = `${SYL_A[i % SYL_A.length]}${SYL_B[Math.floor(i / SYL_A.length) % SYL_B.length]}县`;
        while (usedNames.has(name) && ++i);
        usedNames.add(name);
      }
      regions.push({ code: cc, name, level: 'county', parent: cityCode, path: `/${code}/${cityCode}/${cc}/` });
      const towns: { name: string; code: string }[] = [];
      for (let t = 0; t < perCounty(c); t++) {
        const tc = `${pp}${String(c + 1).padStart(2, '0')}${townStart(c) + k * perCounty(c) + t}`;
        const tname = `${TOWN_A[(k * 5 + t) % TOWN_A.length]}${t < 2 ? '街道' : TOWN_SUFFIX[t % 2]}`;
        towns.push({ name: tname, code: tc });
        regions.push({ code: tc, name: tname, level: 'township', parent: cc, path: `/${code}/${cityCode}/${cc}/${tc}/` });
      }
      counties.push({ name, code: cc, short: name.slice(0, 1), towns });
    }
    cityPlan.push({ name: cityName, code: cityCode, counties });
  }

  // ── orgs: ids reserved, paths computed here ──
  type OrgRow = { id: number; name: string; type: string; region: string; parent: number | null; path: string; category: string | null; order: number };
  const nTowns = spread.reduce((a, n, c) => a + n * perCounty(c), 0);
  const orgsNeeded = 2 + nCities * 10 + nCounties * 10 + nTowns;
  const first = Number((await sql<{ v: string }>`select nextval(pg_get_serial_sequence('orgs', 'id')) as v`.execute(s.db)).rows[0].v);
  await sql`select setval(pg_get_serial_sequence('orgs', 'id'), ${first + orgsNeeded - 1})`.execute(s.db);
  let next = first;
  const rows: OrgRow[] = [];
  const add = (name: string, type: string, region: string, parent: OrgRow | null, category: string | null, order: number): OrgRow => {
    const id = next++;
    const r = { id, name, type, region, parent: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, category, order };
    rows.push(r);
    return r;
  };
  const prov = add(`${pname}人民政府`, 'people_government', code, null, '省政府', 0);
  const provLegal = add(`${pname}司法厅`, 'legal_affairs', code, prov, '省直部门', 0);
  const orgsByLevel = { province: [prov.id, provLegal.id], city: [] as number[], county: [] as number[], township: [] as number[] };
  const townships: ProvinceResult['townships'] = [];
  const cities: City[] = [];
  const depts: Dept[] = [];
  const unit = (place: string, placeShort: string, region: string, parent: OrgRow, level: 'city' | 'county', cityIndex: number, order: number, towns?: { name: string; code: string }[]) => {
    const gov = add(`${place}人民政府`, 'people_government', region, parent, level === 'city' ? '市政府' : '县（市、区）政府', order);
    const category = level === 'city' ? '市直部门' : '县级部门';
    const legal = add(`${place}司法局`, 'legal_affairs', region, gov, category, 0);
    const ds: Dept[] = DEPT_KINDS.map((k, i) => {
      const r = add(`${place}${k.name}`, k.orgType, region, gov, category, i + 1);
      return { id: r.id, kind: k.kind, name: r.name, place, placeShort, level, regionCode: region, path: r.path, cityIndex, governmentId: gov.id };
    });
    depts.push(...ds);
    orgsByLevel[level].push(gov.id, legal.id, ...ds.map((d) => d.id));
    for (const [t, town] of (towns ?? []).entries()) {
      const r = add(`${place}${town.name}${town.name.endsWith('街道') ? '办事处' : '人民政府'}`, 'township_street', town.code, gov, '乡镇（街道）', 20 + t);
      orgsByLevel.township.push(r.id);
      townships.push({ id: r.id, name: r.name, regionCode: town.code, countyGovernmentId: gov.id, path: r.path });
    }
    return { gov, u: { name: `${place}人民政府`, regionCode: region, governmentId: gov.id, legalAffairsId: legal.id, departments: ds } as Unit };
  };
  const shorts = new Set<string>();
  for (const [c, cp] of cityPlan.entries()) {
    const cityShort = cp.name.slice(0, 2);
    shorts.add(cityShort);
    const { gov, u } = unit(cp.name, cityShort, cp.code, prov, 'city', c, c + 1);
    // Abbreviations (document prefixes) are unique in the province: city initial + county initial(s).
    const counties = cp.counties.map((k, i) => {
      let short = `${cityShort.slice(0, 1)}${k.short}`;
      if (shorts.has(short)) short = `${cityShort.slice(0, 1)}${k.name.slice(0, 2)}`;
      shorts.add(short);
      return unit(`${cp.name}${k.name}`, short, k.code, gov, 'county', c, 20 + i, k.towns).u;
    });
    cities.push({ ...u, index: c, counties, subtreeOrgIds: [], governmentPath: gov.path });
  }
  if (next - first !== orgsNeeded) throw new Error(`org count ${next - first} ≠ ${orgsNeeded}`);
  for (const c of cities) c.subtreeOrgIds = rows.filter((r) => r.path.startsWith(c.governmentPath)).map((r) => r.id);

  await s.tx(async (tx) => {
    const regVals: RawBuilder<unknown>[] = regions.map((r) => sql`(${r.code}, ${r.name}, ${r.level}, ${r.parent}, ${r.path})`);
    await sql`insert into regions (code, name, level, parent_code, path) values ${sql.join(regVals)}`.execute(tx);
    // Parents before children (ids ascend along every path), so one statement per 1,000 rows is safe.
    for (let i = 0; i < rows.length; i += 1000) {
      const vals = rows.slice(i, i + 1000).map((r) => sql`(${r.id}, ${r.name}, ${r.type}, ${r.region}, ${r.parent}, ${r.path}, ${r.category}, ${r.order})`);
      await sql`insert into orgs (id, name, org_type, region_code, parent_id, path, assessment_category, sort_order) overriding system value values ${sql.join(vals)}`.execute(tx);
    }
  });
  await sql`analyze regions`.execute(s.db);
  await sql`analyze orgs`.execute(s.db);
  const chosenCity = [...cities].sort((a, b) => b.counties.length - a.counties.length || a.index - b.index)[0];
  const seconds = (performance.now() - t0) / 1000;
  if (opts.progress ?? true) process.stderr.write(`province ${pname}: ${regions.length} regions, ${rows.length} orgs (${depts.length} enforcement departments) in ${seconds.toFixed(1)} s\n`);
  return { province: { code, name: pname, governmentId: prov.id, legalAffairsId: provLegal.id }, cities, orgsByLevel, townships, enforcementDepartments: depts, chosenCity, regions: regions.length, orgs: rows.length, seconds };
}
