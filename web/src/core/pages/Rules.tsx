import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageContainer } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, qs } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';
import { UNITS } from '../labels';
import { regionLabel, regionOptions, useRegions, type Region } from './Orgs';

interface Rule {
  id: number;
  key: string;
  name: string;
  value: unknown;
  unit: string;
  jurisdiction: string;
  effective_from: string;
  effective_to: string | null;
  basis_law: string;
  basis_article: string | null;
  basis_quote: string | null;
  note: string | null;
  version: number;
}

const NATIONAL = '000000';
const UNIT_TEXT: Record<string, string> = { ...UNITS, years: '年', hours: '小时', minutes: '分钟', count: '个/次', percent: '%', bytes: '字节', yuan: '元', date: '日期（MM-DD）', list: '列表', flag: '是/否' };
const KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const DAY = 'YYYY-MM-DD';

function RuleValue({ value, unit }: { value: unknown; unit: string }) {
  const tag = { marginBottom: 4, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
  if (Array.isArray(value)) return <>{value.map((v, i) => <Tag key={i} style={tag} title={String(v)}>{String(v)}</Tag>)}</>;
  if (typeof value === 'boolean') return <>{value ? '是' : '否'}</>;
  if (typeof value === 'number') {
    const mb = unit === 'bytes' && value >= 1048576 ? `（${+(value / 1048576).toFixed(1)} MB）` : '';
    return <Typography.Text strong>{unit === 'percent' ? `${value}%` : `${value} ${UNIT_TEXT[unit] ?? unit}${mb}`}</Typography.Text>;
  }
  return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
}

function Basis({ r }: { r: Rule }) {
  return (
    <>
      <div>
        {r.basis_law}
        {r.basis_article && ` ${r.basis_article}`}
      </div>
      {r.basis_quote && <Typography.Text type="secondary" italic>“{r.basis_quote}”</Typography.Text>}
    </>
  );
}

function useJurisdiction() {
  const regions = useRegions();
  const names = useMemo(() => new Map((regions.data ?? []).map((r: Region) => [r.code, regionLabel(r)])), [regions.data]);
  const label = (code: string) => (code === NATIONAL ? '全国' : (names.get(code) ?? code));
  const selectOptions = useMemo(() => [{ value: NATIONAL, label: '全国（000000）' }, ...regionOptions(regions.data)], [regions.data]);
  return { label, selectOptions, loading: regions.isLoading };
}

const inForce = (r: Rule, day: string) => r.effective_from <= day && (!r.effective_to || r.effective_to >= day);
const period = (r: Rule) => `${r.effective_from} 至 ${r.effective_to ?? '长期'}`;

/** GET /api/rules/resolve: the value in force for a region on a day, with its fallback applied by the server. */
function ResolveForm({ keys }: { keys: string[] }) {
  const j = useJurisdiction();
  const [answer, setAnswer] = useState<Rule>();
  const [error, setError] = useState<unknown>();
  const submit = async (v: { key: string; region?: string; date?: Dayjs }) => {
    setError(undefined);
    try {
      setAnswer(await get<Rule>(`/api/rules/resolve${qs({ key: v.key.trim(), region: v.region, date: v.date?.format(DAY) })}`));
    } catch (err) {
      setAnswer(undefined);
      setError(err);
    }
  };
  return (
    <Card title="查询生效值" size="small" style={{ marginBottom: 16 }}>
      <Form layout="inline" initialValues={{ date: dayjs() }} onFinish={submit}>
        <Form.Item name="key" label="参数" rules={[{ required: true, message: '请选择或输入参数键' }]}>
          <AutoComplete style={{ width: 320 }} options={keys.map((value) => ({ value }))} filterOption={(input, o) => String(o?.value).includes(input)} placeholder="如 auth.password_min_length" />
        </Form.Item>
        <Form.Item name="region" label="地区">
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 220 }} loading={j.loading} options={j.selectOptions.slice(1)} placeholder="不选则查全国" />
        </Form.Item>
        <Form.Item name="date" label="日期">
          <DatePicker allowClear={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {answer && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="参数">{`${answer.name}（${answer.key}）`}</Descriptions.Item>
            <Descriptions.Item label="生效值">
              <RuleValue value={answer.value} unit={answer.unit} />
            </Descriptions.Item>
            <Descriptions.Item label="取自辖区">{j.label(answer.jurisdiction)}</Descriptions.Item>
            <Descriptions.Item label="有效期间">{period(answer)}</Descriptions.Item>
            <Descriptions.Item label="依据">
              <Basis r={answer} />
            </Descriptions.Item>
          </Descriptions>
        )}
      </div>
    </Card>
  );
}

