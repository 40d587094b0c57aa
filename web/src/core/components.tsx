import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { LIGHTS, UNITS } from './labels';
import { get, problemText } from './api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface DeadlineRow {
  id: number;
  module: string;
  title: string;
  due_date: string;
  light: 'red' | 'yellow' | 'normal';
  workingDaysLeft: number;
  kind: string;
  org_name: string;
  assignee_name: string | null;
  start_date: string;
  days: number;
  unit: string;
  provisional: boolean;
  rule_key: string;
  extended_days: number;
  paused_days: number;
  org_id: number;
  assignee_user_id: number | null;
  instance_id: number | null;
}
export interface DeadlineList {
  today: string;
  yellowUntil: string;
  counts: { red: number; yellow: number; normal: number; total: number };
  byModule: { module: string; red: number; yellow: number; normal: number }[];
  items: DeadlineRow[];
}

export function LightTag({ light, short }: { light: string; short?: boolean }) {
  const l = LIGHTS[light] ?? { text: light, color: 'default', short: light };
  return <Tag color={l.color}>{short ? l.short : l.text}</Tag>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  return error ? <Alert type="error" showIcon message={problemText(error)} style={{ marginBottom: 16 }} /> : null;
}

function daysLeftText(n: number) {
  if (n < 0) return `已超期 ${-n} 个工作日`;
  if (n === 0) return '今日到期';
  return `剩余 ${n} 个工作日`;
}

export function DeadlineTable({ data, loading, moduleName, extra }: { data?: DeadlineRow[]; loading: boolean; moduleName: (id: string) => string; extra?: ColumnsType<DeadlineRow> }) {
  const [open, setOpen] = useState<number>();
  const columns: ColumnsType<DeadlineRow> = [
    { title: '状态', dataIndex: 'light', width: 90, render: (v) => <LightTag light={v} short /> },
    {
      title: '事项',
      dataIndex: 'title',
      render: (v, r) => (
        <Typography.Link data-testid={`deadline-${r.id}`} onClick={() => setOpen(r.id)}>
          {v}
        </Typography.Link>
      ),
    },
    { title: '业务', dataIndex: 'module', width: 90, render: (v) => moduleName(v) },
    { title: '责任机构', dataIndex: 'org_name', width: 150, ellipsis: true },
    { title: '承办人', dataIndex: 'assignee_name', width: 80, render: (v) => v ?? '本机构' },
    {
      title: '期限',
      dataIndex: 'due_date',
      width: 170,
      render: (v, r) => (
        <Tooltip title={`自 ${r.start_date} 起 ${r.days} ${UNITS[r.unit] ?? r.unit}（规则 ${r.rule_key}）${r.extended_days ? `，延长 ${r.extended_days} 日` : ''}${r.paused_days ? `，中止 ${r.paused_days} 日` : ''}`}>
          <span data-testid={`due-${r.id}`}>{v}</span> {r.provisional && <Tag color="orange">暂定</Tag>}
          <div style={{ color: r.light === 'red' ? '#cf1322' : '#888', fontSize: 12 }}>{daysLeftText(r.workingDaysLeft)}</div>
        </Tooltip>
      ),
    },
    ...(extra ?? []),
  ];
  return (
    <>
      <Table rowKey="id" size="middle" tableLayout="fixed" scroll={{ x: 760 }} loading={loading} dataSource={data} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '没有未办结的期限' }} />
      <DeadlineDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}

const EVENTS: Record<string, string> = { start: '起算', pause: '中止', resume: '恢复', extend: '延长', close: '办结', reopen: '重新计算' };

/** One deadline's history: start, pauses, extensions and closing, each with its reason. */
function DeadlineDrawer({ id, onClose }: { id?: number; onClose: () => void }) {
  const q = useQuery({ queryKey: ['deadline', id], enabled: !!id, queryFn: () => get<any>(`/api/supervision/deadlines/${id}`) });
  const d = q.data;
  return (
    <Drawer title={d?.title ?? '期限'} open={!!id} onClose={onClose} width={480}>
      <ErrorAlert error={q.error} />
      {d && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="届满日">{d.due_date}{d.provisional && <Tag color="orange" style={{ marginLeft: 8 }}>暂定</Tag>}</Descriptions.Item>
            <Descriptions.Item label="期间">自 {d.start_date} 起 {d.days} {UNITS[d.unit] ?? d.unit}</Descriptions.Item>
            <Descriptions.Item label="规则参数">{d.rule_key ?? '（指定期限）'}</Descriptions.Item>
            <Descriptions.Item label="状态">{d.status === 'open' ? '进行中' : d.status === 'paused' ? '中止' : '已办结'}</Descriptions.Item>
          </Descriptions>
          <Timeline
            style={{ marginTop: 24 }}
            items={(d.events ?? []).map((e: any) => ({
              children: (
                <>
                  <b>{EVENTS[e.event] ?? e.event}</b> {e.on_date}
                  {e.due_after && e.due_after !== e.due_before && <span>，届满日 {e.due_before ? `${e.due_before} → ` : ''}{e.due_after}</span>}
                  {e.reason && <div style={{ color: '#666' }}>{e.reason}</div>}
                </>
              ),
            }))}
          />
          {d.instance_id && <Link to={`/procedures/${d.instance_id}`}>打开办理事项</Link>}
        </>
      )}
    </Drawer>
  );
}

/** Yellow and red items per module (DESIGN.md §4.5: supervision across every module). */
export function LightsByModuleChart({ rows, moduleName }: { rows: DeadlineList['byModule']; moduleName: (id: string) => string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['红灯', '黄灯'] },
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => moduleName(r.module)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '红灯', type: 'bar', stack: 'n', itemStyle: { color: '#cf1322' }, data: rows.map((r) => r.red) },
        { name: '黄灯', type: 'bar', stack: 'n', itemStyle: { color: '#faad14' }, data: rows.map((r) => r.yellow) },
      ],
    }),
    [rows, moduleName],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 260 }} notMerge />;
}
