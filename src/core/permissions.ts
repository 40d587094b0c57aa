import type { PermissionDef } from './registry.ts';

/** Built-in roles, one per persona of DESIGN.md §2 (三员分立: admin, security auditor). */
export const BUILTIN_ROLES = [
  { code: 'sys_admin', name: '系统管理员', description: '管理机构、用户、角色、法定日历与规则参数' },
  { code: 'security_auditor', name: '安全审计员', description: '查阅与校验审计日志' },
  { code: 'legal_affairs', name: '法制机构工作人员', description: '合法性审查、备案审查、执法监督、考核与报告' },
  { code: 'enforcement_officer', name: '执法人员', description: '办理执法案件、检查与公示' },
  { code: 'legal_reviewer', name: '法制审核员', description: '重大执法决定法制审核' },
  { code: 'leader', name: '领导', description: '驾驶舱、集体讨论、审批与交办' },
  { code: 'assessment_office', name: '考核办', description: '指标体系、考核与排名' },
  { code: 'staff', name: '普通工作人员', description: '查看本人待办' },
  { code: 'expert', name: '外聘专家', description: '本人参加的论证、评查任务与书面意见' },
] as const;

export const corePermissions: (PermissionDef & { roles?: string[] })[] = [
  { code: 'org.read', name: '查看机构', roles: ['sys_admin', 'legal_affairs', 'leader', 'assessment_office', 'security_auditor'] },
  { code: 'org.manage', name: '管理机构', roles: ['sys_admin'] },
  { code: 'region.manage', name: '管理行政区划', global: true, roles: ['sys_admin'] },
  { code: 'user.read', name: '查看用户', roles: ['sys_admin', 'legal_affairs', 'leader'] },
  { code: 'user.manage', name: '管理用户与授权', roles: ['sys_admin'] },
  { code: 'role.read', name: '查看角色', roles: ['sys_admin', 'security_auditor'] },
  { code: 'role.manage', name: '管理角色', global: true, roles: ['sys_admin'] },
  { code: 'calendar.manage', name: '维护法定日历', global: true, roles: ['sys_admin'] },
  { code: 'rule.read', name: '查看规则参数', roles: ['sys_admin', 'legal_affairs', 'leader', 'assessment_office', 'security_auditor'] },
  { code: 'rule.manage', name: '维护规则参数（全国参数需全局范围）', roles: ['sys_admin'] },
  { code: 'audit.read', name: '查阅审计日志', roles: ['security_auditor'] },
  { code: 'audit.verify', name: '校验审计链', global: true, roles: ['security_auditor'] },
  { code: 'supervision.read', name: '电子监察：查看期限与红黄灯', roles: ['legal_affairs', 'leader', 'assessment_office'] },
  { code: 'supervision.notice', name: '电子监察：发出督办', roles: ['legal_affairs', 'leader'] },
  { code: 'attachment.read', name: '下载附件', roles: ['sys_admin', 'legal_affairs', 'enforcement_officer', 'legal_reviewer', 'leader', 'assessment_office'] },
  { code: 'attachment.upload', name: '上传附件', roles: ['legal_affairs', 'enforcement_officer', 'legal_reviewer', 'leader', 'assessment_office'] },
  { code: 'metric.read', name: '查看考核指标数据', roles: ['legal_affairs', 'leader', 'assessment_office'] },
];
