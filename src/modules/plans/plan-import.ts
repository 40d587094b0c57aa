/**
 * Import of a plan's text (规划 / 实施方案 / 年度工作要点) as a tree of parts, areas and
 * measures, so that each measure can be assigned and supervised (规划任务督办) without
 * retyping the document. Pure: no database; the service decides what to store.
 *
 * Chinese official documents number their headings by level (GB/T 9704-2012 7.3.3):
 * “一、” part, “（一）” area, “1.” measure, “（1）” item. Texts copied from web pages mix
 * full-width and ASCII punctuation (“(一)”, “措施:1.”), so both are accepted.
 */

export interface PlanNode {
  kind: 'part' | 'area' | 'measure' | 'item';
  /** As in the text, without its punctuation: '三', '(二)' → '二', '23', '1'. Full-width digits become ASCII. */
  number: string;
  /** The heading sentence: up to the first 。, or the whole line when it has none. */
  title: string;
  /** The node's own paragraphs (heading line without its number, then continuation paragraphs), joined by \n. */
  text: string;
  /** 1-based line of the heading in the input. */
  line: number;
  children: PlanNode[];
}

export interface ParsedPlan {
  title: string | null;
  issuer: string | null;
  /** The plan's own document number as written, e.g. 楚委〔2016〕31号. */
  docNumber: string | null;
  parts: PlanNode[];
  measureCount: number;
}

export interface FlatMeasure {
  number: string;
  title: string;
  text: string;
  /** null for a measure listed directly under a part (e.g. an organisation section without areas). */
  areaNumber: string | null;
  areaTitle: string | null;
  partNumber: string;
  line: number;
}

type Msg = { zh: string; en: string };

export class PlanImportError extends Error {
  readonly code: string;
  readonly line: number | null;
  readonly zh: string;
  readonly en: string;
  constructor(code: string, line: number | null, msg: Msg) {
    super(msg.en);
    this.name = 'PlanImportError';
    this.code = code;
    this.line = line;
    this.zh = msg.zh;
    this.en = msg.en;
  }
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const DIGITS = '[0-9０-９]';
const PART = new RegExp(`^(${CN_NUM})、\\s*(.*)$`);
const AREA = new RegExp(`^[(（](${CN_NUM})[)）]\\s*(.*)$`);
/** “措施:” opens an area's measure list; its number may follow on the same line. */
const MEASURE_INTRO = /^措施\s*[:：]\s*(.*)$/;
/** “12.” “12、” “12．” — but not a decimal such as “2.5倍”. */
const NUMBERED = new RegExp(`^(${DIGITS}{1,3})\\s*[.、．](?!${DIGITS})\\s*(.*)$`);
const ITEM = new RegExp(`^(?:[(（](${DIGITS}{1,2})[)）]|([①-⑳]))\\s*(.*)$`);
/** An annex (usually the task table) or a web page's footer follows the body; it is not part of the tree. */
const TRAILER = new RegExp(`^附件\\s*${DIGITS}*\\s*(?:[:：]|$)`);

/** Parse a plan's text. Throws PlanImportError when it has no structure to import. */
export function parsePlanText(text: string): ParsedPlan {
  if (!text.trim()) {
    throw new PlanImportError('plan_empty', null, { zh: '规划文本为空', en: 'The plan text is empty' });
  }
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.trim());
  const bodyStart = lines.findIndex((l) => PART.test(l));
  if (bodyStart < 0) {
    throw new PlanImportError('plan_no_headings', null, {
      zh: '未找到“一、”形式的一级标题，无法识别规划结构',
      en: 'No first-level heading such as “一、” was found; the plan has no structure to import',
    });
  }
  const preamble = lines.slice(0, bodyStart);
  const head = readPreamble(preamble);
  const { parts, measureCount } = readBody(lines, bodyStart);
  return { ...head, parts, measureCount };
}

/** Every measure in document order, with the area and part it belongs to. */
export function flattenMeasures(plan: ParsedPlan): FlatMeasure[] {
  const out: FlatMeasure[] = [];
  for (const part of plan.parts) {
    for (const child of part.children) {
      if (child.kind === 'measure') out.push(flat(child, null, part));
      if (child.kind === 'area') for (const m of child.children) out.push(flat(m, child, part));
    }
  }
  return out;
}

const flat = (m: PlanNode, area: PlanNode | null, part: PlanNode): FlatMeasure => ({
  number: m.number,
  title: m.title,
  text: m.text,
  areaNumber: area?.number ?? null,
  areaTitle: area?.title ?? null,
  partNumber: part.number,
  line: m.line,
});

// ---------------------------------------------------------------------------------------
// Body

/** The open nodes at each level; a paragraph that is no heading belongs to the deepest. */
interface Cursor {
  part: PlanNode | null;
  area: PlanNode | null;
  measure: PlanNode | null;
  item: PlanNode | null;
}

function readBody(lines: string[], start: number): { parts: PlanNode[]; measureCount: number } {
  const parts: PlanNode[] = [];
  const cur: Cursor = { part: null, area: null, measure: null, item: null };
  const numbering = new Numbering();
  for (let i = start; i < lines.length; i++) {
    const s = lines[i];
    if (!s) continue;
    if (TRAILER.test(s)) break;
    const line = i + 1;
    let m: RegExpExecArray | null;
    if ((m = PART.exec(s))) {
      cur.part = node('part', m[1], m[2], line);
      cur.area = cur.measure = cur.item = null;
      parts.push(cur.part);
    } else if ((m = AREA.exec(s))) {
      cur.area = node('area', m[1], m[2], line);
      cur.measure = cur.item = null;
      cur.part!.children.push(cur.area);
    } else if ((m = MEASURE_INTRO.exec(s))) {
      const rest = NUMBERED.exec(m[1]);
      if (rest) openMeasure(cur, numbering, rest, line);
      else if (m[1]) appendText(deepest(cur), s); // “措施:” followed by prose, not a list
    } else if ((m = NUMBERED.exec(s))) {
      openMeasure(cur, numbering, m, line);
    } else if (cur.measure && (m = ITEM.exec(s))) {
      cur.item = node('item', m[1] ?? m[2], m[3], line);
      cur.measure.children.push(cur.item);
    } else {
      appendText(deepest(cur), s);
    }
  }
  return { parts, measureCount: numbering.count };
}

