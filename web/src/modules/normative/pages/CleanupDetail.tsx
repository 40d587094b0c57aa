import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Table, Tag, message } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get, post, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { CLEANUP_DECISIONS, type CleanupDecision, type CleanupDetail, type CleanupItem } from '../api';
import { StatusTag } from '../components';
import { useSubmit } from '../useSubmit';

const DECISION_COLORS: Record<CleanupDecision, string> = { keep: 'green', amend: 'blue', abolish: 'red', declare_invalid: 'volcano' };

/** One item's decision: 保留 needs no reason; 修改, 废止 and 宣布失效 do. */
function DecisionEditor({ cleanupId, item }: { cleanupId: number; item: CleanupItem }) {
  const { busy, submit } = useSubmit();
  const [decision, setDecision] = useState<CleanupDecision | undefined>(item.decision ?? undefined);
  const [reason, setReason] = useState(item.reason ?? '');
  const changed = decision !== (item.decision ?? undefined) || reason !== (item.reason ?? '');
  const save = async () => {
    if (!decision) return void message.warning('请选择清理决定');
    if (decision !== 'keep' && !reason.trim()) return void message.warning('修改、废止或宣布失效的，须说明理由');
    await submit(`/api/normative/cleanups/${cleanupId}/decide`, { documentId: item.document_id, decision, ...(reason.trim() ? { reason: reason.trim() } : {}) }, `已决定：${CLEANUP_DECISIONS[decision]}`);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        data-testid={`cleanup-decision-${item.document_id}`}
        style={{ width: 120 }}
        placeholder="决定"
        value={decision}
        onChange={setDecision}
        options={Object.entries(CLEANUP_DECISIONS).map(([value, label]) => ({ value, label }))}
      />
      <Input data-testid={`cleanup-reason-${item.document_id}`} placeholder={decision === 'keep' ? '理由（可选）' : '理由'} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      <Button data-testid={`cleanup-save-${item.document_id}`} type={changed ? 'primary' : 'default'} loading={busy} disabled={!changed} onClick={save}>
        保存
      </Button>
    </Space.Compact>
  );
}

/** A cleanup campaign: decide every document in scope, then publish the results. */
export function CleanupDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['normative', 'cleanup', id], queryFn: () => get<CleanupDetail>(`/api/normative/cleanups/${id}`) });
  const c = q.data;
  if (q.error) return <PageContainer title="规范性文件清理"><ErrorAlert error={q.error} /></PageContainer>;
  if (!c) return <PageContainer title="规范性文件清理" loading />;
  const editable = c.status === 'open' && can('normative.publish');
  const undecided = c.items.filter((i) => !i.decision).length;
  const publish = async () => {
    try {
      await post(`/api/normative/cleanups/${id}/publish`);
      message.success('清理结果已公布；废止、宣布失效的文件随即失去效力');
      await qc.invalidateQueries({ queryKey: ['normative'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <PageContainer
      title={c.name}
      subTitle={c.status === 'published' ? <Tag color="green">已公布 {c.published_on}</Tag> : <Tag color="blue">进行中</Tag>}
      extra={
        editable && (
          <Popconfirm title="公布清理结果？废止、宣布失效的文件随即失去效力，公布后不能修改。" onConfirm={publish} okText="公布" cancelText="取消" disabled={undecided > 0}>
            <Button type="primary" danger data-testid="cleanup-publish" disabled={undecided > 0} title={undecided ? `尚有 ${undecided} 件未作出决定` : undefined}>
              公布清理结果
            </Button>
          </Popconfirm>
        )
      }
    >
      <Card>
        <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="清理机关">{c.org_name}</Descriptions.Item>
          <Descriptions.Item label="完成期限">{c.due_on}</Descriptions.Item>
          <Descriptions.Item label="进度">{c.items.length - undecided} / {c.items.length} 件已决定</Descriptions.Item>
        </Descriptions>
        {editable && undecided > 0 && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`尚有 ${undecided} 件文件未作出清理决定，全部决定后方可公布结果`} />}
        <Table
          rowKey="document_id"
          dataSource={c.items}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '文件', dataIndex: 'title', render: (v, r) => <Link to={`/normative/${r.document_id}`}>{v}</Link> },
            { title: '登记编号', dataIndex: 'reg_number', width: 180 },
            { title: '制定机关', dataIndex: 'issuer_name', width: 170 },
            { title: '状态', dataIndex: 'status', width: 120, render: (v) => <StatusTag status={v} /> },
            { title: '有效期至', dataIndex: 'expires_on', width: 110, render: (v) => v ?? '不设有效期' },
            {
              title: '清理决定',
              width: 420,
              render: (_, r) =>
                editable ? (
                  <DecisionEditor cleanupId={id} item={r} />
                ) : r.decision ? (
                  <><Tag color={DECISION_COLORS[r.decision]}>{CLEANUP_DECISIONS[r.decision]}</Tag>{r.reason}</>
                ) : (
                  <Tag>未决定</Tag>
                ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
