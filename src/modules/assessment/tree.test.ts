import { describe, expect, it } from 'vitest';
import { leafIds, nest, pointsProblems, wouldCycle } from './tree.ts';

const nodes = [
  { id: 1, parent_id: null, code: '一', sort_order: 0, points: '100.0' },
  { id: 2, parent_id: 1, code: '一（一）', sort_order: 0, points: 33.3 },
  { id: 3, parent_id: 1, code: '一（二）', sort_order: 1, points: 33.3 },
  { id: 4, parent_id: 1, code: '一（三）', sort_order: 2, points: 33.4 },
  { id: 5, parent_id: 2, code: '一（一）1', sort_order: 0, points: 33.3 },
  { id: 6, parent_id: null, code: '二', sort_order: 1, points: 100 },
];

describe('indicator tree', () => {
  it('nests children in order under their parents', () => {
    const t = nest(nodes);
    expect(t.map((n) => n.code)).toEqual(['一', '二']);
    expect(t[0].children.map((n) => n.code)).toEqual(['一（一）', '一（二）', '一（三）']);
    expect(t[0].children[0].children[0].code).toBe('一（一）1');
  });
  it('accepts children that add up to the parent to the tenth', () => {
    expect(pointsProblems(nodes, 200)).toEqual([]);
  });
  it('names each parent whose children do not add up, and the top level against the total', () => {
    const off = nodes.map((n) => (n.id === 4 ? { ...n, points: 30 } : n));
    expect(pointsProblems(off, 250)).toEqual([
      { code: null, expected: 250, actual: 200 },
      { code: '一', expected: 100, actual: 96.6 },
    ]);
  });
  it('refuses a move under the node itself or one of its descendants', () => {
    expect(wouldCycle(nodes, 1, 5)).toBe(true);
    expect(wouldCycle(nodes, 1, 1)).toBe(true);
    expect(wouldCycle(nodes, 5, 3)).toBe(false);
    expect(wouldCycle(nodes, 2, null)).toBe(false);
  });
  it('finds the leaves', () => expect([...leafIds(nodes)].sort()).toEqual([3, 4, 5, 6]));
});
