import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { AMENDMENT_KIND_LABELS, CATALOGUE_STATUS_LABELS, useCatalogues, useSubmit, type CatalogueDetail, type CatalogueItem } from '../api';
import { compact, DateField, OrgField, QueryTable } from '../components';

const thisYear = () => new Date().getFullYear();

export function StatusTag({ status }: { status: keyof typeof CATALOGUE_STATUS_LABELS }) {
  return <Tag color={status === 'published' ? 'green' : 'default'}>{CATALOGUE_STATUS_LABELS[status]}</Tag>;
}

/** 决策事项目录: the yearly catalogues of the governments in scope. */
export function CataloguesPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const list = useCatalogues();
  const [creating, setCreating] = useState(false);
  return (
    <PageContainer
      title="重大行政决策事项目录"
      subTitle="决策机关确定年度决策事项目录和听证目录，向社会公布；公布后的调整以修订记录说明理由"
      extra={can('decisions.manage') && <Button type="primary" icon={<PlusOutlined />} data-testid="catalogue-create" onClick={() => setCreating(true)}>编制年度目录</Button>}
    >
      <Card>
        <QueryTable
          query={list}
          empty="尚未编制决策事项目录"
          columns={[
            { title: '目录', dataIndex: 'title', render: (v, r) => <Link to={`/decisions/catalogues/${r.id}`} data-testid={`catalogue-${r.id}`}>{v}</Link> },
            { title: '决策机关', dataIndex: 'org_name', width: 180 },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '状态', dataIndex: 'status', width: 90, render: (v) => <StatusTag status={v} /> },
            { title: '事项 / 听证', width: 110, render: (_, r) => `${r.item_count} / ${r.hearing_count}` },
            { title: '应公布日', dataIndex: 'due_on', width: 110 },
            { title: '公布日', dataIndex: 'published_on', width: 110, render: (v, r) => (v ? <Typography.Text type={v > r.due_on ? 'danger' : undefined}>{v}</Typography.Text> : '—') },
          ]}
        />
      </Card>
      <FormModal
        title="编制年度决策事项目录"
        open={creating}
        onClose={() => setCreating(false)}
        initialValues={{ year: thisYear() + 1 }}
        okTestId="catalogue-create-ok"
        onSubmit={async (v) => {
          const row = await submit<{ id: number }>('/api/decisions/catalogues', compact(v), '目录已创建，公布期限开始计时');
          if (row) navigate(`/decisions/catalogues/${row.id}`);
          return row;
        }}
      >
        <OrgField name="orgId" label="决策机关（人民政府）" />
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="目录名称" extra="缺省为「机关名称 + 年度 + 重大行政决策事项目录」">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </PageContainer>
  );
}

type ItemDialog = { kind: 'add' } | { kind: 'edit'; item: CatalogueItem } | { kind: 'remove'; item: CatalogueItem } | { kind: 'publish' };

