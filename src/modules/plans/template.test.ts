import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUXIONG, GUIGANG, currentPlanText } from './demo.ts';
import { parsePlanText } from './plan-import.ts';

const seed = (name: string) => new URL(`../../../../shared/seeds/${name}`, import.meta.url);
const pairs: [URL, URL][] = [[CHUXIONG, seed('002_bc217efd3912f256.txt')], [GUIGANG, seed('001_7309cfa366d12d9a.txt')]];

/** The module ships seeds 001 and 002 so that a deployment without ../shared still has its demo plans. */
describe.skipIf(!fs.existsSync(pairs[0][1]))('the shipped seed plans', () => {
  it('are the seed documents, byte for byte', () => {
    for (const [shipped, original] of pairs) expect(fs.readFileSync(shipped).equals(fs.readFileSync(original))).toBe(true);
  });
});

describe("the demo city's current scheme", () => {
  it('is a text the importer reads back as 7 areas of 2 measures, numbered 1 to 14', () => {
    const plan = parsePlanText(currentPlanText(parsePlanText(fs.readFileSync(CHUXIONG, 'utf8')), 2026));
    expect(plan.title).toBe('演示市法治政府建设实施方案（2025—2027年）');
    expect(plan.parts[0].children.map((a) => a.children.length)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(plan.parts[0].children.flatMap((a) => a.children.map((m) => m.number))).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(plan.parts[0].children[2].children[0].title).toBe('健全依法决策机制');
  });
});
