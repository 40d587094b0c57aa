import { useQuery } from '@tanstack/react-query';
import { get } from '../../core/api';
import { useSubmitFor } from '../../core/useSubmit';
import type { AccountabilityFormCode, AdviserKind, AdviserProfession, AmendmentKind, AssignmentSource, CatalogueStatus, CommentAnswer, DecisionStatus, DrawExclusion, EvaluationConclusion, ExpertField, MeetingKind } from '../../../../src/modules/decisions/labels.ts';
import type { ATTENDEE_ROLE_LABELS, HEAD_DECISION_LABELS, MEMBER_VIEW_LABELS } from '../../../../src/modules/decisions/labels.ts';
import type { RiskKind, RiskLevel } from '../../../../src/modules/decisions/decision-rules.ts';

// The codes and their Chinese names, as the server has them (a file without imports).
export * from '../../../../src/modules/decisions/labels.ts';

/** Shapes of the decisions API (src/modules/decisions/*.ts). */
export interface CatalogueRow {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  title: string;
  status: CatalogueStatus;
  due_on: string;
  published_on: string | null;
  version: number;
  item_count: number;
  hearing_count: number;
}
export interface CatalogueItem {
  id: number;
  title: string;
  deciding_body: string;
  undertaking_org_id: number;
  undertaking_org_name: string;
  planned_start: string | null;
  planned_end: string | null;
  hearing_required: boolean;
  legal_basis: string | null;
  notes: string | null;
  removed_on: string | null;
  version: number;
}
export interface Amendment {
  id: number;
  item_title: string;
  kind: AmendmentKind;
  reason: string;
  amended_on: string;
}
export interface CatalogueDetail extends Omit<CatalogueRow, 'item_count' | 'hearing_count'> {
  on_time: boolean | null;
  items: CatalogueItem[];
  amendments: Amendment[];
  deadline: { id: number; due_date: string; status: string } | null;
  abilities: { edit: boolean; publish: boolean; amend: boolean };
}
export interface AdviserRow {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  kind: AdviserKind;
  profession: AdviserProfession;
  affiliation: string;
  fields: string[];
  term_start: string | null;
  term_end: string | null;
  contact_masked: string | null;
  active: boolean;
  engaged_until: string | null;
  opinion_count: number;
}
export interface AdviserDetail extends Omit<AdviserRow, 'engaged_until' | 'opinion_count'> {
  contact: string | null;
  engagements: { id: number; start_on: string; end_on: string; scope: string }[];
  opinions: { id: number; subject_type: string; subject_id: string; subject_title: string; opinion: string; given_on: string }[];
  abilities: { edit: boolean };
}
export interface ExpertRow {
  id: number;
  org_id: number;
  org_name: string;
  name: string;
  fields: ExpertField[];
  affiliation: string;
  title: string | null;
  contact_masked: string | null;
  active: boolean;
  version: number;
  conflict_count: number;
  assignment_count: number;
}
export interface ExpertDetail extends Omit<ExpertRow, 'conflict_count' | 'assignment_count'> {
  contact: string | null;
  id_number: string | null;
  conflicts: { id: number; conflict_org_name: string | null; subject_type: string | null; subject_id: string | null; description: string; declared_on: string }[];
  assignments: { id: number; subject_type: string; subject_id: string; field: ExpertField; source: 'draw' | 'manual'; reason: string | null }[];
  abilities: { edit: boolean };
}
export interface DrawRecord {
  id: number;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  seed: string;
  drawn: { expertId: number; field: ExpertField; affiliation: string; name?: string; title?: string | null }[];
  excluded: { expertId: number; reason: DrawExclusion; detail?: string; name?: string }[];
}
export interface DrawRow {
  id: number;
  org_name: string;
  subject_type: string;
  subject_id: string;
  subject_title: string;
  seed: string;
  drawn_count: number;
  at: string;
}
export interface PublicCatalogue {
  id: number;
  org_name: string;
  year: number;
  title: string;
  published_on: string;
  item_count?: number;
  hearing_count?: number;
}
export interface PublicCatalogueDetail extends PublicCatalogue {
  items: CatalogueItem[];
  hearing_items: CatalogueItem[];
  amendments: { kind: AmendmentKind; item_title: string; reason: string; amended_on: string }[];
}

/** Mutations refresh this module's lists and 我的待办 (the catalogue deadline). */
export const useSubmit = () => useSubmitFor([['decisions'], ['my-deadlines']]);

export const useCatalogues = () => useQuery({ queryKey: ['decisions', 'catalogues'], queryFn: () => get<CatalogueRow[]>('/api/decisions/catalogues') });
export const useExperts = () => useQuery({ queryKey: ['decisions', 'experts'], queryFn: () => get<ExpertRow[]>('/api/decisions/experts') });

// ── the decision procedure ──
export type { RiskKind, RiskLevel } from '../../../../src/modules/decisions/decision-rules.ts';
export { RISK_KINDS, RISK_KIND_LABELS, RISK_LEVEL_LABELS } from '../../../../src/modules/decisions/decision-rules.ts';

