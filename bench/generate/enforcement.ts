import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Services } from '../../src/core/services.ts';
import { civilDate, formatDayNumber, parseIsoDate } from '../../src/core/calendar/dates.ts';
import { deadlineUnitOf } from '../../src/core/calendar/deadlines.ts';
import { resolveRule } from '../../src/core/rules/service.ts';
import { sealParty, type SealedParty } from '../../src/core/crypto/personal.ts';
import { sm3 } from '../../src/core/crypto/sm.ts';
import { canonicalJson } from '../../src/core/audit/canonical.ts';
import { hearingRight, lateSurchargeFen, legalReviewReasons, toFen, fromFen } from '../../src/modules/enforcement/penalty-rules.ts';
import { REVIEW_CHECKLIST } from '../../src/modules/enforcement/checklist.ts';
import { mulberry32 } from './normative.ts';
import { DEPT_KINDS, type Dept, type EnforcementDeptKind, type ProvinceResult } from './province.ts';

/**
 * Generated enforcement data for the benchmarks, on a province from ./province.ts:
 *  - per enforcement department an `enforcement_subjects` row, 5 penalty powers with 2–3
 *    benchmark bands each, 6 certified officers;
 *  - `n` general-procedure penalty cases filed over the 2 years up to today, in filing
 *    order (case numbers run per subject and year), spread over the departments by kind
 *    (市场监管 and 综合执法 busiest, city departments × 1.5), with a state mix that follows
 *    their age (older ones nearly all closed; the open states in the last months), and
 *    fields consistent with the state: notice, proposed fine, hearing right (from the rule
 *    thresholds), decision number / date / fine inside the cited band, publicity, service,
 *    payment due (statutory calendar), payment with surcharge when late, closing;
 *  - per case: two `enforcement_case_officers`, one `procedure_instances` row (procedure
 *    'enforcement.case', state = status) with `instance_id` set, the `enforcement.decision`
 *    deadline (90 calendar days from filing, rolled forward; closed at the decision /
 *    transfer / withdrawal, open otherwise — overdue when older than 90 days), the open
 *    deadline of the current step (statement / legal review / service / payment / publicity), and the
 *    records filing + action (+ notice, hearing request + hearing, legal review, collective
 *    discussion, decision, transfer as reached) with their SM3 digests as appendRecord
 *    computes them; `enforcement_reviews` for cases that needed 法制审核 (≈ 10 %),
 *    `enforcement_publicity` and `enforcement_payments` where they apply.
 *
 * Not generated (not read by the enforcement benchmark): procedure_history, audit_log,
 * deadline_events, closed deadlines of intermediate steps, service / payment / closing
 * records. Party data comes from a small pool sealed once with `sealParty` (the app's key).
 *
 * Method: the per-case plan (ids, dates, amounts, numbers) is computed here and sent per
 * batch as one JSON parameter into a temporary table; each target table is then one
 * INSERT … SELECT from it (texts composed in SQL), all on one pinned connection, one
 * transaction per batch. Records, reviews and the extra deadlines go as JSON recordsets.
 */

export interface EnforcementGenOptions {
  seed?: number;
  /** Cases per batch / transaction (default 10,000). */
  batch?: number;
  progress?: boolean;
  label?: string;
  /** Days back from today over which cases are filed (default 730). */
  spanDays?: number;
  /** Skip the foreign-key triggers during the load (session_replication_role = replica; default true). */
  skipForeignKeyChecks?: boolean;
  /** Called after every batch with the cases written so far (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface EnforcementGenResult {
  cases: number;
  subjects: number;
  powers: number;
  benchmarks: number;
  officers: number;
  rows: Record<string, number>;
  statusMix: Record<string, number>;
  /** Cases with a hearing record / with a legal review row, share of all cases. */
  hearingShare: number;
  reviewShare: number;
  /** Open decision deadlines past due, cases decided after the deadline. */
  overdueOpen: number;
  decidedLate: number;
  setupSeconds: number;
  /** Wall time of the case batches (plan + inserts), seconds. */
  seconds: number;
  analyzeSeconds: number;
  casesPerSec: number;
  /** Milliseconds spent per statement kind over all batches. */
  timings: Record<string, number>;
  /** Whether the foreign-key triggers were skipped during the load. */
  fkChecksSkipped: boolean;
  firstCaseId: number;
  lastCaseId: number;
}

type Band = [band: string, circumstances: string, min: number | null, max: number];
interface PowerSeed {
  code: string;
  name: string;
  violation: string;
  basis: string;
  bands: Band[];
}

const P = (code: string, name: string, violation: string, basis: string, bands: Band[]): PowerSeed => ({ code, name: `对${name}的行政处罚`, violation, basis, bands });
const MILD: Band = ['轻微', '初次违法且危害后果轻微并及时改正', null, 0];

