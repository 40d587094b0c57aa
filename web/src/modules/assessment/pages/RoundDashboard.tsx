import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ErrorAlert } from '../../../core/components';
import { GRADE_COLOR, ROUND_STATUS, num } from '../rounds-api';
import { reportDocxUrl, resultsXlsxUrl, useDashboard, type Dashboard, type RankingRow, type WeakLeaf } from '../reports-api';
import { GradeTag } from './RoundDetail';

echarts.use([BarChart, LineChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

const ANTD_COLORS: Record<string, string> = { green: '#52c41a', blue: '#1677ff', cyan: '#13c2c2', orange: '#fa8c16' };
const pct = (v: number | null | undefined) => (v == null ? '—' : `${num(v)}%`);
const short = (s: string, n = 10) => (s.length > n ? `${s.slice(0, n)}…` : s);
const Chart = ({ option, height = 280 }: { option: object; height?: number }) => <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />;

function Distribution({ d }: { d: Dashboard['distribution'] }) {
  const grades = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: d.grades.map((g) => g.text) },
      yAxis: { type: 'value', minInterval: 1, name: '单位数' },
      series: [{ type: 'bar', name: '单位数', data: d.grades.map((g) => ({ value: g.count, itemStyle: { color: ANTD_COLORS[GRADE_COLOR[g.grade]] } })), label: { show: true, position: 'top' } }],
    }),
    [d],
  );
  const bands = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category', name: '得分率%', data: d.bands.map((b) => b.label) },
      yAxis: { type: 'value', minInterval: 1, name: '单位数' },
      series: [{ type: 'bar', name: '单位数', data: d.bands.map((b) => b.count), itemStyle: { color: '#1677ff' } }],
    }),
    [d],
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Card size="small" title="等次分布">
          <Chart option={grades} height={240} />
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title="得分率分布（每 10 个百分点）" extra={d.unscored ? <Typography.Text type="secondary">{d.unscored} 个单位尚无得分</Typography.Text> : null}>
          <Chart option={bands} height={240} />
        </Card>
      </Col>
    </Row>
  );
}

