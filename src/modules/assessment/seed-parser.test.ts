import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParsedIndicator, assignEvenPoints, parseIndicatorText } from './seed-parser.ts';

// The seed lives beside the repo (/…/shared/seeds next to /…/main): four levels up from
// src/modules/assessment/ is the folder that holds both.
const source = readFileSync(new URL('../../../../shared/seeds/000_70bf139aba38faa9.txt', import.meta.url), 'utf8');

/**
 * Indicators per sub-item, per system, counted by hand in the seed: for each "一、…" heading,
 * the "(一)…" headings below it in order, and for each the "1." "2." … lines up to the next
 * heading; 0 where a sub-item has a plain paragraph instead of numbered indicators.
 * 50 sub-items, 136 indicators (same as `grep -c '^[0-9]\+\.'` on the file), 7 leaf sub-items.
 */
const EXPECTED_COUNTS = [
  [2, 2, 3, 2], // 一 法治思维
  [6, 5], // 二 制度规范
  [0, 2, 2, 2, 2, 2], // 三 行政决策 — (一)法律顾问 is a paragraph
  [3, 2, 2, 2], // 四 政务公开 — 四（一）1 is hard-wrapped over a blank line
  [5, 3, 4, 6, 6, 2], // 五 行政执法
  [3, 2, 2, 3, 4, 2, 2], // 六 行政监督
  [4, 8, 2, 2, 3, 0], // 七 行政救济 — (六)仲裁机构 is a paragraph
  [0, 4, 0, 0, 2, 0, 4], // 八 综合保障 — (一)(三)(四)(六) are paragraphs
  [3, 0, 3], // 九 评价考核 — (二)外部评价 is a paragraph
  [2, 3, 6, 4, 3], // 十 职能转变和方式创新
];

const all = (nodes: ParsedIndicator[]): ParsedIndicator[] => nodes.flatMap((n) => [n, ...all(n.children)]);
const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A minimal well-formed document with n systems, each with one sub-item and one indicator. */
const synthetic = (n: number) =>
  ['测试指标体系', ...NUMS.slice(0, n).flatMap((k) => [`${k}、${k}体系建设`, `基本目标:目标${k}。`, '(一)分项。', '1.指标。'])].join('\n');

const lineNumberOf = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('parseIndicatorText on the Jilin 2014 seed', () => {
  const t = parseIndicatorText(source);
  const nodes = all(t.systems);

  it('finds the title and ten systems in order', () => {
    expect(t.title).toBe('吉林省法治政府建设指标体系');
    expect(t.systems.map((s) => s.code)).toEqual(NUMS);
    expect(t.systems[0].title).toBe('法治思维体系建设');
    // The tenth is a "机制建设" with an annotation, not a "体系建设".
    expect(t.systems[9].title).toBe('政府职能转变和行政管理方式创新机制建设(两个机制)');
  });

  it('has the hand-counted sub-items and indicators', () => {
    expect(t.systems.map((s) => s.children.map((c) => c.children.length))).toEqual(EXPECTED_COUNTS);
    expect(nodes.filter((n) => n.level === 2)).toHaveLength(50);
    expect(nodes.filter((n) => n.level === 3)).toHaveLength(136);
  });

  it('keeps every node text verbatim from the source', () => {
    for (const n of nodes) expect(source).toContain(n.text);
    for (const s of t.systems) expect(source).toContain(`基本目标:${s.goal}`);
    // The hard wrap inside 四（一）1 is kept as is; the title, a first sentence, is unaffected.
    const wrapped = nodes.find((n) => n.code === '四（一）1');
    expect(wrapped?.text).toContain('指定专门机构和专\n\n门人员负责政府信息公开工作');
    expect(wrapped?.title).toBe('成立政府信息公开工作领导小组,由政务公开机构负责推进、指导、协调、监督政府信息公开工作');
    expect(t.systems[6].goal).toContain('行政复议申请渠道\n\n畅通');
  });

  it('takes the goal from the 基本目标 paragraph', () => {
    const firstGoal = source.split('\n').find((l) => l.startsWith('基本目标:'))!.slice('基本目标:'.length);
    expect(t.systems[0].goal!.startsWith(firstGoal)).toBe(true);
    expect(t.systems[0].goal).toMatch(/^领导干部学法用法机制健全/);
    expect(nodes.filter((n) => n.goal !== undefined)).toHaveLength(10);
  });

  it('spot checks', () => {
    // Two indicators require 40 学时 a year, both in 一（三）: law enforcers and legal staff.
    const fortyHours = nodes.filter((n) => n.level === 3 && n.text.includes('不少于40学时'));
    expect(fortyHours.map((n) => n.code)).toEqual(['一（三）1', '一（三）3']);
    const sub = t.systems[0].children[2];
    expect(sub.code).toBe('一（三）');
    expect(sub.title).toBe('加强行政机关工作人员法制培训和考核');
    expect(sub.children[0]).toBe(fortyHours[0]);
    // The title stops at the first ';' (the source uses ASCII ';' rather than '；').
    expect(nodes.find((n) => n.code === '一（一）1')?.title).toBe('建立健全并严格落实领导干部学法制度');
    const last = t.systems[9].children[4].children[2];
    expect(last.code).toBe('十（五）3');
    expect(last.text).toBe('3.公共信息征集机构和公共信用信息平台基本建立,逐步实现政府系统信用信息资源有效共享。');
    // The web-page footer after the tenth system is not part of any node.
    expect(nodes.some((n) => n.text.includes('编 辑'))).toBe(false);
    for (const n of nodes) expect(n.title.length).toBeLessThanOrEqual(120);
  });

  it('turns sub-items without numbered indicators into leaves carrying their paragraph', () => {
    const leaves = nodes.filter((n) => n.level === 2 && n.children.length === 0);
    expect(leaves.map((n) => n.code)).toEqual(['三（一）', '七（六）', '八（一）', '八（三）', '八（四）', '八（六）', '九（二）']);
    expect(leaves[0].title).toBe('普遍建立法律顾问制度');
    expect(leaves[0].text).toBe(
      '(一)普遍建立法律顾问制度。\n\n充分发挥政府法制机构的职能作用,设立法律顾问机构或专兼职人员,为行政决策提供法律咨询意见。',
    );
  });
});

