import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Typography } from 'antd';
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
import type { Bulletin, BulletinCounts } from '../api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** '87.5%'; '—' when nothing was issued (as in the bulletin files). */
const rate = (c: BulletinCounts) => (c.issued ? `${Math.round((c.filedOnTime / c.issued) * 1000) / 10}%` : '—');

function FilingChart({ b }: { b: Bulletin }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: ['按时报备', '逾期报备', '未报备'] },
      grid: { left: 40, right: 20, top: 40, bottom: 60, containLabel: true },
      xAxis: { type: 'category', data: b.rows.map((r) => r.issuerName), axisLabel: { interval: 0, rotate: b.rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1, name: '件' },
      series: [
        { name: '按时报备', type: 'bar', stack: 'n', barMaxWidth: 56, itemStyle: { color: '#389e0d' }, data: b.rows.map((r) => r.filedOnTime) },
        { name: '逾期报备', type: 'bar', stack: 'n', barMaxWidth: 56, itemStyle: { color: '#faad14' }, data: b.rows.map((r) => r.filedLate) },
        { name: '未报备', type: 'bar', stack: 'n', barMaxWidth: 56, itemStyle: { color: '#cf1322' }, data: b.rows.map((r) => r.notFiled) },
      ],
    }),
    [b],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 320 }} notMerge />;
}

const COUNT_COLUMNS: [keyof BulletinCounts, string][] = [
  ['issued', '制定件数'],
  ['filedOnTime', '按时报备'],
  ['filedLate', '逾期报备'],
  ['notFiled', '未报备'],
  ['approved', '审查通过'],
  ['correction', '责令纠正'],
  ['revoked', '撤销'],
  ['pending', '待审查'],
];

/** 备案审查情况通报 (quarterly and yearly): per issuing body, how its documents were filed. */
export function ReportsPage() {
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | undefined>(Math.floor(dayjs().month() / 3) + 1);
  const query = qs({ year, quarter });
  const q = useQuery({ queryKey: ['normative', 'bulletin', year, quarter], queryFn: () => get<Bulletin>(`/api/normative/reports/bulletin${query}`) });
  const b = q.data;
  const rows = b ? [...b.rows.map((r) => ({ key: String(r.issuerOrgId), name: r.issuerName, ...r })), { key: 'total', name: '合计', ...b.totals }] : [];
  return (
    <PageContainer title="备案审查通报" subTitle="规范性文件备案审查情况的季度、年度通报">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select data-testid="bulletin-year" value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))} />
          <Select
            data-testid="bulletin-quarter"
            value={quarter}
            onChange={(v) => setQuarter(v ?? undefined)}
            allowClear
            placeholder="全年"
            style={{ width: 140 }}
            options={[1, 2, 3, 4].map((n) => ({ value: n, label: `第 ${n} 季度` }))}
          />
          <Button icon={<DownloadOutlined />} href={`/api/normative/reports/bulletin.xlsx${query}`} data-testid="bulletin-xlsx">
            下载 Excel
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/normative/reports/bulletin.docx${query}`} data-testid="bulletin-docx">
            下载 Word 通报
          </Button>
        </Space>
      </Card>
      <ErrorAlert error={q.error} />
      <Card title={b?.title ?? '备案审查情况通报'} loading={q.isLoading} extra={b && <Typography.Text type="secondary">{b.period.from} 至 {b.period.to}</Typography.Text>}>
        {b && b.rows.length === 0 ? (
          <Empty description="本期没有公布的规范性文件" />
        ) : (
          b && (
            <>
              <FilingChart b={b} />
              <Table
                data-testid="bulletin-table"
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={rows}
                onRow={(r) => (r.key === 'total' ? { style: { fontWeight: 600, background: '#fafafa' } } : {})}
                columns={[
                  { title: '制定机关', dataIndex: 'name' },
                  ...COUNT_COLUMNS.map(([k, title]) => ({ title, dataIndex: k, width: 90, align: 'right' as const })),
                  { title: '按时报备率', width: 100, align: 'right' as const, render: (_: unknown, r: BulletinCounts & { key: string }) => rate(r) },
                ]}
              />
            </>
          )
        )}
      </Card>
    </PageContainer>
  );
}
