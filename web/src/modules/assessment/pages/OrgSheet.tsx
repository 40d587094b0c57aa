import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileWordOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { MethodTag } from '../components';
import { useSubmit } from '../useSubmit';
import { pts } from '../api';
import { reportDocxUrl } from '../reports-api';
import { ORG_STATUS, ROUND_STATUS, SCORE_STATUS, day, num, type Sheet, type SheetItem } from '../rounds-api';
import { GradeTag } from './RoundDetail';
import { ConsequencesPanel, RecordsDrawer, ReturnButton } from './SheetExtras';

type Entry = { score: number | null; note: string };
type Entries = Record<number, Entry>;

const selfAssessed = (i: SheetItem) => i.method === 'manual' || i.method === 'veto';
const numOrNull = (v: unknown) => (v == null || v === '' ? null : Number(v));
const VETO_OPTIONS = [
  { value: 0, label: '未发生' },
  { value: 1, label: '发生' },
];
const vetoText = (v: unknown) => (v == null || v === '' ? '—' : Number(v) === 1 ? '发生' : '未发生');

/** A score input: 0..points for a manual leaf, 未发生/发生 for a veto leaf. */
function ScoreInput({ item, value, onChange, testId }: { item: SheetItem; value: number | null; onChange: (v: number | null) => void; testId: string }) {
  if (item.method === 'veto')
    return <Select data-testid={testId} size="small" style={{ width: 100 }} allowClear placeholder="请选择" value={value ?? undefined} options={VETO_OPTIONS} onChange={(v) => onChange(v ?? null)} />;
  return <InputNumber data-testid={testId} size="small" style={{ width: 100 }} min={0} max={Number(item.points)} step={0.5} precision={1} value={value} onChange={(v) => onChange(v == null ? null : Number(v))} />;
}

function scoreShown(item: SheetItem, v: unknown) {
  return item.method === 'veto' ? vetoText(v) : num(v as never);
}

