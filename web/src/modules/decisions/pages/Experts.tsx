import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { options } from '../../../core/labels';
import { DRAW_EXCLUSION_LABELS, EXPERT_FIELD_LABELS, EXPERT_FIELDS, useExperts, useSubmit, type DrawRecord, type DrawRow, type ExpertDetail, type ExpertField } from '../api';
import { compact, DateField, OrgField, QueryTable } from '../components';

const FieldTags = ({ fields }: { fields: ExpertField[] }) => <>{fields.map((f) => <Tag key={f}>{EXPERT_FIELD_LABELS[f]}</Tag>)}</>;

function ExpertDrawer({ id, onClose }: { id?: number; onClose: () => void }) {
  const { submit } = useSubmit();
  const q = useQuery({ queryKey: ['decisions', 'expert', id], enabled: !!id, queryFn: () => get<ExpertDetail>(`/api/decisions/experts/${id}`) });
  const [declaring, setDeclaring] = useState(false);
  const e = q.data;
  return (
    <Drawer title={e?.name ?? '专家'} open={!!id} onClose={onClose} width={620} extra={e?.abilities.edit && (
      <Space>
        <Button data-testid="expert-toggle" onClick={() => submit(`/api/decisions/experts/${e.id}`, { version: e.version, active: !e.active }, e.active ? '专家已停用' : '专家已启用', 'PATCH')}>{e.active ? '停用' : '启用'}</Button>
        <Button type="primary" data-testid="expert-conflict" onClick={() => setDeclaring(true)}>申报利害关系</Button>
      </Space>
    )}>
      <ErrorAlert error={q.error} />
      {e && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="专家库">{e.org_name}</Descriptions.Item>
            <Descriptions.Item label="领域"><FieldTags fields={e.fields} /></Descriptions.Item>
            <Descriptions.Item label="单位 / 职称">{e.affiliation} {e.title ?? ''}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{e.contact ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="身份号码">{e.id_number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">{e.active ? <Tag color="green">在库</Tag> : <Tag>已停用</Tag>}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>申报的利害关系（须回避）</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={e.conflicts} locale={{ emptyText: '未申报' }} columns={[{ title: '对象', width: 200, render: (_, r) => r.conflict_org_name ?? `${r.subject_type}:${r.subject_id}` }, { title: '说明', dataIndex: 'description' }, { title: '申报日', dataIndex: 'declared_on', width: 110 }]} />
          <Typography.Title level={5} style={{ marginTop: 24 }}>参加论证</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={e.assignments} locale={{ emptyText: '尚未参加论证' }} columns={[{ title: '事项', render: (_, r) => `${r.subject_type}:${r.subject_id}` }, { title: '领域', dataIndex: 'field', width: 90, render: (v: ExpertField) => EXPERT_FIELD_LABELS[v] }, { title: '方式', dataIndex: 'source', width: 120, render: (v, r) => (v === 'draw' ? '随机抽取' : `直接选定：${r.reason ?? ''}`) }]} />
          <FormModal title="申报利害关系" open={declaring} onClose={() => setDeclaring(false)} okTestId="expert-conflict-ok" onSubmit={(v) => submit(`/api/decisions/experts/${e.id}/conflicts`, compact(v), '利害关系已登记')}>
            <Typography.Paragraph type="secondary">指明须回避的机构，或具体事项（类型和编号），至少其一。</Typography.Paragraph>
            <OrgField name="conflictOrgId" label="须回避的机构" required={false} />
            <Space style={{ display: 'flex' }} align="start">
              <Form.Item name="subjectType" label="事项类型"><Input placeholder="decision" /></Form.Item>
              <Form.Item name="subjectId" label="事项编号"><Input maxLength={60} /></Form.Item>
            </Space>
            <Form.Item name="description" label="说明" rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <DateField name="declaredOn" label="申报日期" required />
          </FormModal>
        </>
      )}
    </Drawer>
  );
}

function DrawResult({ draw, onClose }: { draw?: DrawRecord; onClose: () => void }) {
  return (
    <Modal title={draw ? `抽取结果：${draw.subject_title}` : ''} open={!!draw} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      {draw && (
        <>
          <Typography.Paragraph>随机种子 <Typography.Text code copyable>{draw.seed}</Typography.Text>：以同一种子和当时的专家库重新抽取，结果相同。</Typography.Paragraph>
          <Table rowKey="expertId" size="small" pagination={false} dataSource={draw.drawn} data-testid="draw-drawn" columns={[{ title: '抽中专家', dataIndex: 'name' }, { title: '领域', dataIndex: 'field', render: (v: ExpertField) => EXPERT_FIELD_LABELS[v] }, { title: '单位', dataIndex: 'affiliation' }]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>未抽中的专家及原因</Typography.Title>
          <Table rowKey="expertId" size="small" pagination={false} dataSource={draw.excluded} data-testid="draw-excluded" columns={[{ title: '专家', dataIndex: 'name', width: 100 }, { title: '原因', dataIndex: 'reason', width: 200, render: (v: keyof typeof DRAW_EXCLUSION_LABELS) => DRAW_EXCLUSION_LABELS[v] }, { title: '说明', dataIndex: 'detail' }]} />
        </>
      )}
    </Modal>
  );
}

/** 专家库: experts by field, declared conflicts, and the recorded random draw for a subject. */
export function ExpertsPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const list = useExperts();
  const draws = useQuery({ queryKey: ['decisions', 'draws'], queryFn: () => get<DrawRow[]>('/api/decisions/expert-draws') });
  const [dialog, setDialog] = useState<'create' | 'draw'>();
  const [viewing, setViewing] = useState<number>();
  const [result, setResult] = useState<DrawRecord>();
  const [field, setField] = useState<ExpertField>();
  const rows = (list.data ?? []).filter((e) => !field || e.fields.includes(field));
  const showDraw = async (id: number) => setResult(await get<DrawRecord>(`/api/decisions/expert-draws/${id}`));
  const verify = async (id: number) => {
    try {
      const r = await get<{ reproduced: boolean }>(`/api/decisions/expert-draws/${id}/verify`);
      if (r.reproduced) message.success('核验一致：以记录的种子重新抽取，结果相同');
      else message.error('核验不一致：抽取记录可能被改动');
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <PageContainer
      title="决策咨询论证专家库"
      subTitle="按领域随机抽取论证专家，排除存在利害关系的专家，兼顾单位分布；每次抽取连同种子记录在案"
      extra={
        <Space>
          {can('decisions.manage') && <Button data-testid="draw-open" onClick={() => setDialog('draw')}>抽取专家</Button>}
          {can('decisions.experts') && <Button type="primary" icon={<PlusOutlined />} data-testid="expert-create" onClick={() => setDialog('create')}>专家入库</Button>}
        </Space>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Space style={{ marginBottom: 16 }}>
          <Select allowClear placeholder="领域" style={{ width: 160 }} value={field} onChange={setField} options={options(EXPERT_FIELD_LABELS)} />
        </Space>
        <QueryTable
          query={{ ...list, data: rows }}
          empty="专家库中还没有专家"
          columns={[
            { title: '姓名', dataIndex: 'name', width: 100, render: (v, r) => <Typography.Link data-testid={`expert-${r.id}`} onClick={() => setViewing(r.id)}>{v}</Typography.Link> },
            { title: '领域', dataIndex: 'fields', render: (v: ExpertField[]) => <FieldTags fields={v} /> },
            { title: '单位', dataIndex: 'affiliation' },
            { title: '职称', dataIndex: 'title', width: 120 },
            { title: '联系电话', dataIndex: 'contact_masked', width: 120 },
            { title: '利害关系', dataIndex: 'conflict_count', width: 90, render: (v) => (v ? <Tag color="orange">{v} 项</Tag> : '—') },
            { title: '状态', dataIndex: 'active', width: 80, render: (v) => (v ? <Tag color="green">在库</Tag> : <Tag>停用</Tag>) },
          ]}
        />
      </Card>
      <Card title="抽取记录">
        <QueryTable
          query={draws}
          size="small"
          empty="尚无抽取记录"
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (v) => new Date(v).toLocaleString('zh-CN') },
            { title: '事项', dataIndex: 'subject_title' },
            { title: '抽中人数', dataIndex: 'drawn_count', width: 90, align: 'right' },
            { title: '种子', dataIndex: 'seed', width: 170, render: (v) => <Typography.Text code>{v}</Typography.Text> },
            { title: '操作', width: 120, render: (_, r) => <Space><Typography.Link data-testid={`draw-${r.id}`} onClick={() => showDraw(r.id)}>查看</Typography.Link><Typography.Link data-testid={`draw-verify-${r.id}`} onClick={() => verify(r.id)}>核验</Typography.Link></Space> },
          ]}
        />
      </Card>
      <ExpertDrawer id={viewing} onClose={() => setViewing(undefined)} />
      <DrawResult draw={result} onClose={() => setResult(undefined)} />
      <FormModal title="专家入库" open={dialog === 'create'} onClose={() => setDialog(undefined)} okTestId="expert-create-ok" initialValues={{ active: true }} onSubmit={(v) => submit('/api/decisions/experts', compact(v), '专家已入库')}>
        <OrgField name="orgId" label="专家库所属机关" />
        <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2 }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="fields" label="领域" rules={[{ required: true, message: '至少选择一个领域' }]}><Select mode="multiple" options={options(EXPERT_FIELD_LABELS)} /></Form.Item>
        <Form.Item name="affiliation" label="单位" rules={[{ required: true, min: 2 }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="title" label="职称"><Input maxLength={50} /></Form.Item>
        <Form.Item name="contact" label="联系电话" extra="加密存储；列表只显示脱敏号码"><Input maxLength={20} /></Form.Item>
        <Form.Item name="idNumber" label="居民身份号码" extra="加密存储"><Input maxLength={18} /></Form.Item>
        <Form.Item name="active" label="在库" valuePropName="checked"><Switch /></Form.Item>
      </FormModal>
      <FormModal
        title="抽取论证专家"
        open={dialog === 'draw'}
        onClose={() => setDialog(undefined)}
        okText="抽取"
        okTestId="draw-ok"
        width={680}
        initialValues={{ subjectType: 'decision', counts: { law: 1 } }}
        onSubmit={async (v) => {
          const counts = Object.fromEntries(Object.entries(v.counts ?? {}).filter(([, n]) => Number(n) > 0));
          const r = await submit<DrawRecord>('/api/decisions/expert-draws', compact({ ...v, counts }), '抽取完成');
          if (r) setResult(r);
          return r;
        }}
      >
        <OrgField name="orgId" label="专家库所属机关" />
        <Space style={{ display: 'flex' }} align="start">
          <Form.Item name="subjectType" label="事项类型" rules={[{ required: true, pattern: /^[a-z][a-z_]{1,39}$/, message: '小写英文，如 decision' }]}><Input /></Form.Item>
          <Form.Item name="subjectId" label="事项编号" rules={[{ required: true }]}><Input maxLength={60} data-testid="field-subjectId" /></Form.Item>
        </Space>
        <Form.Item name="subjectTitle" label="事项名称" rules={[{ required: true, min: 2 }]}><Input maxLength={200} data-testid="field-subjectTitle" /></Form.Item>
        <OrgField name="decidingOrgId" label="决策机关（与其有利害关系的专家回避）" required={false} />
        <OrgField name="undertakingOrgId" label="承办单位（与其有利害关系的专家回避）" required={false} />
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="各领域抽取人数：同一领域内随机抽取，并尽量来自不同单位" />
        <Space wrap>
          {EXPERT_FIELDS.map((f) => (
            <Form.Item key={f} name={['counts', f]} label={EXPERT_FIELD_LABELS[f]}>
              <InputNumber min={0} max={20} style={{ width: 90 }} data-testid={`count-${f}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="seed" label="随机种子（可选）" extra="留空由系统生成；填写同一种子可复现抽取结果" rules={[{ pattern: /^[0-9A-Za-z_-]{4,64}$/, message: '4–64 位字母、数字、下划线或连字符' }]}><Input /></Form.Item>
      </FormModal>
    </PageContainer>
  );
}