describe('assignEvenPoints', () => {
  const t = parseIndicatorText(source);
  const tenths = (x: number | undefined) => Math.round((x ?? NaN) * 10);

  for (const total of [1000, 100, 7]) {
    it(`splits ${total} so that every level sums exactly to its parent`, () => {
      const points = assignEvenPoints(t, total);
      expect(points.size).toBe(10 + 50 + 136);
      const sum = (ns: ParsedIndicator[]) => ns.reduce((s, n) => s + tenths(points.get(n.code)), 0);
      expect(sum(t.systems)).toBe(total * 10);
      for (const n of all(t.systems)) {
        const p = points.get(n.code)!;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p * 10).toBeCloseTo(tenths(p), 9); // a multiple of 0.1
        if (n.children.length > 0) expect(sum(n.children)).toBe(tenths(p));
      }
    });
  }

  it('is even, with the remainder on the last child', () => {
    const points = assignEvenPoints(t);
    expect(points.get('一')).toBe(100);
    expect(points.get('一（三）')).toBe(25);
    expect(['一（三）1', '一（三）2', '一（三）3'].map((c) => points.get(c))).toEqual([8.3, 8.3, 8.4]);
  });
});

describe('parseIndicatorText on other and malformed input', () => {
  it('accepts full-width parentheses, 1、 and 1．, CRLF, and ignores a closing section', () => {
    const text = synthetic(10)
      .replace('(一)分项。\n1.指标。', '（一）分项甲。\n1、指标一；说明。\n2．指标二。\n（二）分项乙。\n正文。')
      .concat('\n十一、组织实施\n各地要结合实际制定实施办法。\n')
      .replace(/\n/g, '\r\n');
    const t = parseIndicatorText(text);
    expect(t.title).toBe('测试指标体系');
    const first = t.systems[0];
    expect(all([first]).map((n) => n.code)).toEqual(['一', '一（一）', '一（一）1', '一（一）2', '一（二）']);
    expect(first.children[0].children[0]).toMatchObject({ title: '指标一', text: '1、指标一；说明。' });
    expect(first.children[1]).toMatchObject({ title: '分项乙', text: '（二）分项乙。\n正文。' });
    expect(all(t.systems).some((n) => n.text.includes('组织实施'))).toBe(false);
  });

  it('rejects a document with only three systems, naming the last line', () => {
    const text = synthetic(3);
    const last = text.split('\n').length;
    expect(() => parseIndicatorText(text)).toThrow(`第${last}行`);
    expect(() => parseIndicatorText(text)).toThrow(`line ${last}: found 3 systems, expected 10`);
  });

  it('rejects a numbered indicator before any sub-item', () => {
    const text = synthetic(10).replace('基本目标:目标二。\n(一)分项。\n', '基本目标:目标二。\n');
    const at = lineNumberOf(text, '基本目标:目标二。') + 1;
    expect(() => parseIndicatorText(text)).toThrow(`第${at}行：编号指标前没有分项`);
    expect(() => parseIndicatorText(text)).toThrow(`line ${at}: numbered indicator before any sub-item`);
  });

  it('rejects an unrecognised paragraph inside the systems', () => {
    const text = synthetic(10).replace('基本目标:目标五。\n(一)分项。\n1.指标。', '基本目标:目标五。\n(一)分项。\n1.指标。\n多出来的一段。');
    expect(() => parseIndicatorText(text)).toThrow(`line ${lineNumberOf(text, '多出来的一段。')}: unrecognised line`);
  });

  it('rejects out-of-order numbering', () => {
    const text = synthetic(10).replace('1.指标。\n三、', '2.指标。\n三、');
    expect(() => parseIndicatorText(text)).toThrow('indicator numbers are not consecutive');
  });
});
