import { Type } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';

const Str = (min: number, max: number) => Type.String({ minLength: min, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Points = Type.Number({ minimum: 0, maximum: 10000, description: '分值，精确到 0.1 分' });
export const METHODS = ['metric', 'manual', 'survey', 'veto'] as const;

export const TemplateIn = Type.Object(
  { year: Year, name: Type.Optional(Str(4, 200)), totalPoints: Type.Optional(Type.Number({ minimum: 10, maximum: 10000 })), categories: Type.Optional(Type.Array(Str(1, 50), { maxItems: 20 })) },
  { additionalProperties: false },
);
export const CopyIn = Type.Object({ year: Year }, { additionalProperties: false });
export const NodeIn = Type.Object(
  { parentId: Type.Union([Id, Type.Null()]), title: Str(2, 500), text: Type.Optional(Str(1, 5000)), points: Points },
  { additionalProperties: false },
);
export const NodePatch = Type.Object(
  {
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    title: Type.Optional(Str(2, 500)),
    points: Type.Optional(Points),
    method: Type.Optional(Type.Union([...METHODS.map((m) => Type.Literal(m)), Type.Null()], { description: 'metric 指标数据 / manual 自评加审核 / survey 满意度调查 / veto 一票否决' })),
    metricCode: Type.Optional(Type.Union([Str(3, 100), Type.Null()])),
    rule: Type.Optional(Type.Union([Type.Object({ kind: Type.String({ maxLength: 20 }) }, { additionalProperties: true }), Type.Null()])),
    dataSource: Type.Optional(Type.Union([Str(1, 200), Type.Null()])),
  },
  { additionalProperties: false },
);
export const Row = Type.Object({}, { additionalProperties: true });
export const Rows = Type.Array(Row);

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const RoundIn = Type.Object(
  {
    systemId: Id,
    name: Type.Optional(Str(4, 200)),
    orgIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000, uniqueItems: true })),
    category: Type.Optional(Str(1, 50)),
    periodFrom: Type.Optional(IsoDate),
    periodTo: Type.Optional(IsoDate),
    selfDue: IsoDate,
    reviewDue: IsoDate,
    publishDue: Type.Optional(IsoDate),
    performanceWeight: Type.Optional(Type.Number({ minimum: 0.5, maximum: 100, description: '考核结果在绩效考核中所占分值（%）；省直部门不低于5%，市县政府不低于2%' })),
  },
  { additionalProperties: false },
);
const ScoreItem = Type.Object({ nodeId: Id, score: Type.Number({ minimum: 0, maximum: 10000 }), note: Type.Optional(Str(2, 2000)) }, { additionalProperties: false });
export const SelfIn = Type.Object({ orgId: Id, items: Type.Array(Type.Object({ nodeId: Id, score: Type.Number({ minimum: 0, maximum: 10000 }), note: Str(2, 2000) }, { additionalProperties: false }), { maxItems: 1000 }), submit: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const ReviewIn = Type.Object({ orgId: Id, items: Type.Array(ScoreItem, { maxItems: 1000 }) }, { additionalProperties: false });
export const ReturnIn = Type.Object(
  { orgId: Id, reason: Str(2, 2000), items: Type.Array(Type.Object({ nodeId: Id, reason: Str(2, 2000) }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export const RectificationIn = Type.Object({ orgId: Id, report: Str(10, 20000) }, { additionalProperties: false });
export const RecordsQuery = Type.Object(
  { orgId: Id, nodeId: Id, counted: Type.Optional(Type.Boolean()), offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
