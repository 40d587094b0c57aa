import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Segmented, Table, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { useAssigned, useTasks } from '../api';
import { DueDay } from '../components';
import { TasksTable } from './PlanView';

/** 我的任务: the tasks the caller's unit leads or co-operates on, and its open assigned items. */
export function WorkbenchPage() {
  const { me } = useAuth();
  const tasks = useTasks({ mine: true });
  const assigned = useAssigned({ status: 'open' });
  const [show, setShow] = useState<'open' | 'all'>('open');
  const rows = useMemo(() => (show === 'open' ? tasks.data?.filter((t) => t.status === 'open') : tasks.data), [tasks.data, show]);
  const counts = useMemo(() => {
    const open = (tasks.data ?? []).filter((t) => t.status === 'open');
    return { open: open.length, overdue: open.filter((t) => t.overdue).length };
  }, [tasks.data]);
  const mine = (assigned.data ?? []).filter((a) => a.org_id === me?.user.orgId);
  return (
    <PageContainer title="我的任务" subTitle={me ? `${me.user.orgName}牵头或配合的规划任务、领导交办事项` : undefined}>
      <Card
        title="规划任务"
        style={{ marginBottom: 16 }}
        extra={
          <Segmented
            value={show}
            onChange={(v) => setShow(v as 'open' | 'all')}
            options={[
              { value: 'open', label: `推进中（${counts.open}）` },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      >
        {counts.overdue > 0 && (
          <Typography.Paragraph type="danger" data-testid="workbench-overdue">
            已逾期 {counts.overdue} 项，请尽快办结或报告进展
          </Typography.Paragraph>
        )}
        <TasksTable query={{ ...tasks, data: rows }} showPlan />
      </Card>
      <Card title="领导交办事项（办理中）" extra={<Link to="/plans/assigned">全部交办事项</Link>}>
        <ErrorAlert error={assigned.error} />
        <Table
          rowKey="id"
          size="small"
          loading={assigned.isLoading}
          dataSource={mine}
          pagination={false}
          locale={{ emptyText: '没有办理中的交办事项' }}
          columns={[
            { title: '交办事项', dataIndex: 'title', render: (v, r) => <Link to={`/plans/assigned#item-${r.id}`}>{v}</Link> },
            { title: '交办领导', dataIndex: 'leader_name', width: 120 },
            { title: '交办日', dataIndex: 'assigned_on', width: 110 },
            { title: '办理时限', dataIndex: 'due_on', width: 130, render: (v) => <DueDay dueOn={v} open /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
