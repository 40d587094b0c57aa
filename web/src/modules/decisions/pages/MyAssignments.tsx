import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { FormModal } from '../../../core/FormModal';
import { ASSIGNMENT_SOURCE_LABELS, EXPERT_FIELD_LABELS, useSubmit, type MyAssignment } from '../api';
import { DateField, DecisionStatusTag, QueryTable } from '../components';

/**
 * 我的论证任务: an expert of the pool with a platform account sees the decisions drawn or
 * chosen for and hands in the written opinion while the decision is in argumentation
 * (seed 002 #23: 支持其独立开展工作).
 */
export function MyAssignmentsPage() {
  const { submit } = useSubmit();
  const list = useQuery({ queryKey: ['decisions', 'my-assignments'], queryFn: () => get<MyAssignment[]>('/api/decisions/my-assignments') });
  const [writing, setWriting] = useState<MyAssignment>();
  return (
    <PageContainer title="我的论证任务" subTitle="参加论证的重大行政决策事项；在专家论证阶段提交书面论证意见">
      <Card>
        <QueryTable<MyAssignment>
          query={list}
          empty="没有论证任务"
          expandable={{ rowExpandable: (r) => !!r.opinion, expandedRowRender: (r) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`my-opinion-${r.id}`}>{r.opinion}</Typography.Paragraph> }}
          columns={[
            { title: '决策事项', dataIndex: 'decision_title' },
            { title: '决策机关', dataIndex: 'org_name', width: 170 },
            { title: '领域', dataIndex: 'field', width: 90, render: (v: keyof typeof EXPERT_FIELD_LABELS) => EXPERT_FIELD_LABELS[v] },
            { title: '产生方式', dataIndex: 'source', width: 100, render: (v: keyof typeof ASSIGNMENT_SOURCE_LABELS) => ASSIGNMENT_SOURCE_LABELS[v] },
            { title: '决策状态', dataIndex: 'decision_status', width: 130, render: (v) => <DecisionStatusTag status={v} /> },
            {
              title: '我的意见',
              width: 170,
              render: (_, r) =>
                r.opinion ? (
                  <Tag color="green" data-testid={`my-assignment-done-${r.id}`}>{r.given_on} 已提交</Tag>
                ) : r.decision_status === 'argumentation' ? (
                  <Button type="primary" size="small" data-testid={`my-assignment-opinion-${r.id}`} onClick={() => setWriting(r)}>提交论证意见</Button>
                ) : (
                  <Typography.Text type="secondary">{['initiated', 'planned', 'comment'].includes(r.decision_status) ? '尚未进入论证阶段' : '论证已结束'}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
      <FormModal title={`提交论证意见：${writing?.decision_title ?? ''}`} open={!!writing} onClose={() => setWriting(undefined)} okText="提交" okTestId="my-opinion-ok" width={640} onSubmit={(v) => submit(`/api/decisions/my-assignments/${writing!.id}/opinion`, v, '论证意见已提交')}>
        <Typography.Paragraph type="secondary">就决策事项的必要性、可行性、科学性等出具书面论证意见（条例第十九条）；提交后不能修改。</Typography.Paragraph>
        <DateField name="givenOn" label="出具日期" required />
        <Form.Item name="opinion" label="书面论证意见" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={8} maxLength={20000} data-testid="my-opinion-text" />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}
