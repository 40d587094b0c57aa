import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { LIGHTS } from '../../../core/labels';
import { CASE_STATUS_LABELS, useAssigned, useCases, useMeetings, usePlans, useTasks, type AssignedRow, type TaskRow } from '../api';
import { CaseStatusTag, CountsBar, DueDay, today } from '../components';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Case states that no longer need attention. */
const ENDED = new Set(['closed', 'dropped']);
/** How many of the oldest overdue tasks the short table lists. */
const OLDEST = 8;

/** Overdue tasks counted by lead unit, most first. */
function OverdueChart({ tasks }: { tasks: TaskRow[] }) {
  const byUnit = useMemo(() => {
    const m = new Map<string, number>();
    for (const t of tasks) m.set(t.org_name, (m.get(t.org_name) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  }, [tasks]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 20, right: 30, top: 20, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: '项' },
      yAxis: { type: 'category', inverse: true, data: byUnit.map(([name]) => name) },
      series: [{ name: '逾期任务', type: 'bar', barMaxWidth: 22, itemStyle: { color: '#cf1322' }, label: { show: true, position: 'right' }, data: byUnit.map(([, n]) => n) }],
    }),
    [byUnit],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(200, byUnit.length * 36 + 60) }} notMerge />;
}

/**
 * 领导视图: one page for a leader — plans in force with their completion, overdue tasks by
 * lead unit, the items they assigned, governments short of their required meetings, and
 * open accountability cases. Composes the module's lists; the server decides scope.
 */
