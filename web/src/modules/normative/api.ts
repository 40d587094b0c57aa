import dayjs from 'dayjs';
import { post } from '../../core/api';
// Server files without imports, shared so the shapes cannot drift apart.
import type { RiskFlag as Flag } from '../../../../src/modules/normative-docs/risk-flags.ts';

/** Shapes of the normative-documents API (src/modules/normative-docs/contract.ts). */
export type { Flag };
export interface DocumentRow {
  id: number;
  title: string;
  status: string;
  doc_type: string;
  provisional: boolean;
  reg_number: string | null;
  published_on: string | null;
  effective_on: string | null;
  expires_on: string | null;
  comment_until: string | null;
  instance_id: number;
  drafting_org_name: string;
  issuer_name: string;
  updated_at: string;
}
export interface Comment {
  id: number;
  paragraph: number;
  content: string;
  /** Masked (张*) by the server; null / 匿名 when the citizen gave no name. */
  commenter: string | null;
  answer: CommentAnswer | null;
  answer_reason: string | null;
  answered_at: string | null;
  created_at: string;
}
export interface Consultation {
  id: number;
  org_id: number;
  org_name: string;
  requested_on: string;
  due_date: string | null;
  position: 'agree' | 'disagree' | null;
  reply: string | null;
  replied_at: string | null;
  escalated_at: string | null;
  resolution: string | null;
  resolved_at: string | null;
}
export interface Filing {
  filed_to_org_id: number;
  filed_to_name: string;
  filed_on: string;
  due_on: string;
  on_time: boolean;
  report: string;
  explanation: string;
  outcome: 'approved' | 'correction' | 'revoked' | null;
  opinion: string | null;
  reviewed_on: string | null;
  correction_due: string | null;
  corrected_on: string | null;
  correction_note: string | null;
}
export interface Evaluation {
  id: number;
  conclusion: Conclusion;
  report: string;
  evaluated_on: string;
}
export interface DocumentDetail extends DocumentRow {
  body: string;
  issuer_org_id: number;
  legal_bases: string[];
  affects_rights: boolean;
  consulted_org_ids: number[];
  replaces_id: number | null;
  version: number;
  comment_from: string | null;
  paragraphs: string[];
  flags: Flag[];
  checklistItems: string[];
  reviews: { id: number; outcome: string; checklist: Record<string, boolean>; opinion: string | null; at: string; reviewer_name: string | null }[];
  decisions: { id: number; meeting: string; meeting_date: string; decision: string; at: string }[];
  comments: Comment[];
  consultations: Consultation[];
  filing: Filing | null;
  evaluations: Evaluation[];
}
/** A consultation letter as the consulted department sees it (GET /api/normative/consultations). */
export interface ConsultationLetter extends Consultation {
  document_id: number;
  title: string;
  body: string;
  drafting_org_name: string;
}
export interface Escalation {
  id: number;
  document_id: number;
  title: string;
  org_name: string;
  drafting_org_name: string;
  reply: string | null;
  escalated_at: string;
  resolution: string | null;
  resolved_at: string | null;
}
export interface Suggestion {
  id: number;
  tracking_code: string;
  document_id: number;
  title: string;
  reg_number: string | null;
  name: string;
  content: string;
  status: 'received' | 'answered';
  finding: Finding | null;
  answer: string | null;
  answered_at: string | null;
  created_at: string;
  due_date: string | null;
}
export interface ExpiringDocument {
  id: number;
  title: string;
  reg_number: string | null;
  issuer_name: string;
  expires_on: string;
  status: string;
  evaluated: boolean;
}
export interface Cleanup {
  id: number;
  name: string;
  org_id: number;
  org_name: string;
  due_on: string;
  status: 'open' | 'published';
  published_on: string | null;
  items: number;
  decided: number;
}
export interface CleanupItem {
  document_id: number;
  title: string;
  reg_number: string | null;
  issuer_name: string;
  status: string;
  expires_on: string | null;
  decision: CleanupDecision | null;
  reason: string | null;
  decided_at?: string | null;
}
export interface CleanupDetail extends Omit<Cleanup, 'items' | 'decided'> {
  items: CleanupItem[];
}
export type { Bulletin, BulletinCounts } from '../../../../src/modules/normative-docs/bulletin-types.ts';
export interface ImportResult {
  imported: number;
  ids: number[];
  errors: { row: number; field: string; message: string; message_en: string }[];
}
export interface PublicDraftRow {
  id: number;
  title: string;
  issuer_name: string;
  drafting_org_name: string;
  comment_from: string;
  comment_until: string;
  comment_count: number;
}
export interface PublicDraft {
  id: number;
  title: string;
  status: string;
  issuer_name: string;
  drafting_org_name: string;
  comment_from: string;
  comment_until: string;
  open: boolean;
  paragraphs: string[];
  comments: Comment[];
}
export interface Issuer {
  org_id: number;
  org_name: string;
  doc_type: string;
  number_pattern: string;
  announced_on: string;
  announcement: string | null;
  validity_exempt: boolean;
  active: boolean;
}

