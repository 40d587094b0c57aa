import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { ExcelImport } from '../../../core/ExcelImport';
import { useOrgs } from '../../../core/pages/Orgs';
import { POWER_TYPE_LABELS, SUBJECT_KIND_LABELS, bandRange, options, type Power, type PowerDetail, type Subject } from '../api';
import { DateItem, FormModal } from '../components';
import { useSubmit } from '../useSubmit';

const lines = (v?: string) => (v ?? '').split(/\n/).map((x) => x.trim()).filter(Boolean);
const blankToNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export function useSubjects() {
  return useQuery({ queryKey: ['enforcement', 'subjects'], queryFn: () => get<Subject[]>('/api/enforcement/subjects') });
}

/** 确认并公告执法主体；受委托组织载明委托机关、依据、事项和期限（行政处罚法第二十条）. */
function SubjectModal({ subject, open, onClose }: { subject?: Subject; open: boolean; onClose: () => void }) {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const orgs = useOrgs(open && can('org.read'));
  const subjects = useSubjects();
  const orgOptions = (orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }));
  const known = orgOptions.length ? orgOptions : (subjects.data ?? []).map((s) => ({ value: s.org_id, label: s.org_name }));
  const save = (v: any) => {
    const entrusted = v.kind === 'entrusted';
    return submit(
      '/api/enforcement/subjects',
      {
        orgId: v.orgId,
        kind: v.kind,
        legalBasis: v.legalBasis.trim(),
        domains: v.domains ?? [],
        docPrefix: v.docPrefix.trim(),
        announcedOn: v.announcedOn,
        announcement: blankToNull(v.announcement),
        ...(entrusted ? { entrustedByOrgId: v.entrustedByOrgId, entrustmentBasis: v.entrustmentBasis.trim(), entrustmentScope: v.entrustmentScope.trim(), entrustmentUntil: v.entrustmentUntil } : {}),
        active: v.active !== false,
      },
      subject ? '已修改执法主体' : '已确认并公告执法主体',
    );
  };
  const initial = subject
    ? { orgId: subject.org_id, kind: subject.kind, legalBasis: subject.legal_basis, domains: subject.domains, docPrefix: subject.doc_prefix, announcedOn: subject.announced_on, announcement: subject.announcement, entrustedByOrgId: subject.entrusted_by_org_id, entrustmentBasis: subject.entrustment_basis, entrustmentScope: subject.entrustment_scope, entrustmentUntil: subject.entrustment_until, active: subject.active }
    : { kind: 'statutory', active: true, domains: [] };
  return (
    <FormModal title={subject ? `执法主体：${subject.org_name}` : '确认执法主体'} open={open} onClose={onClose} onSubmit={save} initialValues={initial} width={720} okTestId="subject-submit">
      <Form.Item name="orgId" label="机构" rules={[{ required: true, message: '请选择机构' }]}>
        <Select data-testid="subject-org" disabled={!!subject} showSearch optionFilterProp="label" loading={orgs.isLoading} options={known} />
      </Form.Item>
      <Form.Item name="kind" label="主体类型" rules={[{ required: true }]}>
        <Radio.Group options={options(SUBJECT_KIND_LABELS)} />
      </Form.Item>
      <Form.Item name="legalBasis" label="执法依据（法律、法规、规章或决定）" rules={[{ required: true, min: 2, max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="docPrefix" label="文书字号前缀" extra="如 演市监，案号为 演市监立〔年〕号" rules={[{ required: true, min: 1, max: 20 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="domains" label="执法领域">
            <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="输入后回车" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <DateItem name="announcedOn" label="公告日期" initial={subject?.announced_on ?? undefined} />
        </Col>
        <Col span={16}>
          <Form.Item name="announcement" label="公告文号或名称">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'entrusted' && (
            <>
              <Form.Item name="entrustedByOrgId" label="委托机关" rules={[{ required: true, message: '请选择委托机关' }]}>
                <Select showSearch optionFilterProp="label" options={known} />
              </Form.Item>
              <Form.Item name="entrustmentBasis" label="委托依据" rules={[{ required: true, min: 2, max: 500 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="entrustmentScope" label="委托事项和权限" rules={[{ required: true, min: 2, max: 500 }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <DateItem name="entrustmentUntil" label="委托期限至" future initial={subject?.entrustment_until ?? null} />
            </>
          )
        }
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>有效（取消后该机构不得再实施行政执法）</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

function SubjectsCard() {
  const { can } = useAuth();
  const q = useSubjects();
  const [editing, setEditing] = useState<{ s?: Subject }>();
  const manage = can('enforcement.subject.manage');
  return (
    <Card title="行政执法主体" style={{ marginBottom: 16 }} extra={manage && <Button data-testid="subject-create" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>确认主体</Button>}>
      <ErrorAlert error={q.error} />
      <Table
        rowKey="org_id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        scroll={{ x: 1100 }}
        columns={[
          { title: '执法主体', dataIndex: 'org_name', width: 220 },
          { title: '类型', dataIndex: 'kind', width: 150, render: (v, r) => <>{SUBJECT_KIND_LABELS[v as keyof typeof SUBJECT_KIND_LABELS]}{r.entrusted_by_name && <div style={{ fontSize: 12, color: '#888' }}>委托机关：{r.entrusted_by_name}，至 {r.entrustment_until}</div>}</> },
          { title: '执法依据', dataIndex: 'legal_basis', ellipsis: true },
          { title: '领域', dataIndex: 'domains', width: 200, render: (v: string[]) => v.map((d) => <Tag key={d}>{d}</Tag>) },
          { title: '字号', dataIndex: 'doc_prefix', width: 90 },
          { title: '公告', dataIndex: 'announced_on', width: 110, render: (v, r) => <span title={r.announcement ?? undefined}>{v}</span> },
          { title: '状态', dataIndex: 'active', width: 80, render: (v) => (v ? <Tag color="green">有效</Tag> : <Tag>已取消</Tag>) },
          ...(manage ? [{ title: '', width: 70, render: (_: unknown, r: Subject) => <Button size="small" onClick={() => setEditing({ s: r })}>修改</Button> }] : []),
        ]}
      />
      <SubjectModal open={!!editing} subject={editing?.s} onClose={() => setEditing(undefined)} />
    </Card>
  );
}

/** 新增或修改职权. */
function PowerModal({ power, open, onClose, subjects }: { power?: Power; open: boolean; onClose: () => void; subjects: Subject[] }) {
  const { submit } = useSubmit();
  const save = (v: any) => {
    const common = { name: v.name.trim(), legalBasis: v.legalBasis.trim(), internalUnit: blankToNull(v.internalUnit), responsibilityItems: lines(v.responsibilityItems), published: !!v.published, active: !!v.active };
    return power
      ? submit(`/api/enforcement/powers/${power.id}`, { version: power.version, ...common }, '已修改职权', 'PATCH')
      : submit('/api/enforcement/powers', { orgId: v.orgId, code: v.code.trim(), powerType: v.powerType, ...common }, '已新增职权');
  };
  const initial = power
    ? { orgId: power.org_id, code: power.code, powerType: power.power_type, name: power.name, legalBasis: power.legal_basis, internalUnit: power.internal_unit, responsibilityItems: power.responsibility_items.join('\n'), published: power.published, active: power.active }
    : { powerType: 'penalty', published: true, active: true };
  return (
    <FormModal title={power ? `修改职权：${power.code}` : '新增职权'} open={open} onClose={onClose} onSubmit={save} initialValues={initial} width={720} okTestId="power-submit">
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="orgId" label="实施主体（须为已确认的执法主体）" rules={[{ required: true, message: '请选择实施主体' }]}>
            <Select disabled={!!power} showSearch optionFilterProp="label" options={subjects.filter((s) => s.active).map((s) => ({ value: s.org_id, label: s.org_name }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="powerType" label="职权类型" rules={[{ required: true }]}>
            <Select disabled={!!power} options={options(POWER_TYPE_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label="事项编码" rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input disabled={!!power} data-testid="power-code" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, min: 2, max: 200 }]}>
            <Input data-testid="power-name" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label="设定依据" rules={[{ required: true, min: 2, max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="internalUnit" label="承办内设机构">
        <Input />
      </Form.Item>
      <Form.Item name="responsibilityItems" label="责任事项（每行一项）">
        <Input.TextArea rows={4} />
      </Form.Item>
      <Space>
        <Form.Item name="published" valuePropName="checked" noStyle>
          <Checkbox>向社会公开</Checkbox>
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" noStyle>
          <Checkbox>有效（停用后不能据以立案）</Checkbox>
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 裁量基准: the bands of a penalty power (情节 → 罚款幅度); editable with enforcement.power.manage. */
function BenchmarkModal({ power, onClose }: { power?: Power; onClose: () => void }) {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const manage = can('enforcement.power.manage');
  const detail = useQuery({ queryKey: ['enforcement', 'power', power?.id], enabled: !!power, queryFn: () => get<PowerDetail>(`/api/enforcement/powers/${power!.id}`) });
  const bands = detail.data?.benchmarks ?? [];
  if (!power) return null;
  if (!manage || !detail.data) {
    return (
      <Modal title={`裁量基准：${power.name}`} open onCancel={onClose} footer={null} width={820}>
        <ErrorAlert error={detail.error} />
        <Table
          rowKey="id"
          size="small"
          loading={detail.isLoading}
          dataSource={bands}
          pagination={false}
          locale={{ emptyText: '尚未设定裁量基准' }}
          columns={[
            { title: '档次', dataIndex: 'band', width: 80 },
            { title: '违法情节', dataIndex: 'circumstances' },
            { title: '罚款幅度', width: 150, render: (_, b) => bandRange(b) },
            { title: '其他处罚', dataIndex: 'other_penalties', width: 180 },
          ]}
        />
      </Modal>
    );
  }
  const initial = { bands: bands.length ? bands.map((b) => ({ band: b.band, circumstances: b.circumstances, fineMin: b.fine_min == null ? null : Number(b.fine_min), fineMax: b.fine_max == null ? null : Number(b.fine_max), otherPenalties: b.other_penalties })) : [{ band: '一般' }] };
  const save = (v: { bands: { band: string; circumstances: string; fineMin?: number | null; fineMax?: number | null; otherPenalties?: string | null }[] }) =>
    submit(
      `/api/enforcement/powers/${power.id}/benchmarks`,
      { bands: v.bands.map((b) => ({ band: b.band.trim(), circumstances: b.circumstances.trim(), fineMin: b.fineMin ?? null, fineMax: b.fineMax ?? null, otherPenalties: blankToNull(b.otherPenalties) })) },
      '已保存裁量基准',
      'PUT',
    );
  return (
    <FormModal title={`裁量基准：${power.code} ${power.name}`} open onClose={onClose} onSubmit={save} initialValues={initial} width={980} okTestId="benchmark-submit">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="按违法情节由轻到重分档；罚款下限、上限留空表示该侧不设限，上限为 0 表示不罚款。已有案件引用的基准不能改写。" />
      <Form.List name="bands">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={8} key={f.key} align="top" data-testid={`band-row-${i}`}>
                <Col span={3}>
                  <Form.Item name={[f.name, 'band']} rules={[{ required: true, max: 20, message: '档次' }]}>
                    <Input placeholder="档次" />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[f.name, 'circumstances']} rules={[{ required: true, min: 2, max: 1000, message: '违法情节' }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="违法情节" />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[f.name, 'fineMin']}>
                    <InputNumber min={0} precision={2} placeholder="下限" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item
                    name={[f.name, 'fineMax']}
                    dependencies={[['bands', f.name, 'fineMin']]}
                    rules={[({ getFieldValue }) => ({ validator: async (_, v) => { const min = getFieldValue(['bands', f.name, 'fineMin']); if (v != null && min != null && v < min) throw new Error('上限低于下限'); } })]}
                  >
                    <InputNumber min={0} precision={2} placeholder="上限" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[f.name, 'otherPenalties']}>
                    <Input placeholder="其他处罚（如没收违法所得）" />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="删除该档" />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20} block>
              增加一档
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

function PowersCard() {
  const { can } = useAuth();
  const subjects = useSubjects();
  const [orgId, setOrgId] = useState<number>();
  const [powerType, setType] = useState<string>();
  const [q, setQ] = useState<string>();
  const [editing, setEditing] = useState<{ p?: Power }>();
  const [bands, setBands] = useState<Power>();
  const list = useQuery({ queryKey: ['enforcement', 'powers', orgId, powerType, q], queryFn: () => get<Power[]>(`/api/enforcement/powers${qs({ orgId, powerType, q })}`) });
  const manage = can('enforcement.power.manage');
  return (
    <Card
      title="权责清单"
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/enforcement/powers.xlsx${qs({ orgId })}`} data-testid="powers-export">导出 Excel</Button>
          {manage && <Button type="primary" icon={<PlusOutlined />} data-testid="power-create" onClick={() => setEditing({})}>新增职权</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder="执法主体" style={{ width: 240 }} value={orgId} onChange={setOrgId} showSearch optionFilterProp="label" options={(subjects.data ?? []).map((s) => ({ value: s.org_id, label: s.org_name }))} />
        <Select allowClear placeholder="职权类型" style={{ width: 140 }} value={powerType} onChange={setType} options={options(POWER_TYPE_LABELS)} />
        <Input.Search allowClear placeholder="事项编码或名称" onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 240 }} />
      </Space>
      {manage && (
        <div style={{ marginBottom: 16 }}>
          <ExcelImport
            urls={{ upload: '/api/enforcement/powers/import', template: '/api/enforcement/powers/template.xlsx' }}
            labels={{ template: '导入模板', upload: '导入权责清单（.xlsx）', unit: '项' }}
            invalidate={['enforcement']}
            testIds={{ template: 'powers-template', upload: 'powers-import', count: 'powers-import-count', errors: 'powers-import-errors' }}
          />
        </div>
      )}
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        tableLayout="fixed"
        scroll={{ x: 1280 }}
        expandable={{
          rowExpandable: (r) => r.responsibility_items.length > 0,
          expandedRowRender: (r) => (
            <ol style={{ margin: 0 }}>
              {r.responsibility_items.map((x) => <li key={x}>{x}</li>)}
            </ol>
          ),
        }}
        columns={[
          { title: '编码', dataIndex: 'code', width: 110 },
          { title: '事项名称', dataIndex: 'name', width: 280 },
          { title: '类型', dataIndex: 'power_type', width: 90, render: (v) => POWER_TYPE_LABELS[v as keyof typeof POWER_TYPE_LABELS] },
          { title: '实施主体', dataIndex: 'org_name', width: 190, ellipsis: true },
          { title: '设定依据', dataIndex: 'legal_basis', ellipsis: true },
          { title: '承办机构', dataIndex: 'internal_unit', width: 150, ellipsis: true },
          {
            title: '状态',
            width: 110,
            render: (_, r) => (
              <Space size={2} wrap>
                {r.active ? <Tag color="green">有效</Tag> : <Tag>停用</Tag>}
                {!r.published && <Tag color="orange">不公开</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                {r.power_type === 'penalty' && (
                  <Button size="small" data-testid={`benchmarks-${r.code}`} onClick={() => setBands(r)}>
                    裁量基准{Number(r.benchmark_count) ? `（${r.benchmark_count}档）` : ''}
                  </Button>
                )}
                {manage && <Button size="small" onClick={() => setEditing({ p: r })}>修改</Button>}
              </Space>
            ),
          },
        ]}
      />
      {!list.isLoading && (list.data?.length ?? 0) >= 2000 && <Typography.Text type="secondary">仅显示前 2000 项，请按主体或类型筛选</Typography.Text>}
      <PowerModal open={!!editing} power={editing?.p} onClose={() => setEditing(undefined)} subjects={subjects.data ?? []} />
      <BenchmarkModal power={bands} onClose={() => setBands(undefined)} />
    </Card>
  );
}

/** 主体与权责清单: who may enforce, what each may do, and how far its discretion goes. */
export function PowersPage() {
  return (
    <PageContainer title="主体与权责清单" subTitle="经确认公告的行政执法主体、权责清单及行政处罚裁量基准">
      <SubjectsCard />
      <PowersCard />
    </PageContainer>
  );
}
