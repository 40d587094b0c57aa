import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { DateItem, FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import {
  INSPECTION_OUTCOMES, INSPECTION_STATUS, OFFICER_REFUSAL_TEXT, officerRefusal, useCaseList, useOfficerList, useSubjectList,
  type Inspection, type InspectionStatus, type OfficerLite, type PowerLite,
} from './api';

type Dialog = { kind: 'plan' } | { kind: 'approval'; i: Inspection; approve: boolean } | { kind: 'result'; i: Inspection } | { kind: 'follow-up'; i: Inspection };

/** The certified officers of the inspection's subject; those who may not act on `date` are listed disabled with the reason. */
function InspectorSelect({ orgId, date, officers, value, onChange }: { orgId: number; date?: string; officers: OfficerLite[]; value?: number[]; onChange?: (v: number[]) => void }) {
  const opts = officers
    .filter((o) => o.org_id === orgId)
    .map((o) => {
      // can_enforce is the server's answer for today; the chosen day is judged by the same rule.
      const refusal = date ? officerRefusal(o, orgId, date) : null;
      const why = refusal ? OFFICER_REFUSAL_TEXT[refusal].zh : !date && !o.can_enforce ? '不具备执法资格' : null;
      return { value: o.id, disabled: !!why, label: why ? `${o.name}（${why}）` : `${o.name}${o.cert_no ? ` · ${o.cert_no}` : ''}` };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
  return (
    <Select
      data-testid="inspection-officers"
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      options={opts}
      placeholder="选择两名以上持有效执法证件的执法人员"
      notFoundContent="该执法主体没有登记执法人员"
    />
  );
}

/** 拟定检查: the subject (the caller's organisation by default) and, optionally, one of its inspection powers. */
function PlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me } = useAuth();
  const { submit } = useSubmit();
  const subjects = useSubjectList(open);
  const powers = useQuery({ queryKey: ['enforcement', 'powers', 'inspection'], enabled: open, queryFn: () => get<PowerLite[]>(`/api/enforcement/powers${qs({ powerType: 'inspection' })}`) });
  const own = me?.currentOrgId ?? me?.user.orgId;
  const subjectOrgs = (subjects.data ?? []).filter((s) => s.active).map((s) => ({ value: s.org_id, label: s.org_name }));
  const initialOrg = subjectOrgs.some((s) => s.value === own) ? own : subjectOrgs.length === 1 ? subjectOrgs[0].value : undefined;
  return (
    <FormModal
      key={String(initialOrg)}
      title="拟定行政检查"
      open={open}
      onClose={onClose}
      okTestId="inspection-submit"
      width={640}
      initialValues={{ orgId: initialOrg }}
      onSubmit={(v) => submit('/api/enforcement/inspections', { orgId: v.orgId, ...(v.powerId ? { powerId: v.powerId } : {}), targetName: v.targetName.trim(), matter: v.matter.trim(), plannedOn: v.plannedOn }, '已拟定检查')}
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="到企业检查须报经部门主管领导同意，未经同意不得检查；经同意后由两名以上持证执法人员实施并出示执法证件。" />
      <Form.Item name="orgId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
        <Select data-testid="inspection-org" showSearch optionFilterProp="label" loading={subjects.isLoading} options={subjectOrgs} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.orgId !== b.orgId}>
        {({ getFieldValue }) => {
          const orgId = getFieldValue('orgId');
          const mine = (powers.data ?? []).filter((p) => p.org_id === orgId && p.active);
          return (
            <Form.Item name="powerId" label="检查事项（权责清单中的行政检查职权，可选）">
              <Select
                data-testid="inspection-power"
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!orgId}
                loading={powers.isLoading}
                options={mine.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                notFoundContent={orgId ? '该主体的权责清单中没有行政检查事项' : null}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="targetName" label="检查对象" rules={[{ required: true, min: 2, max: 100, message: '请填写检查对象（2 至 100 字）' }]}>
        <Input data-testid="inspection-target" placeholder="企业或个体工商户名称" />
      </Form.Item>
      <Form.Item name="matter" label="检查内容" rules={[{ required: true, min: 2, max: 500, message: '请填写检查内容（2 至 500 字）' }]}>
        <Input.TextArea data-testid="inspection-matter" rows={3} />
      </Form.Item>
      <DateItem name="plannedOn" label="拟检查日期" future testId="inspection-planned-on" />
    </FormModal>
  );
}

/** 行政检查: planned, approved by the leader, carried out by certified officers, and linked to the case it led to. */
export function InspectionsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const [status, setStatus] = useState<InspectionStatus>();
  const [dialog, setDialog] = useState<Dialog>();
  const list = useQuery({ queryKey: ['enforcement', 'inspections', status], queryFn: () => get<Inspection[]>(`/api/enforcement/inspections${qs({ status })}`) });
  const handle = can('enforcement.case.handle');
  const decide = can('enforcement.case.decide');
  const officers = useOfficerList();
  const cases = useCaseList(handle);
  const officerName = new Map((officers.data ?? []).map((o) => [o.id, o.name]));
  const close = () => setDialog(undefined);

  return (
    <PageContainer
      title="行政检查"
      subTitle="到企业检查须经部门主管领导同意；检查由两名以上持证执法人员实施，主动出示执法证件"
      extra={handle && <Button type="primary" icon={<PlusOutlined />} data-testid="inspection-create" onClick={() => setDialog({ kind: 'plan' })}>拟定检查</Button>}
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select data-testid="inspection-filter" allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={setStatus} options={Object.entries(INSPECTION_STATUS).map(([value, s]) => ({ value, label: s.text }))} />
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          tableLayout="fixed"
          scroll={{ x: 1200 }}
          locale={{ emptyText: '没有行政检查' }}
          expandable={{
            rowExpandable: (r) => r.status === 'done' || !!r.approval_note,
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} bordered>
                {r.approval_note && <Descriptions.Item label={r.status === 'refused' ? '不同意意见' : '审批意见'}>{r.approval_note}（{r.approved_on}）</Descriptions.Item>}
                {r.inspected_on && <Descriptions.Item label="检查日期">{r.inspected_on}</Descriptions.Item>}
                {r.officer_ids.length > 0 && <Descriptions.Item label="执法人员">{r.officer_ids.map((id) => officerName.get(id) ?? `#${id}`).join('、')}</Descriptions.Item>}
                {r.findings && <Descriptions.Item label="检查情况">{r.findings}</Descriptions.Item>}
              </Descriptions>
            ),
          }}
          columns={[
            { title: '拟检查日期', dataIndex: 'planned_on', width: 110 },
            { title: '检查对象', dataIndex: 'target_name', width: 200, ellipsis: true },
            { title: '检查内容', dataIndex: 'matter', ellipsis: true, render: (v, r) => <Tooltip title={r.power_name ? `检查事项：${r.power_name}` : undefined}>{v}</Tooltip> },
            { title: '执法主体', dataIndex: 'org_name', width: 190, ellipsis: true },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (v: InspectionStatus, r) => (
                <Tag color={INSPECTION_STATUS[v].color} data-testid={`inspection-status-${r.id}`}>
                  {INSPECTION_STATUS[v].text}
                </Tag>
              ),
            },
            {
              title: '检查结论',
              width: 200,
              render: (_, r) =>
                r.outcome ? (
                  <Space size={4} wrap>
                    <Tag color={INSPECTION_OUTCOMES[r.outcome].color}>{INSPECTION_OUTCOMES[r.outcome].text}</Tag>
                    {r.follow_up_case_id && (
                      <Link to={`/enforcement/cases/${r.follow_up_case_id}`} data-testid={`inspection-case-${r.id}`}>
                        {r.follow_up_case_no ?? `案件 #${r.follow_up_case_id}`}
                      </Link>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            ...(handle || decide
              ? [
                  {
                    title: '',
                    width: 190,
                    render: (_: unknown, r: Inspection) => (
                      <Space size={4} wrap>
                        {decide && r.status === 'planned' && (
                          <>
                            <Button size="small" type="primary" data-testid={`inspection-approve-${r.id}`} onClick={() => setDialog({ kind: 'approval', i: r, approve: true })}>同意</Button>
                            <Button size="small" danger data-testid={`inspection-refuse-${r.id}`} onClick={() => setDialog({ kind: 'approval', i: r, approve: false })}>不同意</Button>
                          </>
                        )}
                        {handle && r.status === 'approved' && <Button size="small" data-testid={`inspection-result-${r.id}`} onClick={() => setDialog({ kind: 'result', i: r })}>登记结果</Button>}
                        {handle && r.status === 'done' && r.outcome === 'case' && (
                          <Button size="small" data-testid={`inspection-follow-up-${r.id}`} onClick={() => setDialog({ kind: 'follow-up', i: r })}>{r.follow_up_case_id ? '更改关联案件' : '关联案件'}</Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <PlanModal open={dialog?.kind === 'plan'} onClose={close} />

      {dialog?.kind === 'approval' && (
        <FormModal
          title={`${dialog.approve ? '同意检查' : '不同意检查'}：${dialog.i.target_name}`}
          open
          onClose={close}
          okTestId="approval-submit"
          okText={dialog.approve ? '同意' : '不同意'}
          onSubmit={(v) => submit(`/api/enforcement/inspections/${dialog.i.id}/approval`, { approve: dialog.approve, note: v.note.trim() }, dialog.approve ? '已同意检查' : '已决定不予检查')}
        >
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="执法主体">{dialog.i.org_name}</Descriptions.Item>
            <Descriptions.Item label="检查内容">{dialog.i.matter}</Descriptions.Item>
            <Descriptions.Item label="拟检查日期">{dialog.i.planned_on}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="note" label={dialog.approve ? '审批意见' : '不同意的理由'} rules={[{ required: true, min: 2, max: 500, message: '请填写意见（2 至 500 字）' }]}>
            <Input.TextArea data-testid="approval-note" rows={3} />
          </Form.Item>
        </FormModal>
      )}

      {dialog?.kind === 'result' && (
        <FormModal
          title={`登记检查结果：${dialog.i.target_name}`}
          open
          onClose={close}
          okTestId="result-submit"
          width={680}
          initialValues={{ officerIds: [], certificatesShown: true, outcome: 'compliant' }}
          onSubmit={(v) =>
            submit(`/api/enforcement/inspections/${dialog.i.id}/result`, { inspectedOn: v.inspectedOn, officerIds: v.officerIds, certificatesShown: !!v.certificatesShown, findings: v.findings.trim(), outcome: v.outcome }, '已登记检查结果')
          }
        >
          <Row gutter={12}>
            <Col span={10}>
              <DateItem name="inspectedOn" label="检查日期" testId="result-date" extra={dialog.i.approved_on ? `批准日期 ${dialog.i.approved_on}` : undefined} />
            </Col>
          </Row>
          <Form.Item noStyle shouldUpdate={(a, b) => a.inspectedOn !== b.inspectedOn}>
            {({ getFieldValue }) => (
              <Form.Item name="officerIds" label="执法人员" rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}>
                <InspectorSelect orgId={dialog.i.org_id} date={getFieldValue('inspectedOn')} officers={officers.data ?? []} />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="certificatesShown" valuePropName="checked">
            <Checkbox data-testid="result-certificates">执法人员已主动出示执法证件</Checkbox>
          </Form.Item>
          <Form.Item name="findings" label="检查情况" rules={[{ required: true, min: 2, max: 5000, message: '请填写检查情况（2 至 5000 字）' }]}>
            <Input.TextArea data-testid="result-findings" rows={4} />
          </Form.Item>
          <Form.Item name="outcome" label="检查结论" rules={[{ required: true }]}>
            <Radio.Group data-testid="result-outcome" options={Object.entries(INSPECTION_OUTCOMES).map(([value, o]) => ({ value, label: o.text }))} />
          </Form.Item>
        </FormModal>
      )}

      {dialog?.kind === 'follow-up' && (
        <FormModal
          title={`关联后续立案的案件：${dialog.i.target_name}`}
          open
          onClose={close}
          okTestId="follow-up-submit"
          initialValues={{ caseId: dialog.i.follow_up_case_id ?? undefined }}
          onSubmit={(v) => submit(`/api/enforcement/inspections/${dialog.i.id}/follow-up`, { caseId: v.caseId }, '已关联案件')}
        >
          <ErrorAlert error={cases.error} />
          <Form.Item name="caseId" label={`${dialog.i.org_name}立案的案件`} rules={[{ required: true, message: '请选择案件' }]}>
            <Select
              data-testid="follow-up-case"
              showSearch
              optionFilterProp="label"
              loading={cases.isLoading}
              options={(cases.data ?? []).filter((c) => c.org_id === dialog.i.org_id).map((c) => ({ value: c.id, label: `${c.case_no ?? `#${c.id}`} ${c.title}` }))}
              notFoundContent="该主体没有立案的案件，请先立案"
            />
          </Form.Item>
        </FormModal>
      )}
    </PageContainer>
  );
}
