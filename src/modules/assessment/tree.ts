/**
 * Pure rules of an indicator tree: nesting, the points of children against their parent,
 * and moves that would make a cycle.
 */

export interface FlatNode {
  id: number;
  parent_id: number | null;
  code: string;
  sort_order: number;
  points: number | string;
}

export type Nested<T> = T & { children: Nested<T>[] };

export function nest<T extends FlatNode>(nodes: T[]): Nested<T>[] {
  const byId = new Map<number, Nested<T>>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: Nested<T>[] = [];
  for (const n of [...byId.values()].sort((a, b) => a.sort_order - b.sort_order)) {
    const parent = n.parent_id == null ? undefined : byId.get(n.parent_id);
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

/** Tenths, so that 33.3 + 33.3 + 33.4 compares equal to 100 without float noise. */
const tenths = (x: number | string) => Math.round(Number(x) * 10);

export interface PointsProblem {
  code: string | null; // null: the system's top level
  expected: number;
  actual: number;
}

/** Every parent whose children's points do not add up to its own, and the top level against the total. */
export function pointsProblems(nodes: FlatNode[], total: number | string): PointsProblem[] {
  const out: PointsProblem[] = [];
  const children = new Map<number | null, FlatNode[]>();
  for (const n of nodes) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n]);
  const sum = (xs: FlatNode[]) => xs.reduce((a, n) => a + tenths(n.points), 0);
  const top = children.get(null) ?? [];
  if (sum(top) !== tenths(total)) out.push({ code: null, expected: Number(total), actual: sum(top) / 10 });
  for (const n of nodes) {
    const kids = children.get(n.id);
    if (kids?.length && sum(kids) !== tenths(n.points)) out.push({ code: n.code, expected: Number(n.points), actual: sum(kids) / 10 });
  }
  return out;
}

/** Whether putting `nodeId` under `newParentId` would make it its own ancestor. */
export function wouldCycle(nodes: Pick<FlatNode, 'id' | 'parent_id'>[], nodeId: number, newParentId: number | null): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent_id]));
  let at: number | null | undefined = newParentId;
  const seen = new Set<number>();
  while (at != null) {
    if (at === nodeId || seen.has(at)) return true;
    seen.add(at);
    at = parentOf.get(at);
  }
  return false;
}

/** Leaves: nodes without children. Only leaves carry a scoring method. */
export function leafIds(nodes: Pick<FlatNode, 'id' | 'parent_id'>[]): Set<number> {
  const parents = new Set(nodes.map((n) => n.parent_id).filter((p): p is number => p != null));
  return new Set(nodes.filter((n) => !parents.has(n.id)).map((n) => n.id));
}
