import type { ReactNode } from 'react';
import { Button, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { options } from '../../../core/labels';
import {
  ATTENDEE_ROLE_LABELS, EVALUATION_CONCLUSION_LABELS, HEAD_DECISION_LABELS, MEETING_KIND_LABELS, MEMBER_VIEW_LABELS, RISK_KINDS, RISK_KIND_LABELS, RISK_LEVEL_LABELS, type DecisionDossier,
} from '../api';

/** An optional text: blank becomes absent (the server's schemas want at least two characters). */
const optional = (v: string | undefined) => (v && v.trim() ? v : undefined);

function DataDate({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={['data', name]} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
      <Input type="date" data-testid={`step-${name}`} />
    </Form.Item>
  );
}

function DataText({ name, label, rows = 4, required = true, initialValue, extra }: { name: string; label: string; rows?: number; required?: boolean; initialValue?: string | null; extra?: ReactNode }) {
  return (
    <Form.Item name={['data', name]} label={label} initialValue={initialValue ?? undefined} extra={extra} normalize={required ? undefined : optional} rules={[{ required, message: `请填写${label}` }, { min: 2, message: '至少2个字' }]}>
      <Input.TextArea rows={rows} data-testid={`step-${name}`} />
    </Form.Item>
  );
}

/** 听证参加人: name and the side represented, at least one (the list is published). */
function Participants() {
  return (
    <Form.Item label="听证参加人" required>
      <Form.List name={['data', 'participants']} initialValue={[{ name: '', sector: '' }]} rules={[{ validator: async (_, v) => { if (!v?.length) throw new Error('至少一名听证参加人'); } }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                  <Input placeholder="姓名" data-testid={`participant-${i}-name`} />
                </Form.Item>
                <Form.Item name={[f.name, 'sector']} rules={[{ required: true, message: '代表的方面' }]}>
                  <Input placeholder="代表的方面，如 居民代表" data-testid={`participant-${i}-sector`} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} data-testid="participant-add" onClick={() => add({ name: '', sector: '' })}>增加参加人</Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Every risk the assessment must cover (decision-rules.ts RISK_KINDS), each with its level and finding. */
function RiskItems({ d }: { d: DecisionDossier }) {
  const initial = RISK_KINDS.map((kind) => d.risk?.items.find((i) => i.kind === kind) ?? { kind, level: 'low', description: '' });
  return (
    <Form.List name={['data', 'items']} initialValue={initial}>
      {(fields) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8}>
              <Form.Item name={[f.name, 'kind']} hidden>
                <Input />
              </Form.Item>
              <Col span={6} style={{ paddingTop: 5 }}>{RISK_KIND_LABELS[initial[i].kind]}</Col>
              <Col span={5}>
                <Form.Item name={[f.name, 'level']} rules={[{ required: true }]}>
                  <Select data-testid={`risk-${initial[i].kind}-level`} options={options(RISK_LEVEL_LABELS)} />
                </Form.Item>
              </Col>
              <Col span={13}>
                <Form.Item name={[f.name, 'description']} rules={[{ required: true, min: 2, message: '请写明评估情况' }]}>
                  <Input placeholder="评估情况" data-testid={`risk-${initial[i].kind}-description`} />
                </Form.Item>
              </Col>
            </Row>
          ))}
        </>
      )}
    </Form.List>
  );
}

const DEFAULT_ATTENDEES = [
  { name: '', role: 'head' },
  { name: '', role: 'legal_head' },
  { name: '', role: 'member', view: 'agree' },
  { name: '', role: 'member', view: 'agree' },
];

/** 会议组成人员及列席人员: the head, the members with their views, the legal-affairs head. */
function Attendees() {
  return (
    <Form.Item label="出席和列席人员（行政首长最后发表意见；会议组成人员逐一记录意见）" required>
      <Form.List name={['data', 'attendees']} initialValue={DEFAULT_ATTENDEES}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8}>
                <Col span={5}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '姓名' }]}>
                    <Input placeholder="姓名" data-testid={`attendee-${i}-name`} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                    <Select data-testid={`attendee-${i}-role`} options={options(ATTENDEE_ROLE_LABELS)} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[f.name, 'view']}>
                    <Select allowClear placeholder="意见" data-testid={`attendee-${i}-view`} options={options(MEMBER_VIEW_LABELS)} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'opinion']} normalize={optional}>
                    <Input placeholder="发表的意见（选填）" data-testid={`attendee-${i}-opinion`} />
                  </Form.Item>
                </Col>
                <Col span={1} style={{ paddingTop: 5 }}>
                  {fields.length > 2 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} data-testid="attendee-add" onClick={() => add({ name: '', role: 'member' })}>增加人员</Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function MeetingFields() {
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['data', 'meetingKind']} label="会议" initialValue="executive" rules={[{ required: true }]}>
            <Select data-testid="step-meetingKind" options={options(MEETING_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <DataDate name="heldOn" label="会议日期" />
        </Col>
      </Row>
      <Attendees />
      <Form.Item name={['data', 'headDecision']} label="行政首长的决定" rules={[{ required: true, message: '请选择行政首长的决定' }]}>
        <Radio.Group data-testid="step-headDecision" options={options(HEAD_DECISION_LABELS)} />
      </Form.Item>
      <DataText name="headReason" label="行政首长的决定与多数意见不一致的理由" rows={2} required={false} />
      <DataText name="minutes" label="会议记录（不同意见如实载明）" />
    </>
  );
}

