/**
 * The codes of the plans module and their Chinese names, as the server writes them and the
 * web app shows them. No imports: the web app imports this file too.
 */

/** 规划 / 实施方案 / 年度工作要点. */
export type PlanKind = 'plan' | 'implementation' | 'annual_points';
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { plan: '规划', implementation: '实施方案', annual_points: '年度工作要点' };

export type PlanStatus = 'draft' | 'published' | 'accepted';
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: '草拟中', published: '已印发', accepted: '已验收' };

export type PlanSource = 'text' | 'docx' | 'manual';

export type NodeKind = 'part' | 'area' | 'measure' | 'item';
export const NODE_KIND_LABELS: Record<NodeKind, string> = { part: '部分', area: '领域', measure: '措施', item: '事项' };

export type TaskStatus = 'open' | 'completed' | 'cancelled';
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: '推进中', completed: '已完成', cancelled: '已撤销' };

/** A lead unit's own report, or a co-unit's report of its part to the lead. */
export type ReportKind = 'lead' | 'co_unit';
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { lead: '牵头单位报告', co_unit: '配合单位报告' };

export type AcceptanceResult = 'passed' | 'failed';
export const ACCEPTANCE_RESULT_LABELS: Record<AcceptanceResult, string> = { passed: '验收合格', failed: '验收不合格' };

export type AssignedStatus = 'open' | 'answered';
export const ASSIGNED_STATUS_LABELS: Record<AssignedStatus, string> = { open: '办理中', answered: '已办结报告' };

/** What brought a case (issue 7): an overdue task, an enforcement error-liability record, a failed decision, a complaint … */
export type AccountabilityTrigger = 'overdue_task' | 'overdue_item' | 'error_liability' | 'failed_decision' | 'complaint' | 'assessment' | 'other';
export const ACCOUNTABILITY_TRIGGER_LABELS: Record<AccountabilityTrigger, string> = {
  overdue_task: '规划任务逾期',
  overdue_item: '领导交办事项逾期',
  error_liability: '执法过错责任',
  failed_decision: '重大行政决策失误',
  complaint: '投诉举报',
  assessment: '考核不合格',
  other: '其他（上级机关、人大、政协、司法、监察、审计等机关的问责要求或建议）',
};

/**
 * 问责方式, the typed list of the seeds: seed 002 #40 (诫勉谈话 … 罢免), seed 004 #11 (责令限期整改) and
 * #13 (口头告诫、书面告诫、调离工作岗位、停职离岗培训、责令辞去领导职务), seed 003 篇2 §7 (批评、追偿、
 * 行政处分、调离执法岗位), each with the text it comes from.
 */
export const ACCOUNTABILITY_CASE_FORMS = {
  oral_warning: { label: '口头告诫', source: 'seed 004 #13' },
  written_warning: { label: '书面告诫', source: 'seed 004 #13' },
  criticism: { label: '批评', source: 'seed 003 篇2 七（一）' },
  admonition: { label: '诫勉谈话', source: 'seed 002 #40' },
  rectify_in_time: { label: '责令限期整改', source: 'seed 004 #11' },
  written_self_criticism: { label: '责令作出书面检查', source: 'seed 002 #40' },
  circulated_criticism: { label: '通报批评', source: 'seed 002 #40' },
  public_apology: { label: '责令公开道歉', source: 'seed 002 #40' },
  disqualify_honours: { label: '取消当年评先评优资格', source: 'seed 002 #40' },
  recovery: { label: '追偿', source: 'seed 003 篇2 七（一）' },
  post_adjustment: { label: '调整工作岗位', source: 'seed 002 #40' },
  off_enforcement_post: { label: '调离执法岗位', source: 'seed 003 篇2 七（一）' },
  suspension_training: { label: '停职离岗培训', source: 'seed 004 #13' },
  suspension_for_inspection: { label: '停职检查', source: 'seed 002 #40' },
  sanction: { label: '行政处分', source: 'seed 003 篇2 七（一）' },
  resign_leading_post: { label: '责令辞去领导职务', source: 'seed 004 #13' },
  resignation_for_fault: { label: '引咎辞职', source: 'seed 002 #40' },
  ordered_resignation: { label: '责令辞职', source: 'seed 002 #40' },
  recall: { label: '罢免', source: 'seed 002 #40' },
} as const;
export type AccountabilityCaseForm = keyof typeof ACCOUNTABILITY_CASE_FORMS;

export type AppealResult = 'upheld' | 'changed' | 'revoked';
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = { upheld: '维持原处理决定', changed: '变更处理决定', revoked: '撤销处理决定' };

/** The meetings a government owes each year on rule-of-law work (seed 001 四(一)). */
export type MeetingKind = 'executive_briefing' | 'leading_group' | 'work_conference';
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  executive_briefing: '政府常务会议听取依法行政（法治政府建设）工作汇报',
  leading_group: '依法行政（法治政府建设）工作领导小组会议',
  work_conference: '依法行政（法治政府建设）工作会议',
};
/** The rule parameter holding each kind's yearly minimum. */
export const MEETING_RULES: Record<MeetingKind, string> = {
  executive_briefing: 'plans.meetings_executive_briefings',
  leading_group: 'plans.meetings_leading_group',
  work_conference: 'plans.meetings_work_conference',
};

export type ReportStatus = 'draft' | 'submitted' | 'published';
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = { draft: '起草中', submitted: '已报告', published: '已公开' };
/** To whom the year's report goes (seed 002 #55): a government to the party committee, the NPC standing committee and the superior government; a department to its government and the superior department. */
export type ReportRecipient = 'party_committee' | 'npc_standing_committee' | 'superior_government' | 'own_government' | 'superior_department';
export const REPORT_RECIPIENT_LABELS: Record<ReportRecipient, string> = {
  party_committee: '同级党委',
  npc_standing_committee: '同级人大常委会',
  superior_government: '上一级政府',
  own_government: '本级政府',
  superior_department: '上一级政府有关部门',
};

export type InquiryChannel = 'visit' | 'phone' | 'online' | 'letter';
export const INQUIRY_CHANNEL_LABELS: Record<InquiryChannel, string> = { visit: '来访', phone: '来电', online: '网上', letter: '来信' };
export type InquiryOutcome = 'handled' | 'referred';
export const INQUIRY_OUTCOME_LABELS: Record<InquiryOutcome, string> = { handled: '属本单位职责，一办到底', referred: '不属本单位职责，告知承办部门' };
