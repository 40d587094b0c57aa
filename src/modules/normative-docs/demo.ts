import { sql } from 'kysely';
import type { DemoContext } from '../../core/registry.ts';
import type { Actor } from '../../core/policy/actor.ts';
import { SYSTEM_ACTOR, recordAudit } from '../../core/audit/audit.ts';
import { registerExistingDocument } from './register.ts';
import { startDeadline } from '../../core/calendar/deadlines.ts';
import { ntx } from './schema.ts';
import { formatNumber } from './numbering.ts';
import { addCalendarDays, validityEnd } from './validity.ts';

const ISSUERS: [name: string, docType: 'government' | 'department', pattern: string][] = [
  ['演示市人民政府', 'government', '演示府规〔{year}〕{seq}号'],
  ['演示市司法局', 'department', '演司规〔{year}〕{seq}号'],
  ['演示市生态环境局', 'department', '演环规〔{year}〕{seq}号'],
  ['演示市市场监督管理局', 'department', '演市监规〔{year}〕{seq}号'],
  ['东湖区人民政府', 'government', '东政规〔{year}〕{seq}号'],
];

interface DemoDoc {
  issuer: string;
  drafting?: string;
  title: string;
  body: string[];
  provisional?: boolean;
  affectsRights?: boolean;
  state: 'drafting' | 'comment' | 'published' | 'filed' | 'approved';
  /** Days before today it was published (or the comment period opened). */
  daysAgo: number;
  filedLate?: boolean;
  bases?: string[];
}

const DOCS: DemoDoc[] = [
  {
    issuer: '演示市人民政府',
    drafting: '演示市住房和城乡建设局',
    title: '演示市城市绿化管理办法',
    body: [
      '第一条 为加强城市绿化建设和管理，改善生态环境，根据《城市绿化条例》等有关规定，结合本市实际，制定本办法。',
      '第二条 本办法适用于本市城市规划区内的城市绿化规划、建设、保护和管理。',
      '第三条 市住房和城乡建设局是本市城市绿化行政主管部门，负责本办法的组织实施。',
      '第四条 城市新建居住区绿地面积占建设用地面积的比例应当符合国家和省规定的标准。',
      '第五条 任何单位和个人不得擅自占用城市绿地；因建设需要临时占用的，应当依法办理相关手续并限期恢复。',
      '第六条 本办法自公布之日起施行。',
    ],
    state: 'approved',
    daysAgo: 400,
    bases: ['城市绿化条例'],
  },
  {
    issuer: '演示市人民政府',
    drafting: '演示市住房和城乡建设局',
    title: '演示市住宅小区物业管理暂行办法',
    body: [
      '第一条 为规范住宅小区物业管理活动，维护业主和物业服务企业的合法权益，根据《物业管理条例》，制定本办法。',
      '第二条 物业服务企业应当按照物业服务合同的约定提供服务，并公开服务内容和收费标准。',
      '第三条 业主大会、业主委员会依法履行职责，不得作出与物业管理无关的决定。',
      '第四条 本办法自公布之日起施行，有效期2年。',
    ],
    provisional: true,
    state: 'approved',
    // Two-year validity ending within the reminder window (60 days).
    daysAgo: 700,
    bases: ['物业管理条例'],
  },
  {
    issuer: '演示市生态环境局',
    title: '演示市入河排污口监督管理办法',
    body: [
      '第一条 为加强入河排污口监督管理，保护水环境，根据《中华人民共和国水污染防治法》，制定本办法。',
      '第二条 设置入河排污口的单位，应当按照规定向生态环境主管部门报告排污口位置、排放方式等信息。',
      '第三条 市生态环境局对入河排污口开展监督检查，被检查单位应当如实反映情况，提供必要的资料。',
      '第四条 违反本办法规定的，由生态环境主管部门依照有关法律、法规的规定处理。',
      '第五条 本办法自公布之日起施行。',
    ],
    state: 'published',
    // Published 20 days ago and not filed: the filing deadline is overdue (red).
    daysAgo: 20,
    bases: ['中华人民共和国水污染防治法'],
  },
  {
    issuer: '演示市市场监督管理局',
    title: '演示市市场监督管理局行政处罚裁量权适用规则',
    body: [
      '第一条 为规范行政处罚裁量权的行使，保障公民、法人和其他组织的合法权益，根据《中华人民共和国行政处罚法》，制定本规则。',
      '第二条 行使行政处罚裁量权，应当坚持过罚相当、宽严相济原则。',
      '第三条 当事人有证据足以证明没有主观过错的，不予行政处罚。',
      '第四条 本规则自公布之日起施行。',
    ],
    state: 'filed',
    daysAgo: 10,
    bases: ['中华人民共和国行政处罚法'],
  },
  {
    issuer: '演示市人民政府',
    drafting: '演示市城市管理综合行政执法局',
    title: '演示市养犬管理规定（征求意见稿）',
    body: [
      '第一条 为加强养犬管理，保障公民人身安全和健康，维护市容环境和社会秩序，制定本规定。',
      '第二条 本市城市建成区内个人饲养犬只的，应当为犬只接种狂犬病疫苗，并办理养犬登记。',
      '第三条 携犬出户时，应当为犬只束犬链，由完全民事行为能力人牵引，并主动避让行人。',
      '第四条 违反本规定第三条的，由城市管理部门责令改正，处以二百元以上五百元以下罚款。',
      '第五条 本规定自公布之日起施行。',
    ],
    state: 'comment',
    daysAgo: 5,
    bases: ['中华人民共和国动物防疫法'],
  },
  {
    issuer: '演示市生态环境局',
    title: '演示市生态环境局环境信用评价管理办法',
    body: ['第一条 为推进生态环境领域信用体系建设，制定本办法。', '第二条 环境信用评价结果分为诚信、合格、警示、失信四个等级。', '第三条 本办法自公布之日起施行。'],
    state: 'drafting',
    daysAgo: 0,
  },
];

