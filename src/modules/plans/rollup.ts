/** Task counts of a plan node. */
export interface NodeCounts {
  total: number;
  completed: number;
  overdue: number;
}

export interface TreeNode<T> {
  id: number;
  parent_id: number | null;
  counts: NodeCounts;
  /** Completed share of the node's tasks, 0–100, or null when it has none. */
  percent: number | null;
  children: (TreeNode<T> & T)[];
}

const zero = (): NodeCounts => ({ total: 0, completed: 0, overdue: 0 });

/**
 * The plan's rows (in document order) as a tree whose every node carries its own tasks'
 * counts plus those of everything below it, so a part's bar is the sum of its areas'.
 */
export function rollUp<T extends { id: number; parent_id: number | null }>(rows: T[], own: Map<number, NodeCounts>): (TreeNode<T> & T)[] {
  const byId = new Map<number, TreeNode<T> & T>();
  for (const r of rows) byId.set(r.id, { ...r, counts: { ...(own.get(r.id) ?? zero()) }, percent: null, children: [] });
  const roots: (TreeNode<T> & T)[] = [];
  for (const r of rows) {
    const node = byId.get(r.id)!;
    const parent = r.parent_id == null ? undefined : byId.get(r.parent_id);
    (parent ? parent.children : roots).push(node);
  }
  const sum = (n: TreeNode<T> & T): NodeCounts => {
    for (const c of n.children) {
      const k = sum(c);
      n.counts.total += k.total;
      n.counts.completed += k.completed;
      n.counts.overdue += k.overdue;
    }
    n.percent = n.counts.total ? Math.round((100 * n.counts.completed) / n.counts.total) : null;
    return n.counts;
  };
  roots.forEach(sum);
  return roots;
}
