/**
 * 合法性审查 assistant: flags clauses of a 行政规范性文件 draft whose wording may set up
 * licensing, penalties, coercion or fees, add obligations, or protect local interests.
 * It only points the reviewer at sentences; whether a clause is lawful is the reviewer's call.
 * Pure and regex-based (no segmentation dictionary), so it errs towards flagging.
 */

export type RiskCategory = 'licensing' | 'penalty' | 'coercion' | 'fee' | 'obligation' | 'local_protection';

export interface RiskRule {
  code: string;
  category: RiskCategory;
  /** Chinese name shown to the reviewer. */
  name: string;
  patterns: RegExp[];
  basis: { law: string; article?: string; quote?: string };
  /** Chinese advice to the reviewer. */
  advice: string;
}

export interface RiskFlag {
  rule: string;
  category: RiskCategory;
  name: string;
  severity: 'warning' | 'info';
  sentenceIndex: number;
  sentence: string;
  /** Offsets of the matched words in the whole text: text.slice(start, end) === match. */
  start: number;
  end: number;
  match: string;
  basis: RiskRule['basis'];
  advice: string;
}

// ---------------------------------------------------------------------------------------
// Pattern building blocks (regex source strings).

/** One character of the same clause: stops at commas and sentence ends. */
const C = '[^，,。；;！？!?\\n]';
/** One character of the same sentence. */
const S = '[^。；;！？!?\\n]';

/**
 * Words that turn a clause into a prohibition on, or removal of, the risky measure
 * ("不得收取费用", "取消审批", "不予处罚", "破除地方保护"): those clauses protect rights.
 */
const NEG = '不得|不予|不再|不应|禁止|严禁|无需|无须|不需|不必|免予|免于|免除|取消|防止|避免|破除|打破|消除|清理|杜绝|纠正|反对|废止|不存在|不含|不设';

/** Not preceded, within the same clause, by a negation word. */
const noNeg = (window: number, neg = NEG) => `(?<!(?:${neg})${C}{0,${window}})`;

/**
 * `(?=first)` up front lets the engine reject most positions before evaluating the
 * look-behinds, which keeps 100 KB of text well under the time budget.
 */
const rx = (first: string, body: string) => new RegExp(`(?=${first})${body}`);

/** Actors that are the administration itself: a 不得 addressed to them restricts power. */
const GOV = '行政机关|机关|部门|人民政府|政府|委员会|管理局|局|办公室|办事处|街道|乡镇|工作人员|执法人员|审查机构|执法机构|本办法|本规定|本细则|本意见|本通知|本决定|本方案|本制度|规范性文件|期限|时限';

/** Citizens, legal persons and other organisations (单位 unless it is a government unit). */
const PRIVATE =
  '公民|企业|个人(?!信息|隐私|所得)|经营者|(?<!执|违)法人(?!员)|其他组织|社会组织|申请人|当事人|居民|住户|业主|商户|个体工商户|经营户|从业人员|市场主体|' +
  '(?<!主管|执法|行政|责任|牵头|成员|配合|主办|承办|审查|起草|制定|实施|事业|机关|各|有关|相关)单位|承租人|出租人|房东|驾驶人|车主|投标人|供应商|消费者|外来人员|务工人员|村民';

/** Verbs after 不得 that restrict the administration ("不得要求申请人…", "不得指定…"). */
const GOV_VERB = '要求|强制|强迫|摊派|收取|收费|违规|违法|擅自|随意|增设|设定|指定|限定|限制|排斥|排除|歧视|刁难|拒绝|拖延|干预|以任何';

const MODAL = '应当|必须|须(?!知)|需要?(?!求)';
const ADVERB = '事先|预先|先行|另行|统一|一律|自行|依法|按规定|按照规定';
const DUTY_VERB =
  '提供|提交|出具|缴纳|办理|参加|接受|购买|安装|使用|配备|设立|设置|签订|报送|承担|取得|加入|委托|聘请|购置|选用|公示|登记|备案|申报|报告|投保|配合|持有|具备|具有';

/** Fee words; 费 is not 经费/补偿费/消费… (money paid to, not by, the addressee). */
const FEE_WORD = '(?<!补偿|补助|补贴|奖励|资助|经|免|退|消|浪|花)费用?|保证金|押金|风险金|抵押金|保障金';
const DEPOSIT = '保证金|押金|风险金|抵押金|保障金';
const LOCAL = '本(?:地区?|市|省|区|县)';

// ---------------------------------------------------------------------------------------
// The rules: one per category.

const GUOBAN_37 = '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）';