interface RuleForm {
  key: string;
  name?: string;
  unit?: string;
  value: string;
  jurisdiction: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  basisLaw: string;
  basisArticle?: string;
  basisQuote?: string;
  note?: string;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function RuleModal({ from, onClose }: { from?: Rule; onClose: () => void }) {
  const qc = useQueryClient();
  const j = useJurisdiction();
  const [form] = Form.useForm<RuleForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (v: RuleForm) => {
    const parsed = parseJson(v.value);
    if (!parsed.ok) return;
    const text = (s?: string) => s?.trim() || undefined; // the API takes absent, not null or empty, for these
    const body = {
      key: v.key.trim(),
      name: text(v.name),
      unit: v.unit || undefined,
      value: parsed.value,
      jurisdiction: v.jurisdiction,
      effectiveFrom: v.effectiveFrom.format(DAY),
      effectiveTo: v.effectiveTo ? v.effectiveTo.format(DAY) : undefined,
      basisLaw: v.basisLaw.trim(),
      basisArticle: text(v.basisArticle),
      basisQuote: text(v.basisQuote),
      note: text(v.note),
    };
    setBusy(true);
    setError(undefined);
    try {
      await post('/api/rules', body);
      message.success('已新增参数版本');
      await qc.invalidateQueries({ queryKey: ['rules'] });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const initialValues: Partial<RuleForm> = from ? { key: from.key, name: from.name, unit: from.unit, jurisdiction: from.jurisdiction, value: JSON.stringify(from.value) } : { jurisdiction: NATIONAL };
  return (
    <Modal open width={720} title={from ? `新增版本：${from.name}` : '新增参数'} okText="保存" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="key" label="参数键" rules={[{ required: true, message: '请填写参数键' }, { pattern: KEY_PATTERN, message: '小写字母、数字、下划线，以点分段，如 enforcement.officers_per_action' }]}>
            <Input style={{ width: 330 }} />
          </Form.Item>
          <Form.Item name="unit" label="单位" extra="新参数必填；已有参数须与原单位一致">
            <Select allowClear style={{ width: 300 }} options={Object.entries(UNIT_TEXT).map(([value, label]) => ({ value, label: `${label}（${value}）` }))} />
          </Form.Item>
        </Space>
        <Form.Item name="name" label="名称" rules={[{ max: 100 }]} extra="新参数必填">
          <Input />
        </Form.Item>
        <Form.Item
          name="value"
          label="取值（JSON）"
          extra={'数字直接写，如 15；文本加双引号，如 "05-01"；列表如 ["a","b"]；是/否写 true 或 false'}
          rules={[{ required: true, message: '请填写取值' }, { validator: (_, v) => (!v || parseJson(v).ok ? Promise.resolve() : Promise.reject(new Error('不是有效的 JSON，请检查引号、括号与逗号'))) }]}
        >
          <Input />
        </Form.Item>
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="jurisdiction" label="适用辖区" rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 240 }} loading={j.loading} options={j.selectOptions} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]} extra="同辖区上一版本将于前一日失效">
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveTo" label="失效日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="basisLaw" label="依据文件" rules={[{ required: true, whitespace: true, message: '请填写法律依据' }, { min: 2, max: 200, message: '2–200 个字' }]}>
          <Input placeholder="如 中华人民共和国行政处罚法（2021年修订）" />
        </Form.Item>
        <Form.Item name="basisArticle" label="条款" rules={[{ max: 100 }]}>
          <Input placeholder="如 第五十一条" />
        </Form.Item>
        <Form.Item name="basisQuote" label="条文摘录" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RulesPage() {
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<{ from?: Rule }>();
  const rules = useQuery({ queryKey: ['rules', q], queryFn: () => get<Rule[]>(`/api/rules${qs({ q })}`) });
  const j = useJurisdiction();
  const today = dayjs().format(DAY);
  const manage = can('rule.manage');

  // Sorted by key, then jurisdiction and date; the key cell spans all versions of that key.
  const { rows, spans, keys } = useMemo(() => {
    const rows = [...(rules.data ?? [])].sort((a, b) => a.key.localeCompare(b.key) || a.jurisdiction.localeCompare(b.jurisdiction) || a.effective_from.localeCompare(b.effective_from));
    const spans = new Map<number, number>();
    let start = 0;
    rows.forEach((r, i) => {
      if (i > 0 && rows[i - 1].key === r.key) spans.set(r.id, 0);
      else start = i;
      spans.set(rows[start].id, i - start + 1);
    });
    return { rows, spans, keys: [...new Set(rows.map((r) => r.key))] };
  }, [rules.data]);

  const columns: ColumnsType<Rule> = [
    {
      title: '参数',
      key: 'key',
      width: 240,
      onCell: (r) => ({ rowSpan: spans.get(r.id) ?? 1 }),
      render: (_, r) => (
        <>
          <div>{r.name}</div>
          <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
            {r.key}
          </Typography.Text>
        </>
      ),
    },
    { title: '取值', dataIndex: 'value', width: 200, render: (v, r) => <RuleValue value={v} unit={r.unit} /> },
    { title: '辖区', dataIndex: 'jurisdiction', width: 120, render: (v) => j.label(v) },
    { title: '有效期间', key: 'period', width: 190, render: (_, r) => <>{period(r)} {inForce(r, today) && <Tag color="green">现行</Tag>}</> },
    { title: '法律依据', key: 'basis', render: (_, r) => <Basis r={r} /> },
    { title: '备注', dataIndex: 'note', width: 170, render: (v) => v ?? '' },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing({ from: r })}>
          新增版本
        </Button>
      ),
    });
  }

  return (
    <PageContainer
      title="规则参数"
      extra={
        manage && (
          <Button type="primary" onClick={() => setEditing({})}>
            新增参数
          </Button>
        )
      }
    >
      <ResolveForm keys={keys} />
      <Input.Search allowClear placeholder="按参数键、名称或依据文件搜索" style={{ width: 320, marginBottom: 16 }} onSearch={(v) => setQ(v.trim())} />
      <ErrorAlert error={rules.error} />
      <Table rowKey="id" size="middle" bordered tableLayout="fixed" loading={rules.isLoading} dataSource={rows} columns={columns} pagination={false} locale={{ emptyText: '没有符合条件的参数' }} />
      {editing && <RuleModal from={editing.from} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}
