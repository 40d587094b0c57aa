/**
 * Pure parser for the text of 《吉林省法治政府建设指标体系》 (吉政发〔2014〕26号) into an
 * indicator tree, and an even split of points over that tree. No I/O: callers read the file.
 *
 * Structure recognised (line by line, blank lines skipped):
 *   preamble           everything before the first system; only used to find the title
 *   一、…              level 1, a "system" — only when its next non-blank line is 基本目标
 *   基本目标:…         the system's goal
 *   (一)… / （一）…    level 2, a sub-item; unnumbered paragraphs right after it are its body
 *   1. / 1、 / 1．…    level 3, a numbered indicator; needs a sub-item above it
 *
 * A line matching none of these continues the previous block when that block is still
 * "open": a sub-item without indicators yet (its body), or a block whose last line does not
 * end a sentence (a hard wrap — the source splits 四（一）1 as "专" / "门人员" and 七's goal).
 *
 * End of the systems: once the tenth system has started, the first line that is neither a
 * recognised heading nor a continuation (e.g. a "十一、组织实施" heading without 基本目标, a
 * web-page footer such as "编 辑:") starts trailing material, which is ignored. Before the
 * tenth system such a line is an error, so a broken structure never goes unnoticed.
 */

export interface ParsedIndicator {
  level: 1 | 2 | 3;
  /** '一', '一（二）', '一（二）3' — full-width parentheses whatever the source uses. */
  code: string;
  /** Level 1: system name; level 2: sub-item heading; level 3: first sentence (≤120 chars). */
  title: string;
  /** The node's own source text (label included, children excluded), only trimmed. */
  text: string;
  /** Level 1 only: the 基本目标 text without its label. */
  goal?: string;
  children: ParsedIndicator[];
}

export interface ParsedTemplate {
  title: string;
  systems: ParsedIndicator[];
}

/** The document announces ten systems; anything else means the text was not understood. */
const EXPECTED_SYSTEMS = 10;
const TITLE_MAX = 120;

