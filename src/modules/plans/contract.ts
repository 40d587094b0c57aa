import { Type } from '@sinclair/typebox';
import { Id, IsoDate } from '../../core/http/schemas.ts';
import { PLAN_KIND_LABELS, type PlanKind } from './labels.ts';

/** Request and response schemas of the plans API (plans, tasks, progress, acceptance, assigned items). */
const Str = (min: number, max: number, description?: string) => Type.String({ minLength: min, maxLength: max, ...(description ? { description } : {}) });
const lit = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Version = Type.Integer({ minimum: 1 });

export const Row = Type.Object({}, { additionalProperties: true });
export const Rows = Type.Array(Row);

// ── plans ──
const PlanKindLit = lit(Object.keys(PLAN_KIND_LABELS) as PlanKind[], '规划 plan / 实施方案 implementation / 年度工作要点 annual_points');
/** The largest plan text accepted (seed 002 is about 60,000 characters). */
export const MAX_PLAN_TEXT = 400_000;
export const ParseIn = Type.Object({ text: Str(1, MAX_PLAN_TEXT, '规划全文（按"一、""（一）""措施：1."等标题分层）') }, { additionalProperties: false });
export const PlanImportIn = Type.Object(
  {
    orgId: Id,
    kind: PlanKindLit,
    text: ParseIn.properties.text,
    source: Type.Optional(lit(['text', 'docx'] as const)),
    title: Type.Optional(Str(4, 200, '不填则取正文中的标题')),
    docNumber: Type.Optional(Str(2, 60, '文号，不填则取正文中的文号')),
    startYear: Year,
    endYear: Year,
    defaultDueOn: Type.Optional(Type.Union([IsoDate], { description: '未明确时限的任务的完成日（如 seed 002 措施60：2019年年底前）；默认为规划期末' })),
  },
  { additionalProperties: false },
);
export const PlanQuery = Type.Object({ orgId: Type.Optional(Id), status: Type.Optional(Str(2, 20)) }, { additionalProperties: false });
export const VersionIn = Type.Object({ version: Version }, { additionalProperties: false });
export const AcceptanceIn = Type.Object(
  { orgId: Id, checkedOn: IsoDate, result: lit(['passed', 'failed'] as const, '验收合格 / 不合格'), findings: Str(2, 10000, '检查验收情况') },
  { additionalProperties: false },
);

// ── tasks ──
const Milestone = Type.Object({ title: Str(2, 200), dueOn: IsoDate }, { additionalProperties: false });
export const TaskIn = Type.Object(
  {
    nodeId: Id,
    title: Str(2, 300, '任务名称'),
    leadOrgId: Id,
    coOrgIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true, description: '配合单位' })),
    responsibleName: Str(2, 50, '责任人'),
    responsibleUserId: Type.Optional(Id),
    deliverable: Str(2, 500, '可检验的成果形式'),
    year: Type.Optional(Year),
    dueOn: Type.Optional(Type.Union([IsoDate], { description: '不填则为规划的默认完成日（或分解年度的年底）' })),
    milestones: Type.Optional(Type.Array(Milestone, { maxItems: 24 })),
  },
  { additionalProperties: false },
);
export const TaskQuery = Type.Object(
  {
    planId: Type.Optional(Id),
    orgId: Type.Optional(Id),
    mine: Type.Optional(Type.Boolean({ description: '本单位牵头或配合的任务' })),
    status: Type.Optional(lit(['open', 'completed', 'cancelled', 'overdue'] as const)),
    year: Type.Optional(Year),
  },
  { additionalProperties: false },
);
export const ProgressIn = Type.Object(
  {
    orgId: Type.Optional(Type.Union([Id], { description: '报告单位（配合单位报告本单位承担的部分时填写；默认牵头单位）' })),
    milestoneId: Type.Optional(Id),
    milestoneDone: Type.Optional(Type.Boolean({ description: '该节点已完成' })),
    reportedOn: IsoDate,
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    content: Str(2, 10000, '进展情况'),
    evidence: Type.Optional(Str(2, 2000, '佐证材料说明')),
    attachmentId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export const CompleteIn = Type.Object({ version: Version, completedOn: IsoDate, note: Str(2, 10000, '完成情况和成果') }, { additionalProperties: false });
export const CancelIn = Type.Object({ version: Version, reason: Str(4, 2000, '撤销理由') }, { additionalProperties: false });

// ── assigned items ──
export const AssignedIn = Type.Object(
  {
    orgId: Id,
    title: Str(2, 200, '交办事项'),
    content: Str(2, 10000, '交办、批办内容'),
    assignedOn: IsoDate,
    dueOn: Type.Optional(Type.Union([IsoDate], { description: '交办时限；不填则按规则参数（15个工作日）' })),
  },
  { additionalProperties: false },
);
export const AssignedQuery = Type.Object({ orgId: Type.Optional(Id), status: Type.Optional(lit(['open', 'answered'] as const)) }, { additionalProperties: false });
export const AnswerIn = Type.Object({ version: Version, answeredOn: IsoDate, answer: Str(2, 10000, '办理结果（向交办领导报告）') }, { additionalProperties: false });

// ── required meetings ──
export const MeetingIn = Type.Object(
  {
    orgId: Id,
    kind: lit(['executive_briefing', 'leading_group', 'work_conference'] as const, '常务会议听取汇报 / 领导小组会议 / 工作会议'),
    heldOn: IsoDate,
    title: Str(2, 200, '会议名称'),
    minutes: Str(2, 50000, '会议记录或纪要'),
  },
  { additionalProperties: false },
);
export const MeetingQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });

// ── annual report ──
export const ReportIn = Type.Object({ orgId: Id, year: Year }, { additionalProperties: false });
export const ReportPatch = Type.Object(
  { version: Version, overview: Type.Optional(Str(2, 50000, '总体情况')), problems: Type.Optional(Str(0, 50000, '存在的问题')), nextYear: Type.Optional(Str(0, 50000, '下一年度工作安排')) },
  { additionalProperties: false },
);
export const SubmissionIn = Type.Object(
  { recipient: lit(['party_committee', 'npc_standing_committee', 'superior_government', 'own_government', 'superior_department'] as const, '报告对象'), submittedOn: IsoDate, docNumber: Type.Optional(Str(2, 60, '报告文号')) },
  { additionalProperties: false },
);
export const ReportPublishIn = Type.Object({ version: Version, publishedOn: IsoDate }, { additionalProperties: false });

// ── white papers, service commitments, first inquiries (seed 004 #3, #7) ──
export const WhitePaperIn = Type.Object(
  { orgId: Id, year: Year, duties: Str(2, 20000, '部门职责'), targets: Type.Array(Str(2, 500), { minItems: 1, maxItems: 50, description: '年度工作目标' }) },
  { additionalProperties: false },
);
export const PublishOnIn = Type.Object({ version: Version, publishedOn: IsoDate }, { additionalProperties: false });
export const CompletionIn = Type.Object(
  { version: Version, publishedOn: IsoDate, completion: Type.Array(Type.Object({ done: Type.Boolean(), result: Str(2, 2000, '完成情况') }, { additionalProperties: false }), { minItems: 1, maxItems: 50, description: '逐项对应年度工作目标' }) },
  { additionalProperties: false },
);
export const CommitmentIn = Type.Object(
  { orgId: Id, service: Str(2, 200, '服务事项'), timeLimitDays: Type.Integer({ minimum: 0, maximum: 365, description: '承诺办结时限（0 = 当场办结）' }), dayUnit: lit(['working', 'calendar'] as const), materials: Str(2, 5000, '所需材料（一次性告知）'), basis: Type.Optional(Str(2, 500, '依据')) },
  { additionalProperties: false },
);
export const InquiryIn = Type.Object(
  {
    orgId: Id,
    receivedOn: IsoDate,
    channel: lit(['visit', 'phone', 'online', 'letter'] as const),
    requester: Type.Optional(Str(1, 50, '服务对象姓名（加密存储）')),
    matter: Str(2, 2000, '所办事项'),
    outcome: lit(['handled', 'referred'] as const),
    result: Type.Optional(Str(2, 2000, '办理结果（属本单位职责的）')),
    referredOrgId: Type.Optional(Id),
    referredContact: Type.Optional(Str(4, 500, '告知的承办部门或人员的名称、地址、联系方式')),
  },
  { additionalProperties: false },
);
export const OrgYearQuery = Type.Object({ orgId: Type.Optional(Id), year: Type.Optional(Year) }, { additionalProperties: false });