export interface DecisionRow {
  id: number;
  org_id: number;
  title: string;
  deciding_body: string;
  undertaking_org_name: string;
  status: DecisionStatus;
  instance_id: number;
  hearing_required: boolean;
  catalogue_item_id: number | null;
  comment_until: string | null;
  decided_on: string | null;
  published_on: string | null;
}
export interface Hearing {
  heldOn: string;
  participants: { name: string; sector: string }[];
  record: string;
  adoptionReasons?: string;
}
export interface RiskAssessment {
  items: { kind: RiskKind; level: RiskLevel; description: string }[];
  overallLevel: RiskLevel;
  passed: boolean;
  disposalPlan: string;
  assessedOn: string;
}
export interface Meeting {
  meetingKind: MeetingKind;
  heldOn: string;
  attendees: { name: string; role: keyof typeof ATTENDEE_ROLE_LABELS; view?: keyof typeof MEMBER_VIEW_LABELS; opinion?: string }[];
  headDecision: keyof typeof HEAD_DECISION_LABELS;
  headReason?: string;
  minutes: string;
}
export interface Evaluation {
  opinionsGathered: string;
  thirdParty?: string;
  conclusion: EvaluationConclusion;
  report: string;
  evaluatedOn?: string;
}
export interface AccountabilityRow {
  id: number;
  decision_id: number;
  decision_title?: string;
  person_name: string;
  person_post: string;
  form: AccountabilityFormCode;
  reason: string;
  decided_on: string;
  deciding_body: string;
  at: string;
}
export interface DecisionDossier {
  id: number;
  org_id: number;
  org_name?: string;
  title: string;
  deciding_body: string;
  undertaking_org_id: number;
  undertaking_org_name?: string;
  catalogue_item_id: number | null;
  catalogue_item_title?: string | null;
  no_catalogue_reason: string | null;
  hearing_required: boolean;
  status: DecisionStatus;
  instance_id: number;
  plan_text: string | null;
  comment_from: string | null;
  comment_until: string | null;
  adoption_summary: string | null;
  hearing: Hearing | null;
  risk: RiskAssessment | null;
  review_submitted_on: string | null;
  review_concluded_on: string | null;
  review_passed: boolean | null;
  review_opinion: string | null;
  adviser_opinion_id: number | null;
  meeting: Meeting | null;
  decided_on: string | null;
  published_on: string | null;
  explanation: string | null;
  evaluation: Evaluation | null;
  closed_on: string | null;
  comments: { id: number; content: string; commenter: string | null; answer: CommentAnswer | null; answer_reason: string | null; answered_at: string | null; created_at: string; has_contact: boolean }[];
  expert_opinions: { id: number; expert_id: number; expert_name: string; affiliation: string; opinion: string; given_on: string }[];
  adviser_opinions: { id: number; adviser_name: string; opinion: string; given_on: string }[];
  progress: { id: number; reported_on: string; progress: string; problems: string | null }[];
  expert_assignments: { id: number; expert_id: number; expert_name: string; affiliation: string; field: ExpertField; source: AssignmentSource; reason: string | null }[];
  accountability?: AccountabilityRow[];
  abilities: { handle: boolean };
}
export interface MyAssignment {
  id: number;
  decision_id: number;
  decision_title: string;
  decision_status: DecisionStatus;
  org_name: string;
  field: ExpertField;
  source: AssignmentSource;
  at: string;
  opinion: string | null;
  given_on: string | null;
}
export interface TracePerson {
  kind: 'user' | 'meeting' | 'expert' | 'adviser' | 'hearing';
  name: string;
  role: string;
  step: string;
  on: string | null;
  what?: string | null;
}
export interface Trace {
  people: TracePerson[];
  steps: { id: number; name: string; from_state: string; to_state: string; actor_name: string | null; note: string | null; at: string }[];
  accountability: (AccountabilityRow & { form_label: string })[];
  audit: { seq: number; at: string; actor_name: string | null; action: string; entity_type: string; entity_id: string }[];
  chain: { ok: boolean; checked: number; firstBad?: { seq: number; detail: string } };
}
export interface PublicDraft {
  id: number;
  title: string;
  deciding_body: string;
  undertaking_org_name: string;
  plan_text: string | null;
  comment_from: string;
  comment_until: string;
  hearing_required: boolean;
  hearing: Hearing | null;
}
export interface PublishedDecision {
  id: number;
  title: string;
  deciding_body: string;
  undertaking_org_name: string;
  decided_on: string | null;
  published_on: string;
  explanation: string | null;
  adoption_summary: string | null;
  status: DecisionStatus;
  expert_opinions?: { expert_name: string; affiliation: string; opinion: string; given_on: string }[];
  hearing_participants?: { name: string; sector: string }[] | null;
  hearing_adoption_reasons?: string | null;
}

export const useDecisions = () => useQuery({ queryKey: ['decisions', 'list'], queryFn: () => get<DecisionRow[]>('/api/decisions') });
export const useDecision = (id: number) => useQuery({ queryKey: ['decisions', 'decision', id], enabled: Number.isInteger(id) && id > 0, queryFn: () => get<DecisionDossier>(`/api/decisions/${id}`) });
