import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { CERT_STATUS, OFFICER_KIND_LABELS, OFFICER_REFUSAL_TEXT, TRAINING_STATUS, officerRefusal, options, today, type Officer, type OfficerDetail } from '../api';
import { DateItem, FormModal, ListTable, useOfficers } from '../components';
import { useSubmit } from '../useSubmit';
import { useSubjects } from './Powers';

type Dialog = { kind: 'create' } | { kind: 'certificate'; o: Officer } | { kind: 'status'; o: Officer; status: 'valid' | 'suspended' | 'revoked' } | { kind: 'training'; o: Officer };

const STATUS_ACTION: Record<'valid' | 'suspended' | 'revoked', string> = { suspended: '暂扣证件', revoked: '注销证件', valid: '恢复证件' };

function CertTag({ o }: { o: Officer }) {
  if (o.kind === 'auxiliary') return <Tag>辅助人员</Tag>;
  const s = CERT_STATUS[o.cert_status];
  if (o.cert_status === 'valid' && o.cert_valid_until && o.cert_valid_until < today()) return <Tag color="red">已过期</Tag>;
  return (
    <Tooltip title={o.cert_status_reason ?? undefined}>
      <Tag color={s.color}>{s.text}</Tag>
    </Tooltip>
  );
}

function OfficerDrawer({ id, onClose }: { id?: number; onClose: () => void }) {
  const q = useQuery({ queryKey: ['enforcement', 'officer', id], enabled: !!id, queryFn: () => get<OfficerDetail>(`/api/enforcement/officers/${id}`) });
  const o = q.data;
  const refusal = o ? officerRefusal(o, o.org_id, today()) : null;
  return (
    <Drawer title={o?.name ?? '执法人员'} open={!!id} onClose={onClose} width={520}>
      <ErrorAlert error={q.error} />
      {o && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="单位">{o.org_name}</Descriptions.Item>
            <Descriptions.Item label="类别">{OFFICER_KIND_LABELS[o.kind]}</Descriptions.Item>
            <Descriptions.Item label="执法领域">{o.domains.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="培训 / 考试合格">{o.trained_on ?? '—'} / {o.exam_passed_on ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="执法证号">{o.cert_no ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="发证机关">{o.cert_issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="有效期">{o.cert_valid_from ? `${o.cert_valid_from} 至 ${o.cert_valid_until}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="执法资格">{refusal ? <Tag color="red">{OFFICER_REFUSAL_TEXT[refusal].zh}</Tag> : <Tag color="green">可以从事行政执法</Tag>}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>培训记录</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={o.training}
            pagination={false}
            locale={{ emptyText: '没有培训记录' }}
            columns={[
              { title: '日期', dataIndex: 'held_on', width: 110 },
              { title: '课程', dataIndex: 'course' },
              { title: '学时', dataIndex: 'hours', width: 70, align: 'right', render: (v) => Number(v) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

/** The platform accounts of one organisation, to link an officer to the user who logs in. */
function UserSelect({ orgId, value, onChange }: { orgId?: number; value?: number; onChange?: (v: number | undefined) => void }) {
  const users = useQuery({ queryKey: ['users', 'of-org', orgId], enabled: !!orgId, queryFn: () => get<{ id: number; display_name: string; username: string }[]>(`/api/users${qs({ orgId, limit: 500 })}`) });
  return (
    <Select
      allowClear
      showSearch
      optionFilterProp="label"
      disabled={!orgId}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      loading={users.isLoading && !!orgId}
      placeholder={orgId ? '选择账号' : '请先选择执法主体'}
      options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.display_name}（${u.username}）` }))}
    />
  );
}

/** 执法人员: certificates and yearly training hours, with the management acts each role may take. */
export function OfficersPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<number>();
  const [dialog, setDialog] = useState<Dialog>();
  const [viewing, setViewing] = useState<number>();
  const list = useOfficers(true, year);
  const subjects = useSubjects();
  const manage = can('enforcement.officer.manage');
  const training = can('enforcement.training.record');
  const close = () => setDialog(undefined);
  const rows = (list.data ?? []).filter((o) => !orgId || o.org_id === orgId);
  const subjectOrgs = (subjects.data ?? []).map((s) => ({ value: s.org_id, label: s.org_name }));

  return (
    <PageContainer
      title="执法人员"
      subTitle="执法人员须经培训考试合格、持有效执法证件方能执法；每人每年培训不少于规定学时"
      extra={manage && <Button type="primary" icon={<PlusOutlined />} data-testid="officer-create" onClick={() => setDialog({ kind: 'create' })}>登记人员</Button>}
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select allowClear placeholder="执法主体" style={{ width: 240 }} value={orgId} onChange={setOrgId} options={subjectOrgs} />
          <Select data-testid="officer-year" value={year} onChange={setYear} style={{ width: 130 }} options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年学时` }))} />
        </Space>
        <ListTable
          query={list}
          dataSource={rows}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 110, render: (v, r) => <Typography.Link data-testid={`officer-${r.id}`} onClick={() => setViewing(r.id)}>{v}</Typography.Link> },
            { title: '单位', dataIndex: 'org_name', ellipsis: true },
            { title: '类别', dataIndex: 'kind', width: 110, render: (v) => OFFICER_KIND_LABELS[v] },
            { title: '执法证号', dataIndex: 'cert_no', width: 150, render: (v) => v ?? '—' },
            { title: '有效期', width: 200, render: (_, r) => (r.cert_valid_from ? `${r.cert_valid_from} 至 ${r.cert_valid_until}` : '—') },
            { title: '证件状态', dataIndex: 'cert_status', width: 100, render: (_, r) => <CertTag o={r} /> },
            {
              title: `${year} 年学时`,
              width: 170,
              render: (_, r) => {
                if (r.kind !== 'officer' || !r.training_status) return <Typography.Text type="secondary">—</Typography.Text>;
                const s = TRAINING_STATUS[r.training_status];
                return (
                  <Tooltip title={s.text}>
                    <Tag color={s.color} data-testid={`training-${r.id}`}>{r.hours} / {r.required_hours} 学时</Tag>
                  </Tooltip>
                );
              },
            },
            ...(manage || training
              ? [
                  {
                    title: '',
                    width: 250,
                    render: (_: unknown, r: Officer) => (
                      <Space size={4} wrap>
                        {manage && r.kind === 'officer' && r.cert_status !== 'valid' && r.cert_status !== 'suspended' && (
                          <Button size="small" onClick={() => setDialog({ kind: 'certificate', o: r })}>核发证件</Button>
                        )}
                        {manage && r.cert_no && r.cert_status === 'valid' && <Button size="small" onClick={() => setDialog({ kind: 'status', o: r, status: 'suspended' })}>暂扣</Button>}
                        {manage && r.cert_no && r.cert_status === 'suspended' && <Button size="small" onClick={() => setDialog({ kind: 'status', o: r, status: 'valid' })}>恢复</Button>}
                        {manage && r.cert_no && r.cert_status !== 'revoked' && <Button size="small" danger onClick={() => setDialog({ kind: 'status', o: r, status: 'revoked' })}>注销</Button>}
                        {training && r.kind === 'officer' && <Button size="small" onClick={() => setDialog({ kind: 'training', o: r })}>登记学时</Button>}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <OfficerDrawer id={viewing} onClose={() => setViewing(undefined)} />

      <FormModal
        title="登记执法人员"
        open={dialog?.kind === 'create'}
        onClose={close}
        okTestId="officer-submit"
        initialValues={{ kind: 'officer', domains: [] }}
        onSubmit={(v) =>
          submit('/api/enforcement/officers', { orgId: v.orgId, name: v.name.trim(), kind: v.kind, userId: v.userId ?? null, domains: v.domains ?? [], trainedOn: v.trainedOn ?? null, examPassedOn: v.examPassedOn ?? null }, '已登记')
        }
      >
        <Form.Item name="orgId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select showSearch optionFilterProp="label" options={subjectOrgs} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, min: 2, max: 30 }]}>
              <Input data-testid="officer-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Radio.Group options={options(OFFICER_KIND_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="domains" label="执法领域">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="输入后回车" />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind || a.orgId !== b.orgId}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'officer' && (
              <Row gutter={12}>
                <Col span={12}>
                  <DateItem name="trainedOn" label="培训完成日期" required={false} initial={null} />
                </Col>
                <Col span={12}>
                  <DateItem name="examPassedOn" label="考试合格日期" required={false} initial={null} />
                </Col>
                {can('user.read') && (
                  <Col span={24}>
                    <Form.Item name="userId" label="关联平台账号（可选，用于“我承办的”）">
                      <UserSelect orgId={getFieldValue('orgId')} />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            )
          }
        </Form.Item>
      </FormModal>

      {dialog?.kind === 'certificate' && (
        <FormModal
          title={`核发执法证件：${dialog.o.name}`}
          open
          onClose={close}
          okTestId="certificate-submit"
          initialValues={{ issuer: '演示省人民政府' }}
          onSubmit={(v) => submit(`/api/enforcement/officers/${dialog.o.id}/certificate`, { certNo: v.certNo.trim(), issuer: v.issuer.trim(), validFrom: v.validFrom, ...(v.validUntil ? { validUntil: v.validUntil } : {}) }, '已核发执法证件')}
        >
          {(!dialog.o.trained_on || !dialog.o.exam_passed_on) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="该人员尚未登记培训或考试合格日期，须经培训并考试合格后方能核发执法证件" />}
          <Form.Item name="certNo" label="执法证号" rules={[{ required: true, pattern: /^[0-9A-Za-z-]{6,30}$/, message: '6 至 30 位字母、数字或连字符' }]}>
            <Input data-testid="certificate-no" />
          </Form.Item>
          <Form.Item name="issuer" label="发证机关" rules={[{ required: true, min: 2, max: 100 }]}>
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <DateItem name="validFrom" label="生效日期" future initial={dialog.o.exam_passed_on && dialog.o.exam_passed_on > today() ? dialog.o.exam_passed_on : today()} />
            </Col>
            <Col span={12}>
              <DateItem name="validUntil" label="有效期至（留空按规则参数）" future required={false} initial={null} />
            </Col>
          </Row>
        </FormModal>
      )}

      {dialog?.kind === 'status' && (
        <FormModal
          title={`${STATUS_ACTION[dialog.status]}：${dialog.o.name}（${dialog.o.cert_no}）`}
          open
          onClose={close}
          okTestId="cert-status-submit"
          onSubmit={(v) => submit(`/api/enforcement/officers/${dialog.o.id}/certificate-status`, { status: dialog.status, reason: v.reason.trim() }, `已${STATUS_ACTION[dialog.status]}`)}
        >
          {dialog.status === 'revoked' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="注销后不能恢复，须重新考试合格后方能再次发证" />}
          <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, max: 500, message: '请说明理由（2 至 500 字）' }]}>
            <Input.TextArea data-testid="cert-status-reason" rows={3} />
          </Form.Item>
        </FormModal>
      )}

      {dialog?.kind === 'training' && (
        <FormModal
          title={`登记学时：${dialog.o.name}`}
          open
          onClose={close}
          okTestId="training-submit"
          onSubmit={(v) => submit(`/api/enforcement/officers/${dialog.o.id}/training`, { course: v.course.trim(), hours: v.hours, heldOn: v.heldOn }, '已登记培训学时')}
        >
          <Form.Item name="course" label="课程" rules={[{ required: true, min: 2, max: 200 }]}>
            <Input data-testid="training-course" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item
                name="hours"
                label="学时（0.5 的整数倍）"
                rules={[{ required: true, message: '请填写学时' }, { validator: async (_, v) => { if (v != null && !Number.isInteger(v * 2)) throw new Error('学时须为 0.5 的整数倍'); } }]}
              >
                <InputNumber data-testid="training-hours" min={0.5} max={200} step={0.5} precision={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <DateItem name="heldOn" label="培训日期" />
            </Col>
          </Row>
        </FormModal>
      )}
    </PageContainer>
  );
}
