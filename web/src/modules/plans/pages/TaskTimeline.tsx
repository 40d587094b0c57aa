import { useMemo } from 'react';
import { Empty } from 'antd';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { TASK_STATUS_LABELS, type TaskRow } from '../api';
import { daysBetween, today } from '../components';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const COLORS = { completed: '#52c41a', overdue: '#cf1322', open: '#1677ff' };
const DAY = 86_400_000;
const dayOf = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const short = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * 时间轴: each task as a bar from the plan's start to its day (a Gantt chart on a day axis),
 * completed green, overdue red, open blue, with today marked.
 */
export function TaskTimeline({ tasks, startYear, endYear }: { tasks: TaskRow[]; startYear: number; endYear: number }) {
  const start = `${startYear}-01-01`;
  const option = useMemo(() => {
    const now = today();
    const rows = tasks.filter((t) => t.status !== 'cancelled');
    const fate = (t: TaskRow) => (t.status === 'completed' ? 'completed' : t.due_on < now ? 'overdue' : 'open');
    const series = (['completed', 'overdue', 'open'] as const).map((f) => ({
      name: f === 'overdue' ? '已逾期' : TASK_STATUS_LABELS[f],
      type: 'bar',
      stack: 'task',
      barMaxWidth: 16,
      itemStyle: { color: COLORS[f] },
      data: rows.map((t) => (fate(t) === f ? daysBetween(start, t.due_on) : null)),
      ...(f === 'open' ? { markLine: { symbol: 'none', lineStyle: { color: '#fa8c16', type: 'dashed' }, label: { formatter: `今天 ${now}`, position: 'start' }, data: [{ xAxis: daysBetween(start, now) }] } } : {}),
    }));
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const t = rows[ps[0]?.dataIndex];
          if (!t) return '';
          const f = fate(t);
          return `${t.measure_number}. ${t.title}<br/>牵头：${t.org_name}<br/>完成时限：${t.due_on}${t.completed_on ? `<br/>完成：${t.completed_on}` : ''}<br/>${f === 'overdue' ? '已逾期' : TASK_STATUS_LABELS[t.status]}`;
        },
      },
      legend: { top: 0 },
      grid: { left: 240, right: 40, top: 56, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: daysBetween(start, `${endYear + 1}-01-01`), interval: 365, axisLabel: { formatter: (v: number) => dayOf(start, v).slice(0, 7) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((t) => `${t.measure_number}. ${short(t.title)}（${short(t.org_name, 10)}）`) },
      series,
    };
  }, [tasks, start, endYear]);
  if (!tasks.length) return <Empty description="尚未分解任务" />;
  return (
    <div data-testid="plan-timeline">
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(220, tasks.length * 30 + 90) }} notMerge />
    </div>
  );
}