function openMeasure(cur: Cursor, numbering: Numbering, m: RegExpExecArray, line: number) {
  // A part without areas (an organisation section: “三、组织保障” then “54.”) holds its measures itself.
  const owner = cur.area ?? cur.part!;
  const number = asciiDigits(m[1]);
  numbering.check(owner, Number(number), line);
  cur.measure = node('measure', number, m[2], line);
  cur.item = null;
  owner.children.push(cur.measure);
}

const deepest = (cur: Cursor): PlanNode => (cur.item ?? cur.measure ?? cur.area ?? cur.part)!;

function node(kind: PlanNode['kind'], number: string, heading: string, line: number): PlanNode {
  return { kind, number, title: titleOf(heading), text: heading, line, children: [] };
}

function appendText(n: PlanNode, paragraph: string) {
  n.text = n.text ? `${n.text}\n${paragraph}` : paragraph;
  // A bare “一、” line takes its title from the paragraph that follows.
  if (!n.title) n.title = titleOf(paragraph);
}

function titleOf(heading: string): string {
  const end = heading.indexOf('。');
  const sentence = end >= 0 ? heading.slice(0, end) : heading;
  return sentence.trim().replace(/[\s,，:：;；]+$/, '');
}

const asciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));

/**
 * Measure numbers must run without gaps or repeats, so that a lost or doubled paragraph
 * is reported instead of silently shifting every later measure. Plans number either
 * through the whole document (1…60, the 楚雄州 plan) or afresh in each area (1…7, 1…6);
 * the second list decides which, and every later list must follow the same rule.
 */
class Numbering {
  count = 0;
  private last = 0;
  private owner: PlanNode | null = null;
  private mode: 'unknown' | 'global' | 'local' = 'unknown';

  check(owner: PlanNode, n: number, line: number) {
    const expected = this.expected(owner, n);
    if (n !== expected) {
      throw new PlanImportError('plan_numbering_gap', line, {
        zh: `第${line}行：措施编号应为 ${expected}，实为 ${n}`,
        en: `Line ${line}: measure number should be ${expected}, found ${n}`,
      });
    }
    this.owner = owner;
    this.last = n;
    this.count++;
  }

  private expected(owner: PlanNode, n: number): number {
    if (owner === this.owner) return this.last + 1;
    if (this.last === 0) return 1;
    if (this.mode === 'unknown' && (n === 1 || n === this.last + 1)) this.mode = n === 1 ? 'local' : 'global';
    return this.mode === 'local' ? 1 : this.last + 1;
  }
}

// ---------------------------------------------------------------------------------------
// Preamble: the notice (通知), issuer, date and title before the first “一、”.

const PLAN_WORD = /规划|方案|要点/;
const YEARS_LINE = /^[(（][^()（）]*\d{4}[^()（）]*[)）]$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［【]\s*\d{4}\s*[〕\]］】]\s*第?\d+号/;
const NOTICE_ISSUER = /^(.{2,40}?)\s*(?:关于)?印发\s*《/;
const ISSUER_FIELD = /^(?:发布部门|发文机关|发文单位)\s*[:：]\s*(.+)$/;

function readPreamble(lines: string[]): Pick<ParsedPlan, 'title' | 'issuer' | 'docNumber'> {
  const titleAt = findTitleLine(lines);
  // Search for the number only above the title: the preamble's opening paragraph cites
  // other documents' numbers (中发〔2015〕36号), which are not this plan's.
  const numberArea = titleAt >= 0 ? lines.slice(0, titleAt) : lines;
  return {
    title: titleAt >= 0 ? titleWithYears(lines, titleAt) : noticeTitle(lines),
    issuer: findIssuer(lines),
    docNumber: firstMatch(numberArea, DOC_NUMBER),
  };
}

/** The last short line naming a plan before the body; sentences and the notice line are skipped. */
function findTitleLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (PLAN_WORD.test(l) && l.length <= 80 && !/[。《]|通知/.test(l)) return i;
  }
  return -1;
}

/** A title is often followed by its period on its own line: “（2016—2020年）”. */
function titleWithYears(lines: string[], at: number): string {
  const next = lines.slice(at + 1).find((l) => l.length > 0);
  return next && YEARS_LINE.test(next) ? lines[at] + next : lines[at];
}

/** Without a title line, the plan named in the notice: 印发《…》的通知. */
function noticeTitle(lines: string[]): string | null {
  const m = lines.join('').match(/《([^《》]+)》/);
  return m ? m[1].replace(/\s+/g, '') : null;
}

function findIssuer(lines: string[]): string | null {
  for (const l of lines) {
    const m = NOTICE_ISSUER.exec(l) ?? ISSUER_FIELD.exec(l);
    if (m) return m[1].replace(/\s+/g, ' ').trim();
  }
  return null;
}

function firstMatch(lines: string[], re: RegExp): string | null {
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return m[0];
  }
  return null;
}
