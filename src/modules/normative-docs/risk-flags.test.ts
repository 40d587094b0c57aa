import { describe, expect, it } from 'vitest';
import { flagRisks, RISK_RULES, splitSentences, type RiskRule } from './risk-flags.ts';

const only = (text: string, category: RiskRule['category']) => flagRisks(text).filter((f) => f.category === category);

describe('splitSentences', () => {
  it('splits on 。！？；and line breaks, keeping offsets into the original text', () => {
    const text = '第一条　为了规范管理，制定本办法。\n\n  第二条 本办法适用于本市；是否适用？适用！\n';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['第一条　为了规范管理，制定本办法。', '第二条 本办法适用于本市；', '是否适用？', '适用！']);
    for (const s of sentences) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });
  it('keeps a closing quote with its sentence and drops empty or punctuation-only pieces', () => {
    const text = '他说：“应当备案。”随后；；  。\n\t';
    expect(splitSentences(text)).toEqual([
      { text: '他说：“应当备案。”', start: 0 },
      { text: '随后；', start: 10 },
    ]);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n \u3000 ')).toEqual([]);
  });
  it('keeps a trailing sentence without a terminator', () => {
    expect(splitSentences('甲。乙')).toEqual([
      { text: '甲。', start: 0 },
      { text: '乙', start: 2 },
    ]);
  });
});

describe('flagRisks: one realistic clause per category', () => {
  it('licensing: approval required before operating', () => {
    const [f] = only('从事本市网约车经营的企业，须经市交通运输局批准并取得许可证。', 'licensing');
    expect(f).toMatchObject({ rule: 'licensing', severity: 'warning', match: '须经市交通运输局批准' });
    expect(f.basis).toMatchObject({ law: '中华人民共和国行政许可法', article: '第十七条' });
  });

  it('penalty: a fine set by the document itself is a warning', () => {
    const [f] = only('违反本办法规定的，由市场监管部门处以5000元以上1万元以下罚款。', 'penalty');
    expect(f).toMatchObject({ severity: 'warning', match: '处以5000元以上1万元以下罚款' });
    expect(f.basis).toMatchObject({ law: '中华人民共和国行政处罚法', article: '第十六条' });
  });

  it('penalty: applying a named law is info, not warning', () => {
    const [f] = only('依照《中华人民共和国食品安全法》第一百二十二条的规定予以处罚。', 'penalty');
    expect(f.severity).toBe('info');
    expect(only('对违反本办法的行为，依照有关法律、法规的规定予以处罚。', 'penalty')[0].severity).toBe('info');
    expect(only('由公安机关依法处以拘留。', 'penalty')[0].severity).toBe('info');
  });

  it('penalty: "本办法规定" is not a law (法规 inside 办法规定)', () => {
    expect(only('依照本办法规定处以罚款。', 'penalty')[0].severity).toBe('warning');
  });

  it('coercion: sealing premises', () => {
    const [f] = only('对拒不整改的，可以查封其经营场所。', 'coercion');
    expect(f).toMatchObject({ severity: 'warning', match: '查封' });
    expect(f.basis).toMatchObject({ law: '中华人民共和国行政强制法', article: '第十条第四款' });
    expect(only('对未缴纳物业费的业主，停止供水供电。', 'coercion')[0].match).toBe('停止供水');
  });

  it('fee: a charge on applicants', () => {
    const [f] = only('申请人应当缴纳审查费200元。', 'fee');
    expect(f).toMatchObject({ severity: 'warning', match: '缴纳审查费' });
    expect(only('参加投标的企业应当提交投标保证金。', 'fee')).toHaveLength(1);
  });

  it('local_protection: forcing outside firms to set up locally', () => {
    const text = '外地企业参加本市招标的，应当在本地设立分支机构。';
    const [f] = only(text, 'local_protection');
    expect(f).toMatchObject({ severity: 'warning', match: '外地' });
    expect(f.basis).toMatchObject({ law: '公平竞争审查条例', article: '第八条至第十一条' });
    expect(only('应当使用市场监管部门指定的检测机构。', 'local_protection')).toHaveLength(1);
    expect(only('同等条件下优先采购本地产品。', 'local_protection')).toHaveLength(1);
  });

  it('obligation: a proof demanded of citizens', () => {
    const [f] = only('公民办理居住证须提供无犯罪记录证明。', 'obligation');
    expect(f).toMatchObject({ severity: 'warning', match: '须提供无犯罪记录证明' });
    expect(f.basis.law).toContain('国办发〔2018〕37号');
    expect(only('任何单位和个人不得在公共绿地内停放车辆。', 'obligation')[0].match).toBe('不得');
    expect(only('列入严重失信主体名单，实施联合惩戒。', 'obligation')).toHaveLength(1);
  });

  it('only licensing, penalty and coercion are lowered to info by a cited law', () => {
    const text = '依照《中华人民共和国城市房地产管理法》的规定，申请人应当缴纳审查费。';
    expect(only(text, 'fee')[0].severity).toBe('warning');
    expect(only('企业应当依法取得食品经营许可证。', 'licensing')[0].severity).toBe('info');
  });
});

