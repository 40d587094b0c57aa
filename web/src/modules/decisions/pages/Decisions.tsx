import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Segmented, Select, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { FormModal } from '../../../core/FormModal';
import { useCatalogues, useDecisions, useSubmit, type CatalogueDetail, type DecisionRow, type DecisionStatus } from '../api';
import { compact, DecisionStatusTag, OrgField, QueryTable } from '../components';

/** The role-oriented queues of the list: who acts next on a decision in these states. */
const QUEUES: { key: string; label: string; states?: DecisionStatus[] }[] = [
  { key: 'all', label: '全部' },
  { key: 'undertaking', label: '承办中', states: ['initiated', 'planned', 'comment', 'argumentation', 'risk'] },
  { key: 'legality', label: '待合法性审查', states: ['legality'] },
  { key: 'discussion', label: '待集体讨论', states: ['discussion', 'decided'] },
  { key: 'tracking', label: '执行跟踪', states: ['implementing', 'suspended', 'evaluated'] },
  { key: 'done', label: '已办结', states: ['closed', 'stopped', 'rejected'] },
];

/** The items of the published catalogues a decision can be started from (not yet started, not removed). */
function CatalogueItemField({ taken }: { taken: Set<number> }) {
  const catalogues = useCatalogues();
  const published = (catalogues.data ?? []).filter((c) => c.status === 'published');
  const [catalogueId, setCatalogueId] = useState<number>();
  const current = catalogueId ?? published[0]?.id;
  const detail = useQuery({ queryKey: ['decisions', 'catalogue', current], enabled: !!current, queryFn: () => get<CatalogueDetail>(`/api/decisions/catalogues/${current}`) });
  const items = (detail.data?.items ?? []).filter((i) => !i.removed_on);
  return (
    <>
      <Form.Item label="已公布的决策事项目录">
        <Select data-testid="start-catalogue" value={current} onChange={setCatalogueId} loading={catalogues.isLoading} options={published.map((c) => ({ value: c.id, label: c.title }))} notFoundContent="没有已公布的目录" />
      </Form.Item>
      <Form.Item name="catalogueItemId" label="决策事项" rules={[{ required: true, message: '请选择目录中的事项' }]}>
        <Select
          data-testid="start-item"
          loading={detail.isLoading}
          showSearch
          optionFilterProp="label"
          options={items.map((i) => ({ value: i.id, disabled: taken.has(i.id), label: `${i.title}${i.hearing_required ? '（须听证）' : ''}${taken.has(i.id) ? '（已起动）' : ''}` }))}
        />
      </Form.Item>
    </>
  );
}