const SYSTEM_RE = /^([一二三四五六七八九十]+)、\s*(\S.*)$/;
const GOAL_RE = /^基本目标\s*[:：]\s*/;
const SUB_RE = /^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*(\S.*)$/;
const ITEM_RE = /^([0-9０-９]+)\s*[.．、]\s*(\S.*)$/;
const ITEM_LABEL_RE = /^[0-9０-９]+\s*[.．、]\s*/;
/** A line ending like this closes its sentence, so the next plain line is not a wrap. */
const SENTENCE_END_RE = /[。！？!?；;][”’"」』)）]*$/;

/** 一…九十九 → number; anything else gives a wrong number, caught by the sequence check. */
function cnNumber(s: string): number {
  const digit = (c: string | undefined) => '一二三四五六七八九'.indexOf(c ?? '') + 1;
  const [tens, units] = s.split('十');
  if (units === undefined) return digit(tens);
  return (tens ? digit(tens) : 1) * 10 + (units ? digit(units) : 0);
}

const arabic = (s: string) => Number(s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** First sentence, up to (excluding) the first 。 or ；/;, with hard wraps joined. */
function firstSentence(s: string): string {
  const joined = s.replace(/\s*\n\s*/g, '');
  return joined.split(/[。；;]/)[0].trim().slice(0, TITLE_MAX);
}

function fail(lineIndex: number, line: string, zh: string, en: string): never {
  const n = lineIndex + 1;
  const excerpt = line.trim().slice(0, 40);
  throw new Error(`第${n}行：${zh}（line ${n}: ${en}）${excerpt ? `：${excerpt}` : ''}`);
}

/** A block that later plain lines may extend; `write` receives the raw slice of its lines. */
interface Open {
  start: number;
  end: number;
  acceptsBody: boolean;
  write(raw: string): void;
}

export function parseIndicatorText(text: string): ParsedTemplate {
  const lines = text.split(/\r?\n/);
  const raw = (o: Open) => lines.slice(o.start, o.end + 1).join('\n').trim();
  const nextNonBlank = (i: number) => lines.slice(i + 1).find((l) => l.trim() !== '')?.trim() ?? '';

  const systems: ParsedIndicator[] = [];
  const systemLines: number[] = [];
  let title: string | undefined;
  let sub: ParsedIndicator | undefined;
  let open: Open | undefined;
  // Where an error "at the end" points: the last non-blank line, not a trailing empty one.
  let stoppedAt = Math.max(0, lines.findLastIndex((l) => l.trim() !== ''));

  const openBlock = (i: number, acceptsBody: boolean, write: (raw: string) => void): Open => {
    const block = { start: i, end: i, acceptsBody, write };
    write(raw(block));
    return block;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const system = SYSTEM_RE.exec(line);
    const startsSystem = system !== null && GOAL_RE.test(nextNonBlank(i));

    if (systems.length === 0 && !startsSystem) continue; // preamble
    if (system && startsSystem) {
      if (systems.length === 0) title = findTitle(lines, i);
      if (systems.length === EXPECTED_SYSTEMS)
        fail(i, line, `体系多于${EXPECTED_SYSTEMS}个`, `more than ${EXPECTED_SYSTEMS} systems`);
      if (cnNumber(system[1]) !== systems.length + 1)
        fail(i, line, '体系编号不连续', 'system numbers are not consecutive');
      checkHasSubItems(systems, systemLines, lines);
      systems.push({ level: 1, code: system[1], title: system[2].trim(), text: line, children: [] });
      systemLines.push(i);
      sub = undefined;
      open = undefined;
      continue;
    }
    const current = systems[systems.length - 1];
    if (system) {
      // A numbered heading without 基本目标: a closing section, acceptable only after the tenth.
      if (systems.length === EXPECTED_SYSTEMS) { stoppedAt = i; break; }
      fail(i, line, '标题后没有“基本目标”', 'heading not followed by 基本目标');
    }
    if (GOAL_RE.test(line)) {
      if (current.goal !== undefined || current.children.length > 0)
        fail(i, line, '“基本目标”位置不对', 'unexpected 基本目标');
      open = openBlock(i, false, (r) => { current.goal = r.replace(GOAL_RE, '').trim(); });
      continue;
    }
    const subItem = SUB_RE.exec(line);
    if (subItem) {
      if (cnNumber(subItem[1]) !== current.children.length + 1)
        fail(i, line, '分项编号不连续', 'sub-item numbers are not consecutive');
      const node: ParsedIndicator = {
        level: 2, code: `${current.code}（${subItem[1]}）`, title: firstSentence(subItem[2]), text: line, children: [],
      };
      current.children.push(node);
      sub = node;
      open = openBlock(i, true, (r) => { node.text = r; });
      continue;
    }
    const item = ITEM_RE.exec(line);
    if (item) {
      if (!sub) fail(i, line, '编号指标前没有分项', 'numbered indicator before any sub-item');
      const n = arabic(item[1]);
      if (n !== sub.children.length + 1) fail(i, line, '指标编号不连续', 'indicator numbers are not consecutive');
      const node: ParsedIndicator = { level: 3, code: `${sub.code}${n}`, title: '', text: line, children: [] };
      sub.children.push(node);
      open = openBlock(i, false, (r) => { node.text = r; node.title = firstSentence(r.replace(ITEM_LABEL_RE, '')); });
      continue;
    }
    // A plain line: a sub-item's body, or the rest of a hard-wrapped paragraph.
    if (open && (open.acceptsBody || !SENTENCE_END_RE.test(lines[open.end].trim()))) {
      open.end = i;
      open.write(raw(open));
      continue;
    }
    if (systems.length === EXPECTED_SYSTEMS) { stoppedAt = i; break; }
    fail(i, line, '无法识别的行', 'unrecognised line');
  }

  if (systems.length !== EXPECTED_SYSTEMS)
    fail(stoppedAt, lines[stoppedAt] ?? '', `只找到${systems.length}个体系，应为${EXPECTED_SYSTEMS}个`,
      `found ${systems.length} systems, expected ${EXPECTED_SYSTEMS}`);
  checkHasSubItems(systems, systemLines, lines);
  return { title: title ?? '', systems };
}

/** The last system (so far) must have at least one sub-item, or points have nowhere to go. */
function checkHasSubItems(systems: ParsedIndicator[], systemLines: number[], lines: string[]) {
  const last = systems.length - 1;
  if (last >= 0 && systems[last].children.length === 0)
    fail(systemLines[last], lines[systemLines[last]], '体系下没有分项', 'system has no sub-items');
}

/**
 * The title is the nearest line above the first system that does not end in punctuation:
 * the preamble paragraph ends with "。", the standalone title line does not. (The notice's
 * own heading, "…指标体系的通知", lies further up and is never reached.)
 */
function findTitle(lines: string[], firstSystem: number): string {
  for (let i = firstSystem - 1; i >= 0; i--) {
    const l = lines[i].trim();
    if (l && !/[。！？!?；;，,:：]$/.test(l)) return l;
  }
  return fail(firstSystem, lines[firstSystem], '找不到文件标题', 'no document title above the first system');
}

/**
 * Even points per node code. Computed in integer tenths so sums are exact; each child gets
 * the floor of an even share (floor, not round, so the remainder is never negative) and the
 * last child takes the remainder, so children always sum exactly to their parent.
 */
export function assignEvenPoints(t: ParsedTemplate, total = 1000): Map<string, number> {
  if (!Number.isFinite(total) || total < 0) throw new Error(`总分无效（invalid total）：${total}`);
  const points = new Map<string, number>();
  const split = (nodes: ParsedIndicator[], tenths: number) => {
    const share = Math.floor(tenths / nodes.length);
    nodes.forEach((node, k) => {
      const mine = k === nodes.length - 1 ? tenths - share * (nodes.length - 1) : share;
      points.set(node.code, mine / 10);
      if (node.children.length > 0) split(node.children, mine);
    });
  };
  if (t.systems.length > 0) split(t.systems, Math.round(total * 10));
  return points;
}
