import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Col, Descriptions, Empty, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { ErrorAlert } from '../../../core/components';
import { options } from '../../../core/labels';
import { ProcedurePanel } from '../../../core/ProcedurePanel';
import { APPEAL_RESULT_LABELS, CASE_STATUS_LABELS, formLabel, useCase, type CaseDetail } from '../api';
import { CASE_FORM_OPTIONS, CaseStatusTag, FormTags, personText, today } from '../components';

const Pre = ({ children }: { children: ReactNode }) => <div style={{ whiteSpace: 'pre-wrap' }}>{children}</div>;
const formTags = (forms?: string[]) => (forms?.length ? <Space size={[0, 4]} wrap>{forms.map((f) => <Tag key={f}>{formLabel(f)}</Tag>)}</Space> : '—');
/** An optional text: blank becomes absent (the step schemas want at least two characters). */
const optional = (v: string | undefined) => (v && v.trim() ? v : undefined);
/** An optional list: empty becomes absent (the step schemas want at least one item). */
const optionalList = (v: string[] | undefined) => (v?.length ? v : undefined);

function DataDate({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={['data', name]} label={label} initialValue={today()} rules={[{ required: true, message: `请选择${label}` }]}>
      <Input type="date" data-testid={`step-${name}`} />
    </Form.Item>
  );
}
function DataText({ name, label, rows = 4, required = true, initialValue }: { name: string; label: string; rows?: number; required?: boolean; initialValue?: string }) {
  return (
    <Form.Item name={['data', name]} label={label} initialValue={initialValue} normalize={required ? undefined : optional} rules={[{ required, message: `请填写${label}` }, { min: 2, message: '至少2个字' }]}>
      <Input.TextArea rows={rows} data-testid={`step-${name}`} />
    </Form.Item>
  );
}
function DataForms({ name, label, required = true, initialValue }: { name: string; label: string; required?: boolean; initialValue?: string[] }) {
  return (
    <Form.Item name={['data', name]} label={label} initialValue={initialValue} normalize={required ? undefined : optionalList} rules={[{ required, message: `请选择${label}` }, { type: 'array', max: 5, message: '至多5项' }]}>
      <Select mode="multiple" optionFilterProp="label" data-testid={`step-${name}`} options={CASE_FORM_OPTIONS} />
    </Form.Item>
  );
}
const noteHint = (text: string) => <Alert type="info" showIcon style={{ marginBottom: 12 }} message={text} />;

/** The form items of each step's `data` (CaseStep in accountability-contract.ts); steps without data take the note. */
function stepFields(c: CaseDetail): Record<string, ReactNode> {
  return {
    pursue: noteHint('在“意见或理由”中写明初步审查意见（必填）；决定追究后开始30个工作日的调查核实期限'),
    drop: noteHint('在“意见或理由”中写明不予追究的理由（必填）'),
    extend: noteHint('情节复杂的，经领导批准可延长30个工作日，只能延长一次；在“意见或理由”中写明批准情况（必填）'),
    notify: (
      <>
        <DataDate name="notifiedOn" label="告知日期" />
        <DataText name="facts" label="认定的事实" initialValue={c.summary} />
        <DataText name="reasons" label="理由和依据" />
        <DataForms name="proposedForms" label="拟作出的处理" />
        <DataText name="rights" label="告知的权利" rows={2} initialValue="当事人有权进行陈述和申辩；对处理决定不服的，可以自知道该处理决定之日起三十日内向原处理机关申请复核。" />
      </>
    ),
    record_statement: (
      <>
        <DataDate name="statedOn" label="陈述申辩日期" />
        <Form.Item name={['data', 'waived']} valuePropName="checked" initialValue={false}>
          <Checkbox data-testid="step-waived">当事人明确放弃陈述和申辩</Checkbox>
        </Form.Item>
        <DataText name="statement" label="陈述和申辩的内容（未放弃的必填）" rows={5} required={false} />
      </>
    ),
    decide: (
      <>
        <DataDate name="decidedOn" label="决定日期" />
        <DataText name="decidingBody" label="作出决定的机关或会议" rows={1} initialValue={c.org_name} />
        <DataForms name="forms" label="处理决定" initialValue={c.notice?.proposedForms} />
        <DataText name="reasons" label="决定理由（对陈述申辩的采纳情况）" />
      </>
    ),
    appeal: (
      <>
        <DataDate name="appealedOn" label="申诉日期" />
        <DataText name="grounds" label="申诉理由" />
      </>
    ),
    review_appeal: (
      <>
        <Form.Item name={['data', 'result']} label="复核结果" rules={[{ required: true, message: '请选择复核结果' }]}>
          <Select data-testid="step-result" options={options(APPEAL_RESULT_LABELS)} />
        </Form.Item>
        <DataForms name="forms" label="变更后的处理（变更处理决定的必填）" required={false} />
        <DataText name="reasons" label="复核理由" />
      </>
    ),
  };
}

