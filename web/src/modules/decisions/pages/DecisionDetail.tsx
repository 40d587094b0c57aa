import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { options } from '../../../core/labels';
import { ProcedurePanel } from '../../../core/ProcedurePanel';
import {
  ACCOUNTABILITY_FORM_TEXT, ASSIGNMENT_SOURCE_LABELS, ATTENDEE_ROLE_LABELS, COMMENT_ANSWER_LABELS, EVALUATION_CONCLUSION_LABELS, EXPERT_FIELDS, EXPERT_FIELD_LABELS, HEAD_DECISION_LABELS, MEETING_KIND_LABELS, MEMBER_VIEW_LABELS,
  RISK_KIND_LABELS, RISK_LEVEL_LABELS, useDecision, useExperts, useSubmit, type AccountabilityRow, type AdviserRow, type DecisionDossier, type DrawRecord, type Trace,
} from '../api';
import { compact, DateField, DecisionStatusTag } from '../components';
import { stepFields } from '../detail/stepFields';

const Pre = ({ children }: { children: ReactNode }) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{children}</Typography.Paragraph>;
const none = (text: string) => <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} />;

function useTrace(id: number, enabled: boolean) {
  return useQuery({ queryKey: ['decisions', 'trace', id], enabled, queryFn: () => get<Trace>(`/api/decisions/${id}/trace`) });
}

