import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanImportError, flattenMeasures, parsePlanText, type PlanNode } from './plan-import.ts';

// The seeds live beside the repo (/…/shared/seeds next to /…/main): four levels up from here.
const seeds = new URL('../../../../shared/seeds/', import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, seeds), 'utf8');
// 楚雄州法治政府建设规划暨实施方案（2016—2020年）: “措施:N.” numbering, 1…60 through the document.
const CHUXIONG = seed('002_bc217efd3912f256.txt');
// 贵港市依法行政“十二五”规划: 一、/(一)/1. headings, measures numbered afresh in each area.
const GUIGANG = seed('001_7309cfa366d12d9a.txt');

const numbers = (nodes: PlanNode[]) => nodes.map((n) => n.number);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

function failure(text: string): PlanImportError {
  try {
    parsePlanText(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanImportError);
    return e as PlanImportError;
  }
  throw new Error('parsePlanText did not throw');
}

describe('parsePlanText: 楚雄州 plan with 措施 numbering', () => {
  const plan = parsePlanText(CHUXIONG);
  const [general, tasks, organisation] = plan.parts;

  it('reads title, issuer and document number from the preamble', () => {
    expect(plan.title).toBe('楚雄州法治政府建设规划暨实施方案(2016—2020年)');
    expect(plan.issuer).toBe('中共楚雄州委 楚雄州人民政府');
    // Not 中发〔2015〕36号, which the opening paragraph cites.
    expect(plan.docNumber).toBe('楚委〔2016〕31号');
  });

  it('finds the three parts and their areas', () => {
    expect(numbers(plan.parts)).toEqual(['一', '二', '三']);
    expect(plan.parts.map((p) => p.title)).toEqual(['总体要求', '主要任务和具体措施', '组织保障和落实机制']);
    expect(general.line).toBe(43);
    expect(numbers(general.children)).toEqual(['一', '二', '三', '四']);
    expect(general.children.every((a) => a.kind === 'area' && a.children.length === 0)).toBe(true);
    expect(numbers(tasks.children)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
  });

  it('yields 60 measures numbered 1…60 in order', () => {
    expect(plan.measureCount).toBe(60);
    expect(flattenMeasures(plan).map((m) => m.number)).toEqual(range(1, 60));
  });

  it('puts measures 1–53 in the seven areas as the text does', () => {
    const perArea = tasks.children.map((a) => numbers(a.children));
    expect(perArea).toEqual([range(1, 13), range(14, 20), range(21, 27), range(28, 34), range(35, 41), range(42, 48), range(49, 53)]);
  });

  it('keeps measures 54–60 directly under the organisation section, with its opening paragraph as text', () => {
    expect(organisation.children.map((c) => c.kind)).toEqual(Array(7).fill('measure'));
    expect(numbers(organisation.children)).toEqual(range(54, 60));
    expect(organisation.text).toMatch(/^组织保障和落实机制\n党的领导是全面推进依法治国/);
    const m54 = flattenMeasures(plan).find((m) => m.number === '54')!;
    expect(m54).toMatchObject({ areaNumber: null, areaTitle: null, partNumber: '三', line: 191, title: '加强党对法治政府建设的领导' });
  });

  it('keeps an area’s 目标 in its text, not the 措施 line', () => {
    const area1 = tasks.children[0];
    expect(area1).toMatchObject({ kind: 'area', number: '一', title: '依法全面履行政府职能', line: 67 });
    expect(area1.text).toMatch(/^依法全面履行政府职能。目标:以建设“五型政府”为目标/);
    expect(area1.text).not.toContain('措施');
    // The second area of 总体要求 gathers its “——职能科学 …” continuation paragraphs.
    expect(general.children[1].text).toContain('\n——职能科学。');
    expect(general.children[1].text).toContain('\n——守法诚信。');
  });

  it('gives each measure its title, text and line', () => {
    const all = flattenMeasures(plan);
    const m1 = all[0];
    expect(m1).toMatchObject({ number: '1', title: '深化行政审批制度改革', line: 69, areaNumber: '一', partNumber: '二' });
    expect(m1.text).toMatch(/^深化行政审批制度改革。全面清理精简行政审批事项/);
    const m23 = all[22];
    expect(m23.title.startsWith('提高专家论证和风险评估质量')).toBe(true);
    expect(m23).toMatchObject({ number: '23', line: 117, areaNumber: '三', areaTitle: '推进行政决策科学化民主化法治化' });
    // “ 措施:49.” has a leading space in the seed.
    expect(all[48]).toMatchObject({ number: '49', line: 177, areaNumber: '七', title: '树立重视法治素养和法治能力的用人导向' });
  });

  it('stops at the annex and the web page footer', () => {
    const last = flattenMeasures(plan)[59];
    expect(last.text).toMatch(/作出扎扎实实的贡献。$/);
  });
});

describe('parsePlanText: 贵港市 plan with 一、/(一)/1. headings', () => {
  const plan = parsePlanText(GUIGANG);
  const [goal, requirements, tasks, safeguards] = plan.parts;

  it('reads title, issuer and document number from the preamble', () => {
    expect(plan.title).toBe('贵港市依法行政“十二五”规划');
    expect(plan.issuer).toBe('贵港市人民政府办公室');
    expect(plan.docNumber).toBe('贵政办[2011]255号');
  });

  it('finds the four parts as in the text', () => {
    expect(numbers(plan.parts)).toEqual(['一', '二', '三', '四']);
    expect(plan.parts.map((p) => p.title)).toEqual(['基本目标', '基本要求', '主要任务', '保障措施']);
    expect(plan.parts.map((p) => p.line)).toEqual([16, 20, 36, 118]);
    expect(goal.children).toEqual([]);
    expect(goal.text).toMatch(/^基本目标\n有效落实合法行政/);
  });

  it('reads areas without measures in 基本要求 and 保障措施', () => {
    expect(numbers(requirements.children)).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    expect(requirements.children[6].title).toBe('强化依法行政的培训考核');
    expect(numbers(safeguards.children)).toEqual(['一', '二', '三', '四']);
    expect(safeguards.children.map((a) => a.line)).toEqual([120, 121, 123, 125]);
    expect([...requirements.children, ...safeguards.children].every((a) => a.children.length === 0)).toBe(true);
  });

  it('counts 35 measures in the seven areas of 主要任务, numbered afresh in each', () => {
    expect(plan.measureCount).toBe(35);
    expect(tasks.children.map((a) => a.title)).toEqual([
      '加快推进政府职能转变',
      '深入推进依法科学民主决策',
      '全面提高制度建设质量',
      '严格规范行政执法',
      '强化对行政行为的监督和问责',
      '完善社会矛盾纠纷化解机制',
      '强化依法行政的培训考核',
    ]);
    expect(tasks.children.map((a) => numbers(a.children))).toEqual([range(1, 7), range(1, 6), range(1, 3), range(1, 4), range(1, 5), range(1, 6), range(1, 4)]);
  });

  it('starts a measure on a line with no blank line before it', () => {
    const seventh = flattenMeasures(plan)[6];
    expect(seventh).toMatchObject({ number: '7', title: '扎实推进政务公开', line: 51, areaNumber: '一', partNumber: '三' });
  });
});

describe('parsePlanText: punctuation and levels', () => {
  it('accepts full-width parentheses, colon and dot, and 、 after a number', () => {
    const plan = parsePlanText(['某县年度工作要点', '一、重点任务', '（一）优化营商环境。目标：提速。', '措施：1．简化审批。内容。', '2、压缩时限。', '３.公开清单。'].join('\n'));
    expect(plan.title).toBe('某县年度工作要点');
    const area = plan.parts[0].children[0];
    expect(area).toMatchObject({ number: '一', title: '优化营商环境', text: '优化营商环境。目标：提速。' });
    expect(area.children.map((m) => [m.number, m.title])).toEqual([
      ['1', '简化审批'],
      ['2', '压缩时限'],
      ['3', '公开清单'],
    ]);
  });

  it('reads (1) sub-points under a measure as items, and a decimal as text', () => {
    const plan = parsePlanText(['一、任务', '1.加强执法。', '(1)培训。', '2.5倍以上的罚款不在此列。', '（2）考核。'].join('\n'));
    const [measure] = plan.parts[0].children;
    expect(measure.children.map((i) => [i.kind, i.number, i.title, i.text])).toEqual([
      ['item', '1', '培训', '培训。\n2.5倍以上的罚款不在此列。'],
      ['item', '2', '考核', '考核。'],
    ]);
    expect(plan.measureCount).toBe(1);
  });

  it('takes the title of a bare heading from the paragraph after it', () => {
    const plan = parsePlanText('一、\n总体要求。其余内容。');
    expect(plan.parts[0]).toMatchObject({ title: '总体要求', line: 1, text: '总体要求。其余内容。' });
    expect(plan).toMatchObject({ title: null, issuer: null, docNumber: null });
  });
});

describe('parsePlanText: refusals', () => {
  it('refuses empty text', () => {
    for (const text of ['', ' \n\u3000\n\r\n']) {
      const e = failure(text);
      expect(e).toMatchObject({ code: 'plan_empty', line: null });
    }
  });

  it('refuses text without a 一、 heading', () => {
    const e = failure('关于印发某某规划的通知\n(一)加强领导。\n1.建立机制。');
    expect(e).toMatchObject({ code: 'plan_no_headings', line: null });
    expect(e.zh).toContain('一、');
  });

  it('reports a skipped measure number with its line', () => {
    const e = failure(['一、任务', '(一)甲。', '措施:1.a。', '2.b。', '3.c。', '4.d。', '', '7.e。'].join('\n'));
    expect(e).toMatchObject({ code: 'plan_numbering_gap', line: 8 });
    expect(e.zh).toBe('第8行：措施编号应为 5，实为 7');
    expect(e.en).toBe('Line 8: measure number should be 5, found 7');
  });

  it('reports a repeated measure number', () => {
    const e = failure('一、任务\n1.a。\n2.b。\n2.c。');
    expect(e).toMatchObject({ code: 'plan_numbering_gap', line: 4 });
  });

  it('reports a measure lost from the seed, at the next measure’s line', () => {
    const lines = CHUXIONG.split('\n');
    lines[76] = ''; // line 77: “5.全面落实权力清单…”
    const e = failure(lines.join('\n'));
    expect(e).toMatchObject({ code: 'plan_numbering_gap', line: 79 });
    expect(e.zh).toBe('第79行：措施编号应为 5，实为 6');
  });

  it('holds every list to the rule the second list set: numbering through, or afresh per area', () => {
    const through = ['一、任务', '(一)甲', '1.a。', '2.b。', '(二)乙', '3.c。', '(三)丙', '1.d。'].join('\n');
    expect(failure(through)).toMatchObject({ code: 'plan_numbering_gap', line: 8, zh: '第8行：措施编号应为 4，实为 1' });
    const afresh = ['一、任务', '(一)甲', '1.a。', '2.b。', '(二)乙', '1.c。', '(三)丙', '2.d。'].join('\n');
    expect(failure(afresh)).toMatchObject({ code: 'plan_numbering_gap', line: 8, zh: '第8行：措施编号应为 1，实为 2' });
    const wrongStart = ['一、任务', '(一)甲', '2.a。'].join('\n');
    expect(failure(wrongStart)).toMatchObject({ code: 'plan_numbering_gap', line: 3 });
  });
});