/** Five penalty powers per kind of department; the fifth carries the large fines (hearing, legal review). */
export const POWERS: Record<EnforcementDeptKind, PowerSeed[]> = {
  samr: [
    P('CF-JG-001', '经营者不按规定明码标价', '未按规定明码标价', '《中华人民共和国价格法》第十三条、第四十二条', [MILD, ['一般', '未明码标价商品较少，能够配合调查', 500, 2000], ['较重', '经责令改正拒不改正，或涉及民生商品', 2000, 5000]]),
    P('CF-ZL-002', '销售不符合保障人体健康和人身、财产安全标准的产品', '销售不合格产品', '《中华人民共和国产品质量法》第四十九条', [['一般', '货值金额较小，及时下架召回', 3000, 10000], ['较重', '货值金额较大或造成一定后果', 10000, 30000]]),
    P('CF-GG-003', '发布虚假广告', '发布虚假广告', '《中华人民共和国广告法》第二十八条、第五十五条', [['一般', '广告费用较低，影响范围较小', 5000, 20000], ['较重', '广告费用较高或多次发布', 20000, 60000]]),
    P('CF-DJ-004', '企业未按规定公示年度报告', '未按规定公示年度报告', '《企业信息公示暂行条例》第八条、第十八条', [MILD, ['一般', '逾期未公示，经催告后补报', 1000, 5000]]),
    P('CF-SP-005', '未取得食品经营许可从事食品经营活动', '未取得食品经营许可从事食品经营活动', '《中华人民共和国食品安全法》第三十五条、第一百二十二条', [['一般', '货值金额不足一万元，经营时间短', 50000, 100000], ['较重', '货值金额不足一万元，经营时间长或拒不改正', 100000, 200000], ['严重', '货值金额一万元以上', 200000, 500000]]),
  ],
  ecology: [
    P('CF-HJ-001', '未按规定设置危险废物识别标志', '未设置危险废物识别标志', '《中华人民共和国固体废物污染环境防治法》第七十七条、第一百一十二条', [['一般', '及时改正，未造成污染', 1000, 10000], ['较重', '拒不改正', 10000, 50000]]),
    P('CF-HJ-002', '建设项目环境保护设施未验收即投入生产', '环境保护设施未经验收即投入生产', '《建设项目环境保护管理条例》第二十三条', [['一般', '主动停止生产，及时申请验收', 20000, 50000], ['较重', '经责令改正拒不改正', 50000, 100000]]),
    P('CF-HJ-003', '未按规定公开排污信息', '未按规定公开排污信息', '《企业环境信息依法披露管理办法》', [MILD, ['一般', '逾期公开', 1000, 10000]]),
    P('CF-HJ-004', '夜间建筑施工噪声扰民', '夜间施工产生噪声污染', '《中华人民共和国噪声污染防治法》第四十三条、第七十七条', [['一般', '初次被投诉', 1000, 10000], ['较重', '多次被投诉或拒不改正', 10000, 100000]]),
    P('CF-HJ-005', '超过大气污染物排放标准排放大气污染物', '超标排放大气污染物', '《中华人民共和国大气污染防治法》第十八条、第九十九条', [['一般', '超标倍数较低，及时改正', 100000, 300000], ['较重', '超标倍数较高', 300000, 600000], ['严重', '拒不改正或造成严重污染', 600000, 1000000]]),
  ],
  urban: [
    P('CF-RQ-001', '擅自占用城市道路摆摊设点', '擅自占用城市道路摆摊设点', '《城市市容和环境卫生管理条例》第十四条、第三十六条', [MILD, ['一般', '经劝导后仍占道经营', 50, 200]]),
    P('CF-RQ-002', '随意倾倒、抛撒建筑垃圾', '随意倾倒建筑垃圾', '《城市建筑垃圾管理规定》第十五条、第二十六条', [['一般', '数量较少，及时清理', 5000, 20000], ['较重', '数量较大或拒不清理', 20000, 50000]]),
    P('CF-RQ-003', '未经批准擅自设置户外广告设施', '未经批准擅自设置户外广告设施', '《城市市容和环境卫生管理条例》第十一条、第三十六条', [['一般', '面积较小，及时拆除', 500, 2000], ['较重', '面积较大或拒不拆除', 2000, 5000]]),
    P('CF-LH-004', '擅自砍伐城市树木', '擅自砍伐城市树木', '《城市绿化条例》第二十条、第二十六条', [['一般', '砍伐数量较少', 1000, 5000], ['较重', '砍伐数量较多或古树名木周边', 5000, 10000]]),
    P('CF-GH-005', '未取得建设工程规划许可证进行建设', '未取得建设工程规划许可证进行建设', '《中华人民共和国城乡规划法》第四十条、第六十四条', [['一般', '尚可采取改正措施消除影响', 50000, 100000], ['较重', '影响较大，限期改正', 100000, 300000], ['严重', '无法采取改正措施消除影响', 300000, 800000]]),
  ],
  transport: [
    P('CF-YS-001', '道路运输车辆未按规定维护和检测', '未按规定维护和检测运输车辆', '《中华人民共和国道路运输条例》第三十二条、第七十条', [['一般', '初次发现', 1000, 3000], ['较重', '多次发现', 3000, 5000]]),
    P('CF-YS-002', '客运车辆不按批准的客运站点停靠', '客运车辆不按批准的客运站点停靠', '《中华人民共和国道路运输条例》第六十八条', [['一般', '初次发现', 1000, 2000], ['较重', '多次发现', 2000, 3000]]),
    P('CF-CZ-003', '巡游出租汽车驾驶员拒载', '巡游出租汽车驾驶员拒载', '《巡游出租汽车经营服务管理规定》第四十三条', [MILD, ['一般', '初次被投诉', 200, 500]]),
    P('CF-LZ-004', '车辆超限擅自行驶公路', '车辆超限擅自行驶公路', '《公路安全保护条例》第三十五条、第六十四条', [['一般', '超限幅度较小', 500, 5000], ['较重', '超限幅度较大', 5000, 30000]]),
    P('CF-YS-005', '未取得道路运输经营许可擅自从事道路客运经营', '未取得道路运输经营许可擅自从事道路客运经营', '《中华人民共和国道路运输条例》第十条、第六十三条', [['一般', '违法所得不足二万元', 10000, 50000], ['较重', '违法所得二万元以上', 50000, 100000], ['严重', '造成严重后果', 100000, 200000]]),
  ],
  emergency: [
    P('CF-AQ-001', '未按规定对从业人员进行安全生产教育和培训', '未对从业人员进行安全生产教育和培训', '《中华人民共和国安全生产法》第二十八条、第九十七条', [['一般', '及时改正', 2000, 20000], ['较重', '逾期未改正', 20000, 100000]]),
    P('CF-AQ-002', '未建立事故隐患排查治理制度', '未建立事故隐患排查治理制度', '《中华人民共和国安全生产法》第四十一条、第一百零一条', [['一般', '及时改正', 5000, 30000], ['较重', '逾期未改正', 30000, 100000]]),
    P('CF-AQ-003', '未在有较大危险因素的场所设置安全警示标志', '未设置明显的安全警示标志', '《中华人民共和国安全生产法》第三十五条、第九十九条', [['一般', '及时改正', 2000, 20000], ['较重', '逾期未改正', 20000, 50000]]),
    P('CF-WH-004', '危险化学品经营企业未如实记录购买单位信息', '未如实记录危险化学品购买信息', '《危险化学品安全管理条例》第四十一条、第八十一条', [MILD, ['一般', '记录不全', 1000, 5000]]),
    P('CF-WH-005', '未取得危险化学品经营许可证经营危险化学品', '未取得危险化学品经营许可证经营危险化学品', '《危险化学品安全管理条例》第三十三条、第七十七条', [['一般', '经营数量较少', 100000, 200000], ['较重', '经营数量较大', 200000, 500000]]),
  ],
  health: [
    P('CF-GW-001', '公共场所经营者未取得卫生许可证', '未取得公共场所卫生许可证擅自营业', '《公共场所卫生管理条例实施细则》第二十二条、第三十五条', [['一般', '营业时间较短', 500, 2000], ['较重', '营业时间较长或拒不改正', 2000, 5000]]),
    P('CF-YZ-002', '医疗机构使用非卫生技术人员从事医疗卫生技术工作', '使用非卫生技术人员从事医疗卫生技术工作', '《医疗机构管理条例》第二十七条、第四十七条', [['一般', '人数较少、时间较短', 5000, 15000], ['较重', '人数较多或时间较长', 15000, 30000]]),
    P('CF-KY-003', '在禁止吸烟场所吸烟', '在禁止吸烟场所吸烟', '《公共场所卫生管理条例实施细则》第十八条', [MILD, ['一般', '经劝阻拒不改正', 50, 200]]),
    P('CF-YS-004', '供应不符合卫生标准的生活饮用水', '供应不符合卫生标准的生活饮用水', '《中华人民共和国传染病防治法》第二十九条、第七十三条', [['一般', '及时整改', 5000, 20000], ['较重', '造成一定影响', 20000, 50000]]),
    P('CF-YZ-005', '未取得医疗机构执业许可证擅自执业', '未取得医疗机构执业许可证擅自执业', '《中华人民共和国基本医疗卫生与健康促进法》第三十八条、第九十九条', [['一般', '违法所得不足一万元', 50000, 100000], ['较重', '违法所得一万元以上', 100000, 300000]]),
  ],
  land: [
    P('CF-TD-001', '非法占用土地', '非法占用土地', '《中华人民共和国土地管理法》第四十四条、第七十七条', [['一般', '占用面积较小，及时退还', 5000, 30000], ['较重', '占用面积较大', 30000, 100000]]),
    P('CF-TD-002', '擅自转让集体土地使用权', '擅自转让集体土地使用权', '《中华人民共和国土地管理法》第八十二条', [['一般', '面积较小', 5000, 20000], ['较重', '面积较大', 20000, 50000]]),
    P('CF-KC-003', '无证开采矿产资源', '无证开采矿产资源', '《中华人民共和国矿产资源法》第三条、第三十九条', [['一般', '开采量较小', 10000, 50000], ['较重', '开采量较大', 50000, 100000]]),
    P('CF-CH-004', '测绘单位超越资质等级许可的范围从事测绘活动', '超越资质等级许可的范围从事测绘活动', '《中华人民共和国测绘法》第二十七条、第五十五条', [MILD, ['一般', '合同金额较小', 1000, 10000]]),
    P('CF-GD-005', '破坏耕地种植条件', '破坏耕地种植条件', '《中华人民共和国土地管理法》第三十七条、第七十五条', [['一般', '面积较小，及时复垦', 50000, 100000], ['较重', '面积较大', 100000, 300000], ['严重', '永久基本农田', 300000, 500000]]),
  ],
  agriculture: [
    P('CF-NY-001', '经营假农药', '经营假农药', '《农药管理条例》第四十四条、第五十五条', [['一般', '货值金额较小', 5000, 20000], ['较重', '货值金额较大', 20000, 50000]]),
    P('CF-SY-002', '无兽药经营许可证经营兽药', '无证经营兽药', '《兽药管理条例》第二十二条、第五十六条', [['一般', '货值金额较小', 2000, 10000], ['较重', '货值金额较大', 10000, 30000]]),
    P('CF-YY-003', '在禁渔期内进行捕捞', '在禁渔期内进行捕捞', '《中华人民共和国渔业法》第三十条、第三十八条', [MILD, ['一般', '渔获物较少', 500, 5000]]),
    P('CF-ZZ-004', '经营劣种子', '经营劣种子', '《中华人民共和国种子法》第四十八条、第七十五条', [['一般', '货值金额较小', 2000, 20000], ['较重', '货值金额较大', 20000, 50000]]),
    P('CF-SY-005', '生产经营假兽药', '生产经营假兽药', '《兽药管理条例》第四十七条、第五十六条', [['一般', '货值金额较小', 50000, 100000], ['较重', '货值金额较大', 100000, 300000]]),
  ],
};

