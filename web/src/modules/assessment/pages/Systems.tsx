import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { pts, sourceText, type SystemRow } from '../api';
import { CopyModal, FormModal, StatusTag, thisYear } from '../components';
import { useSubmit } from '../useSubmit';

export const useSystems = () => useQuery({ queryKey: ['assessment', 'systems'], queryFn: () => get<SystemRow[]>('/api/assessment/systems') });

/** 按默认模板新建: the seed-000 template parsed into a draft tree, points spread evenly. */
function TemplateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const save = async (v: { year: number; name?: string; totalPoints?: number; categories?: string[] }) => {
    const name = v.name?.trim();
    const sys = await submit<{ id: number }>(
      '/api/assessment/systems/template',
      { year: v.year, ...(name ? { name } : {}), ...(v.totalPoints ? { totalPoints: v.totalPoints } : {}), ...(v.categories?.length ? { categories: v.categories } : {}) },
      '已按默认模板新建指标体系草稿',
    );
    if (sys) navigate(`/assessment/systems/${sys.id}`);
    return sys;
  };
  return (
    <FormModal title="按默认模板新建指标体系" open={open} onClose={onClose} onSubmit={save} initialValues={{ year: thisYear(), totalPoints: 1000, categories: [] }} okText="新建" okTestId="system-create-submit">
      <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber data-testid="system-create-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="name" label="名称" extra="留空为“某年度法治政府建设考核指标体系”" rules={[{ min: 4, max: 200 }]}>
        <Input data-testid="system-create-name" />
      </Form.Item>
      <Form.Item name="totalPoints" label="总分" extra="模板的各级指标按总分平均分配分值，新建后可调整" rules={[{ required: true, message: '请填写总分' }]}>
        <InputNumber data-testid="system-create-total" min={10} max={10000} step={10} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="categories" label="考核对象类别">
        <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="如 市直部门、县（市、区）政府，输入后回车" maxCount={20} />
      </Form.Item>
    </FormModal>
  );
}

/** 指标体系: every year's and edition's indicator system of the caller's scope. */
export function SystemsPage() {
  const { can } = useAuth();
  const q = useSystems();
  const manage = can('assessment.manage');
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState<SystemRow>();
  return (
    <PageContainer
      title="指标体系"
      subTitle="法治政府建设考核指标：分级指标、分值与评分方法；发布后冻结，修改须复制为新版本"
      extra={manage && <Button data-testid="system-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>按默认模板新建</Button>}
    >
      <ErrorAlert error={q.error} />
      <Table<SystemRow>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: manage ? '尚无指标体系，可按默认模板新建' : '尚无指标体系' }}
        onRow={(r) => ({ 'data-testid': `system-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v, r) => <Link to={`/assessment/systems/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '版本', dataIndex: 'edition', width: 80, render: (v) => `第${v}版` },
          { title: '状态', dataIndex: 'status', width: 110, render: (v, r) => <Space size={4}><StatusTag status={v} />{r.published_on && <span style={{ fontSize: 12, color: '#888' }}>{r.published_on}</span>}</Space> },
          { title: '来源', dataIndex: 'source', ellipsis: true, render: (v) => sourceText(v) },
          { title: '总分', dataIndex: 'total_points', width: 80, align: 'right', render: (v) => pts(v) },
          { title: '指标数', dataIndex: 'node_count', width: 80, align: 'right', render: (v) => Number(v) },
          { title: '考核机构', dataIndex: 'org_name', width: 180, ellipsis: true },
          ...(manage
            ? [{ title: '', key: 'ops', width: 130, render: (_: unknown, r: SystemRow) => <Button size="small" data-testid={`system-copy-${r.id}`} icon={<CopyOutlined />} onClick={() => setCopying(r)}>复制为新版本</Button> }]
            : []),
        ]}
      />
      <TemplateModal open={creating} onClose={() => setCreating(false)} />
      <CopyModal system={copying} onClose={() => setCopying(undefined)} />
    </PageContainer>
  );
}