export function LeaderViewPage() {
  const { me } = useAuth();
  const plans = usePlans();
  const overdue = useTasks({ status: 'overdue' });
  const assigned = useAssigned();
  const meetings = useMeetings();
  const cases = useCases();
  const now = today();

  const inForce = useMemo(() => (plans.data ?? []).filter((p) => p.status === 'published'), [plans.data]);
  const oldest = useMemo(() => [...(overdue.data ?? [])].sort((a, b) => a.due_on.localeCompare(b.due_on) || a.id - b.id).slice(0, OLDEST), [overdue.data]);
  const mine = useMemo(() => (assigned.data ?? []).filter((a) => a.leader_user_id === me?.user.id), [assigned.data, me?.user.id]);
  const mineCounts = useMemo(() => {
    const open = mine.filter((a) => a.status === 'open');
    const answered = mine.filter((a) => a.status === 'answered');
    return { open: open.length, overdue: open.filter((a) => a.due_on < now).length, inTime: answered.filter((a) => a.in_time).length, late: answered.filter((a) => !a.in_time).length };
  }, [mine, now]);
  const openMine = useMemo(() => mine.filter((a) => a.status === 'open').sort((a, b) => a.due_on.localeCompare(b.due_on)), [mine]);
  const short = useMemo(() => (meetings.data?.orgs ?? []).map((g) => ({ ...g, kinds: g.kinds.filter((k) => !k.met) })).filter((g) => g.kinds.length > 0), [meetings.data]);
  const openCases = useMemo(() => (cases.data ?? []).filter((c) => !ENDED.has(c.status)), [cases.data]);
  const caseCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of openCases) m.set(c.status, (m.get(c.status) ?? 0) + 1);
    return [...m.entries()];
  }, [openCases]);

  return (
    <PageContainer title="领导视图" subTitle={me ? `${me.user.displayName}：规划实施、逾期任务、交办事项、法定会议和问责案件一览` : undefined}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card data-testid="leader-plans">
            <Statistic title="实施中的规划" value={inForce.length} loading={plans.isLoading} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="leader-overdue">
            <Statistic title="逾期任务" value={overdue.data?.length ?? 0} loading={overdue.isLoading} suffix="项" valueStyle={overdue.data?.length ? { color: '#cf1322' } : undefined} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="leader-assigned">
            <Statistic title="我交办的办理中事项" value={mineCounts.open} loading={assigned.isLoading} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card data-testid="leader-cases">
            <Statistic title="办理中的问责案件" value={openCases.length} loading={cases.isLoading} suffix="件" />
          </Card>
        </Col>
      </Row>

      <Card title="实施中的规划" style={{ marginBottom: 16 }} extra={<Link to="/plans">全部规划</Link>}>
        <ErrorAlert error={plans.error} />
        <Table
          rowKey="id"
          size="small"
          loading={plans.isLoading}
          dataSource={inForce}
          pagination={false}
          locale={{ emptyText: '没有已印发实施中的规划' }}
          columns={[
            { title: '名称', dataIndex: 'title', render: (v, r) => <Link to={`/plans/${r.id}`} data-testid={`leader-plan-${r.id}`}>{v}</Link> },
            { title: '制定机关', dataIndex: 'org_name', width: 160 },
            { title: '规划期', width: 120, render: (_, r) => `${r.start_year}—${r.end_year}年` },
            {
              title: '任务完成情况',
              width: 330,
              render: (_, r) => <CountsBar width={150} counts={{ total: r.task_count, completed: r.completed_count, overdue: r.overdue_count }} percent={r.task_count ? Math.round((100 * r.completed_count) / r.task_count) : null} />,
            },
          ]}
        />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="逾期任务（按牵头单位）" style={{ marginBottom: 16 }}>
            <ErrorAlert error={overdue.error} />
            <div data-testid="leader-overdue-chart">
              {overdue.isLoading ? <Skeleton active /> : overdue.data?.length ? <OverdueChart tasks={overdue.data} /> : <Empty description="没有逾期任务" />}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="逾期最久的任务" style={{ marginBottom: 16 }}>
            <Table<TaskRow>
              rowKey="id"
              size="small"
              loading={overdue.isLoading}
              dataSource={oldest}
              pagination={false}
              locale={{ emptyText: '没有逾期任务' }}
              columns={[
                { title: '任务', dataIndex: 'title', render: (v, r) => <Link to={`/plans/tasks/${r.id}`} data-testid={`leader-task-${r.id}`}>{v}</Link> },
                { title: '牵头单位', dataIndex: 'org_name', width: 160 },
                { title: '完成时限', dataIndex: 'due_on', width: 130, render: (v) => <DueDay dueOn={v} open /> },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card title="我交办的事项" style={{ marginBottom: 16 }} extra={<Link to="/plans/assigned">全部交办事项</Link>}>
        <ErrorAlert error={assigned.error} />
        <Row gutter={16} style={{ marginBottom: 12 }} data-testid="leader-assigned-counts">
          <Col span={6}><Statistic title="办理中" value={mineCounts.open} loading={assigned.isLoading} /></Col>
          <Col span={6}><Statistic title="已超期未办结" value={mineCounts.overdue} loading={assigned.isLoading} valueStyle={mineCounts.overdue ? { color: '#cf1322' } : undefined} /></Col>
          <Col span={6}><Statistic title="按时办结" value={mineCounts.inTime} loading={assigned.isLoading} /></Col>
          <Col span={6}><Statistic title="超期办结" value={mineCounts.late} loading={assigned.isLoading} /></Col>
        </Row>
        <Table<AssignedRow>
          rowKey="id"
          size="small"
          loading={assigned.isLoading}
          dataSource={openMine}
          pagination={false}
          locale={{ emptyText: '没有办理中的交办事项' }}
          columns={[
            { title: '交办事项', dataIndex: 'title', render: (v, r) => <Link to={`/plans/assigned#item-${r.id}`}>{v}</Link> },
            { title: '承办单位', dataIndex: 'org_name', width: 170 },
            { title: '交办日', dataIndex: 'assigned_on', width: 110 },
            { title: '办理时限', dataIndex: 'due_on', width: 130, render: (v) => <DueDay dueOn={v} open /> },
          ]}
        />
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={`法定会议（${meetings.data?.year ?? new Date().getFullYear()}年）尚未达到应开次数`} style={{ marginBottom: 16 }} extra={<Link to="/plans/meetings">法定会议</Link>}>
            <ErrorAlert error={meetings.error} />
            <List
              size="small"
              loading={meetings.isLoading}
              dataSource={short}
              locale={{ emptyText: '各级政府均已达到应开次数' }}
              renderItem={(g) => (
                <List.Item data-testid={`leader-meeting-${g.org_id}`}>
                  <Space wrap>
                    <Typography.Text strong>{g.org_name}</Typography.Text>
                    {g.kinds.map((k) => (
                      <Tag key={k.kind} color={LIGHTS[k.light]?.color ?? 'default'} data-light={k.light}>
                        {k.label}：{k.held}/{k.required}
                        {k.light !== 'normal' && `（${LIGHTS[k.light]?.short ?? k.light}）`}
                      </Tag>
                    ))}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="办理中的问责案件" style={{ marginBottom: 16 }} extra={<Link to="/plans/accountability" data-testid="leader-cases-link">问责</Link>}>
            <ErrorAlert error={cases.error} />
            {cases.isLoading ? (
              <Skeleton active />
            ) : caseCounts.length ? (
              <Space wrap>
                {caseCounts.map(([status, n]) => (
                  <Space key={status} size={4}>
                    <CaseStatusTag status={status} label={CASE_STATUS_LABELS[status] ?? status} />
                    <span>{n} 件</span>
                  </Space>
                ))}
              </Space>
            ) : (
              <Empty description="没有办理中的问责案件" />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