/** Relative case volume per kind of department. */
const KIND_WEIGHT: Record<EnforcementDeptKind, number> = { samr: 25, urban: 22, transport: 14, ecology: 10, emergency: 9, health: 8, land: 6, agriculture: 6 };
const DOMAINS: Record<EnforcementDeptKind, string[]> = { samr: ['市场监管', '食品安全', '价格'], ecology: ['生态环境'], urban: ['市容环境', '城市管理'], transport: ['交通运输'], emergency: ['安全生产'], health: ['卫生健康'], land: ['自然资源', '规划'], agriculture: ['农业农村', '渔业'] };

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅宁波斌浩凯文晨阳雪婷宇欣怡子涵佳琪思远志强海燕春花德胜晓东立新'];
const FIRM_WORDS = ['鑫源', '恒通', '华盛', '永安', '宏达', '天泽', '瑞丰', '嘉和', '金鼎', '润泽', '博远', '新星', '兴隆', '德顺', '安康', '万家', '益民', '顺达', '信诚', '佳美'];
const FIRM_TRADES = ['商贸', '食品', '建筑工程', '物流', '运输', '化工', '餐饮管理', '医疗器械', '农资', '机械制造', '环保科技', '物业服务', '汽车服务', '建材', '广告传媒'];
const ROADS = ['人民路', '解放路', '建设路', '中山路', '和平路', '新华路', '胜利路', '文化路', '工业大道', '滨河路'];
const OFFICER_GIVEN = ['志刚', '建华', '海涛', '晓明', '丽萍', '文博', '国庆', '春雷', '秀英', '卫东', '红霞', '振宇', '静怡', '立军', '雅琴', '俊杰'];
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCode(region: string, rnd: () => number): string {
  let body = `91${region}`;
  for (let i = 0; i < 9; i++) body += CREDIT_CHARS[Math.floor(rnd() * CREDIT_CHARS.length)];
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(body[i]) * w[i];
  return body + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

function idNumber(region: string, rnd: () => number): string {
  const y = 1955 + Math.floor(rnd() * 48);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * w[i];
  return body + '10X98765432'[sum % 11];
}

/** State by age (days since filing): the open states sit in the last months. */
const MIX: [maxAge: number, states: [string, number][]][] = [
  [30, [['investigation', 70], ['notified', 15], ['review', 5], ['deciding', 3], ['decided', 3], ['served', 2], ['transferred', 1], ['withdrawn', 1]]],
  [90, [['investigation', 12], ['notified', 6], ['review', 5], ['deciding', 4], ['decided', 4], ['served', 20], ['executed', 10], ['closed', 35], ['transferred', 2], ['withdrawn', 2]]],
  [200, [['investigation', 2], ['notified', 0.5], ['review', 0.5], ['deciding', 0.5], ['decided', 0.5], ['served', 3], ['enforcing', 2], ['executed', 4], ['closed', 83], ['transferred', 2], ['withdrawn', 2]]],
  [Infinity, [['enforcing', 1], ['executed', 0.5], ['served', 0.3], ['closed', 94.7], ['transferred', 2], ['withdrawn', 1.5]]],
];
const ORDER = ['investigation', 'notified', 'review', 'deciding', 'decided', 'served', 'enforcing', 'executed', 'closed'];
const reached = (status: string, step: string) => ORDER.indexOf(status) >= ORDER.indexOf(step);

interface PowerRef {
  id: number;
  violation: string;
  basis: string;
  name: string;
  bands: { id: number; band: string; circumstances: string; min: number | null; max: number }[];
}
interface DeptRef extends Dept {
  prefix: string;
  weight: number;
  powers: PowerRef[];
  officers: number[];
}

export async function generateEnforcementData(s: Services, province: ProvinceResult, n: number, opts: EnforcementGenOptions = {}): Promise<EnforcementGenResult> {
  const tSetup = performance.now();
  const batchSize = opts.batch ?? 10_000;
  const progress = opts.progress ?? true;
  const label = opts.label ? `[${opts.label}] ` : '';
  const rnd = mulberry32(opts.seed ?? 20261124);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const log = (msg: string) => progress && process.stderr.write(`${label}${msg}\n`);

  const today = s.today();
  const todayN = parseIsoDate(today);
  const span = opts.spanDays ?? 730;
  const region = province.province.code;
  const cal = await s.calendar.get();
  const rule = async (key: string) => {
    const r = await resolveRule(s.db, key, region, today);
    return { key, value: Number(r.value), unit: r.unit };
  };
  const decisionRule = await rule('enforcement.decision_days');
  const statementRule = await rule('enforcement.hearing_request_working_days');
  const reviewRule = await rule('enforcement.legal_review_working_days');
  const serviceRule = await rule('enforcement.service_working_days');
  const paymentRule = await rule('enforcement.fine_payment_days');
  const publicityRule = await rule('enforcement.publicity_working_days');
  const surchargePct = (await rule('enforcement.late_surcharge_percent_per_day')).value;
  const hearingT = { person: (await rule('enforcement.hearing_fine_person')).value, org: (await rule('enforcement.hearing_fine_org')).value };
  const reviewT = { person: (await rule('enforcement.legal_review_fine_person')).value, org: (await rule('enforcement.legal_review_fine_org')).value };
  const dueMemo = new Map<string, number>();
  /** Due day (day number) of a period of `rule` starting on day `from`, by the app's statutory calendar. */
  const due = (r: { value: number; unit: string }, from: number) => {
    const k = `${from}|${r.value}|${r.unit}`;
    let d = dueMemo.get(k);
    if (d === undefined) {
      d = parseIsoDate(cal.add(formatDayNumber(from), r.value, deadlineUnitOf(r.unit)).due);
      dueMemo.set(k, d);
    }
    return d;
  };
  const iso = (d: number | null | undefined) => (d == null ? null : formatDayNumber(d));

  // ── subjects, powers, bands, officers (multi-row INSERTs with RETURNING) ──
  const depts: DeptRef[] = province.enforcementDepartments.map((d) => ({ ...d, prefix: d.placeShort + DEPT_KINDS.find((k) => k.kind === d.kind)!.short, weight: KIND_WEIGHT[d.kind] * (d.level === 'city' ? 1.5 : 1), powers: [], officers: [] }));
  const prefixes = new Set(depts.map((d) => d.prefix));
  if (prefixes.size !== depts.length) throw new Error('document prefixes are not unique');
  let nBands = 0;
  await s.tx(async (tx) => {
    for (let i = 0; i < depts.length; i += 500) {
      const vals = depts.slice(i, i + 500).map((d) => sql`(${d.id}, ${d.regionCode}, 'statutory', ${`${DEPT_BASIS[d.kind]}；${d.place}人民政府关于公布行政执法主体名单的公告`}, ${`{${DOMAINS[d.kind].join(',')}}`}::text[], ${d.prefix}, ${formatDayNumber(todayN - span - 400)}, ${`${d.place}人民政府关于公布行政执法主体名单的公告`})`);
      await sql`insert into enforcement_subjects (org_id, region_code, kind, legal_basis, domains, doc_prefix, announced_on, announcement) values ${sql.join(vals)}`.execute(tx);
    }
    const powerRows: { dept: DeptRef; seed: PowerSeed }[] = depts.flatMap((d) => POWERS[d.kind].map((seed) => ({ dept: d, seed })));
    for (let i = 0; i < powerRows.length; i += 1000) {
      const chunk = powerRows.slice(i, i + 1000);
      const vals = chunk.map(({ dept, seed }) => sql`(${dept.id}, ${dept.regionCode}, ${seed.code}, ${seed.name}, 'penalty', ${seed.basis}, ${'执法' + (DEPT_UNIT[dept.kind] ?? '') + '科'}, ${'{立案责任,调查取证责任,告知责任,决定责任,送达责任,执行责任}'}::text[])`);
      const ids = (await sql<{ id: number }>`insert into enforcement_powers (org_id, region_code, code, name, power_type, legal_basis, internal_unit, responsibility_items) values ${sql.join(vals)} returning id`.execute(tx)).rows;
      chunk.forEach((c, k) => c.dept.powers.push({ id: ids[k].id, violation: c.seed.violation, basis: c.seed.basis, name: c.seed.name, bands: [] }));
    }
    const bandRows: { power: PowerRef; dept: DeptRef; b: Band; order: number }[] = [];
    for (const d of depts) for (const [pi, p] of d.powers.entries()) POWERS[d.kind][pi].bands.forEach((b, order) => bandRows.push({ power: p, dept: d, b, order }));
    for (let i = 0; i < bandRows.length; i += 1000) {
      const chunk = bandRows.slice(i, i + 1000);
      const vals = chunk.map(({ power, dept, b, order }) => sql`(${power.id}, ${dept.id}, ${dept.regionCode}, ${b[0]}, ${b[1]}, ${b[2]}, ${b[3]}, ${b[3] === 0 ? '警告（首违不罚的，不予行政处罚）' : null}, ${order})`);
      const ids = (await sql<{ id: number }>`insert into enforcement_benchmarks (power_id, org_id, region_code, band, circumstances, fine_min, fine_max, other_penalties, sort_order) values ${sql.join(vals)} returning id`.execute(tx)).rows;
      chunk.forEach((c, k) => c.power.bands.push({ id: ids[k].id, band: c.b[0], circumstances: c.b[1], min: c.b[2], max: c.b[3] }));
    }
    nBands = bandRows.length;
    const officerRows: { dept: DeptRef; k: number; name: string }[] = [];
    for (const d of depts) for (let k = 0; k < 6; k++) officerRows.push({ dept: d, k, name: `${pick(SURNAMES)}${pick(OFFICER_GIVEN)}` });
    for (let i = 0; i < officerRows.length; i += 1000) {
      const chunk = officerRows.slice(i, i + 1000);
      const vals = chunk.map(({ dept, k, name }) => {
        const from = formatDayNumber(todayN - span - 200 - ((dept.id * 7 + k * 31) % 300));
        return sql`(${dept.id}, ${dept.regionCode}, ${name}, 'officer', ${`{${DOMAINS[dept.kind].join(',')}}`}::text[], ${from}, ${from}, ${`JZ${dept.regionCode}${String(dept.id).padStart(5, '0')}${k + 1}`}, ${`${province.province.name}人民政府`}, ${from}, ${formatDayNumber(todayN + 1200 + k * 30)}, 'valid')`;
      });
      const ids = (await sql<{ id: number }>`insert into enforcement_officers (org_id, region_code, name, kind, domains, trained_on, exam_passed_on, cert_no, cert_issuer, cert_valid_from, cert_valid_until, cert_status) values ${sql.join(vals)} returning id`.execute(tx)).rows;
      chunk.forEach((c, k) => c.dept.officers.push(ids[k].id));
    }
  });

  // ── party pool: sealed once with the app's key ──
  const parties: (SealedParty & { idx: number; short: string })[] = [];
  const nOrgParties = 3000;
  const nPersons = 1000;
  const regionCodes = [...new Set(depts.map((d) => d.regionCode))];
  for (let i = 0; i < nOrgParties + nPersons; i++) {
    const reg = pick(regionCodes);
    const place = depts.find((d) => d.regionCode === reg)!.place;
    const address = `${place}${pick(ROADS)}${int(1, 399)}号`;
    if (i < nOrgParties) {
      const name = `${place.slice(0, 3)}${pick(FIRM_WORDS)}${pick(FIRM_TRADES)}有限公司`;
      parties.push({ idx: i, short: name, ...sealParty(s.pii, { kind: 'org', name, idNumber: creditCode(reg, rnd), address }) });
    } else {
      const name = `${pick(SURNAMES)}${pick(GIVEN)}${rnd() < 0.6 ? pick(GIVEN) : ''}`;
      const sealed = sealParty(s.pii, { kind: 'person', name, idNumber: idNumber(reg, rnd), address });
      parties.push({ idx: i, short: sealed.party_name_masked, ...sealed });
    }
  }
  const setupSeconds = (performance.now() - tSetup) / 1000;
  log(`enforcement setup: ${depts.length} subjects, ${depts.length * 5} powers, ${nBands} bands, ${depts.length * 6} officers, ${parties.length} sealed parties in ${setupSeconds.toFixed(1)} s`);

  // Weighted department choice: cumulative weights, binary search.
  const cum: number[] = [];
  let tot = 0;
  for (const d of depts) cum.push((tot += d.weight));
  const pickDept = () => {
    const x = rnd() * tot;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return depts[lo];
  };
  const pickState = (age: number) => {
    const states = MIX.find(([max]) => age < max)![1];
    let x = rnd() * states.reduce((a, [, w]) => a + w, 0);
    for (const [st, w] of states) if ((x -= w) < 0) return st;
    return states[states.length - 1][0];
  };

  const caseSeq = new Map<string, number>();
  const decisionSeq = new Map<string, number>();
  const nextSeq = (m: Map<string, number>, k: string) => {
    const v = (m.get(k) ?? 0) + 1;
    m.set(k, v);
    return v;
  };
  const statusMix: Record<string, number> = {};
  let hearings = 0;
  let reviewed = 0;
  let overdueOpen = 0;
  let decidedLate = 0;
  const rows: Record<string, number> = {};
  const count = (t: string, k: number) => (rows[t] = (rows[t] ?? 0) + k);
  const timings: Record<string, number> = {};
  const checklistPass = JSON.stringify(Object.fromEntries(REVIEW_CHECKLIST.map((k) => [k, true])));

  const t0 = performance.now();
  let fkChecksSkipped = false;
  let firstCaseId = 0;
  let lastCaseId = 0;
  await s.db.connection().execute(async (db: Kysely<any>) => {
    const timed = async (name: string, q: RawBuilder<unknown>) => {
      const t = performance.now();
      const r = await q.execute(db);
      timings[name] = (timings[name] ?? 0) + (performance.now() - t);
      return r;
    };
    // A bulk load, as pg_restore --disable-triggers does it: the rows are consistent by
    // construction, so the per-row foreign-key triggers are skipped on this connection when
    // the role may (superuser); otherwise they run.
    if (opts.skipForeignKeyChecks ?? true) {
      try {
        await sql`set session_replication_role = replica`.execute(db);
        fkChecksSkipped = true;
      } catch {
        fkChecksSkipped = false;
      }
    }
    await sql`create temp table bench_powers (id int primary key, violation text, basis text)`.execute(db);
    await sql`create temp table bench_parties (idx int primary key, kind text, name_enc text, name_masked text, id_enc text, id_masked text, addr_enc text, addr_masked text)`.execute(db);
    await sql`insert into bench_powers select * from json_to_recordset(${JSON.stringify(depts.flatMap((d) => d.powers.map((p) => ({ id: p.id, violation: p.violation, basis: p.basis }))))}::json) as x(id int, violation text, basis text)`.execute(db);
    await sql`insert into bench_parties select * from json_to_recordset(${JSON.stringify(parties.map((p) => ({ idx: p.idx, kind: p.party_kind, ne: p.party_name_enc, nm: p.party_name_masked, ie: p.party_id_enc, im: p.party_id_masked, ae: p.party_address_enc, am: p.party_address_masked })))}::json) as x(idx int, kind text, ne text, nm text, ie text, im text, ae text, am text)`.execute(db);
    await sql`create temp table bench_plan (id int, inst int, org int, region char(6), power int, band int, party int, title text, filed date, status text, case_no text, major text[], hr boolean, notice date, pfine numeric, pkind text, fine numeric, dno text, decided date, publicize boolean, rreasons text[], served date, method text, pdue date, paid date, pamount numeric, surcharge numeric, closed date, transfer text, o1 int, o2 int, ddue date, dclosed date, dreason text, pub date, pubdue date, channel text)`.execute(db);
    await sql`analyze bench_powers`.execute(db);
    await sql`analyze bench_parties`.execute(db);

    const batches = Math.ceil(n / batchSize);
    let done = 0;
    let lastReport = 0;
    // Ids for all cases and instances reserved at once: one nextval + setval per sequence.
    const ids = (await sql<{ c: string; p: string }>`select nextval(pg_get_serial_sequence('enforcement_cases', 'id')) as c, nextval(pg_get_serial_sequence('procedure_instances', 'id')) as p`.execute(db)).rows[0];
    const c0 = Number(ids.c);
    const p0 = Number(ids.p);
    await sql`select setval(pg_get_serial_sequence('enforcement_cases', 'id'), ${c0 + n - 1}), setval(pg_get_serial_sequence('procedure_instances', 'id'), ${p0 + n - 1})`.execute(db);
    firstCaseId = c0;
    lastCaseId = c0 + n - 1;

    /**
     * The plan of batch b, computed in slices of 500 cases that yield to the event loop, so
     * it runs while the previous batch's statements are in the database.
     */
    const planBatch = async (b: number) => {
      const m = Math.min(batchSize, n - b * batchSize);
      const plan: Record<string, unknown>[] = [];
      const records: Record<string, unknown>[] = [];
      const reviews: Record<string, unknown>[] = [];
      const extraDeadlines: Record<string, unknown>[] = [];
      const rec = (caseId: number, org: number, kind: string, title: string, on: number, content: Record<string, unknown>, officerIds: number[] = []) => {
        const happenedOn = formatDayNumber(on);
        const body = { caseId, kind, title, happenedOn, content, officerIds, attachmentId: null };
        records.push({ c: caseId, o: org, k: kind, t: title, h: happenedOn, j: content, f: officerIds, d: sm3(canonicalJson(body)) });
      };
      for (let i = 0; i < m; i++) {
        if (i % 500 === 499) await new Promise((r) => setImmediate(r));
        const tp = performance.now();
        const g = b * batchSize + i;
        const id = c0 + g;
        const inst = p0 + g;
        const filed = todayN - span + Math.floor(((g + rnd()) * span) / n);
        const age = todayN - filed;
        let status = pickState(age);
        const d = pickDept();
        const pi = rnd() < 0.08 ? 4 : int(0, 3);
        const power = d.powers[pi];
        const party = parties[rnd() < (pi === 4 ? 0.1 : 0.3) ? nOrgParties + int(0, nPersons - 1) : int(0, nOrgParties - 1)];
        const partyKind = party.party_kind;
        const year = civilDate(filed).y;
        const caseNo = `${d.prefix}立〔${year}〕${nextSeq(caseSeq, `${d.id}/${year}`)}号`;
        const oi = int(0, 5);
        const o1 = d.officers[oi];
        const o2 = d.officers[(oi + int(1, 5)) % 6];
        const title = `${partyKind === 'org' ? party.short : party.party_name_masked}${power.violation}案`;
        const major: string[] = rnd() < 0.01 ? ['complex'] : rnd() < 0.005 ? ['public_interest'] : [];
        // Penalty: a warning on the mild band (when the power has one), else a fine in a fine band.
        const mild = power.bands.find((x) => x.max === 0);
        const warning = !!mild && rnd() < 0.25;
        const fineBands = power.bands.filter((x) => x.max > 0);
        const band = warning ? mild! : fineBands[rnd() < 0.65 ? 0 : int(0, fineBands.length - 1)];
        let fine = 0;
        if (!warning) {
          const lo = band.min ?? 0;
          const step = band.max - lo >= 1000 ? 100 : 10;
          fine = Math.min(band.max, Math.max(lo, Math.round((lo + rnd() * (band.max - lo)) / step) * step));
          if (fine === 0) fine = band.max;
        }
        const pkind = warning ? 'warning' : 'fine';
        const hr = hearingRight(partyKind, fine, [pkind], hearingT);
        const hearing = hr && rnd() < 0.3;
        const reasons = legalReviewReasons({ declared: major, hearingHeld: hearing, partyKind, fine, outsideBand: false }, reviewT);
        const needsReview = reasons.length > 0;

        // Nominal offsets (days after filing) of every step, then squeezed into the case's age.
        const tAction = int(1, 4);
        const tNotice = tAction + int(5, 35);
        const tHearing = hearing ? tNotice + int(12, 18) : null;
        const tSubmit = Math.max(tNotice + 8, (tHearing ?? 0) + 1);
        const tReview = needsReview ? tSubmit + int(1, 5) : null;
        let tDecided = Math.max(tSubmit, (tReview ?? 0) + 1) + int(0, 15);
        if (rnd() < 0.03) tDecided = Math.max(tDecided, 91 + int(0, 40)); // decided after the 90 days
        const tServed = tDecided + int(0, 5);
        const late = rnd() < 0.03;
        const tPaid = tServed + (late ? int(16, 45) : int(1, 14));
        const tEnforce = tServed + int(20, 60);
        const tClosed = (fine > 0 ? tPaid : tServed) + int(1, 10);
        const tEnd = tAction + int(3, 30);
        const last: Record<string, number> = { investigation: tAction, notified: tNotice, review: tSubmit, deciding: tReview ?? tSubmit, decided: tDecided, served: tServed, enforcing: tEnforce, executed: tPaid, closed: tClosed, transferred: tEnd, withdrawn: tEnd };
        if (status === 'enforcing' && fine === 0) status = 'closed';
        const L = last[status];
        const k = L > age ? age / L : 1;
        const at = (x: number | null) => (x == null ? null : filed + Math.floor(x * k));
        statusMix[status] = (statusMix[status] ?? 0) + 1;

        const ended = status === 'transferred' || status === 'withdrawn';
        const notice = !ended && reached(status, 'notified') ? at(tNotice) : null;
        const hearingOn = hearing && reached(status, 'review') ? at(tHearing) : null;
        const reviewOn = needsReview && reached(status, 'deciding') ? at(tReview) : null;
        const decided = reached(status, 'decided') && !ended ? at(tDecided) : null;
        const served = decided != null && reached(status, 'served') ? at(tServed) : null;
        const paid = served != null && fine > 0 && (status === 'executed' || status === 'closed') ? at(tPaid) : null;
        const closed = status === 'closed' ? Math.max(at(tClosed)!, paid ?? 0) : null;
        const endOn = ended ? at(tEnd) : null;
        const pdue = served != null && fine > 0 ? due(paymentRule, served) : null;
        const surcharge = paid != null && pdue != null ? fromFen(lateSurchargeFen(fine, formatDayNumber(pdue), formatDayNumber(paid), surchargePct)) : 0;
        const ddue = due(decisionRule, filed);
        const dclosed = decided ?? endOn;
        if (dclosed == null && ddue < todayN) overdueOpen++;
        if (decided != null && decided > ddue) decidedLate++;
        const publicize = decided != null && fine > 0 && rnd() < 0.3;
        const pubdue = publicize ? due(publicityRule, decided!) : null;
        let pub: number | null = publicize ? decided! + (rnd() < 0.05 ? int(10, 20) : int(1, 6)) : null;
        if (pub != null && pub > todayN) pub = null;
        const dno = decided != null ? `${d.prefix}罚决字〔${civilDate(decided).y}〕${nextSeq(decisionSeq, `${d.id}/${civilDate(decided).y}`)}号` : null;
        const transfer = status === 'transferred' ? (rnd() < 0.3 ? `司法机关：${d.place}公安局` : `${d.place}${pick(['市场监督管理局', '生态环境局', '交通运输局', '应急管理局'])}`) : null;

        plan.push({
          id, inst, org: d.id, region: d.regionCode, power: power.id, band: reached(status, 'notified') && !ended ? band.id : null, party: party.idx, title, filed: formatDayNumber(filed), status, case_no: caseNo, major,
          hr: notice != null ? hr : false, notice: iso(notice), pfine: notice != null ? fine : null, pkind: notice != null ? pkind : null, fine: decided != null ? fine : null, dno, decided: iso(decided), publicize,
          rreasons: decided != null ? reasons : [], served: iso(served), method: served != null ? pick(['direct', 'direct', 'direct', 'post', 'electronic', 'left']) : null, pdue: iso(pdue),
          paid: iso(paid), pamount: paid != null ? fromFen(toFen(fine) + toFen(surcharge)) : null, surcharge: paid != null ? surcharge : null, closed: iso(closed), transfer, o1, o2,
          ddue: iso(ddue), dclosed: iso(dclosed), dreason: decided != null ? '作出行政处罚决定' : status === 'transferred' ? '程序终结：移送' : status === 'withdrawn' ? '程序终结：撤销立案' : null,
          pub: iso(pub), pubdue: iso(pubdue), channel: paid != null ? (rnd() < 0.65 ? 'bank' : 'epay') : null,
        });

        rec(id, d.id, 'filing', '立案审批', filed, { caseNo, powerId: power.id, source: pick(['日常检查发现', '投诉举报', '上级交办', '部门移送', '"双随机、一公开"抽查']), facts: `当事人涉嫌${power.violation}。` }, [o1, o2]);
        const actionKind = pick(['inspection', 'inquiry', 'inspection']);
        rec(id, d.id, `action.${actionKind}`, '调查取证', at(tAction)!, { kind: actionKind, place: actionKind === 'inquiry' ? `${d.name}询问室` : '当事人经营场所', summary: actionKind === 'inquiry' ? '询问当事人并制作询问笔录' : '现场检查，制作现场笔录并拍照固定证据', certificatesShown: true }, [o1, o2]);
        if (notice != null) rec(id, d.id, 'notice', '行政处罚事先告知书', notice, { noticeOn: formatDayNumber(notice), penaltyKind: pkind, proposedFine: fine, benchmarkId: band.id, rights: hr ? `当事人享有陈述、申辩的权利，并有权在收到本告知书之日起${statementRule.value}个工作日内要求听证` : '当事人享有陈述、申辩的权利', note: null });
        if (hearingOn != null) {
          rec(id, d.id, 'hearing_request', '听证申请', Math.min(notice! + 3, hearingOn), { requestedOn: formatDayNumber(Math.min(notice! + 3, hearingOn)), note: null });
          rec(id, d.id, 'hearing', '听证笔录', hearingOn, { heldOn: formatDayNumber(hearingOn), presider: `${d.name}法制机构负责人`, transcript: '听证会依法举行，当事人进行了陈述和申辩。', note: null });
          hearings++;
        }
        if (reviewOn != null) {
          const failFirst = rnd() < 0.1;
          if (failFirst) reviews.push({ c: id, o: d.id, r: 'fail', a: `${formatDayNumber(reviewOn - 1)} 10:00:00+08`, p: '证据不够充分，退回补充调查' });
          reviews.push({ c: id, o: d.id, r: 'pass', a: `${formatDayNumber(reviewOn)} 15:00:00+08`, p: '主体合法，事实清楚，证据充分，适用依据正确，程序合法，裁量适当' });
          rec(id, d.id, 'review', '法制审核意见书（通过）', reviewOn, { note: '同意' });
          reviewed++;
          if (hearingOn != null || major.length) rec(id, d.id, 'collective', '集体讨论记录', reviewOn + 1 <= (decided ?? todayN) ? reviewOn + 1 : reviewOn, { meetingDate: formatDayNumber(reviewOn), attendees: '局长、分管副局长、法制机构负责人', conclusion: '同意拟处罚意见' });
        }
        if (decided != null) rec(id, d.id, 'decision', '行政处罚决定书', decided, { decisionNo: dno, penaltyKind: pkind, fine, benchmark: `${band.band}：${band.circumstances}` });
        if (endOn != null && status === 'transferred') rec(id, d.id, 'transfer', transfer!.startsWith('司法机关') ? '涉嫌犯罪案件移送书' : '案件移送函', endOn, { receiver: transfer, transferredOn: formatDayNumber(endOn) });

        // The open deadline of the current step (the decision deadline comes from the plan).
        const dl = (kind: string, title: string, r: { key: string; value: number; unit: string }, start: number) =>
          extraDeadlines.push({ i: inst, s: String(id), o: d.id, g: d.regionCode, k: kind, t: `${title}：${dno ?? caseNo}`, r: r.key, f: formatDayNumber(start), n: r.value, u: deadlineUnitOf(r.unit), d: formatDayNumber(due(r, start)) });
        if (status === 'notified') dl('enforcement.statement', '陈述申辩、要求听证', statementRule, notice!);
        if (status === 'review') dl('enforcement.review', '法制审核', reviewRule, at(tSubmit)!);
        if (status === 'decided') dl('enforcement.service', '送达处罚决定书', serviceRule, decided!);
        if (status === 'served' && fine > 0) dl('enforcement.payment', '缴纳罚款', paymentRule, served!);
        if (publicize && pub == null && !['closed'].includes(status)) dl('enforcement.publicity', '公示执法决定', publicityRule, decided!);
        timings['plan (js)'] = (timings['plan (js)'] ?? 0) + (performance.now() - tp);
      }
      return { m, plan, records, reviews, extraDeadlines };
    };

    let ahead = planBatch(0);
    for (let b = 0; b < batches; b++) {
      const tw = performance.now();
      const { m, plan, records, reviews, extraDeadlines } = await ahead;
      timings['waiting for plan'] = (timings['waiting for plan'] ?? 0) + (performance.now() - tw);
      if (b + 1 < batches) ahead = planBatch(b + 1);
      const tSql = performance.now();

      await sql`begin`.execute(db);
      await sql`set local synchronous_commit = off`.execute(db);
      await sql`truncate bench_plan`.execute(db);
      await timed('plan load', sql`insert into bench_plan select * from json_populate_recordset(null::bench_plan, ${JSON.stringify(plan)}::json)`);
      await sql`analyze bench_plan`.execute(db);
      await timed('procedure_instances', sql`
        insert into procedure_instances (id, procedure, module, subject_type, subject_id, title, state, org_id, region_code, created_at, updated_at)
        overriding system value
        select inst, 'enforcement.case', 'enforcement', 'enforcement_case', id::text, case_no || ' ' || title, status, org, region, filed + time '09:00', coalesce(closed, dclosed, filed) + time '17:00'
        from bench_plan order by id`);
      await timed('enforcement_cases', sql`
        insert into enforcement_cases (id, org_id, region_code, procedure_kind, case_no, power_id, title, source, party_kind, party_name_enc, party_name_masked, party_id_enc, party_id_masked, party_address_enc, party_address_masked,
          facts, filed_on, status, instance_id, major_reasons, hearing_right, notice_on, proposed_fine, penalty_kind, fine_amount, benchmark_id, decision_no, decided_on, decision_text, publicize, review_reasons,
          served_on, service_method, payment_due, paid_on, paid_amount, surcharge, closed_on, transferred_to, created_at, updated_at)
        overriding system value
        select p.id, p.org, p.region, 'general', p.case_no, p.power, p.title, '日常检查发现', pa.kind, pa.name_enc, pa.name_masked, pa.id_enc, pa.id_masked, pa.addr_enc, pa.addr_masked,
          '经查，当事人' || pw.violation || '，违反了' || pw.basis || '的规定。', p.filed, p.status, p.inst, p.major, p.hr, p.notice, p.pfine, p.pkind, p.fine, p.band, p.dno, p.decided,
          case when p.decided is null then null else '当事人的行为违反了' || pw.basis || '的规定，依据该规定，决定' || case when p.fine > 0 then '处以罚款人民币' || p.fine || '元' else '给予警告' end || '。' end,
          p.publicize, p.rreasons, p.served, p.method, p.pdue, p.paid, p.pamount, p.surcharge, p.closed, p.transfer, p.filed + time '09:00', coalesce(p.closed, p.dclosed, p.filed) + time '17:00'
        from bench_plan p join bench_powers pw on pw.id = p.power join bench_parties pa on pa.idx = p.party order by p.id`);
      await timed('enforcement_case_officers', sql`
        insert into enforcement_case_officers (case_id, officer_id, role)
        select id, o1, 'lead' from bench_plan union all select id, o2, 'handler' from bench_plan`);
      await timed('deadlines (decision)', sql`
        insert into deadlines (module, kind, title, subject_type, subject_id, instance_id, org_id, region_code, rule_key, start_date, days, unit, due_date, status, closed_at, close_reason, created_at, updated_at)
        select 'enforcement', 'enforcement.decision', '作出处罚决定：' || case_no, 'enforcement_case', id::text, inst, org, region, ${decisionRule.key}, filed, ${decisionRule.value}, ${deadlineUnitOf(decisionRule.unit)}, ddue,
          case when dclosed is null then 'open' else 'closed' end, dclosed + time '17:00', dreason, filed + time '09:00', coalesce(dclosed, filed) + time '17:00'
        from bench_plan order by id`);
      if (extraDeadlines.length)
        await timed('deadlines (current step)', sql`
          insert into deadlines (module, kind, title, subject_type, subject_id, instance_id, org_id, region_code, rule_key, start_date, days, unit, due_date, created_at)
          select 'enforcement', k, t, 'enforcement_case', s, i, o, g, r, f, n, u, d, f + time '09:00' from json_to_recordset(${JSON.stringify(extraDeadlines)}::json) as x(i int, s text, o int, g text, k text, t text, r text, f date, n int, u text, d date)`);
      await timed('enforcement_records', sql`
        insert into enforcement_records (case_id, org_id, kind, title, happened_on, content, officer_ids, digest, at)
        select c, o, k, t, h, j, f, d, h + time '16:00' from json_to_recordset(${JSON.stringify(records)}::json) as x(c int, o int, k text, t text, h date, j jsonb, f int[], d text)`);
      if (reviews.length)
        await timed('enforcement_reviews', sql`
          insert into enforcement_reviews (case_id, org_id, outcome, checklist, opinion, at)
          select c, o, r, case when r = 'pass' then ${checklistPass}::jsonb else '{}'::jsonb end, p, a::timestamptz from json_to_recordset(${JSON.stringify(reviews)}::json) as x(c int, o int, r text, a text, p text)`);
      await timed('enforcement_publicity', sql`
        insert into enforcement_publicity (case_id, org_id, region_code, published_on, public_title, public_text, due_on, on_time)
        select p.id, p.org, p.region, p.pub, c.title, c.decision_text, p.pubdue, p.pub <= p.pubdue from bench_plan p join enforcement_cases c on c.id = p.id where p.pub is not null`);
      await timed('enforcement_payments', sql`
        insert into enforcement_payments (case_id, org_id, channel, receipt_no, amount, surcharge, paid_on, at)
        select id, org, channel, case when channel = 'bank' then 'YH' else 'DZ' end || lpad(id::text, 10, '0'), pamount, surcharge, paid, paid + time '11:00' from bench_plan where paid is not null`);
      await sql`commit`.execute(db);
      timings['sql total'] = (timings['sql total'] ?? 0) + (performance.now() - tSql);

      count('enforcement_cases', m);
      count('procedure_instances', m);
      count('enforcement_case_officers', 2 * m);
      count('deadlines', m + extraDeadlines.length);
      count('enforcement_records', records.length);
      count('enforcement_reviews', reviews.length);
      count('enforcement_publicity', plan.filter((p) => p.pub != null).length);
      count('enforcement_payments', plan.filter((p) => p.paid != null).length);
      done += m;
      opts.onProgress?.(done, n);
      if (done - lastReport >= 50_000 || done === n) {
        lastReport = done;
        const sec = (performance.now() - t0) / 1000;
        log(`generated ${done.toLocaleString('en')} / ${n.toLocaleString('en')} enforcement cases in ${sec.toFixed(1)} s (${Math.round(done / sec).toLocaleString('en')} cases/s; plan ${((timings['plan (js)'] ?? 0) / 1000).toFixed(1)} s, SQL ${((timings['sql total'] ?? 0) / 1000).toFixed(1)} s)`);
      }
    }
    if (fkChecksSkipped) await sql`reset session_replication_role`.execute(db);
    await sql`drop table bench_plan`.execute(db);
    await sql`drop table bench_powers`.execute(db);
    await sql`drop table bench_parties`.execute(db);
  });

  // Later filings and decisions continue the numbering.
  const seqRows = [...[...caseSeq].map(([k, v]) => ['case', k, v] as const), ...[...decisionSeq].map(([k, v]) => ['decision', k, v] as const)];
  for (let i = 0; i < seqRows.length; i += 1000) {
    const vals = seqRows.slice(i, i + 1000).map(([kind, k, v]) => {
      const [org, year] = k.split('/').map(Number);
      return sql`(${org}, ${kind}, ${year}, ${v})`;
    });
    await sql`insert into enforcement_number_seq (org_id, kind, year, last_seq) values ${sql.join(vals)} on conflict (org_id, kind, year) do update set last_seq = greatest(enforcement_number_seq.last_seq, excluded.last_seq)`.execute(s.db);
  }
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (const t of ['enforcement_cases', 'procedure_instances', 'deadlines', 'enforcement_records', 'enforcement_case_officers', 'enforcement_reviews', 'enforcement_publicity', 'enforcement_payments', 'enforcement_powers', 'enforcement_benchmarks', 'enforcement_officers', 'enforcement_subjects']) {
    await sql`vacuum analyze ${sql.table(t)}`.execute(s.db);
  }
  const analyzeSeconds = (performance.now() - t1) / 1000;
  log(`enforcement: ${n.toLocaleString('en')} cases in ${seconds.toFixed(1)} s (+ setup ${setupSeconds.toFixed(1)} s, vacuum analyze ${analyzeSeconds.toFixed(1)} s); rows ${JSON.stringify(rows)}`);
  return {
    cases: n,
    subjects: depts.length,
    powers: depts.length * 5,
    benchmarks: nBands,
    officers: depts.length * 6,
    rows,
    statusMix,
    hearingShare: hearings / n,
    reviewShare: reviewed / n,
    overdueOpen,
    decidedLate,
    setupSeconds,
    seconds,
    analyzeSeconds,
    casesPerSec: n / seconds,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
    fkChecksSkipped,
    firstCaseId,
    lastCaseId,
  };
}

const DEPT_UNIT: Record<EnforcementDeptKind, string> = { samr: '稽查', ecology: '监察', urban: '督察', transport: '稽查', emergency: '监察', health: '监督', land: '监察', agriculture: '监察' };
const DEPT_BASIS: Record<EnforcementDeptKind, string> = {
  samr: '《中华人民共和国行政处罚法》；《市场监督管理行政处罚程序规定》',
  ecology: '《中华人民共和国环境保护法》；《生态环境行政处罚办法》',
  urban: '《中华人民共和国行政处罚法》第十八条；关于相对集中行政处罚权的决定',
  transport: '《中华人民共和国道路运输条例》；《交通运输行政执法程序规定》',
  emergency: '《中华人民共和国安全生产法》；《安全生产违法行为行政处罚办法》',
  health: '《中华人民共和国基本医疗卫生与健康促进法》；《卫生行政处罚程序》',
  land: '《中华人民共和国土地管理法》；《自然资源行政处罚办法》',
  agriculture: '《中华人民共和国农业法》；《农业行政处罚程序规定》',
};