/** One catalogue: its items and hearing flags, publication and, after it, amendments with reasons. */
export function CatalogueDetailPage() {
  const id = Number(useParams().id);
  const { submit } = useSubmit();
  const q = useQuery({ queryKey: ['decisions', 'catalogue', id], queryFn: () => get<CatalogueDetail>(`/api/decisions/catalogues/${id}`) });
  const [dialog, setDialog] = useState<ItemDialog>();
  const c = q.data;
  const published = c?.status === 'published';
  const close = () => setDialog(undefined);
  const reasonItem = published && (
    <Form.Item name="amendmentReason" label="修订理由" rules={[{ required: true, message: '目录已公布，调整须说明理由' }]} extra="目录已向社会公布：本次调整将作为修订记录一并公布">
      <Input.TextArea rows={2} maxLength={1000} data-testid="field-amendmentReason" />
    </Form.Item>
  );
  const itemForm = (
    <>
      <Form.Item name="title" label="决策事项名称" rules={[{ required: true, min: 4 }]}>
        <Input maxLength={200} data-testid="field-title" />
      </Form.Item>
      <Form.Item name="decidingBody" label="决策机关（会议）" rules={[{ required: true, min: 2 }]}>
        <Input maxLength={100} placeholder="如 市人民政府常务会议" />
      </Form.Item>
      <OrgField name="undertakingOrgId" label="承办单位" />
      <Space style={{ display: 'flex' }} align="start">
        <DateField name="plannedStart" label="计划启动" />
        <DateField name="plannedEnd" label="计划完成" />
      </Space>
      <Form.Item name="hearingRequired" label="列入听证目录" valuePropName="checked">
        <Switch data-testid="field-hearingRequired" />
      </Form.Item>
      <Form.Item name="legalBasis" label="依据">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {reasonItem}
    </>
  );
  const itemValues = (i: CatalogueItem) => ({ title: i.title, decidingBody: i.deciding_body, undertakingOrgId: i.undertaking_org_id, plannedStart: i.planned_start ?? '', plannedEnd: i.planned_end ?? '', hearingRequired: i.hearing_required, legalBasis: i.legal_basis ?? '', notes: i.notes ?? '' });

  return (
    <PageContainer
      title={c?.title ?? '决策事项目录'}
      onBack={() => history.back()}
      tags={c && <StatusTag status={c.status} />}
      extra={
        c && (
          <Space>
            {c.abilities.edit && <Button icon={<PlusOutlined />} data-testid="item-add" onClick={() => setDialog({ kind: 'add' })}>{published ? '增列事项（修订）' : '增列事项'}</Button>}
            {c.abilities.publish && <Button type="primary" data-testid="catalogue-publish" onClick={() => setDialog({ kind: 'publish' })}>公布目录</Button>}
          </Space>
        )
      }
    >
      <ErrorAlert error={q.error} />
      {c && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="决策机关">{c.org_name}</Descriptions.Item>
              <Descriptions.Item label="年度">{c.year}</Descriptions.Item>
              <Descriptions.Item label="应公布日">{c.due_on}</Descriptions.Item>
              <Descriptions.Item label="公布日">{c.published_on ? <>{c.published_on} {c.on_time ? <Tag color="green">按时</Tag> : <Tag color="red">逾期</Tag>}</> : '尚未公布'}</Descriptions.Item>
              <Descriptions.Item label="公布期限">{c.deadline ? (c.deadline.status === 'closed' ? '已办结' : `计时中，${c.deadline.due_date} 到期`) : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="决策事项（含听证目录）" style={{ marginBottom: 16 }}>
            <Table
              rowKey="id"
              size="small"
              dataSource={c.items}
              pagination={false}
              locale={{ emptyText: '目录中还没有事项' }}
              columns={[
                { title: '事项', dataIndex: 'title', render: (v, r) => (r.removed_on ? <Typography.Text delete>{v}</Typography.Text> : v) },
                { title: '决策机关', dataIndex: 'deciding_body', width: 160 },
                { title: '承办单位', dataIndex: 'undertaking_org_name', width: 170 },
                { title: '计划时间', width: 200, render: (_, r) => `${r.planned_start ?? '—'} 至 ${r.planned_end ?? '—'}` },
                { title: '听证', dataIndex: 'hearing_required', width: 80, render: (v) => (v ? <Tag color="orange">须听证</Tag> : '—') },
                {
                  title: '操作',
                  width: 130,
                  render: (_, r) =>
                    c.abilities.edit && !r.removed_on ? (
                      <Space>
                        <Typography.Link data-testid={`item-edit-${r.id}`} onClick={() => setDialog({ kind: 'edit', item: r })}>修改</Typography.Link>
                        <Typography.Link type="danger" data-testid={`item-remove-${r.id}`} onClick={() => setDialog({ kind: 'remove', item: r })}>{published ? '移出' : '删除'}</Typography.Link>
                      </Space>
                    ) : r.removed_on ? `${r.removed_on} 移出` : null,
                },
              ]}
            />
          </Card>
          {c.amendments.length > 0 && (
            <Card title="目录修订记录">
              <Table rowKey="id" size="small" dataSource={c.amendments} pagination={false} columns={[{ title: '日期', dataIndex: 'amended_on', width: 110 }, { title: '修订', dataIndex: 'kind', width: 100, render: (v: keyof typeof AMENDMENT_KIND_LABELS) => AMENDMENT_KIND_LABELS[v] }, { title: '事项', dataIndex: 'item_title' }, { title: '理由', dataIndex: 'reason' }]} />
            </Card>
          )}
          <FormModal title={published ? '增列事项（目录修订）' : '增列决策事项'} open={dialog?.kind === 'add'} onClose={close} okTestId="item-add-ok" initialValues={{ decidingBody: `${c.org_name}常务会议`, hearingRequired: false }} onSubmit={(v) => submit(`/api/decisions/catalogues/${id}/items`, compact(v), '事项已增列')} width={640}>
            {itemForm}
          </FormModal>
          {dialog?.kind === 'edit' && (
            <FormModal title="修改目录事项" open onClose={close} okTestId="item-edit-ok" initialValues={itemValues(dialog.item)} width={640} onSubmit={(v) => submit(`/api/decisions/catalogue-items/${dialog.item.id}`, { ...v, plannedStart: v.plannedStart || null, plannedEnd: v.plannedEnd || null, legalBasis: v.legalBasis || null, notes: v.notes || null, version: dialog.item.version }, '事项已修改', 'PATCH')}>
              {itemForm}
            </FormModal>
          )}
          {dialog?.kind === 'remove' && (
            <FormModal title={`${published ? '移出' : '删除'}事项：${dialog.item.title}`} open onClose={close} okText={published ? '移出' : '删除'} okTestId="item-remove-ok" onSubmit={(v) => submit(`/api/decisions/catalogue-items/${dialog.item.id}/remove`, compact(v), published ? '事项已移出目录' : '事项已删除')}>
              {reasonItem || <Typography.Paragraph>目录尚未公布，事项将被删除。</Typography.Paragraph>}
            </FormModal>
          )}
          <FormModal title="公布目录及听证目录" open={dialog?.kind === 'publish'} onClose={close} okText="公布" okTestId="catalogue-publish-ok" onSubmit={(v) => submit(`/api/decisions/catalogues/${id}/publish`, { ...compact(v), version: c.version }, '目录已公布')}>
            <Typography.Paragraph>公布后目录即冻结，并在公众门户公开；此后的调整须说明理由，作为修订记录公布。</Typography.Paragraph>
            <DateField name="publishedOn" label="公布日期（缺省为今天）" />
          </FormModal>
        </>
      )}
    </PageContainer>
  );
}
