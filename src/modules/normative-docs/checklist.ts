/** 合法性审查 checklist: issuer, authority, legal basis, content, procedure (seed 002 measure 17). */
export const CHECKLIST = ['issuer', 'authority', 'basis', 'content', 'procedure'] as const;
export const CHECKLIST_NAMES: Record<(typeof CHECKLIST)[number], string> = { issuer: '制定主体', authority: '权限', basis: '制定依据', content: '内容', procedure: '程序' };