export const RISK_RULES: RiskRule[] = [
  {
    code: 'licensing',
    category: 'licensing',
    name: '设定行政许可',
    patterns: [
      // 须经…批准 / 应当经…审核同意 (an approval required before acting).
      rx('须|需|必须|应当', `${noNeg(8)}(?<!无|不|毋|免)(?:必须|须|需要|需|应当)(?:事先|预先|先行)?经(?:过)?${C}{0,20}?(?:批准|审批|核准|许可|审核同意|审查同意|审核合格|审查合格|验收合格)`),
      rx('取得|领取|办理|申领|持有|具备|具有', `${noNeg(8)}(?:取得|领取|办理|申领|持有|具备|具有)${C}{0,12}?(?:许可|资质证书|资格证|准营证|准入证|经营证|批准文件|批准证书)`),
      rx('未经|未取得', `(?:未经|未取得)${C}{0,15}?(?:批准|许可|审批|核准|资质|资格)`),
      rx('实行|实施|建立', `${noNeg(8)}(?:实行|实施|建立)${C}{0,10}?(?:审批|许可|准入|核准)(?:制度|制|管理)`),
      rx('方可|方能|才能|才可', `(?:方可|方能|才能|才可以?)(?:从事|经营|开业|营业|开展|进入|上岗|施工|销售|生产|使用|运营|营运|投入使用|入市|上路)`),
      rx('发放|核发|颁发', `${noNeg(8)}(?:发放|核发|颁发)${C}{0,8}?(?:许可证|资格证|准入证|经营证|准营证|合格证)`),
      rx('年检|年审|前置|事前', `${noNeg(8)}(?:年检|年审|(?:前置|事前)(?:审批|审查|许可))`),
    ],
    basis: { law: '中华人民共和国行政许可法', article: '第十七条', quote: '除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。' },
    advice:
      '核查该条款是否设定了行政许可或增加了办理许可的条件。规范性文件不得设定行政许可（《行政许可法》第十七条；国办发〔2018〕37号 一（一））；' +
      '如系实施上位法已设定的许可，应写明法律、法规依据，且不得增设许可条件或前置程序。',
  },
  {
    code: 'penalty',
    category: 'penalty',
    name: '设定行政处罚',
    // 行政处罚法第九条 lists the kinds: 警告、通报批评；罚款、没收；暂扣、吊销、降低资质等级；
    // 限制开展生产经营活动、责令停产停业、责令关闭、限制从业；行政拘留。
    patterns: [
      rx('并处|处|给予|予以|罚款', `${noNeg(6)}(?:(?<!加)(?:并处|处以|处(?=[\\d０-９一二三四五六七八九十百千万两])|给予|予以)${C}{0,30}?)?(?<!加处${C}{0,10}|乱)罚款(?!收入|票据|代收|缴库)`),
      rx('没收', `${noNeg(6)}没收(?:违法所得|非法财物)?`),
      rx('责令', `${noNeg(6)}责令(?:停产停业|停业整顿|停产整顿|停产|停业|关闭|关停)`),
      rx('吊销', `${noNeg(6)}吊销(?:${C}{0,12}?(?:许可证|执照|证照|证书|资质|资格))?`),
      rx('暂扣', `${noNeg(6)}暂扣(?:${C}{0,8}?(?:许可证|执照|证照|证件|驾驶证))?`),
      rx('行政拘留|拘留', `${noNeg(6)}(?:行政)?拘留`),
      rx('给予|予以|处|并处|作出', `${noNeg(6)}(?:给予|予以|处以?|并处|作出)${C}{0,6}?警告(?!标志|标识|牌|灯|信号|装置|线|提示)`),
      rx('通报批评|降低资质等级|限制开展|限制从业', `${noNeg(6)}(?:通报批评|降低资质等级|限制开展生产经营活动|限制从业)`),
      // "予以处罚" / "依照…的规定处罚"; the title of 行政处罚法 itself is masked out.
      rx('予以|给予|并予|施以|规定', `${noNeg(6)}(?:予以|给予|并予|施以|规定)${C}{0,8}?(?<!(?:不予|免予|免于|免除)(?:行政)?)(?:行政)?处罚(?!决定|程序|裁量|权)`),
    ],
    basis: { law: '中华人民共和国行政处罚法', article: '第十六条', quote: '除法律、法规、规章外，其他规范性文件不得设定行政处罚。' },
    advice:
      '核查是否设定了新的处罚种类，或超出上位法规定的违法行为、处罚种类和幅度。规范性文件不得设定行政处罚（《行政处罚法》第十六条；国办发〔2018〕37号 一（一））；' +
      '只能引用法律、法规、规章已有的规定，并写明具体条款。',
  },
  {
    code: 'coercion',
    category: 'coercion',
    name: '设定行政强制',
    patterns: [
      rx('查封|扣押|冻结|扣留', `${noNeg(6)}(?:查封|扣押|冻结|扣留)`),
      rx('划拨|划扣', `${noNeg(6)}(?:划拨|划扣)(?:存款|汇款|账户|资金)`),
      rx('强制', `${noNeg(6)}强制(?:执行|拆除|清除|清理|搬迁|拖离|拖移|隔离|扣缴|收回|退出|关停|措施)`),
      rx('拖移|拖离|拖走|强行|代履行|加处|限制', `${noNeg(6)}(?:拖移|拖离|拖走|强行(?:拆除|带离|进入|清除|清理|扣留)|代履行|加处${C}{0,10}?(?:罚款|滞纳金)|限制(?:公民)?人身自由)`),
      // 行政强制法第四十三条第二款: no 停水停电 against residents to force compliance.
      rx('停止|中止|断绝', `${noNeg(6)}(?:停止|中止|断绝)${C}{0,4}?(?:供水|供电|供气|供热)`),
    ],
    basis: { law: '中华人民共和国行政强制法', article: '第十条第四款', quote: '法律、法规以外的其他规范性文件不得设定行政强制措施。' },
    advice:
      '核查是否设定了行政强制措施或强制执行方式。行政强制措施只能由法律、法规设定（《行政强制法》第十条），强制执行只能由法律设定（第十三条）；' +
      '不得对居民生活采取停止供水、供电、供热、燃气等方式迫使履行（第四十三条第二款）。',
  },
  {
    code: 'fee',
    category: 'fee',
    name: '设定收费或保证金',
    patterns: [
      rx('收取|缴纳|交纳|缴交|征收|征缴|收缴|计收|核收|加收|预收', `${noNeg(10, `${NEG}|未|拒不|拖欠|欠`)}(?:收取|缴纳|交纳|缴交|征收|征缴|收缴|计收|核收|加收|预收)${C}{0,20}?(?:${FEE_WORD})`),
      rx('缴存|存入|交存|预存|提交|提供|交付|缴付', `${noNeg(10)}(?:缴存|存入|交存|预存|提交|提供|交付|缴付)${C}{0,10}?(?:${DEPOSIT})`),
      rx('按', `${noNeg(10)}按(?:照)?${C}{0,15}?(?:收取|收费|计费)`),
      rx('设立|增设|设置|新增|提高|收费', `${noNeg(10)}(?:(?:设立|增设|设置|新增|提高)${C}{0,8}?收费(?:项目|标准)?|收费标准为)`),
    ],
    basis: { law: GUOBAN_37, article: '一（一）', quote: '不得违法……增加其义务' },
    advice:
      '核查收费项目是否有法律、法规依据并列入依法公布的收费目录清单，保证金是否列入涉企保证金目录清单；' +
      '规范性文件不得自行设立收费项目、提高收费标准或要求缴纳保证金、押金。',
  },
  {
    code: 'obligation',
    category: 'obligation',
    name: '增加义务或减损权利',
    patterns: [
      // Proofs: 国办发〔2018〕37号 also bars 循环证明、重复证明、无谓证明.
      rx('提供|提交|出具|开具|应当|必须|须|需', `${noNeg(12)}(?<!无|不|毋|免)(?:(?:${MODAL})(?:${ADVERB})?)?(?:提供|提交|出具|开具)${C}{0,15}?(?:证明|承诺书|担保|保函)`),
      // 须经/征得…同意 of someone (approval by an authority is licensing, above).
      rx('须|需|必须|应当|应', `(?<!无|不|毋|免)(?:必须|须|需|应当|应)(?:事先|预先|先行)?(?:经|征得)${C}{0,20}?(?<!审核|审查|审批)同意`),
      // A modal whose nearest subject is a private party; licensing and fee wording is left to those rules.
      rx(
        '应当|必须|须|需',
        `(?<!无|不|毋|勿|免|所|必|急)(?<=(?:${PRIVATE})(?:(?!${GOV})${S}){0,20})(?:${MODAL})(?:${ADVERB})?` +
          `(?!(?:${ADVERB})?(?:(?:经|征得)${C}{0,20}?(?:批准|审批|核准|许可|同意)|取得${C}{0,12}?许可|(?:缴纳|交纳|缴存|交存|预存|缴交)${C}{0,20}?(?:费|${DEPOSIT})))` +
          `(?:${DUTY_VERB})?`,
      ),
      // 不得/禁止 unless its nearest subject is the administration, or (with no subject)
      // it restricts the administration ("不得要求申请人…").
      rx(
        '不得|禁止|严禁|不准|不许',
        `(?:(?<=(?:${PRIVATE})(?:(?!${GOV})${S}){0,30})|(?<!(?:${GOV}|${PRIVATE})${S}{0,30})(?!(?:不得|禁止|严禁|不准|不许)${C}{0,10}?(?:${GOV_VERB})))` +
          '(?:不得(?!不)|禁止(?!性)|严禁|不准|不许)',
      ),
      rx('纳入|列入|记入|录入|联合|信用', `${noNeg(8)}(?:(?:纳入|列入|记入|录入)${C}{0,12}?(?:黑名单|失信|不良信用|不良记录|重点监管名单)|(?:联合|信用)惩戒)`),
      rx('限|暂停|停止', `${noNeg(6)}(?:(?<!不受|解除|放宽)限制(?!性|竞争|人身自由|开展生产经营活动|从业)|限购|限售|限行|限贷|(?:暂停|停止)(?:办理|享受|提供))`),
    ],
    basis: { law: GUOBAN_37, article: '一（一）', quote: '不得违法减损公民、法人和其他组织的合法权益或者增加其义务' },
    advice:
      '核查该义务或限制是否有法律、法规、规章依据；没有依据的，规范性文件不得增加公民、法人和其他组织的义务或减损其权利（国办发〔2018〕37号 一（一））。' +
      '要求提供证明的，核对证明事项清单，不得要求循环证明、重复证明、无谓证明。',
  },
  {
    code: 'local_protection',
    category: 'local_protection',
    name: '地方保护或限制竞争',
    patterns: [
      rx('外|非本|本|区域外', `${noNeg(10, `${NEG}|反`)}(?:外地|外省|外市(?!场)|外埠|非本(?:地|市|省|区|县)|${LOCAL}以外|区域外)`),
      // 条例第九条: 强制外地经营者在本地投资经营或者设立分支机构.
      rx('在本|本', `${noNeg(10, `${NEG}|反`)}(?:在)?${LOCAL}(?:范围内)?(?:设立|注册|登记|成立|设有|纳税|缴纳社保|缴纳社会保险|户籍|户口)`),
      rx('优先|仅限|限于|只能|只限|本', `${noNeg(10, `${NEG}|反`)}(?:(?:优先|仅限|限于|只能|只限)${C}{0,10}?${LOCAL}|${LOCAL}${C}{0,10}?(?:优先|仅限|独家))`),
      // 条例第八条: 限定经营、购买或者使用特定经营者提供的商品.
      rx('指定|购买|使用|经营|采购|选用|接受|安装|委托', `${noNeg(10, `${NEG}|反`)}(?:指定${C}{0,12}?(?:购买|使用|经营|采购|提供|生产|销售|接受|选用|安装)|(?:购买|使用|经营|采购|选用|接受|安装|委托)${C}{0,10}?指定)`),
      rx('限定|排除|限制|排斥|歧视', `${noNeg(10, `${NEG}|反`)}(?:限定|排除${C}{0,2}?限制竞争|排除竞争|限制竞争|排斥|歧视)`),
      rx('设置|准入|市场', `${noNeg(10, `${NEG}|反`)}(?:设置${C}{0,12}?(?:壁垒|障碍|门槛)|(?:准入|市场)(?:壁垒|障碍))`),
      // 条例第十条: 给予特定经营者税收优惠.
      rx('地方|区域|地区|行业|市场|税收|先征|列收', `${noNeg(10, `${NEG}|反`)}(?:地方保护|区域封锁|地区封锁|行业垄断|市场分割|税收返还|先征后返|列收列支)`),
    ],
    basis: { law: '公平竞争审查条例', article: '第八条至第十一条', quote: '起草单位起草的政策措施，不得含有下列限制或者变相限制市场准入和退出的内容' },
    advice:
      '进行公平竞争审查：核查是否限定经营、购买、使用特定经营者的商品，是否排斥、限制外地经营者参加本地招标投标或强制其在本地设立分支机构，' +
      '是否设置歧视性准入条件、收费或补贴（《公平竞争审查条例》第八条至第十一条）。',
  },
];