function PlanSection({ d }: { d: DecisionDossier }) {
  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="决策机关">{d.org_name ?? '—'}（{d.deciding_body}）</Descriptions.Item>
        <Descriptions.Item label="承办单位">{d.undertaking_org_name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="起动依据">{d.catalogue_item_id ? <>决策事项目录{d.catalogue_item_title ? `：${d.catalogue_item_title}` : ''}</> : <>目录外事项：{d.no_catalogue_reason}</>}</Descriptions.Item>
        <Descriptions.Item label="听证">{d.hearing_required ? <Tag color="orange">须举行听证</Tag> : '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>决策草案（方案）</Typography.Title>
      {d.plan_text ? <Pre>{d.plan_text}</Pre> : none('尚未拟订决策草案')}
    </>
  );
}

function AnswerComment({ d, comment, onClose }: { d: DecisionDossier; comment?: DecisionDossier['comments'][number]; onClose: () => void }) {
  const { submit } = useSubmit();
  return (
    <FormModal title="答复公众意见" open={!!comment} onClose={onClose} okTestId="comment-answer-ok" initialValues={{ answer: comment?.answer ?? 'adopted', reason: comment?.answer_reason ?? '' }} onSubmit={(v) => submit(`/api/decisions/${d.id}/comment-answers`, compact({ commentId: comment!.id, answer: v.answer, reason: v.reason }), '已答复')}>
      <Typography.Paragraph type="secondary">{comment?.content}</Typography.Paragraph>
      <Form.Item name="answer" label="采纳情况" rules={[{ required: true }]}>
        <Radio.Group data-testid="comment-answer" options={options(COMMENT_ANSWER_LABELS)} />
      </Form.Item>
      <Form.Item name="reason" label="理由（部分采纳或不予采纳的必填）">
        <Input.TextArea rows={3} maxLength={2000} data-testid="comment-reason" />
      </Form.Item>
    </FormModal>
  );
}

function ParticipationSection({ d }: { d: DecisionDossier }) {
  const [answering, setAnswering] = useState<DecisionDossier['comments'][number]>();
  const canAnswer = d.abilities.handle && d.status === 'comment';
  return (
    <>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="征求意见期">{d.comment_from ? `${d.comment_from} 至 ${d.comment_until}` : '尚未公开征求意见'}</Descriptions.Item>
        <Descriptions.Item label="意见">{d.comments.length} 条，已答复 {d.comments.filter((c) => c.answer).length} 条</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.comments}
        locale={{ emptyText: '尚未收到公众意见' }}
        data-testid="decision-comments"
        columns={[
          { title: '收到', dataIndex: 'created_at', width: 110, render: (v) => String(v).slice(0, 10) },
          { title: '意见', dataIndex: 'content' },
          { title: '提出人', dataIndex: 'commenter', width: 100, render: (v, r) => <>{v ?? '匿名'}{r.has_contact && <Tag style={{ marginLeft: 4 }}>留有电话</Tag>}</> },
          { title: '答复', dataIndex: 'answer', width: 200, render: (v, r) => (v ? <span data-testid={`comment-answered-${r.id}`}><Tag color={v === 'adopted' ? 'green' : v === 'partly' ? 'blue' : 'default'}>{COMMENT_ANSWER_LABELS[v as keyof typeof COMMENT_ANSWER_LABELS]}</Tag>{r.answer_reason}</span> : <Tag color="orange">待答复</Tag>) },
          { title: '', width: 80, render: (_, r) => canAnswer && <Typography.Link data-testid={`comment-answer-${r.id}`} onClick={() => setAnswering(r)}>{r.answer ? '修改' : '答复'}</Typography.Link> },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>听证</Typography.Title>
      {d.hearing ? (
        <>
          <Descriptions size="small" column={1} bordered data-testid="decision-hearing">
            <Descriptions.Item label="听证日期">{d.hearing.heldOn}</Descriptions.Item>
            <Descriptions.Item label="听证参加人">{d.hearing.participants.map((p) => `${p.name}（${p.sector}）`).join('、')}</Descriptions.Item>
            <Descriptions.Item label="听证笔录"><Pre>{d.hearing.record}</Pre></Descriptions.Item>
            <Descriptions.Item label="意见采纳情况及理由">{d.hearing.adoptionReasons ?? '—'}</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        none(d.hearing_required ? '须举行听证，尚未登记听证（在“公众参与”阶段办理“举行听证”）' : '本事项无须听证')
      )}
      {d.adoption_summary && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>公众意见采纳情况</Typography.Title>
          <Pre>{d.adoption_summary}</Pre>
        </>
      )}
      <AnswerComment d={d} comment={answering} onClose={() => setAnswering(undefined)} />
    </>
  );
}

function DrawExperts({ d, open, onClose }: { d: DecisionDossier; open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const [result, setResult] = useState<DrawRecord>();
  return (
    <>
      <FormModal
        title="抽取论证专家"
        open={open}
        onClose={onClose}
        okText="抽取"
        okTestId="draw-ok"
        initialValues={{ counts: { law: 1 } }}
        onSubmit={async (v) => {
          const counts = Object.fromEntries(Object.entries(v.counts ?? {}).filter(([, n]) => Number(n) > 0));
          const row = await submit<DrawRecord>('/api/decisions/expert-draws', compact({ orgId: d.org_id, subjectType: 'decision', subjectId: String(d.id), subjectTitle: d.title, decidingOrgId: d.org_id, undertakingOrgId: d.undertaking_org_id, counts, seed: v.seed }), '已抽取');
          if (row) setResult(row);
          return row;
        }}
      >
        <Typography.Paragraph type="secondary">按领域从本级专家库随机抽取，存在利害关系的专家自动回避；抽取记录保存种子，可复核。</Typography.Paragraph>
        <Row gutter={12}>
          {EXPERT_FIELDS.map((f) => (
            <Col span={6} key={f}>
              <Form.Item name={['counts', f]} label={EXPERT_FIELD_LABELS[f]}>
                <InputNumber min={0} max={20} style={{ width: '100%' }} data-testid={`draw-count-${f}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="seed" label="随机种子（选填）" rules={[{ pattern: /^[0-9A-Za-z_-]{4,64}$/, message: '4–64位字母、数字' }]}>
          <Input maxLength={64} />
        </Form.Item>
      </FormModal>
      <FormModal title="抽取结果" open={!!result} onClose={() => setResult(undefined)} onSubmit={async () => true}>
        {result && (
          <>
            <Typography.Paragraph>种子 <Typography.Text code>{result.seed}</Typography.Text></Typography.Paragraph>
            <Typography.Paragraph data-testid="draw-result">抽中：{result.drawn.map((e) => `${e.name ?? e.expertId}（${EXPERT_FIELD_LABELS[e.field]}）`).join('、') || '无'}</Typography.Paragraph>
          </>
        )}
      </FormModal>
    </>
  );
}

function AssignExpert({ d, open, onClose }: { d: DecisionDossier; open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const experts = useExperts();
  return (
    <FormModal
      title="直接选定论证专家"
      open={open}
      onClose={onClose}
      okTestId="assign-ok"
      onSubmit={(v) => submit('/api/decisions/expert-assignments', { orgId: d.org_id, subjectType: 'decision', subjectId: String(d.id), decidingOrgId: d.org_id, undertakingOrgId: d.undertaking_org_id, ...v }, '已选定专家')}
    >
      <Form.Item name="expertId" label="专家" rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" data-testid="assign-expert" options={(experts.data ?? []).filter((e) => e.active && e.org_id === d.org_id).map((e) => ({ value: e.id, label: `${e.name}（${e.affiliation}；${e.fields.map((f) => EXPERT_FIELD_LABELS[f]).join('、')}）` }))} />
      </Form.Item>
      <Form.Item name="field" label="论证领域" rules={[{ required: true }]}>
        <Select data-testid="assign-field" options={EXPERT_FIELDS.map((f) => ({ value: f, label: EXPERT_FIELD_LABELS[f] }))} />
      </Form.Item>
      <Form.Item name="reason" label="不经抽取直接选定的理由" rules={[{ required: true, min: 4 }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="assign-reason" />
      </Form.Item>
    </FormModal>
  );
}

function ExpertSection({ d }: { d: DecisionDossier }) {
  const { can } = useAuth();
  const [dialog, setDialog] = useState<'draw' | 'assign'>();
  const open = can('decisions.manage') && ['initiated', 'planned', 'comment', 'argumentation'].includes(d.status);
  return (
    <>
      {open && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" data-testid="expert-draw" onClick={() => setDialog('draw')}>抽取专家</Button>
          <Button data-testid="expert-assign" onClick={() => setDialog('assign')}>直接选定专家</Button>
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.expert_assignments}
        data-testid="expert-assignments"
        locale={{ emptyText: '尚未抽取或选定论证专家' }}
        columns={[
          { title: '专家', dataIndex: 'expert_name', width: 100 },
          { title: '单位', dataIndex: 'affiliation' },
          { title: '领域', dataIndex: 'field', width: 90, render: (v: keyof typeof EXPERT_FIELD_LABELS) => EXPERT_FIELD_LABELS[v] },
          { title: '产生方式', dataIndex: 'source', width: 170, render: (v: keyof typeof ASSIGNMENT_SOURCE_LABELS, r) => <>{ASSIGNMENT_SOURCE_LABELS[v]}{r.reason ? `：${r.reason}` : ''}</> },
          { title: '论证意见', width: 100, render: (_, r) => (d.expert_opinions.some((o) => o.expert_id === r.expert_id) ? <Tag color="green">已出具</Tag> : <Tag>未出具</Tag>) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>书面论证意见</Typography.Title>
      {d.expert_opinions.length ? (
        d.expert_opinions.map((o) => (
          <Card key={o.id} size="small" style={{ marginBottom: 8 }} title={`${o.expert_name}（${o.affiliation}）`} extra={o.given_on} data-testid={`expert-opinion-${o.expert_id}`}>
            <Pre>{o.opinion}</Pre>
          </Card>
        ))
      ) : (
        none('尚无书面论证意见')
      )}
      <DrawExperts d={d} open={dialog === 'draw'} onClose={() => setDialog(undefined)} />
      <AssignExpert d={d} open={dialog === 'assign'} onClose={() => setDialog(undefined)} />
    </>
  );
}

function RiskSection({ d }: { d: DecisionDossier }) {
  const r = d.risk;
  if (!r) return none('尚未登记风险评估');
  return (
    <>
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="评估日期">{r.assessedOn}</Descriptions.Item>
        <Descriptions.Item label="总体风险">{RISK_LEVEL_LABELS[r.overallLevel]}</Descriptions.Item>
        <Descriptions.Item label="结论">{r.passed ? <Tag color="green">风险可控（通过）</Tag> : <Tag color="red">不通过（不予决策）</Tag>}</Descriptions.Item>
      </Descriptions>
      <Table rowKey="kind" size="small" pagination={false} dataSource={r.items} data-testid="risk-items" columns={[{ title: '风险', dataIndex: 'kind', width: 140, render: (v: keyof typeof RISK_KIND_LABELS) => RISK_KIND_LABELS[v] }, { title: '等级', dataIndex: 'level', width: 90, render: (v: keyof typeof RISK_LEVEL_LABELS) => <Tag color={v === 'high' ? 'red' : v === 'medium' ? 'orange' : 'green'}>{RISK_LEVEL_LABELS[v]}</Tag> }, { title: '评估情况', dataIndex: 'description' }]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>处置预案</Typography.Title>
      <Pre>{r.disposalPlan}</Pre>
    </>
  );
}

function AdviserOpinion({ d, open, onClose }: { d: DecisionDossier; open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const advisers = useQuery({ queryKey: ['decisions', 'advisers'], enabled: open, queryFn: () => get<AdviserRow[]>('/api/decisions/advisers') });
  return (
    <FormModal title="登记法律顾问意见" open={open} onClose={onClose} okTestId="adviser-opinion-ok" width={600} onSubmit={(v) => submit(`/api/decisions/advisers/${v.adviserId}/opinions`, { subjectType: 'decision', subjectId: String(d.id), subjectTitle: d.title, opinion: v.opinion, givenOn: v.givenOn }, '法律顾问意见已登记')}>
      <Form.Item name="adviserId" label="法律顾问" rules={[{ required: true }]}>
        <Select data-testid="adviser-select" loading={advisers.isLoading} options={(advisers.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: `${a.name}（${a.kind === 'in_house' ? '内部' : '外聘'}，${a.affiliation}）` }))} />
      </Form.Item>
      <DateField name="givenOn" label="出具日期" required />
      <Form.Item name="opinion" label="法律意见" rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={5} maxLength={20000} data-testid="adviser-opinion-text" />
      </Form.Item>
    </FormModal>
  );
}

function ReviewSection({ d }: { d: DecisionDossier }) {
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="送审日期">{d.review_submitted_on ?? '尚未送审'}</Descriptions.Item>
        <Descriptions.Item label="审查结论">{d.review_passed == null ? '—' : d.review_passed ? <Tag color="green">通过</Tag> : <Tag color="red">不通过（退回）</Tag>}</Descriptions.Item>
        <Descriptions.Item label="结论日期">{d.review_concluded_on ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="审查意见" span={3}>{d.review_opinion ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>法律顾问意见</Typography.Title>
        {can('decisions.manage') && <Button size="small" data-testid="adviser-opinion-add" onClick={() => setAdding(true)}>登记法律顾问意见</Button>}
      </Space>
      <Table rowKey="id" size="small" pagination={false} dataSource={d.adviser_opinions} data-testid="adviser-opinions" locale={{ emptyText: '尚无本事项的法律顾问意见' }} columns={[{ title: '日期', dataIndex: 'given_on', width: 110 }, { title: '法律顾问', dataIndex: 'adviser_name', width: 100 }, { title: '意见', dataIndex: 'opinion' }, { title: '', width: 110, render: (_, r) => r.id === d.adviser_opinion_id && <Tag color="blue">审查所附</Tag> }]} />
      <AdviserOpinion d={d} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

function MeetingSection({ d }: { d: DecisionDossier }) {
  const m = d.meeting;
  if (!m) return none('尚未集体讨论决定');
  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="会议">{MEETING_KIND_LABELS[m.meetingKind]}</Descriptions.Item>
        <Descriptions.Item label="日期">{m.heldOn}</Descriptions.Item>
        <Descriptions.Item label="行政首长的决定"><span data-testid="meeting-head-decision">{HEAD_DECISION_LABELS[m.headDecision]}</span></Descriptions.Item>
        <Descriptions.Item label="与多数意见不一致的理由">{m.headReason ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table rowKey={(r) => `${r.role}-${r.name}`} size="small" pagination={false} dataSource={m.attendees} data-testid="meeting-attendees" columns={[{ title: '姓名', dataIndex: 'name', width: 110 }, { title: '身份', dataIndex: 'role', width: 170, render: (v: keyof typeof ATTENDEE_ROLE_LABELS) => ATTENDEE_ROLE_LABELS[v] }, { title: '意见', dataIndex: 'view', width: 90, render: (v?: keyof typeof MEMBER_VIEW_LABELS) => (v ? MEMBER_VIEW_LABELS[v] : '—') }, { title: '发表的意见', dataIndex: 'opinion', render: (v) => v ?? '—' }]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>会议记录</Typography.Title>
      <Pre>{m.minutes}</Pre>
    </>
  );
}

function ImplementationSection({ d }: { d: DecisionDossier }) {
  return (
    <>
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="决定日期">{d.decided_on ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="公布日期">{d.published_on ?? '尚未公布'}</Descriptions.Item>
        <Descriptions.Item label="决策说明" span={2}>{d.explanation ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>执行情况报告</Typography.Title>
      <Table rowKey="id" size="small" pagination={false} dataSource={d.progress} locale={{ emptyText: '尚无执行情况报告' }} columns={[{ title: '报告日期', dataIndex: 'reported_on', width: 110 }, { title: '执行情况', dataIndex: 'progress' }, { title: '存在的问题', dataIndex: 'problems', render: (v) => v ?? '—' }]} />
    </>
  );
}

function EvaluationSection({ d }: { d: DecisionDossier }) {
  const e = d.evaluation;
  if (!e) return none('尚未开展决策后评估');
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="评估日期">{e.evaluatedOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="结论"><Tag color={e.conclusion === 'continue' ? 'green' : e.conclusion === 'adjust' ? 'orange' : 'red'} data-testid="evaluation-conclusion">{EVALUATION_CONCLUSION_LABELS[e.conclusion]}</Tag></Descriptions.Item>
      <Descriptions.Item label="第三方评估机构">{e.thirdParty ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="各方意见"><Pre>{e.opinionsGathered}</Pre></Descriptions.Item>
      <Descriptions.Item label="评估报告"><Pre>{e.report}</Pre></Descriptions.Item>
    </Descriptions>
  );
}

function TraceSection({ id }: { id: number }) {
  const q = useTrace(id, true);
  const t = q.data;
  return (
    <>
      <ErrorAlert error={q.error} />
      {t && (
        <>
          {t.chain.ok ? <Alert type="success" showIcon data-testid="trace-chain" message={`审计链校验通过（本事项 ${t.chain.checked} 条记录未被篡改）`} style={{ marginBottom: 12 }} /> : <Alert type="error" showIcon data-testid="trace-chain" message={`审计链校验未通过：${t.chain.firstBad?.detail ?? ''}`} style={{ marginBottom: 12 }} />}
          <Table rowKey={(r) => `${r.step}-${r.name}-${r.role}-${r.on}`} size="small" pagination={false} dataSource={t.people} data-testid="trace-people" columns={[{ title: '日期', dataIndex: 'on', width: 110, render: (v) => v ?? '—' }, { title: '环节或身份', dataIndex: 'role', width: 220 }, { title: '人员', dataIndex: 'name', width: 110 }, { title: '意见或所做的事', dataIndex: 'what', render: (v) => v ?? '—' }]} />
        </>
      )}
    </>
  );
}

function AccountabilitySection({ d }: { d: DecisionDossier }) {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const trace = useTrace(d.id, !d.accountability);
  const rows: AccountabilityRow[] = d.accountability ?? trace.data?.accountability ?? [];
  const [adding, setAdding] = useState(false);
  return (
    <>
      {can('decisions.accountability') && <Button style={{ marginBottom: 12 }} data-testid="accountability-add" onClick={() => setAdding(true)}>登记问责</Button>}
      <Table rowKey="id" size="small" pagination={false} dataSource={rows} data-testid="accountability-rows" locale={{ emptyText: '没有问责记录' }} columns={[{ title: '决定日期', dataIndex: 'decided_on', width: 110 }, { title: '责任人', dataIndex: 'person_name', width: 100 }, { title: '时任职务', dataIndex: 'person_post', width: 150 }, { title: '问责方式', dataIndex: 'form', width: 150, render: (v: keyof typeof ACCOUNTABILITY_FORM_TEXT) => ACCOUNTABILITY_FORM_TEXT[v] ?? v }, { title: '事由', dataIndex: 'reason' }, { title: '决定机关', dataIndex: 'deciding_body', width: 150 }]} />
      <FormModal
        title="登记问责"
        open={adding}
        onClose={() => setAdding(false)}
        okTestId="accountability-ok"
        width={600}
        onSubmit={(v) => submit(`/api/decisions/${d.id}/accountability`, v, '问责已登记')}
      >
        <Form.Item name="personName" label="责任人姓名" rules={[{ required: true }]}>
          <Input maxLength={50} data-testid="acc-personName" />
        </Form.Item>
        <Form.Item name="personPost" label="时任职务" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} data-testid="acc-personPost" />
        </Form.Item>
        <Form.Item name="form" label="问责方式" rules={[{ required: true }]}>
          <Select data-testid="acc-form" options={options(ACCOUNTABILITY_FORM_TEXT)} />
        </Form.Item>
        <Form.Item name="reason" label="问责事由" rules={[{ required: true, min: 4 }]}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="acc-reason" />
        </Form.Item>
        <DateField name="decidedOn" label="问责决定日期" required />
        <Form.Item name="decidingBody" label="作出问责决定的机关" rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} data-testid="acc-decidingBody" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** One major decision: its dossier by procedure, and the procedure panel with the step forms. */
export function DecisionDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useDecision(id);
  const [tab, setTab] = useState('plan');
  const d = q.data;
  if (!Number.isInteger(id) || id < 1) return <Result status="404" title="决策事项不存在" />;
  if (q.error) return <PageContainer title="重大行政决策"><ErrorAlert error={q.error} /></PageContainer>;
  if (!d) return <PageContainer title="重大行政决策" loading />;
  const tabs = [
    { key: 'plan', label: '决策草案', children: <PlanSection d={d} /> },
    { key: 'participation', label: `公众参与${d.comments.some((c) => !c.answer) ? `（${d.comments.filter((c) => !c.answer).length} 待答复）` : ''}`, children: <ParticipationSection d={d} /> },
    { key: 'experts', label: '专家论证', children: <ExpertSection d={d} /> },
    { key: 'risk', label: '风险评估', children: <RiskSection d={d} /> },
    { key: 'review', label: '合法性审查', children: <ReviewSection d={d} /> },
    { key: 'meeting', label: '集体讨论', children: <MeetingSection d={d} /> },
    { key: 'implementation', label: '公布与执行', children: <ImplementationSection d={d} /> },
    { key: 'evaluation', label: '后评估', children: <EvaluationSection d={d} /> },
    { key: 'trace', label: '责任倒查', children: <TraceSection id={d.id} /> },
    { key: 'accountability', label: '问责', children: <AccountabilitySection d={d} /> },
  ];
  return (
    <PageContainer title={d.title} onBack={() => history.back()} subTitle={<DecisionStatusTag status={d.status} testId="decision-status" />} extra={<Link to="/decisions/list">返回决策事项</Link>}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card>
            <Tabs activeKey={tab} onChange={setTab} items={tabs.map((t) => ({ ...t, label: <span data-testid={`tab-${t.key}`}>{t.label}</span> }))} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <ProcedurePanel
            id={d.instance_id}
            dataFields={stepFields(d)}
            onChanged={() => {
              void qc.invalidateQueries({ queryKey: ['decisions'] });
              void qc.invalidateQueries({ queryKey: ['public-decisions'] });
            }}
          />
        </Col>
      </Row>
    </PageContainer>
  );
}