describe('flagRisks: what it leaves alone', () => {
  it('a clean text yields no flags', () => {
    expect(flagRisks('为规范本市公共文化设施管理，提高服务水平，制定本办法。本办法自公布之日起施行。')).toEqual([]);
  });

  it.each([
    '根据《中华人民共和国行政许可法》《中华人民共和国行政处罚法》等法律法规，结合本地实际，制定本办法。',
    '依照《中华人民共和国行政处罚法》第三十三条的规定执行。',
    '本办法不得与上位法相抵触。',
    '行政机关不得向申请人收取任何费用。',
    '执法人员不得随意扣押当事人财物。',
    '不得要求申请人提供无犯罪记录证明。',
    '不得对外地企业实行歧视性待遇。',
    '公民无须提供户籍证明。',
    '审查期限不得超过20个工作日。',
    '符合条件的，依照规定不予行政处罚。',
    '取消无法律法规依据的前置审批。',
    '在出入口设置安全警告标志。',
    '罚款收入全额上缴国库。',
    '以划拨方式取得国有土地使用权。',
    '市场监管部门应当加强对经营者的监督检查。',
    '积极开拓国外市场。',
  ])('no flag: %s', (text) => {
    expect(flagRisks(text)).toEqual([]);
  });
});

describe('flagRisks: shape of the result', () => {
  const doc = [
    '第一条 为规范网约车经营，制定本办法。',
    '第二条 从事本市网约车经营的企业，须经市交通运输局批准并取得许可证。',
    '第三条 申请人应当缴纳审查费200元；外地企业参加本市招标的，应当在本地设立分支机构。',
    '第四条 违反本办法规定的，由市场监管部门处以5000元以上1万元以下罚款，并没收违法所得。',
  ].join('\n');

  it('offsets point at the matched words and flags are in text order', () => {
    const flags = flagRisks(doc);
    expect(flags.length).toBeGreaterThanOrEqual(5);
    for (const f of flags) {
      expect(doc.slice(f.start, f.end)).toBe(f.match);
      expect(f.sentence).toContain(f.match);
      expect(splitSentences(doc)[f.sentenceIndex].text).toBe(f.sentence);
    }
    const starts = flags.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(flags.map((f) => f.category)).toEqual(expect.arrayContaining(['licensing', 'fee', 'local_protection', 'penalty']));
  });

  it('gives at most one flag per sentence and rule, the first match', () => {
    const penalties = only(doc, 'penalty');
    expect(penalties).toHaveLength(1);
    expect(penalties[0].match).toBe('处以5000元以上1万元以下罚款');
    const keys = flagRisks(doc).map((f) => `${f.sentenceIndex}:${f.rule}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries the rule data and does not share the basis object', () => {
    const [f] = only('对拒不整改的，可以查封其经营场所。', 'coercion');
    const rule = RISK_RULES.find((r) => r.code === f.rule)!;
    expect(f).toMatchObject({ name: rule.name, advice: rule.advice, basis: rule.basis });
    expect(f.basis).not.toBe(rule.basis);
  });

  it('has one rule per category with a cited basis', () => {
    expect(RISK_RULES.map((r) => r.category).sort()).toEqual(['coercion', 'fee', 'licensing', 'local_protection', 'obligation', 'penalty']);
    for (const r of RISK_RULES) {
      expect(r.basis.law).not.toBe('');
      expect(r.basis.quote).toBeTruthy();
      expect(r.patterns.length).toBeGreaterThan(0);
    }
  });

  it('accepts custom rules, even with global regular expressions', () => {
    const rules: RiskRule[] = [
      { code: 'x', category: 'fee', name: '测试', patterns: [/押金/g], basis: { law: '测试' }, advice: '测试' },
    ];
    const text = '收取押金。退还押金。';
    expect(flagRisks(text, rules).map((f) => f.start)).toEqual([2, 7]);
    expect(flagRisks(text, rules).map((f) => f.start)).toEqual([2, 7]);
  });

  it('handles 100 KB of text', () => {
    const sentence = '违反本办法规定的，由市场监管部门处以5000元以上1万元以下罚款。';
    const text = sentence.repeat(Math.ceil(100_000 / sentence.length));
    const n = text.length / sentence.length;
    const flags = flagRisks(text);
    expect(flags).toHaveLength(n);
    expect(flags.every((f) => f.category === 'penalty' && f.severity === 'warning')).toBe(true);
    expect(flags[n - 1].start).toBe((n - 1) * sentence.length + sentence.indexOf('处以'));
  });
});