/**
 * The data of each step of decisions.decision as form items named ['data', …] (the
 * shapes of StepData in decision-contract.ts); steps without data (送审, 暂停, 调整 …)
 * take only the panel's note.
 */
export function stepFields(d: DecisionDossier): Record<string, ReactNode> {
  const given = new Set(d.expert_opinions.map((o) => o.expert_id));
  const pending = (d.expert_assignments ?? []).filter((a) => !given.has(a.expert_id));
  const lastOpinion = d.adviser_opinions[d.adviser_opinions.length - 1];
  const adviserOpinion = (
    <Form.Item name={['data', 'adviserOpinionId']} label="所附法律顾问意见" initialValue={lastOpinion?.id} rules={[{ required: true, message: '合法性审查须附本事项的法律顾问意见' }]} extra={d.adviser_opinions.length ? '审查意见写在下方“意见或理由”中（必填）' : '请先在“合法性审查”中登记法律顾问意见'}>
      <Select data-testid="step-adviserOpinionId" options={d.adviser_opinions.map((o) => ({ value: o.id, label: `${o.adviser_name}（${o.given_on}）：${o.opinion.slice(0, 40)}` }))} />
    </Form.Item>
  );
  return {
    draft_plan: <DataText name="planText" label="决策草案（方案）" rows={8} initialValue={d.plan_text} />,
    open_comment: (
      <>
        <Typography.Paragraph type="secondary">决策草案及其说明向社会公布，征求意见的期限一般不少于30日（条例第十五条）；期满并答复全部意见后方可结束公众参与。</Typography.Paragraph>
        <Space>
          <DataDate name="commentFrom" label="征求意见开始" />
          <DataDate name="commentUntil" label="征求意见截止" />
        </Space>
      </>
    ),
    record_hearing: (
      <>
        <DataDate name="heldOn" label="听证日期" />
        <Participants />
        <DataText name="record" label="听证笔录" />
        <DataText name="adoptionReasons" label="听证意见采纳情况及理由（向社会公布）" required={false} />
      </>
    ),
    close_comment: <DataText name="adoptionSummary" label="公众意见采纳情况说明（向社会公布）" initialValue={d.adoption_summary} />,
    record_expert_opinion: (
      <>
        <Form.Item name={['data', 'expertId']} label="论证专家" initialValue={pending.length === 1 ? pending[0].expert_id : undefined} rules={[{ required: true, message: '请选择参加本事项论证的专家' }]}>
          <Select data-testid="step-expertId" options={pending.map((a) => ({ value: a.expert_id, label: `${a.expert_name}（${a.affiliation}）` }))} notFoundContent="没有尚未出具意见的论证专家" />
        </Form.Item>
        <DataDate name="givenOn" label="出具日期" />
        <DataText name="opinion" label="书面论证意见" rows={6} />
      </>
    ),
    assess_risk: (
      <>
        <RiskItems d={d} />
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={['data', 'overallLevel']} label="总体风险等级" initialValue="low" rules={[{ required: true }]}>
              <Select data-testid="step-overallLevel" options={options(RISK_LEVEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <DataDate name="assessedOn" label="评估日期" />
          </Col>
          <Col span={8}>
            <Form.Item name={['data', 'passed']} label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
              <Radio.Group data-testid="step-passed" options={[{ value: true, label: '风险可控（通过）' }, { value: false, label: '不通过' }]} />
            </Form.Item>
          </Col>
        </Row>
        <DataText name="disposalPlan" label="风险防范化解处置预案" />
      </>
    ),
    review_pass: adviserOpinion,
    review_fail: adviserOpinion,
    decide: <MeetingFields />,
    reject: <MeetingFields />,
    publish: (
      <>
        <DataDate name="publishedOn" label="公布日期" />
        <DataText name="explanation" label="决策说明（含公众意见、专家论证意见采纳情况）" rows={5} />
      </>
    ),
    report_progress: (
      <>
        <DataDate name="reportedOn" label="报告日期" />
        <DataText name="progress" label="执行情况" />
        <DataText name="problems" label="存在的问题" rows={2} required={false} />
      </>
    ),
    evaluate: (
      <>
        <DataText name="opinionsGathered" label="利益相关方和社会公众意见" />
        <Form.Item name={['data', 'thirdParty']} label="第三方评估机构（选填）" normalize={optional}>
          <Input data-testid="step-thirdParty" maxLength={200} />
        </Form.Item>
        <Form.Item name={['data', 'conclusion']} label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
          <Radio.Group data-testid="step-conclusion" options={options(EVALUATION_CONCLUSION_LABELS)} />
        </Form.Item>
        <DataText name="report" label="后评估报告" rows={6} />
      </>
    ),
  };
}