function SheetBody({ sheet, roundId, orgId }: { sheet: Sheet; roundId: number; orgId: number }) {
  const { can } = useAuth();
  const { submit, busy } = useSubmit();
  const open = sheet.round.status === 'open';
  const returned = sheet.org.status === 'returned';
  const selfMode = open && (sheet.org.status === 'pending' || returned) && can('assessment.self');
  // A sheet sent back reopens only the items sent back.
  const editable = (i: SheetItem) => selfAssessed(i) && (!returned || !!i.returned_reason);
  const [drill, setDrill] = useState<SheetItem | null>(null);
  const reviewMode = open && sheet.org.status === 'submitted' && can('assessment.manage');
  const [self, setSelf] = useState<Entries>(() =>
    Object.fromEntries(sheet.items.filter(selfAssessed).map((i) => [i.node_id, { score: numOrNull(i.self_score), note: i.self_note ?? '' }])),
  );
  const [review, setReview] = useState<Entries>(() =>
    Object.fromEntries(sheet.items.filter(selfAssessed).map((i) => [i.node_id, { score: numOrNull(i.review_score ?? i.self_score), note: i.review_note ?? '' }])),
  );
  const setOne = (set: typeof setSelf, nodeId: number, patch: Partial<Entry>) => set((m) => ({ ...m, [nodeId]: { ...m[nodeId], ...patch } }));

  const saveSelf = async (submitNow: boolean) => {
    const filled = sheet.items.filter(editable).filter((i) => self[i.node_id]?.score != null);
    const noNote = filled.find((i) => (self[i.node_id].note ?? '').trim().length < 2);
    if (noNote) {
      message.error(`"${noNote.code}"已打分，请填写自评说明（至少 2 个字）`);
      return;
    }
    if (!filled.length && !submitNow) {
      message.info('尚未填写自评分');
      return;
    }
    const items = filled.map((i) => ({ nodeId: i.node_id, score: self[i.node_id].score!, note: self[i.node_id].note.trim() }));
    await submit(`/api/assessment/rounds/${roundId}/self`, { orgId, items, submit: submitNow }, submitNow ? '已报送自评材料' : '已保存自评');
  };

  const changed = (i: SheetItem) => {
    const e = review[i.node_id];
    return e?.score != null && e.score !== numOrNull(i.self_score);
  };
  const saveReview = async () => {
    const items = sheet.items.filter(selfAssessed).filter(changed);
    const noNote = items.find((i) => i.self_score != null && (review[i.node_id].note ?? '').trim().length < 2);
    if (noNote) {
      message.error(`"${noNote.code}"的审核分与自评分不同，须说明理由（至少 2 个字）`);
      return;
    }
    const body = items.map((i) => {
      const note = review[i.node_id].note.trim();
      return { nodeId: i.node_id, score: review[i.node_id].score!, ...(note ? { note } : {}) };
    });
    await submit(`/api/assessment/rounds/${roundId}/review`, { orgId, items: body }, '审核完成');
  };

  const columns: ColumnsType<SheetItem> = [
    { title: '编号', dataIndex: 'code', width: 90 },
    { title: '指标', dataIndex: 'title', render: (v, i) => (i.explanation ? <>{v}<Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>{i.explanation}</Typography.Paragraph></> : v) },
    { title: '分值', dataIndex: 'points', width: 70, align: 'right', render: (v) => pts(v) },
    { title: '评分方法', dataIndex: 'method', width: 110, render: (v) => <MethodTag method={v} /> },
    {
      title: '指标数据',
      key: 'metric',
      width: 170,
      render: (_, i) =>
        i.metric_value == null && i.numerator == null ? (
          '—'
        ) : (
          <Tooltip title={i.metric_code ? `${i.metric_code}${i.computed_at ? `，计算于 ${String(i.computed_at).replace('T', ' ').slice(0, 19)}` : ''}` : undefined}>
            <div>{num(i.metric_value)}</div>
            {i.numerator != null && i.denominator != null && <div style={{ fontSize: 12, color: '#888' }}>{num(i.numerator)} / {num(i.denominator)}</div>}
            {i.computed_at && <div style={{ fontSize: 12, color: '#888' }}>{day(i.computed_at)}</div>}
            {i.record_type && (
              <Button data-testid={`sheet-records-${i.node_id}`} type="link" size="small" style={{ padding: 0 }} onClick={() => setDrill(i)}>
                查看统计记录
              </Button>
            )}
          </Tooltip>
        ),
    },
    {
      title: '自评',
      key: 'self',
      width: selfMode ? 260 : 180,
      render: (_, i) => {
        if (selfMode && editable(i)) {
          const e = self[i.node_id];
          return (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              {i.returned_reason && <Tag color="orange">退回补充：{i.returned_reason}</Tag>}
              <ScoreInput item={i} testId={`self-score-${i.node_id}`} value={e.score} onChange={(score) => setOne(setSelf, i.node_id, { score })} />
              <Input.TextArea data-testid={`self-note-${i.node_id}`} size="small" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} placeholder="自评说明" value={e.note} onChange={(ev) => setOne(setSelf, i.node_id, { note: ev.target.value })} />
            </Space>
          );
        }
        if (i.self_score == null && !i.self_note) return '—';
        return (
          <>
            {i.returned_reason && <Tag color="orange">曾退回补充：{i.returned_reason}</Tag>}
            <div>{scoreShown(i, i.self_score)}</div>
            {i.self_note && <div style={{ fontSize: 12, color: '#888' }}>{i.self_note}</div>}
          </>
        );
      },
    },
    {
      title: '审核',
      key: 'review',
      width: reviewMode ? 260 : 180,
      render: (_, i) => {
        if (reviewMode && selfAssessed(i)) {
          const e = review[i.node_id];
          const differs = changed(i);
          return (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <ScoreInput item={i} testId={`review-score-${i.node_id}`} value={e.score} onChange={(score) => setOne(setReview, i.node_id, { score })} />
              {(differs || e.note) && (
                <Input.TextArea
                  data-testid={`review-note-${i.node_id}`}
                  size="small"
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={2000}
                  status={differs && i.self_score != null && e.note.trim().length < 2 ? 'error' : undefined}
                  placeholder={differs ? '与自评分不同，须说明理由' : '审核意见'}
                  value={e.note}
                  onChange={(ev) => setOne(setReview, i.node_id, { note: ev.target.value })}
                />
              )}
            </Space>
          );
        }
        if (i.review_score == null && !i.review_note) return '—';
        return (
          <>
            <div>{scoreShown(i, i.review_score)}</div>
            {i.review_note && <div style={{ fontSize: 12, color: '#888' }}>{i.review_note}</div>}
          </>
        );
      },
    },
    { title: '得分', dataIndex: 'score', width: 70, align: 'right', render: (v) => num(v) },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: SheetItem['status']) => <Tag color={SCORE_STATUS[v]?.color}>{SCORE_STATUS[v]?.text ?? v}</Tag> },
  ];

  const o = sheet.org;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="考核轮次"><Link to={`/assessment/rounds/${roundId}`}>{sheet.round.name}</Link></Descriptions.Item>
        <Descriptions.Item label="轮次状态"><Tag color={ROUND_STATUS[sheet.round.status]?.color}>{ROUND_STATUS[sheet.round.status]?.text ?? sheet.round.status}</Tag></Descriptions.Item>
        <Descriptions.Item label="自评期限">{day(sheet.round.self_due)}</Descriptions.Item>
        <Descriptions.Item label="单位状态">
          <Tag color={ORG_STATUS[o.status]?.color}>{ORG_STATUS[o.status]?.text ?? o.status}</Tag>
          {o.submitted_on && <span style={{ fontSize: 12, color: '#888' }}>报送于 {day(o.submitted_on)}</span>}
        </Descriptions.Item>
        <Descriptions.Item label="得分">{o.score == null ? '—' : `${num(o.score)} / ${num(o.max)}（${num(o.percent)}%）`}</Descriptions.Item>
        <Descriptions.Item label="等次 / 排名">
          <GradeTag org={{ grade: o.grade ?? null, vetoed: !!o.vetoed, reasons: o.reasons ?? [] }} /> {o.rank != null ? `第 ${o.rank} 名` : ''}
        </Descriptions.Item>
      </Descriptions>
      {selfMode && !returned && <Alert type="info" showIcon message="请对“自评审核”和“一票否决”指标逐项打分并说明；保存后可继续修改，报送后交考核机构审核。" />}
      {returned && <Alert data-testid="sheet-returned" type="warning" showIcon message={`考核机构于 ${day(o.returned_on)} 退回补充：${o.return_reason ?? ''}`} description="只能修改被退回的指标；补充后重新报送（退回以一次为限）。" />}
      {o.performance_weight != null && (
        <Typography.Text type="secondary">
          考核结果占绩效考核分值 {num(o.performance_weight)}%{o.performance_points != null ? `，折合 ${num(o.performance_points)} 分` : ''}
        </Typography.Text>
      )}
      {reviewMode && <Alert type="info" showIcon message="审核分默认同自评分；修改的指标须说明理由。审核完成后计入得分。" />}
      <Table<SheetItem>
        rowKey="node_id"
        size="small"
        dataSource={sheet.items}
        columns={columns}
        pagination={false}
        scroll={{ x: 1200 }}
        onRow={(i) => ({ 'data-testid': `sheet-row-${i.node_id}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {selfMode && (
        <Space>
          <Button data-testid="sheet-save" loading={busy} onClick={() => saveSelf(false)}>保存</Button>
          <Popconfirm title="报送自评材料？" description="报送后不能再修改自评" okText="报送" onConfirm={() => saveSelf(true)}>
            <Button data-testid="sheet-submit" type="primary" loading={busy}>报送</Button>
          </Popconfirm>
        </Space>
      )}
      {reviewMode && !o.returned_on && <ReturnButton roundId={roundId} orgId={orgId} items={sheet.items.filter(selfAssessed)} />}
      {reviewMode && (
        <Popconfirm title="审核完成？" description="审核后计入得分，不能再修改" okText="完成" onConfirm={saveReview}>
          <Button data-testid="review-submit" type="primary" loading={busy}>审核完成</Button>
        </Popconfirm>
      )}
      {sheet.round.status === 'published' && <ConsequencesPanel roundId={roundId} orgId={orgId} />}
      <RecordsDrawer roundId={roundId} orgId={orgId} item={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}

/** 考核表: one organisation's sheet of a round — metric values, self-assessment, review and score. */
export function OrgSheetPage() {
  const params = useParams();
  const id = Number(params.id);
  const orgId = Number(params.orgId);
  const q = useQuery({ queryKey: ['assessment', 'sheet', id, orgId], queryFn: () => get<Sheet>(`/api/assessment/rounds/${id}/sheet${qs({ orgId })}`), enabled: id > 0 && orgId > 0 });
  return (
    <PageContainer
      title={q.data ? `考核表：${q.data.org.name}` : '考核表'}
      onBack={() => history.back()}
      extra={q.data?.round.status === 'published' && <Button data-testid="sheet-docx" icon={<FileWordOutlined />} href={reportDocxUrl(id, orgId)}>下载结果通报（Word）</Button>}
    >
      <ErrorAlert error={q.error} />
      {q.isLoading && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {q.data && <SheetBody key={q.dataUpdatedAt} sheet={q.data} roundId={id} orgId={orgId} />}
    </PageContainer>
  );
}
