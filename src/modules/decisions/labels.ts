/**
 * The codes of the major-decisions module and their Chinese names, as the server writes
 * them and the web app shows them. No imports: the web app imports this file too.
 */

/** Fields of an expert (seed 002 #23: 社会稳定、环境保护、社会效益、法律纠纷、财政和公共安全; seed 003 篇6 §2(三): 经济、法律、科技). */
export type ExpertField = 'law' | 'economy' | 'environment' | 'engineering' | 'finance' | 'public_safety' | 'social_stability' | 'other';
export const EXPERT_FIELD_LABELS: Record<ExpertField, string> = {
  law: '法律',
  economy: '经济',
  environment: '生态环境',
  engineering: '工程技术',
  finance: '财政金融',
  public_safety: '公共安全',
  social_stability: '社会稳定',
  other: '其他',
};
export const EXPERT_FIELDS = Object.keys(EXPERT_FIELD_LABELS) as ExpertField[];

export type AdviserKind = 'in_house' | 'external';
export const ADVISER_KIND_LABELS: Record<AdviserKind, string> = { in_house: '内部法律顾问（法制机构人员）', external: '外聘法律顾问' };
export type AdviserProfession = 'lawyer' | 'scholar' | 'official' | 'other';
export const ADVISER_PROFESSION_LABELS: Record<AdviserProfession, string> = { lawyer: '执业律师', scholar: '法学专家学者', official: '法制机构工作人员', other: '其他法律专业人员' };

export type CatalogueStatus = 'draft' | 'published';
export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = { draft: '草拟中', published: '已公布' };

export type AmendmentKind = 'add' | 'change' | 'remove';
export const AMENDMENT_KIND_LABELS: Record<AmendmentKind, string> = { add: '增列事项', change: '调整事项', remove: '移出事项' };

/** Why an expert of the pool was not drawn. */
export type DrawExclusion = 'inactive' | 'conflict' | 'already_drawn' | 'field_full' | 'not_requested';
export const DRAW_EXCLUSION_LABELS: Record<DrawExclusion, string> = {
  inactive: '已停用',
  conflict: '存在利害关系（回避）',
  already_drawn: '已被抽取参加该事项论证',
  field_full: '该领域名额已满（未抽中）',
  not_requested: '所属领域不在本次抽取范围',
};

/** The states of the procedure decisions.decision (procedure.ts), as the lists show them. */
export type DecisionStatus = 'initiated' | 'planned' | 'comment' | 'argumentation' | 'risk' | 'legality' | 'discussion' | 'decided' | 'implementing' | 'suspended' | 'evaluated' | 'rejected' | 'stopped' | 'closed';
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  initiated: '已起动',
  planned: '拟订方案',
  comment: '公众参与',
  argumentation: '专家论证',
  risk: '风险评估',
  legality: '合法性审查',
  discussion: '待集体讨论决定',
  decided: '已决定待公布',
  implementing: '执行中',
  suspended: '暂停执行',
  evaluated: '已后评估',
  rejected: '决定不予通过',
  stopped: '已停止执行',
  closed: '已办结',
};

export type CommentAnswer = 'adopted' | 'partly' | 'not_adopted';
export const COMMENT_ANSWER_LABELS: Record<CommentAnswer, string> = { adopted: '采纳', partly: '部分采纳', not_adopted: '不予采纳' };

export type MeetingKind = 'executive' | 'plenary' | 'leadership';
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = { executive: '政府常务会议', plenary: '政府全体会议', leadership: '部门领导班子会议' };
export const ATTENDEE_ROLE_LABELS: Record<'head' | 'member' | 'legal_head' | 'other', string> = { head: '行政首长', member: '会议组成人员', legal_head: '法制机构负责人（列席）', other: '其他列席人员' };
export const MEMBER_VIEW_LABELS: Record<'agree' | 'disagree' | 'abstain', string> = { agree: '同意', disagree: '不同意', abstain: '弃权' };
export const HEAD_DECISION_LABELS: Record<'adopt' | 'adopt_amended' | 'reject', string> = { adopt: '决定通过', adopt_amended: '决定修改后通过', reject: '决定不予通过' };

export type EvaluationConclusion = 'continue' | 'adjust' | 'stop';
export const EVALUATION_CONCLUSION_LABELS: Record<EvaluationConclusion, string> = { continue: '继续执行', adjust: '调整', stop: '停止执行' };

export type AssignmentSource = 'draw' | 'manual';
export const ASSIGNMENT_SOURCE_LABELS: Record<AssignmentSource, string> = { draw: '随机抽取', manual: '直接选定' };

/** 问责方式 of seed 002 #40 (健全诫勉谈话……罢免等问责方式), in its order; accountability-contract.ts and the web app read this list. */
export type AccountabilityFormCode = 'admonition' | 'disqualify_honours' | 'written_self_criticism' | 'circulated_criticism' | 'public_apology' | 'post_adjustment' | 'suspension_for_inspection' | 'resignation_for_fault' | 'ordered_resignation' | 'recall';
export const ACCOUNTABILITY_FORM_TEXT: Record<AccountabilityFormCode, string> = {
  admonition: '诫勉谈话',
  disqualify_honours: '取消当年评先评优资格',
  written_self_criticism: '责令作出书面检查',
  circulated_criticism: '通报批评',
  public_apology: '责令公开道歉',
  post_adjustment: '调整工作岗位',
  suspension_for_inspection: '停职检查',
  resignation_for_fault: '引咎辞职',
  ordered_resignation: '责令辞职',
  recall: '罢免',
};