/**
 * The demo city's normative documents: the announced issuers, and documents at the
 * points of the lifecycle a visitor should see — in force with a passed filing review,
 * one near the end of its validity, one published but not filed (a red deadline), one
 * awaiting filing review, a draft open for public comment and one in drafting. Rows are
 * written as an office's register would give them; the history says they are demo data.
 */
export async function loadNormativeDemo({ services: s, tx, orgByName, userByName }: DemoContext) {
  const t = ntx(tx);
  for (const [name, docType, pattern] of ISSUERS) {
    const orgId = orgByName(name);
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow();
    await t.insertInto('normative_issuers').values({ org_id: orgId, region_code: org.region_code, doc_type: docType, number_pattern: pattern, announced_on: '2026-01-05', announcement: '演司公告〔2026〕1号' }).execute();
  }
  const legalId = userByName('legal');
  const actor = { userId: legalId, username: 'legal', displayName: '演示数据', orgId: orgByName('演示市司法局'), regionCode: '990100', sessionId: '', csrfToken: '', currentOrgId: null, allGrants: [], grants: [], permissions: new Set<string>() } satisfies Actor;
  const today = s.today();
  const legalOffice = orgByName('演示市司法局');
  for (const d of DOCS) {
    const issuerId = orgByName(d.issuer);
    const orgId = d.drafting ? orgByName(d.drafting) : issuerId;
    const [, docType, pattern] = ISSUERS.find(([n]) => n === d.issuer)!;
    const org = await tx.selectFrom('orgs').select('region_code').where('id', '=', orgId).executeTakeFirstOrThrow();
    const body = d.body.join('\n');
    const on = addCalendarDays(today, -d.daysAgo);
    const published = ['published', 'filed', 'approved'].includes(d.state);
    let reg: { number: string; year: number; seq: number } | null = null;
    if (published) {
      const year = Number(on.slice(0, 4));
      await t.insertInto('normative_number_seq').values({ org_id: issuerId, year, last_seq: 1 }).onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ last_seq: sql`normative_number_seq.last_seq + 1` })).execute();
      const seq = (await t.selectFrom('normative_number_seq').select('last_seq').where('org_id', '=', issuerId).where('year', '=', year).executeTakeFirstOrThrow()).last_seq;
      reg = { number: formatNumber(pattern, year, seq), year, seq };
    }
    const doc = await registerExistingDocument(
      s,
      tx,
      actor,
      {
        org_id: orgId,
        region_code: org.region_code,
        issuer_org_id: issuerId,
        title: d.title,
        doc_type: docType,
        provisional: d.provisional ?? false,
        affects_rights: d.affectsRights ?? true,
        body,
        legal_bases: d.bases ?? [],
        status: d.state,
        comment_from: d.state === 'comment' ? on : published ? addCalendarDays(on, -60) : null,
        comment_until: d.state === 'comment' ? addCalendarDays(on, 29) : published ? addCalendarDays(on, -31) : null,
        reg_number: reg?.number ?? null,
        reg_year: reg?.year ?? null,
        reg_seq: reg?.seq ?? null,
        published_on: published ? on : null,
        effective_on: published ? on : null,
        expires_on: published ? validityEnd(on, d.provisional ? 2 : 5) : null,
        created_by: legalId,
      },
      { note: '演示数据', by: null },
    );
    if (published) {
      await t.insertInto('normative_reviews').values({ document_id: doc.id, org_id: orgId, reviewer_id: legalId, outcome: 'pass', checklist: JSON.stringify({ issuer: true, authority: true, basis: true, content: true, procedure: true }), opinion: '经审查，制定主体、权限、依据、内容和程序合法。' }).execute();
      await t.insertInto('normative_decisions').values({ document_id: doc.id, org_id: orgId, meeting: docType === 'government' ? '市政府常务会议' : '局领导班子会议', meeting_date: addCalendarDays(on, -7), decision: '审议通过', recorded_by: legalId }).execute();
    }
    if (d.state === 'published') {
      // The filing clock runs from the day of publication.
      await startDeadline(s, tx, SYSTEM_ACTOR, { module: 'normative', kind: 'normative.filing', title: `报送备案：${d.title}`, subjectType: 'normative_document', subjectId: doc.id, instanceId: doc.instance_id, orgId, regionCode: org.region_code, startDate: on, ruleKey: 'normative.filing_days' });
    }
    if (d.state === 'filed' || d.state === 'approved') {
      const filedOn = addCalendarDays(on, 5);
      await t
        .insertInto('normative_filings')
        .values({ document_id: doc.id, org_id: issuerId, filed_to_org_id: legalOffice, region_code: org.region_code, filed_on: filedOn, due_on: addCalendarDays(on, 15), on_time: true, report: `现将${reg!.number}报送备案。`, explanation: '起草说明：制定背景、依据和主要内容。', filed_by: legalId, outcome: d.state === 'approved' ? 'approved' : null, opinion: d.state === 'approved' ? '经审查，予以备案。' : null, reviewed_by: d.state === 'approved' ? legalId : null, reviewed_on: d.state === 'approved' ? addCalendarDays(filedOn, 10) : null })
        .execute();
    }
    if (d.state === 'comment') {
      await t.insertInto('normative_comments').values({ document_id: doc.id, org_id: orgId, region_code: org.region_code, paragraph: 3, content: '建议区分初次违法和多次违法，初次违法且及时改正的可以不予处罚。', commenter: '张建华' }).execute();
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'normative.demo', entityType: 'normative_document', entityId: doc.id, orgId, after: { title: d.title, status: d.state, reg_number: reg?.number ?? null } });
  }
}
