import type { Services } from '../services.ts';
import type { Tx } from '../db/client.ts';
import type { DataScope, OrgType } from '../db/tables.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit.ts';
import { createUserTx } from '../users/service.ts';

/** The demo password of every demo user (listed in the README). */
export const DEMO_PASSWORD = 'Fazhi@2026demo';

/**
 * A fictional city. Codes 99xxxx are unassigned in GB/T 2260, so they cannot be mistaken
 * for a real place. Townships have 9-digit codes in GB/T 10114; Fazhi keys regions by 6
 * digits, so demo townships take free codes 9901 71–76 of the city block.
 */
const REGIONS: [code: string, name: string, level: 'province' | 'city' | 'county' | 'township', parent: string | null][] = [
  ['990000', '演示省', 'province', null],
  ['990100', '演示市', 'city', '990000'],
  ['990102', '东湖区', 'county', '990100'],
  ['990121', '清河县', 'county', '990100'],
  ['990122', '平山县', 'county', '990100'],
  ['990171', '湖滨街道', 'township', '990102'],
  ['990172', '东湖镇', 'township', '990102'],
  ['990173', '清河镇', 'township', '990121'],
  ['990174', '柳林乡', 'township', '990121'],
  ['990175', '平山镇', 'township', '990122'],
  ['990176', '石门乡', 'township', '990122'],
];

interface OrgSeed {
  name: string;
  type: OrgType;
  region: string;
  category?: string;
  children?: OrgSeed[];
}

const CITY_DEPARTMENTS: OrgSeed[] = [
  { name: '演示市人民政府办公室', type: 'government_department', region: '990100', category: '市直部门' },
  { name: '演示市司法局', type: 'legal_affairs', region: '990100', category: '市直部门' },
  ...['发展和改革委员会', '教育局', '财政局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '交通运输局', '卫生健康委员会', '市场监督管理局', '应急管理局'].map(
    (n): OrgSeed => ({ name: `演示市${n}`, type: 'government_department', region: '990100', category: '市直部门' }),
  ),
  { name: '演示市城市管理综合行政执法局', type: 'enforcement_agency', region: '990100', category: '市直部门' },
  { name: '演示市住房公积金管理中心', type: 'authorized_organization', region: '990100', category: '市直部门' },
];

function county(name: string, region: string, townships: [string, string][]): OrgSeed {
  return {
    name: `${name}人民政府`,
    type: 'people_government',
    region,
    category: '县（市、区）政府',
    children: [
      { name: `${name}司法局`, type: 'legal_affairs', region, category: '县级部门' },
      { name: `${name}市场监督管理局`, type: 'government_department', region, category: '县级部门' },
      { name: `${name}综合行政执法局`, type: 'enforcement_agency', region, category: '县级部门' },
      ...townships.map(([t, code]): OrgSeed => ({ name: t.endsWith('街道') ? `${t}办事处` : `${t}人民政府`, type: 'township_street', region: code, category: '乡镇（街道）' })),
    ],
  };
}

const ORG_TREE: OrgSeed = {
  name: '演示市人民政府',
  type: 'people_government',
  region: '990100',
  category: '市政府',
  children: [
    ...CITY_DEPARTMENTS,
    county('东湖区', '990102', [['湖滨街道', '990171'], ['东湖镇', '990172']]),
    county('清河县', '990121', [['清河镇', '990173'], ['柳林乡', '990174']]),
    county('平山县', '990122', [['平山镇', '990175'], ['石门乡', '990176']]),
  ],
};

