/**
 * 法制审核 checklist (国办发〔2018〕118号 (十三)): subject and officers, authority, facts and
 * evidence, characterisation and legal basis, procedure, discretion, documents.
 */
export const REVIEW_CHECKLIST = ['subject', 'authority', 'evidence', 'basis', 'procedure', 'discretion', 'documents'] as const;

export const REVIEW_CHECKLIST_TEXT: Record<(typeof REVIEW_CHECKLIST)[number], string> = {
  subject: '执法主体合法，执法人员具备执法资格',
  authority: '未超越法定权限',
  evidence: '案件事实清楚，证据合法充分',
  basis: '定性准确，适用法律、法规、规章正确',
  procedure: '执法程序合法',
  discretion: '裁量基准运用适当',
  documents: '执法文书规范完备',
};