// ---------------------------------------------------------------------------------------
// Sentence splitting.

const TERMINATOR = /[。！？；!?;\n\r]/g;
/** Closing quotes/brackets right after a terminator belong to the sentence they close. */
const CLOSERS = '”’」』）)】"\'';
const CONTENTLESS = /^[\s。！？；!?;”’」』）)】"']*$/;
const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\n' || ch === '\r' || /\s/.test(ch);

/** Splits on 。！？；and line breaks; offsets point into the original text. */
export function splitSentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    if (from === to) return;
    const s = text.slice(from, to);
    if (!CONTENTLESS.test(s)) out.push({ text: s, start: from });
  };
  const re = new RegExp(TERMINATOR.source, 'g');
  let segStart = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let end = m.index + 1;
    if (m[0] !== '\n' && m[0] !== '\r') {
      while (end < text.length && CLOSERS.includes(text[end])) end++;
    }
    push(segStart, end);
    segStart = end;
    re.lastIndex = end;
  }
  push(segStart, text.length);
  return out;
}

// ---------------------------------------------------------------------------------------
// Flagging.

/** Categories whose wording is lower risk when it only applies a named law (below). */
const CITED_CATEGORIES: ReadonlySet<RiskCategory> = new Set(['licensing', 'penalty', 'coercion']);