function Ranking({ d, roundId }: { d: Dashboard; roundId: number }) {
  const published = d.round.status === 'published';
  return (
    <Card size="small" title={published ? '排名' : '排名（临时）'}>
      <Table<RankingRow>
        rowKey="orgId"
        size="small"
        dataSource={d.ranking}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `dashboard-rank-${r.orgId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 70, align: 'center', render: (v) => v ?? '—' },
          { title: '单位', dataIndex: 'orgName', render: (v, r) => <Link to={`/assessment/rounds/${roundId}/sheet/${r.orgId}`}>{v}</Link> },
          { title: '类别', dataIndex: 'category', width: 140, render: (v) => v ?? '—' },
          { title: '得分', key: 'score', width: 130, align: 'right', render: (_, r) => (r.score == null ? '—' : `${num(r.score)} / ${num(r.max)}`) },
          { title: '得分率', dataIndex: 'percent', width: 90, align: 'right', render: pct },
          { title: '等次', key: 'grade', width: 150, render: (_, r) => <GradeTag org={r} /> },
          ...(published
            ? []
            : [{ title: '未计分', dataIndex: 'pending', width: 80, align: 'right' as const, render: (v: number) => (v ? <Tag color="gold">{v} 项</Tag> : '—') }]),
          ...(published
            ? [
                {
                  title: '结果通报',
                  key: 'docx',
                  width: 110,
                  render: (_: unknown, r: RankingRow) => (
                    <Button data-testid={`dashboard-docx-${r.orgId}`} size="small" type="link" icon={<FileWordOutlined />} href={reportDocxUrl(roundId, r.orgId)}>
                      下载
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Radar({ d }: { d: Dashboard }) {
  const [orgId, setOrgId] = useState<number | undefined>(d.ranking[0]?.orgId);
  const { nodes, orgs, average } = d.indicators;
  const mine = orgs.find((o) => o.orgId === orgId);
  const name = d.ranking.find((r) => r.orgId === orgId)?.orgName ?? '';
  const option = useMemo(
    () => ({
      tooltip: {},
      legend: { bottom: 0, data: [name, '各单位平均'] },
      radar: { radius: '62%', indicator: nodes.map((n) => ({ name: short(`${n.code}、${n.title}`, 12), max: 100 })) },
      series: [
        {
          type: 'radar',
          data: [
            { name, value: mine?.cells.map((c) => c.percent ?? 0) ?? [], areaStyle: { opacity: 0.15 } },
            { name: '各单位平均', value: average.map((v) => v ?? 0), lineStyle: { type: 'dashed' } },
          ],
        },
      ],
    }),
    [nodes, mine, average, name],
  );
  return (
    <Card
      size="small"
      title="各一级指标得分率"
      extra={<Select data-testid="dashboard-radar-org" size="small" style={{ width: 240 }} value={orgId} onChange={setOrgId} options={d.ranking.map((r) => ({ value: r.orgId, label: r.orgName }))} showSearch optionFilterProp="label" />}
    >
      {nodes.length && mine ? <Chart option={option} height={380} /> : <Empty description="暂无指标得分" />}
      {mine && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {nodes.map((n, i) => `${n.code}、${n.title}：${pct(mine.cells[i].percent)}`).join('；')}（不适用的指标不计入）
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Trend({ t }: { t: Dashboard['trend'] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 50 },
      xAxis: { type: 'category', data: t.rounds.map((r) => `${r.year}年${r.current ? '（本轮）' : ''}`) },
      // From the lowest ten below the data, so small changes between years stay visible.
      yAxis: { type: 'value', name: '得分率%', max: 100, min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10) },
      series: t.series.map((s) => ({ type: 'line', name: s.orgName, data: s.percents, connectNulls: false })),
    }),
    [t],
  );
  return (
    <Card size="small" title="历年得分率">
      {t.rounds.length > 1 ? <Chart option={option} height={320} /> : <Empty description="本考核机构此前没有已公布的考核结果可供比较" />}
    </Card>
  );
}

function Weakest({ rows }: { rows: WeakLeaf[] }) {
  return (
    <Card size="small" title="薄弱指标（各单位平均得分率最低的 10 项）">
      <Table<WeakLeaf>
        rowKey="nodeId"
        size="small"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '各单位均未在任何指标上失分' }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 110 },
          { title: '指标', dataIndex: 'title', render: (v, w) => <>{v}<Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{w.levelOne}</Typography.Text></> },
          { title: '分值', dataIndex: 'points', width: 70, align: 'right', render: num },
          { title: '平均得分', dataIndex: 'averageScore', width: 90, align: 'right', render: num },
          { title: '平均得分率', dataIndex: 'average', width: 100, align: 'right', render: pct },
          { title: '失分单位', key: 'lost', width: 100, align: 'right', render: (_, w) => `${w.lostOrgs} / ${w.scoredOrgs}` },
        ]}
      />
    </Card>
  );
}

/** 考核分析: distribution, ranking, level-1 radar, trend across years and the weakest indicators of a round. */
export function RoundDashboardPage() {
  const id = Number(useParams().id);
  const q = useDashboard(id);
  const d = q.data;
  return (
    <PageContainer
      title={d ? `考核分析：${d.round.name}` : '考核分析'}
      onBack={() => history.back()}
      tags={d && <Tag color={ROUND_STATUS[d.round.status]?.color}>{ROUND_STATUS[d.round.status]?.text ?? d.round.status}</Tag>}
      extra={
        d && (
          <Button data-testid="dashboard-xlsx" icon={<DownloadOutlined />} href={resultsXlsxUrl(id)}>
            {d.round.status === 'published' ? '导出考核结果（Excel）' : '导出临时结果（Excel）'}
          </Button>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {q.isLoading && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {d.notice && <Alert data-testid="dashboard-provisional" type="warning" showIcon message="临时结果" description={d.notice} />}
          <Distribution d={d.distribution} />
          <Ranking d={d} roundId={id} />
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Radar key={d.ranking[0]?.orgId} d={d} />
            </Col>
            <Col xs={24} lg={12}>
              <Trend t={d.trend} />
            </Col>
          </Row>
          <Weakest rows={d.weakest} />
        </Space>
      )}
    </PageContainer>
  );
}
