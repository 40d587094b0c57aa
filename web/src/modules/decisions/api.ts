import { useQuery } from '@tanstack/react-query';
import { get } from '../../core/api';
import { useSubmitFor } from '../../core/useSubmit';
import type { AdviserKind, AdviserProfession, AmendmentKind, CatalogueStatus, DrawExclusion, ExpertField } from '../../../../src/modules/decisions/labels.ts';

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