/**
 * 依照/依据/按照/根据 + 《…法》《…条例》 or 法律、法规、规章, or 依法, earlier in the sentence.
 * "本办法规定" must not count as 法规, nor 依照本办法 as a law.
 */
const CITED = new RegExp(
  `(?:依照|依据|按照|根据|遵照)(?:(?!本办法|本规定|本细则|本意见|本通知)${C}){0,12}?` +
    '(?:《[^》]{1,80}?(?:法|条例|法典)(?:实施细则|实施办法|实施条例)?》|法律|(?<!办)法规|规章(?!制度))|依法',
);

/** Placeholder for characters inside 《》: titles such as 《行政处罚法》 are citations, not wording. */
const MASK = '\uE000';

function maskTitles(s: string): string {
  if (!s.includes('《')) return s;
  return s.replace(/《[^《》]*》/g, (t) => `《${MASK.repeat(t.length - 2)}》`);
}

/** Patterns supplied with g/y flags would carry lastIndex between calls; use clean copies. */
const clean = new WeakMap<RegExp, RegExp>();
function plain(re: RegExp): RegExp {
  if (!re.global && !re.sticky) return re;
  let c = clean.get(re);
  if (!c) {
    c = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
    clean.set(re, c);
  }
  return c;
}

/**
 * A rule's patterns joined as alternatives: one scan finds the leftmost match and, at equal
 * positions, the earlier pattern — the same answer as trying each pattern, about twice as
 * fast. Null when joining could change meaning (mixed flags, back-references, named groups).
 */