/** The case's record as the procedure wrote it: notice, statement, decision, appeal. */
export function CaseRecord({ c }: { c: CaseDetail }) {
  return (
    <>
      <Card size="small" title="告知" style={{ marginBottom: 12 }} data-testid="case-notice">
        {c.notice ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="告知日期">{c.notice.notifiedOn}</Descriptions.Item>
            <Descriptions.Item label="认定的事实"><Pre>{c.notice.facts}</Pre></Descriptions.Item>
            <Descriptions.Item label="理由和依据"><Pre>{c.notice.reasons}</Pre></Descriptions.Item>
            <Descriptions.Item label="拟作出的处理">{formTags(c.notice.proposedForms)}</Descriptions.Item>
            <Descriptions.Item label="告知的权利"><Pre>{c.notice.rights}</Pre></Descriptions.Item>
          </Descriptions>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未告知" />}
      </Card>
      <Card size="small" title="陈述和申辩" style={{ marginBottom: 12 }} data-testid="case-statement">
        {c.statement ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="日期">{c.statement.statedOn}</Descriptions.Item>
            <Descriptions.Item label="内容">{c.statement.waived ? <Tag>当事人放弃陈述和申辩</Tag> : <Pre>{c.statement.statement}</Pre>}</Descriptions.Item>
          </Descriptions>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无陈述和申辩记录" />}
      </Card>
      <Card size="small" title="处理决定" style={{ marginBottom: 12 }} data-testid="case-decision">
        {c.decision ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="决定日期">{c.decision.decidedOn}</Descriptions.Item>
            <Descriptions.Item label="作出决定的机关或会议">{c.decision.decidingBody}</Descriptions.Item>
            <Descriptions.Item label="处理">{formTags(c.decision.forms)}</Descriptions.Item>
            <Descriptions.Item label="理由"><Pre>{c.decision.reasons}</Pre></Descriptions.Item>
          </Descriptions>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未作出处理决定" />}
      </Card>
      <Card size="small" title="申诉复核" data-testid="case-appeal">
        {c.appeal ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="申诉日期">{c.appeal.appealedOn}</Descriptions.Item>
            <Descriptions.Item label="申诉理由"><Pre>{c.appeal.grounds}</Pre></Descriptions.Item>
            {c.appeal.review && (
              <>
                <Descriptions.Item label="复核结果">
                  {APPEAL_RESULT_LABELS[c.appeal.review.result]}
                  {c.appeal.reviewedOn && `（${c.appeal.reviewedOn}）`}
                </Descriptions.Item>
                {c.appeal.review.forms && <Descriptions.Item label="变更后的处理">{formTags(c.appeal.review.forms)}</Descriptions.Item>}
                <Descriptions.Item label="复核理由"><Pre>{c.appeal.review.reasons}</Pre></Descriptions.Item>
              </>
            )}
          </Descriptions>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有申诉" />}
      </Card>
    </>
  );
}

/** 问责案件: the case, its record, and the procedure panel with the step forms. */
export function AccountabilityCasePage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const q = useCase(id);
  const c = q.data;
  return (
    <PageContainer title={c ? `问责：${c.subject_org_name}${c.person_name ? ` ${c.person_name}` : ''}` : '问责案件'} onBack={() => history.back()} tags={c && <CaseStatusTag status={c.status} label={CASE_STATUS_LABELS[c.status] ?? c.status} />}>
      <ErrorAlert error={q.error} />
      {c && (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title="案件" style={{ marginBottom: 12 }}>
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label="问责事由" span={2}><Pre>{c.summary}</Pre></Descriptions.Item>
                <Descriptions.Item label="被问责单位">{c.subject_org_name}</Descriptions.Item>
                <Descriptions.Item label="责任人">{personText(c)}</Descriptions.Item>
                <Descriptions.Item label="处理机关">{c.org_name}</Descriptions.Item>
                <Descriptions.Item label="立案日">{c.filed_on}</Descriptions.Item>
                <Descriptions.Item label="线索来源" span={2}>
                  {c.trigger_label}
                  {c.trigger_ref && (c.trigger === 'overdue_task' ? <>（<Link to={`/plans/tasks/${c.trigger_ref}`}>任务 {c.trigger_ref}</Link>）</> : `（${c.trigger_ref}）`)}
                </Descriptions.Item>
                {c.preliminary_opinion && <Descriptions.Item label="初步审查意见" span={2}><Pre>{c.preliminary_opinion}</Pre></Descriptions.Item>}
                {c.investigation_due_on && (
                  <Descriptions.Item label="调查期限" span={2}>
                    {c.investigation_due_on}
                    {c.extended && <Tag style={{ marginLeft: 8 }}>已延长</Tag>}
                  </Descriptions.Item>
                )}
                {c.forms.length > 0 && <Descriptions.Item label="处理" span={2}><FormTags forms={c.forms} /></Descriptions.Item>}
                {c.closed_on && <Descriptions.Item label="办结日">{c.closed_on}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <CaseRecord c={c} />
          </Col>
          <Col xs={24} xl={10}>
            {c.instance_id ? (
              <ProcedurePanel id={c.instance_id} dataFields={stepFields(c)} onChanged={() => void qc.invalidateQueries({ queryKey: ['plans'] })} />
            ) : (
              <Typography.Text type="secondary">该案件没有办理程序</Typography.Text>
            )}
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