/** One demo user per persona of DESIGN.md §2. */
export const DEMO_USERS: { username: string; name: string; title: string; org: string; grants: [role: string, org: string, scope: DataScope][] }[] = [
  { username: 'admin', name: '王建国', title: '系统管理员', org: '演示市人民政府办公室', grants: [['sys_admin', '演示市人民政府', 'all']] },
  { username: 'auditor', name: '审计员李静', title: '安全审计员', org: '演示市人民政府办公室', grants: [['security_auditor', '演示市人民政府', 'all']] },
  { username: 'legal', name: '陈法明', title: '法制科科长', org: '演示市司法局', grants: [['legal_affairs', '演示市司法局', 'region'], ['assessment_office', '演示市人民政府办公室', 'region']] },
  { username: 'officer', name: '赵执法', title: '执法队员', org: '演示市市场监督管理局', grants: [['enforcement_officer', '演示市市场监督管理局', 'own']] },
  { username: 'reviewer', name: '孙审核', title: '法制审核员', org: '演示市市场监督管理局', grants: [['legal_reviewer', '演示市市场监督管理局', 'own']] },
  { username: 'leader', name: '周市长', title: '副市长', org: '演示市人民政府', grants: [['leader', '演示市人民政府', 'subtree']] },
  { username: 'assessor', name: '吴考核', title: '考核办干部', org: '演示市人民政府办公室', grants: [['assessment_office', '演示市人民政府', 'region']] },
  { username: 'county_legal', name: '郑县法', title: '区司法局干部', org: '东湖区司法局', grants: [['legal_affairs', '东湖区司法局', 'region']] },
  { username: 'staff', name: '钱科员', title: '科员', org: '演示市生态环境局', grants: [['staff', '演示市生态环境局', 'own']] },
  // An external expert of the government's pool; the decisions demo links the account to the pool entry.
  { username: 'expert', name: '郑筑城', title: '论证专家（市建筑设计研究院）', org: '演示市人民政府', grants: [['expert', '演示市人民政府', 'own']] },
];

export async function hasData(s: Services): Promise<boolean> {
  return !!(await s.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst());
}

async function insertOrg(tx: Tx, seed: OrgSeed, parent: { id: number; path: string } | null, ids: Map<string, number>, order: number) {
  const row = await tx
    .insertInto('orgs')
    .values({ name: seed.name, org_type: seed.type, region_code: seed.region, parent_id: parent?.id ?? null, path: '/', assessment_category: seed.category ?? null, sort_order: order })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = `${parent?.path ?? '/'}${row.id}/`;
  await tx.updateTable('orgs').set({ path: p }).where('id', '=', row.id).execute();
  ids.set(seed.name, row.id);
  for (const [i, c] of (seed.children ?? []).entries()) await insertOrg(tx, c, { id: row.id, path: p }, ids, i);
}

/** Loads the demo city, then each module's demo data, in one transaction. */
export async function loadDemo(s: Services) {
  await s.tx(async (tx) => {
    for (const [code, name, level, parent] of REGIONS) {
      const parentPath = parent ? (await tx.selectFrom('regions').select('path').where('code', '=', parent).executeTakeFirstOrThrow()).path : '/';
      await tx.insertInto('regions').values({ code, name, level, parent_code: parent, path: `${parentPath}${code}/` }).execute();
    }
    const orgIds = new Map<string, number>();
    await insertOrg(tx, ORG_TREE, null, orgIds, 0);
    const roles = new Map((await tx.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    const userIds = new Map<string, number>();
    for (const u of DEMO_USERS) {
      const row = await createUserTx(s, tx, SYSTEM_ACTOR, {
        username: u.username,
        displayName: u.name,
        title: u.title,
        orgId: orgIds.get(u.org)!,
        password: DEMO_PASSWORD,
        grants: u.grants.map(([role, org, scope]) => ({ roleId: roles.get(role)!, orgId: orgIds.get(org)!, scope })),
      });
      userIds.set(u.username, row.id);
    }
    const title = JSON.stringify('演示市法治政府建设公众服务平台');
    await tx.insertInto('app_meta').values({ key: 'portal_title', value: title }).onConflict((oc) => oc.column('key').doUpdateSet({ value: title })).execute();
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.load', entityType: 'demo', after: { regions: REGIONS.length, orgs: orgIds.size, users: userIds.size } });
    for (const m of s.registry.modules) {
      if (!m.demo) continue;
      await m.demo({
        services: s,
        tx,
        orgByName: (n) => orgIds.get(n) ?? (() => { throw new Error(`demo org ${n} unknown`); })(),
        userByName: (n) => userIds.get(n) ?? (() => { throw new Error(`demo user ${n} unknown`); })(),
      });
    }
  });
}
