import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Form, InputNumber, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { REPORT_STATUS_LABELS, useReports, useSubmit, type ReportRow, type ReportStatus } from '../api';
import { DueDay, OrgField } from '../components';

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return <Tag color={status === 'published' ? 'green' : status === 'submitted' ? 'blue' : 'default'} data-testid="report-status">{REPORT_STATUS_LABELS[status]}</Tag>;
}

/** 年度报告: each body's yearly report on the rule-of-law government, drafted from the platform's figures (seed 002 #55). */
export function ReportsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const q = useReports();
  const [drafting, setDrafting] = useState(false);
  return (
    <PageContainer
      title="法治政府建设年度报告"
      subTitle="每年第一季度向同级党委、人大常委会和上一级政府报告上一年度法治政府建设情况，并向社会公开"
      extra={can('plans.manage') && <Button type="primary" icon={<PlusOutlined />} data-testid="report-create" onClick={() => setDrafting(true)}>起草</Button>}
    >
      <Card>
        <ErrorAlert error={q.error} />
        <Table<ReportRow>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '没有年度报告' }}
          columns={[
            { title: '报告', dataIndex: 'title', render: (v, r) => <Link to={`/plans/reports/${r.id}`} data-testid={`report-link-${r.id}`}>{v}</Link> },
            { title: '报告机关', dataIndex: 'org_name', width: 170 },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '状态', dataIndex: 'status', width: 100, render: (v: ReportStatus) => <ReportStatusTag status={v} /> },
            { title: '报告时限', dataIndex: 'submit_due_on', width: 140, render: (v, r) => (r.submitted_on ? `${r.submitted_on} 已报告` : <DueDay dueOn={v} open />) },
            { title: '公开时限', dataIndex: 'publish_due_on', width: 140, render: (v, r) => (r.published_on ? `${r.published_on} 已公开` : <DueDay dueOn={v} open />) },
          ]}
        />
      </Card>
      <FormModal
        title="起草年度报告"
        open={drafting}
        onClose={() => setDrafting(false)}
        okTestId="report-create-ok"
        initialValues={{ year: new Date().getFullYear() - 1 }}
        onSubmit={async (v) => {
          const r = await submit<{ id: number }>('/api/plans/reports', v, '已生成报告初稿');
          if (r) navigate(`/plans/reports/${r.id}`);
          return r;
        }}
      >
        <OrgField name="orgId" label="报告机关" />
        <Form.Item name="year" label="报告年度" extra="初稿由平台各模块该年度的指标数据生成" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} data-testid="field-year" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
