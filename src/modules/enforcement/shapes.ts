/**
 * Column groups and rows of the enforcement module that the tables (schema.ts), the
 * answers of the API and the web app share. Imports only the types of labels.ts, itself
 * without imports: the web app imports this file too.
 */
import type { PenaltyKind, PowerType } from './labels.ts';

/** Numeric columns come back from PostgreSQL as strings. */
export type Money = string | number;

/** What a power (职权事项) is: its code, name, type, legal basis and the unit in charge. */
export interface PowerColumns {
  code: string;
  name: string;
  power_type: PowerType;
  legal_basis: string;
  internal_unit: string | null;
}

/** One band of a power's benchmark (裁量基准). */
export interface BandColumns {
  band: string;
  circumstances: string;
  fine_min: Money | null;
  fine_max: Money | null;
  other_penalties: string | null;
}

/** An officer's training, examination and certificate. */
export interface QualificationColumns {
  trained_on: string | null;
  exam_passed_on: string | null;
  cert_no: string | null;
  cert_issuer: string | null;
  cert_valid_from: string | null;
  cert_valid_until: string | null;
}

/** A case from the notice of the intended penalty to the decision. */
export interface CaseDecisionColumns {
  notice_on: string | null;
  proposed_fine: Money | null;
  penalty_kind: PenaltyKind | null;
  fine_amount: Money | null;
  other_penalties: string | null;
  benchmark_id: number | null;
  band_deviation_reason: string | null;
  decision_no: string | null;
  decided_on: string | null;
  decision_text: string | null;
}

/** A case from the service of the decision to its closing or transfer. */
export interface CaseExecutionColumns {
  served_on: string | null;
  service_method: string | null;
  payment_due: string | null;
  paid_on: string | null;
  paid_amount: Money | null;
  surcharge: Money | null;
  closed_on: string | null;
  transferred_to: string | null;
}

/** A recusal (回避): who applied or was named, why, and the decision on it. */
export interface RecusalColumns {
  officer_id: number;
  source: 'self' | 'organisation' | 'party';
  reason: string;
  applied_on: string;
  outcome: 'recused' | 'rejected' | null;
  decided_on: string | null;
  decision_reason: string | null;
}

/** A decision's publicity: published in time, then withdrawn in time once changed. */
export interface PublicityColumns {
  published_on: string;
  due_on: string;
  on_time: boolean;
  changed_on: string | null;
  change_kind: 'changed' | 'revoked' | 'unlawful' | null;
  change_reason: string | null;
  withdraw_due: string | null;
  withdrawn_on: string | null;
  withdraw_on_time: boolean | null;
}

/** One line of the statistics (stats.ts): a month, an organisation, a power or the total. */
export interface StatRow {
  key: string;
  label: string;
  filed: number;
  decided: number;
  closed: number;
  overdue: number;
  hearings: number;
  reviews: number;
  fines_imposed: number;
  fines_collected: number;
}