export const STATUS: Record<string, { text: string; color: string }> = {
  drafting: { text: '起草', color: 'default' },
  comment: { text: '征求意见', color: 'cyan' },
  review: { text: '合法性审查', color: 'blue' },
  decision: { text: '待集体讨论', color: 'geekblue' },
  adopted: { text: '已决定待公布', color: 'purple' },
  published: { text: '已公布待备案', color: 'orange' },
  filed: { text: '已报送备案', color: 'green' },
  correction: { text: '责令纠正中', color: 'volcano' },
  approved: { text: '备案审查通过', color: 'green' },
  revoked: { text: '已撤销', color: 'default' },
  expired: { text: '已失效', color: 'default' },
  abolished: { text: '已废止', color: 'default' },
  withdrawn: { text: '已撤回', color: 'default' },
};
export const DOC_TYPES: Record<string, string> = { government: '政府规范性文件', department: '部门规范性文件' };
export const OUTCOMES: Record<string, string> = { pass: '通过', pass_with_changes: '修改后通过', fail: '不通过' };
export const CHECKLIST_NAMES: Record<string, string> = { issuer: '制定主体', authority: '权限', basis: '制定依据', content: '内容', procedure: '程序' };

/** States in which a document is in force (src/modules/normative-docs/states.ts). */
export const IN_FORCE = ['published', 'filed', 'correction', 'approved'];

export type CommentAnswer = 'adopted' | 'partly' | 'not_adopted';
export type Finding = 'lawful' | 'corrected' | 'revoked';
export type Conclusion = 'continue' | 'revise' | 'abolish';
export type CleanupDecision = 'keep' | 'amend' | 'abolish' | 'declare_invalid';

export const COMMENT_ANSWERS: Record<CommentAnswer, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '不予采纳' };
export const POSITIONS: Record<string, string> = { agree: '同意', disagree: '不同意' };
export const FINDINGS: Record<Finding, string> = { lawful: '经审查合法', corrected: '已纠正', revoked: '已撤销' };
export const CONCLUSIONS: Record<Conclusion, string> = { continue: '继续实施', revise: '修改', abolish: '废止' };
export const CLEANUP_DECISIONS: Record<CleanupDecision, string> = { keep: '保留', amend: '修改', abolish: '废止', declare_invalid: '宣布失效' };
export const FILING_OUTCOMES: Record<string, string> = { approved: '审查通过', correction: '责令限期纠正', revoked: '撤销' };
export const SUGGESTION_STATUS: Record<string, string> = { received: '办理中', answered: '已答复' };

/** Uploads one file as the multipart field `file` (the session cookie and CSRF token go with it). */
export function uploadFile<T>(url: string, file: File | Blob, name = 'upload'): Promise<T> {
  const form = new FormData();
  form.append('file', file, file instanceof File ? file.name : name);
  return post<T>(url, form);
}

/** Whole calendar days from today to an ISO date (negative when past). */
export function daysUntil(iso: string): number {
  return dayjs(iso).startOf('day').diff(dayjs().startOf('day'), 'day');
}
