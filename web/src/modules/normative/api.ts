/** Shapes of the normative-documents API (src/modules/normative-docs/contract.ts). */
export interface Flag {
  rule: string;
  category: string;
  name: string;
  severity: 'warning' | 'info';
  sentenceIndex: number;
  sentence: string;
  start: number;
  end: number;
  match: string;
  basis: { law: string; article?: string; quote?: string };
  advice: string;
}
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
export interface DocumentDetail extends DocumentRow {
  body: string;
  legal_bases: string[];
  affects_rights: boolean;
  version: number;
  comment_from: string | null;
  flags: Flag[];
  checklistItems: string[];
  reviews: { id: number; outcome: string; checklist: Record<string, boolean>; opinion: string | null; at: string; reviewer_name: string | null }[];
  decisions: { id: number; meeting: string; meeting_date: string; decision: string; at: string }[];
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
  expired: { text: '已失效', color: 'default' },
  abolished: { text: '已废止', color: 'default' },
  withdrawn: { text: '已撤回', color: 'default' },
};
export const DOC_TYPES: Record<string, string> = { government: '政府规范性文件', department: '部门规范性文件' };
export const OUTCOMES: Record<string, string> = { pass: '通过', pass_with_changes: '修改后通过', fail: '不通过' };
export const CHECKLIST_NAMES: Record<string, string> = { issuer: '制定主体', authority: '权限', basis: '制定依据', content: '内容', procedure: '程序' };
