import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CalendarException, ExceptionKind } from './calendar.ts';
import { formatDayNumber, isValidIsoDate, parseIsoDate } from './dates.ts';

/**
 * Reads a holiday arrangement from the files offices actually receive or export:
 * - JSON: `[{date, kind, name}]`, `{days: [...]}`, or the `chinese-days` shape
 *   `{holidays: {date: name}, workdays: {date: name}}`;
 * - CSV: `date,kind,name` where kind is 休/班 (or holiday/workday), header optional;
 * - iCalendar: all-day events whose summary or description marks 休 or 班, as published
 *   by the common holiday calendars (multi-day events expand to each day).
 * Every bad line is reported, so an office can fix the file in one pass.
 */
export interface CalendarFileError {
  line: number;
  message: string;
  message_en: string;
}

export interface ParsedCalendarFile {
  format: 'json' | 'csv' | 'ics';
  exceptions: CalendarException[];
  errors: CalendarFileError[];
}

function kindOf(raw: unknown): ExceptionKind | undefined {
  const v = String(raw ?? '').trim().toLowerCase();
  if (['休', 'holiday', 'off', 'rest', '假'].includes(v)) return 'holiday';
  if (['班', 'workday', 'work', '上班'].includes(v)) return 'workday';
  return undefined;
}

function detectFormat(text: string, filename?: string): ParsedCalendarFile['format'] {
  const ext = filename?.toLowerCase().split('.').pop();
  if (ext === 'json' || ext === 'csv') return ext;
  if (ext === 'ics' || ext === 'ical') return 'ics';
  const head = text.trimStart();
  if (head.startsWith('BEGIN:VCALENDAR')) return 'ics';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return 'csv';
}

class Collector {
  readonly exceptions: CalendarException[] = [];
  readonly errors: CalendarFileError[] = [];
  private readonly seen = new Map<string, number>();
  error(line: number, message: string, message_en: string) {
    this.errors.push({ line, message, message_en });
  }
  add(line: number, date: unknown, kind: unknown, name?: unknown) {
    const d = String(date ?? '').trim();
    if (!isValidIsoDate(d)) return this.error(line, `日期无效：${d || '（空）'}`, `invalid date: ${d || '(empty)'}`);
    const k = kindOf(kind);
    if (!k) return this.error(line, `类型应为“休”或“班”：${String(kind ?? '')}`, `kind must be 休 (holiday) or 班 (workday): ${String(kind ?? '')}`);
    const prev = this.seen.get(d);
    if (prev !== undefined) return this.error(line, `日期 ${d} 与第 ${prev} 行重复`, `date ${d} repeats line ${prev}`);
    this.seen.set(d, line);
    const n = name == null ? '' : String(name).trim();
    this.exceptions.push({ date: d, kind: k, ...(n ? { name: n.slice(0, 100) } : {}) });
  }
}

function lineOfJsonIndex(text: string, key: string): number {
  const i = text.indexOf(`"${key}"`);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

function parseJson(text: string, c: Collector) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return c.error(1, `JSON 格式错误：${(err as Error).message}`, `malformed JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : Array.isArray((data as { days?: unknown })?.days) ? (data as { days: unknown[] }).days : undefined;
  if (list) {
    list.forEach((item, i) => {
      const o = (item ?? {}) as Record<string, unknown>;
      c.add(i + 1, o.date, o.kind, o.name);
    });
    return;
  }
  const obj = data as { holidays?: Record<string, string>; workdays?: Record<string, string> };
  if (obj && typeof obj === 'object' && (obj.holidays || obj.workdays)) {
    for (const [kind, map] of [['holiday', obj.holidays], ['workday', obj.workdays]] as const) {
      for (const [date, v] of Object.entries(map ?? {})) c.add(lineOfJsonIndex(text, date), date, kind, String(v).includes(',') ? String(v).split(',')[1] : v);
    }
    return;
  }
  c.error(1, 'JSON 应为日期数组，或含 holidays/workdays 的对象', 'JSON must be an array of days or an object with holidays/workdays');
}

function parseCsvText(text: string, c: Collector) {
  let rows: string[][];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, comment: '#' });
  } catch (err) {
    return c.error((err as { lines?: number }).lines ?? 1, `CSV 格式错误：${(err as Error).message}`, `malformed CSV: ${(err as Error).message}`);
  }
  // Line numbers of non-empty, non-comment lines, to report errors where the office sees them.
  const lines = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), n: i + 1 })).filter((x) => x.l && !x.l.startsWith('#'));
  rows.forEach((r, i) => {
    const line = lines[i]?.n ?? i + 1;
    if (i === 0 && !isValidIsoDate(r[0] ?? '') && /date|日期/i.test(r[0] ?? '')) return; // header
    c.add(line, r[0], r[1], r[2]);
  });
}

function parseIcs(text: string, c: Collector) {
  let comp: ICAL.Component;
  try {
    comp = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    return c.error(1, `iCalendar 格式错误：${(err as Error).message}`, `malformed iCalendar: ${(err as Error).message}`);
  }
  comp.getAllSubcomponents('vevent').forEach((ve, i) => {
    const event = new ICAL.Event(ve);
    const summary = event.summary ?? '';
    const marker = `${summary} ${event.description ?? ''}`;
    const kind = /班/.test(marker) ? 'workday' : /休/.test(marker) ? 'holiday' : undefined;
    const line = i + 1;
    if (!event.startDate) return c.error(line, `第 ${line} 个事件缺少 DTSTART`, `event ${line} has no DTSTART`);
    const start = parseIsoDate(event.startDate.toString().slice(0, 10));
    const end = event.endDate ? parseIsoDate(event.endDate.toString().slice(0, 10)) : start + 1;
    const name = summary.replace(/[（(]\s*[休班]\s*[)）]/g, '').trim();
    if (!kind) return c.error(line, `事件“${summary}”未标明休或班`, `event "${summary}" is marked neither 休 nor 班`);
    for (let d = start; d < Math.max(end, start + 1); d++) c.add(line, formatDayNumber(d), kind, name);
  });
}

export function parseCalendarFile(text: string, filename?: string): ParsedCalendarFile {
  const format = detectFormat(text, filename);
  const c = new Collector();
  if (format === 'json') parseJson(text, c);
  else if (format === 'ics') parseIcs(text, c);
  else parseCsvText(text, c);
  c.exceptions.sort((a, b) => a.date.localeCompare(b.date));
  return { format, exceptions: c.exceptions, errors: c.errors };
}
