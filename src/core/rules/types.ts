import type { LegalBasis } from '../http/errors.ts';

export type RuleUnit =
  | 'working_days'
  | 'calendar_days'
  | 'months'
  | 'years'
  | 'hours'
  | 'minutes'
  | 'count'
  | 'percent'
  | 'bytes'
  | 'yuan'
  | 'list'
  | 'flag'
  | 'date';

/** A rule parameter as declared by the core or a module, seeded on first start. */
export interface RuleParamSeed {
  key: string;
  name: string;
  value: unknown;
  unit: RuleUnit;
  basis: LegalBasis;
  /** '000000' = national (default); a region code for a local rule. */
  jurisdiction?: string;
  effectiveFrom?: string;
  note?: string;
}
