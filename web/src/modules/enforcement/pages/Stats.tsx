import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { get, qs } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { StatRow, Stats } from '../api';
import { useSubjects } from './Powers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const yuan = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function MonthChart({ rows }: { rows: StatRow[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['立案', '作出决定', '结案', '超期'] },
      grid: { left: 40, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.label) },
      yAxis: { type: 'value', minInterval: 1, name: '件' },
      series: [
        { name: '立案', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1677ff' }, data: rows.map((r) => r.filed) },
        { name: '作出决定', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#fa8c16' }, data: rows.map((r) => r.decided) },
        { name: '结案', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#389e0d' }, data: rows.map((r) => r.closed) },
        { name: '超期', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#cf1322' }, data: rows.map((r) => r.overdue) },
      ],
    }),
    [rows],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />;
}

const columns = (first: string): ColumnsType<StatRow> => [
  { title: first, dataIndex: 'label', ellipsis: true },
  { title: '立案', dataIndex: 'filed', width: 70, align: 'right' },
  { title: '作出决定', dataIndex: 'decided', width: 90, align: 'right' },
  { title: '结案', dataIndex: 'closed', width: 70, align: 'right' },
  { title: '超期', dataIndex: 'overdue', width: 70, align: 'right', render: (v: number) => <span style={v ? { color: '#cf1322', fontWeight: 600 } : undefined}>{v}</span> },
  { title: '听证', dataIndex: 'hearings', width: 70, align: 'right' },
  { title: '法制审核', dataIndex: 'reviews', width: 90, align: 'right' },
  { title: '罚款决定额（元）', dataIndex: 'fines_imposed', width: 140, align: 'right', render: yuan },
  { title: '实缴入库额（元）', dataIndex: 'fines_collected', width: 140, align: 'right', render: yuan },
];

/** 执法统计: cases of a year by month, by subject and by power; the same tables as Excel. */
export function StatsPage() {
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<number>();
  const subjects = useSubjects();
  const query = qs({ year, orgId });
  const q = useQuery({ queryKey: ['enforcement', 'stats', year, orgId], queryFn: () => get<Stats>(`/api/enforcement/stats${query}`) });
  const s = q.data;
  const t = s?.total;
  const withTotal = (rows: StatRow[]) => (t && rows.length ? [...rows, t] : rows);
  return (
    <PageContainer title="执法统计" subTitle="按立案年度统计：立案、决定、结案、超期、听证、法制审核和罚没款">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select data-testid="stats-year" value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))} />
          <Select allowClear placeholder="全部执法主体" style={{ width: 240 }} value={orgId} onChange={setOrgId} options={(subjects.data ?? []).map((x) => ({ value: x.org_id, label: x.org_name }))} />
          <Button icon={<DownloadOutlined />} href={`/api/enforcement/stats.xlsx${query}`} data-testid="stats-xlsx">
            下载 Excel
          </Button>
        </Space>
      </Card>
      <ErrorAlert error={q.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(
          [
            ['立案', t?.filed, '件'],
            ['作出决定', t?.decided, '件'],
            ['结案', t?.closed, '件'],
            ['超期', t?.overdue, '件'],
            ['听证', t?.hearings, '件'],
            ['法制审核', t?.reviews, '件'],
            ['罚款决定额', t?.fines_imposed, '元'],
            ['实缴入库额', t?.fines_collected, '元'],
          ] as const
        ).map(([title, value, suffix]) => (
          <Col xs={12} md={6} key={title}>
            <Card size="small" loading={q.isLoading}>
              <Statistic title={title} value={value ?? 0} suffix={suffix} precision={suffix === '元' ? 2 : 0} valueStyle={title === '超期' && value ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={`${year} 年按月份（立案月份）`} style={{ marginBottom: 16 }} loading={q.isLoading}>
        {s && <MonthChart rows={s.byMonth} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="按执法主体" style={{ marginBottom: 16 }}>
            <Table rowKey="key" size="small" loading={q.isLoading} dataSource={withTotal(s?.byOrg ?? [])} columns={columns('执法主体')} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: '本年度没有案件' }} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="按执法事项" style={{ marginBottom: 16 }}>
            <Table rowKey="key" size="small" loading={q.isLoading} dataSource={withTotal(s?.byPower ?? [])} columns={columns('执法事项')} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: '本年度没有案件' }} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
