import type { Db } from '../db/client.ts';
import type { Text } from '../registry.ts';

export interface MetricScope {
  /** Organisations counted: the target organisation and its subtree. */
  orgIds: number[];
  from: string; // inclusive, YYYY-MM-DD
  to: string; // inclusive
}

export interface MetricValue {
  value: number | null; // null when the denominator is zero (nothing to measure)
  numerator?: number;
  denominator?: number;
}

/** A measurable fact for assessment (DESIGN.md §4.7), e.g. 规范性文件按时备案率. */
export interface MetricDefinition {
  code: string;
  module: string;
  name: Text;
  unit: 'percent' | 'count' | 'days' | 'ratio';
  description: Text;
  /** Higher is better (used by rank-among-peers scoring). */
  higherIsBetter: boolean;
  compute(db: Db, scope: MetricScope): Promise<MetricValue>;
}