const joined = new WeakMap<RiskRule, RegExp | null>();
function joinedPattern(rule: RiskRule): RegExp | null {
  if (joined.has(rule)) return joined.get(rule)!;
  const flags = new Set(rule.patterns.map((p) => p.flags.replace(/[gy]/g, '')));
  const safe = rule.patterns.length > 0 && flags.size === 1 && rule.patterns.every((p) => !/\\[1-9]|\\k<|\(\?<(?![=!])/.test(p.source));
  const re = safe ? new RegExp(rule.patterns.map((p) => `(?:${p.source})`).join('|'), [...flags][0]) : null;
  joined.set(rule, re);
  return re;
}

function firstMatch(rule: RiskRule, s: string): RegExpExecArray | null {
  const j = joinedPattern(rule);
  if (j) {
    const m = j.exec(s);
    if (!m || m[0].length > 0) return m;
  }
  // Slow path: flags differ, or an alternative matched the empty string.
  let best: RegExpExecArray | null = null;
  for (const p of rule.patterns) {
    const m = plain(p).exec(s);
    if (m && m[0].length > 0 && (!best || m.index < best.index)) best = m;
  }
  return best;
}

/** At most one flag per (sentence, rule): the earliest match, ties to the earlier pattern. */
export function flagRisks(text: string, rules: RiskRule[] = RISK_RULES): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const sentences = splitSentences(text);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const masked = maskTitles(s.text);
    const found: RiskFlag[] = [];
    for (const rule of rules) {
      const best = firstMatch(rule, masked);
      if (!best) continue;
      const start = s.start + best.index;
      const end = start + best[0].length;
      const cited = CITED_CATEGORIES.has(rule.category) && CITED.test(s.text.slice(0, best.index));
      found.push({
        rule: rule.code,
        category: rule.category,
        name: rule.name,
        severity: cited ? 'info' : 'warning',
        sentenceIndex: si,
        sentence: s.text,
        start,
        end,
        match: text.slice(start, end),
        basis: { ...rule.basis },
        advice: rule.advice,
      });
    }
    found.sort((a, b) => a.start - b.start); // stable: equal starts keep rule order
    flags.push(...found);
  }
  return flags;
}
