import { describe, expect, it } from 'vitest';
import { rollUp } from './rollup.ts';

describe('plan roll-up', () => {
  const rows = [
    { id: 1, parent_id: null, title: '二、主要任务' },
    { id: 2, parent_id: 1, title: '（一）' },
    { id: 3, parent_id: 2, title: '措施1' },
    { id: 4, parent_id: 2, title: '措施2' },
    { id: 5, parent_id: 1, title: '（二）' },
    { id: 6, parent_id: null, title: '三、组织保障' },
  ];

  it('sums the tasks of every node below into each node and its percentage', () => {
    const tree = rollUp(rows, new Map([[3, { total: 2, completed: 1, overdue: 1 }], [4, { total: 2, completed: 2, overdue: 0 }], [5, { total: 1, completed: 0, overdue: 0 }]]));
    expect(tree.map((n) => n.title)).toEqual(['二、主要任务', '三、组织保障']);
    expect(tree[0].counts).toEqual({ total: 5, completed: 3, overdue: 1 });
    expect(tree[0].percent).toBe(60);
    expect(tree[0].children[0].counts).toEqual({ total: 4, completed: 3, overdue: 1 });
    expect(tree[0].children[0].children.map((c) => c.percent)).toEqual([50, 100]);
  });

  it('leaves a node without tasks at no percentage rather than 0%', () => {
    const tree = rollUp(rows, new Map());
    expect(tree[1]).toMatchObject({ counts: { total: 0, completed: 0, overdue: 0 }, percent: null, children: [] });
  });
});