/** 起动决策: from a catalogue item, or outside the catalogue with the reason (条例 art. 3 ¶3). */
function StartDecision({ open, onClose, taken }: { open: boolean; onClose: () => void; taken: Set<number> }) {
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'catalogue' | 'outside'>('catalogue');
  return (
    <FormModal
      title="起动决策程序"
      open={open}
      onClose={onClose}
      width={640}
      okTestId="start-ok"
      initialValues={{ hearingRequired: false }}
      onSubmit={async (v) => {
        const body = mode === 'catalogue' ? { catalogueItemId: v.catalogueItemId, ...(v.hearingRequired ? { hearingRequired: true } : {}) } : compact({ orgId: v.orgId, title: v.title, decidingBody: v.decidingBody, undertakingOrgId: v.undertakingOrgId, noCatalogueReason: v.noCatalogueReason, hearingRequired: v.hearingRequired || undefined });
        const row = await submit<{ id: number }>('/api/decisions', body, '决策程序已起动');
        if (row) navigate(`/decisions/${row.id}`);
        return row;
      }}
    >
      <Form.Item label="起动依据">
        <Radio.Group data-testid="start-mode" value={mode} onChange={(e) => setMode(e.target.value)} optionType="button" options={[{ value: 'catalogue', label: '决策事项目录中的事项' }, { value: 'outside', label: '目录外事项（须说明理由）' }]} />
      </Form.Item>
      {mode === 'catalogue' ? (
        <CatalogueItemField taken={taken} />
      ) : (
        <>
          <OrgField name="orgId" label="决策机关" />
          <Form.Item name="title" label="决策事项名称" rules={[{ required: true, min: 4 }]}>
            <Input maxLength={200} data-testid="field-title" />
          </Form.Item>
          <Form.Item name="decidingBody" label="决策机关（会议）" rules={[{ required: true, min: 2 }]}>
            <Input maxLength={100} placeholder="如 市人民政府常务会议" data-testid="field-decidingBody" />
          </Form.Item>
          <OrgField name="undertakingOrgId" label="承办单位" />
          <Form.Item name="noCatalogueReason" label="未列入目录而起动的理由" rules={[{ required: true, min: 4 }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="field-noCatalogueReason" />
          </Form.Item>
        </>
      )}
      <Form.Item name="hearingRequired" label="须举行听证（法律、法规、规章规定或决策机关决定）" valuePropName="checked">
        <Switch data-testid="field-hearingRequired" />
      </Form.Item>
    </FormModal>
  );
}

/** 决策事项: the decisions in scope, by the queue of who acts next; 起动 for the legal-affairs office. */
export function DecisionsPage() {
  const { can } = useAuth();
  const list = useDecisions();
  const [queue, setQueue] = useState('all');
  const [starting, setStarting] = useState(false);
  const states = QUEUES.find((q) => q.key === queue)?.states;
  const rows = useMemo(() => (list.data ?? []).filter((r) => !states || states.includes(r.status)), [list.data, states]);
  const count = (s?: DecisionStatus[]) => (list.data ?? []).filter((r) => !s || s.includes(r.status)).length;
  const taken = useMemo(() => new Set((list.data ?? []).map((r) => r.catalogue_item_id).filter((x): x is number => !!x)), [list.data]);
  return (
    <PageContainer
      title="重大行政决策事项"
      subTitle="起动 → 公众参与 → 专家论证 → 风险评估 → 合法性审查 → 集体讨论决定 → 公布 → 执行跟踪 → 后评估"
      extra={can('decisions.handle') && <Button type="primary" icon={<PlusOutlined />} data-testid="decision-start" onClick={() => setStarting(true)}>起动决策</Button>}
    >
      <Card>
        <Segmented data-testid="decision-queue" style={{ marginBottom: 16 }} value={queue} onChange={(v) => setQueue(String(v))} options={QUEUES.map((q) => ({ value: q.key, label: `${q.label}（${count(q.states)}）` }))} />
        <QueryTable<DecisionRow>
          query={{ ...list, data: rows }}
          empty="没有决策事项"
          columns={[
            { title: '决策事项', dataIndex: 'title', render: (v, r) => <Link to={`/decisions/${r.id}`} data-testid={`decision-${r.id}`}>{v}</Link> },
            { title: '决策机关', dataIndex: 'deciding_body', width: 190 },
            { title: '承办单位', dataIndex: 'undertaking_org_name', width: 180 },
            { title: '依据', dataIndex: 'catalogue_item_id', width: 90, render: (v, r) => (v ? <Tag>目录事项</Tag> : <Tag color="orange">目录外</Tag>) },
            { title: '听证', dataIndex: 'hearing_required', width: 80, render: (v) => (v ? <Tag color="orange">须听证</Tag> : '—') },
            { title: '状态', dataIndex: 'status', width: 130, render: (v, r) => <DecisionStatusTag status={v} testId={`decision-status-${r.id}`} /> },
            { title: '公布日', dataIndex: 'published_on', width: 110, render: (v) => v ?? '—' },
          ]}
        />
      </Card>
      <StartDecision open={starting} onClose={() => setStarting(false)} taken={taken} />
    </PageContainer>
  );
}
