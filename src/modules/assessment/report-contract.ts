import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id } from '../../core/http/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Pct = Nullable(Type.Number({ description: '得分率 %，精确到 0.01' }));
const Count = Type.Integer({ minimum: 0 });
const GradeCode = Type.Union([Type.Literal('excellent'), Type.Literal('good'), Type.Literal('pass'), Type.Literal('fail')]);
const MaybeText = Nullable(Type.String());

export const ReportQuery = Type.Object({ orgId: Id }, { additionalProperties: false });

/** Parts of the dashboard that change until the round is published. */
export const PROVISIONAL_PARTS = ['distribution', 'ranking', 'indicators', 'weakest', 'trend'] as const;

export const DashboardOut = Type.Object({
  round: Type.Object({ id: Id, name: Type.String(), year: Type.Integer(), status: Type.Union([Type.Literal('open'), Type.Literal('published')]), published_on: MaybeText, office: Type.String() }),
  provisional: Type.Array(Type.Union(PROVISIONAL_PARTS.map((p) => Type.Literal(p))), { description: '尚未公布时为临时结果的部分（趋势中仅本轮为临时）' }),
  notice: MaybeText,
  distribution: Type.Object({
    grades: Type.Array(Type.Object({ grade: GradeCode, text: Type.String(), count: Count })),
    bands: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), label: Type.String(), count: Count })),
    unscored: Count,
  }),
  ranking: Type.Array(
    Type.Object({
      orgId: Id,
      orgName: Type.String(),
      category: MaybeText,
      status: Type.String(),
      score: Nullable(Type.Number()),
      max: Nullable(Type.Number()),
      percent: Pct,
      grade: Type.Union([GradeCode, Type.Null()]),
      rank: Nullable(Type.Integer()),
      vetoed: Type.Boolean(),
      reasons: Type.Array(Type.String()),
      pending: Type.Integer({ minimum: 0, description: '尚未计分的末级指标数（进行中的轮次）' }),
    }),
  ),
  indicators: Type.Object({
    nodes: Type.Array(Type.Object({ id: Id, code: Type.String(), title: Type.String(), points: Type.Number() })),
    orgs: Type.Array(Type.Object({ orgId: Id, cells: Type.Array(Type.Object({ score: Type.Number(), max: Type.Number(), percent: Pct })) })),
    average: Type.Array(Pct),
  }),
  weakest: Type.Array(
    Type.Object({
      nodeId: Id,
      code: Type.String(),
      title: Type.String(),
      levelOne: Type.String(),
      points: Type.Number(),
      averageScore: Type.Number(),
      average: Type.Number({ description: '各单位平均得分率 %' }),
      lostOrgs: Count,
      scoredOrgs: Count,
    }),
  ),
  trend: Type.Object({
    rounds: Type.Array(Type.Object({ id: Id, name: Type.String(), year: Type.Integer(), current: Type.Boolean() })),
    series: Type.Array(Type.Object({ orgId: Id, orgName: Type.String(), percents: Type.Array(Pct) })),
  }),
});
export type Dashboard = Static<typeof DashboardOut>;
