import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { GRADES, GRADE_TEXT, yearOptions, type UnitAssessment } from './api';
import { GradeTag } from './Evaluations';

type Dialog = { kind: 'self' } | { kind: 'propose'; a: UnitAssessment } | { kind: 'decide'; a: UnitAssessment };

const gradeOptions = GRADES.map((g) => ({ value: g, label: GRADE_TEXT[g] }));

/** 按时 / 逾期 against the due day the server judged the report by (assessment.self_assessment_due). */
function OnTimeTag({ a }: { a: UnitAssessment }) {
  return (
    <Tooltip title={`${a.submitted_on} 报送，截止日 ${a.due}`}>
      <Tag color={a.on_time ? 'green' : 'red'} data-testid={`on-time-${a.id}`}>
        {a.on_time ? '按时报送' : '逾期报送'}
      </Tag>
      <div style={{ fontSize: 12, color: '#888' }}>截止 {a.due}</div>
    </Tooltip>
  );
}

/** 评议考核: internal enforcement units report a self-assessment, the office proposes a grade, the bureau meeting decides it. */
export function UnitAssessmentsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const thisYear = dayjs().year();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<{ kind: 'self'; due: string; onTime: boolean; unit: string } | { kind: 'fail'; unit: string; org: string }>();
  const list = useQuery({ queryKey: ['enforcement', 'unit-assessments', year ?? null], queryFn: () => get<UnitAssessment[]>(`/api/enforcement/unit-assessments${qs({ year })}`) });
  const assess = can('enforcement.unit.assess');
  const review = can('enforcement.case.review');
  const decide = can('enforcement.case.decide');
  const close = () => setDialog(undefined);

  return (
    <PageContainer
      title="评议考核"
      subTitle="内设执法机构每年 12 月 25 日前完成自查自评；领导小组办公室审查后提出考核档次建议，局长办公会议确定考核结果"
      extra={assess && <Button type="primary" icon={<PlusOutlined />} data-testid="unit-self-create" onClick={() => setDialog({ kind: 'self' })}>报送自评</Button>}
    >
      <Card>
        {notice?.kind === 'self' && (
          <Alert
            data-testid="unit-self-notice"
            type={notice.onTime ? 'success' : 'warning'}
            showIcon
            closable
            onClose={() => setNotice(undefined)}
            style={{ marginBottom: 16 }}
            message={`${notice.unit}自评材料已报送（截止日 ${notice.due}，${notice.onTime ? '按时报送' : '已逾期'}）`}
          />
        )}
        {notice?.kind === 'fail' && (
          <Alert
            data-testid="unit-consecutive-fail"
            type="error"
            showIcon
            closable
            onClose={() => setNotice(undefined)}
            style={{ marginBottom: 16 }}
            message={`${notice.org}${notice.unit}：连续两年不合格，建议调整该机构主要领导岗位`}
          />
        )}
        <Space wrap style={{ marginBottom: 16 }}>
          <Select data-testid="unit-year" allowClear placeholder="全部年度" value={year} onChange={setYear} style={{ width: 120 }} options={yearOptions(thisYear)} />
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          tableLayout="fixed"
          scroll={{ x: 1300 }}
          locale={{ emptyText: '没有自查自评材料' }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="自查自评报告">
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.self_report}</Typography.Paragraph>
                </Descriptions.Item>
                {r.office_opinion && <Descriptions.Item label="办公室审查意见">{r.office_opinion}</Descriptions.Item>}
                {r.meeting && <Descriptions.Item label="确定考核结果">{r.meeting}（{r.decided_on}）</Descriptions.Item>}
                {r.consequences && <Descriptions.Item label="结果运用">{r.consequences}</Descriptions.Item>}
              </Descriptions>
            ),
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '执法机关', dataIndex: 'org_name', width: 180, ellipsis: true },
            { title: '内设执法机构', dataIndex: 'unit', width: 170, ellipsis: true },
            { title: '自评得分', dataIndex: 'self_score', width: 90, align: 'right', render: (v) => Number(v) },
            { title: '报送', dataIndex: 'on_time', width: 130, render: (_, r) => <OnTimeTag a={r} /> },
            { title: '建议档次', dataIndex: 'proposed_grade', width: 90, render: (v, r) => (v ? <GradeTag grade={v} testId={`proposed-${r.id}`} /> : <Typography.Text type="secondary">—</Typography.Text>) },
            { title: '办公室意见', dataIndex: 'office_opinion', ellipsis: true, render: (v) => v ?? '—' },
            { title: '考核结果', dataIndex: 'grade', width: 90, render: (v, r) => (v ? <GradeTag grade={v} testId={`grade-${r.id}`} /> : <Typography.Text type="secondary">未确定</Typography.Text>) },
            { title: '会议', dataIndex: 'meeting', width: 150, ellipsis: true, render: (v) => v ?? '—' },
            { title: '结果运用', dataIndex: 'consequences', width: 160, ellipsis: true, render: (v) => v ?? '—' },
            ...(review || decide
              ? [
                  {
                    title: '',
                    width: 110,
                    render: (_: unknown, r: UnitAssessment) =>
                      !r.grade && (
                        <Space size={4} wrap>
                          {review && <Button size="small" data-testid={`unit-propose-${r.id}`} onClick={() => setDialog({ kind: 'propose', a: r })}>{r.proposed_grade ? '修改建议' : '提出建议'}</Button>}
                          {decide && r.proposed_grade && <Button size="small" type="primary" data-testid={`unit-decide-${r.id}`} onClick={() => setDialog({ kind: 'decide', a: r })}>确定结果</Button>}
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      {dialog?.kind === 'self' && (
        <FormModal
          title="报送自查自评材料"
          open
          onClose={close}
          okTestId="unit-self-submit"
          width={680}
          initialValues={{ year: thisYear }}
          onSubmit={async (v) => {
            const r = await submit<UnitAssessment & { due: string }>('/api/enforcement/unit-assessments', { year: v.year, unit: v.unit.trim(), selfScore: v.selfScore, selfReport: v.selfReport.trim() }, '已报送自评材料');
            if (r) setNotice({ kind: 'self', due: r.due, onTime: r.on_time, unit: r.unit });
            return r;
          }}
        >
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="同一年度同一机构再次报送将更新自评材料；办公室提出考核档次建议后不能再修改。" />
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
                <Select data-testid="unit-self-year" options={yearOptions(thisYear)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="unit" label="内设执法机构" rules={[{ required: true, min: 2, max: 100, message: '请填写机构名称（2 至 100 字）' }]}>
                <Input data-testid="unit-self-unit" placeholder="如 价格监督检查和反不正当竞争科" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="selfScore" label="自评得分" rules={[{ required: true, message: '请填写得分' }]}>
                <InputNumber data-testid="unit-self-score" min={0} max={100} step={0.5} precision={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="selfReport" label="自查自评报告" rules={[{ required: true, min: 10, max: 20000, message: '请填写自查自评报告（10 至 20000 字）' }]}>
            <Input.TextArea data-testid="unit-self-report" rows={8} />
          </Form.Item>
        </FormModal>
      )}

      {dialog?.kind === 'propose' && (
        <FormModal
          title={`提出考核档次建议：${dialog.a.org_name} ${dialog.a.unit}（${dialog.a.year}年）`}
          open
          onClose={close}
          okTestId="unit-propose-submit"
          initialValues={{ proposedGrade: dialog.a.proposed_grade ?? undefined, opinion: dialog.a.office_opinion ?? undefined }}
          onSubmit={(v) => submit(`/api/enforcement/unit-assessments/${dialog.a.id}/proposal`, { proposedGrade: v.proposedGrade, opinion: v.opinion.trim() }, '已提出考核档次建议')}
        >
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="自评得分">{Number(dialog.a.self_score)}</Descriptions.Item>
            <Descriptions.Item label="报送">{dialog.a.submitted_on}{dialog.a.on_time ? '' : '（逾期）'}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="proposedGrade" label="建议档次" rules={[{ required: true, message: '请选择档次' }]}>
            <Radio.Group data-testid="unit-propose-grade" options={gradeOptions} optionType="button" />
          </Form.Item>
          <Form.Item name="opinion" label="审查意见" rules={[{ required: true, min: 2, max: 2000, message: '请填写审查意见（2 至 2000 字）' }]}>
            <Input.TextArea data-testid="unit-propose-opinion" rows={4} />
          </Form.Item>
        </FormModal>
      )}

      {dialog?.kind === 'decide' && (
        <FormModal
          title={`确定考核结果：${dialog.a.org_name} ${dialog.a.unit}（${dialog.a.year}年）`}
          open
          onClose={close}
          okTestId="unit-decide-submit"
          initialValues={{ grade: dialog.a.proposed_grade ?? undefined }}
          onSubmit={async (v) => {
            const r = await submit<UnitAssessment & { consecutive_fail: boolean }>(`/api/enforcement/unit-assessments/${dialog.a.id}/decision`, { grade: v.grade, meeting: v.meeting.trim(), consequences: v.consequences.trim() }, '已确定考核结果');
            if (r?.consecutive_fail) setNotice({ kind: 'fail', unit: dialog.a.unit, org: dialog.a.org_name });
            return r;
          }}
        >
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="自评得分">{Number(dialog.a.self_score)}</Descriptions.Item>
            <Descriptions.Item label="办公室建议">{dialog.a.proposed_grade && GRADE_TEXT[dialog.a.proposed_grade]}：{dialog.a.office_opinion}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="grade" label="考核结果" rules={[{ required: true, message: '请选择档次' }]}>
            <Radio.Group data-testid="unit-decide-grade" options={gradeOptions} optionType="button" />
          </Form.Item>
          <Form.Item name="meeting" label="会议" rules={[{ required: true, min: 2, max: 200, message: '请填写会议（2 至 200 字）' }]}>
            <Input data-testid="unit-decide-meeting" placeholder="如 2026年第12次局长办公会议" />
          </Form.Item>
          <Form.Item name="consequences" label="结果运用" rules={[{ required: true, min: 2, max: 2000, message: '请填写结果运用（2 至 2000 字）' }]}>
            <Input.TextArea data-testid="unit-decide-consequences" rows={3} placeholder="如 通报表彰、纳入年度绩效考核、限期整改" />
          </Form.Item>
        </FormModal>
      )}
    </PageContainer>
  );
}
