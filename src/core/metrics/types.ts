import type { RawBuilder } from 'kysely';
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
  /** What a record is (an entity type of the audit chain, e.g. `normative_document`). */
  recordType: string;
  /** The web page of one record, `:id` standing for its id (e.g. `/normative/documents/:id`). */
  recordPath?: string;
  /**
   * The records behind the value, for drill-down and for freezing a round (issue 5): one
   * SELECT yielding MetricRecordRow columns over the same scope as `compute`. For a rate, one
   * row per record of the denominator, `counted` for the numerator; for a count, one row per
   * counted item; for an average, one row per item averaged. Labels carry no personal data.
   */
  records(scope: MetricScope): RawBuilder<MetricRecordRow>;
  /**
   * The value is what the records add up to — a count the counted rows, a percent the counted
   * share — so many organisations can be computed in one grouped query over `records`.
   */
  valueFromRecords?: boolean;
}

/** One record counted by a metric. */
export interface MetricRecordRow {
  entity_id: number;
  /** The organisation the record belongs to (within the scope). */
  org_id: number;
  counted: boolean;
  /** Number and title, case number and cause … never a party's name. */
  label: string;
  on_date: string | null; // YYYY-MM-DD: the date that put the record in the period
  note: string | null; // why it counts or not (e.g. 逾期 3 日备案)
}
