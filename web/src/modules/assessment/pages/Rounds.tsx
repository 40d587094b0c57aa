import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { Dayjs } from 'dayjs';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { useSystems } from './Systems';
import { ROUND_STATUS, day, type RoundRow } from '../rounds-api';

interface OrgRow {
  id: number;
  name: string;
  assessment_category: string | null;
}

export const useRounds = () => useQuery({ queryKey: ['assessment', 'rounds'], queryFn: () => get<RoundRow[]>('/api/assessment/rounds') });

interface RoundForm {
  systemId: number;
  name?: string;
  by: 'category' | 'orgs';
  category?: string;
  orgIds?: number[];
  selfDue: Dayjs;
  reviewDue: Dayjs;
  performanceWeight?: number | null;
  publishDue?: Dayjs | null;
}

/** 组织考核: a published system, the assessed organisations (a category or a list) and the timetable. */
function RoundModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const systems = useSystems();
  const orgs = useQuery({ queryKey: ['assessment', 'orgs'], queryFn: () => get<OrgRow[]>('/api/orgs'), enabled: open });
  const published = (systems.data ?? []).filter((s) => s.status === 'published');
  const categories = [...new Set((orgs.data ?? []).map((o) => o.assessment_category).filter((c): c is string => !!c))];
  const save = async (v: RoundForm) => {
    const name = v.name?.trim();
    const body = {
      systemId: v.systemId,
      ...(name ? { name } : {}),
      ...(v.by === 'category' ? { category: v.category!.trim() } : { orgIds: v.orgIds }),
      selfDue: v.selfDue.format('YYYY-MM-DD'),
      reviewDue: v.reviewDue.format('YYYY-MM-DD'),
      ...(v.performanceWeight != null ? { performanceWeight: v.performanceWeight } : {}),
      ...(v.publishDue ? { publishDue: v.publishDue.format('YYYY-MM-DD') } : {}),
    };
    const round = await submit<{ id: number; assessed: number }>('/api/assessment/rounds', body, '已组织考核');
    if (round) navigate(`/assessment/rounds/${round.id}`);
    return round;
  };
  return (
    <FormModal title="组织考核" open={open} onClose={onClose} onSubmit={save} initialValues={{ by: 'category' }} okText="组织考核" okTestId="round-create-submit" width={600}>
      <Form.Item name="systemId" label="指标体系" rules={[{ required: true, message: '请选择已发布的指标体系' }]}>
        <Select
          data-testid="round-create-system"
          loading={systems.isLoading}
          placeholder="已发布的指标体系"
          options={published.map((s) => ({ value: s.id, label: `${s.name}（${s.year} 年 第${s.edition}版）` }))}
          notFoundContent="尚无已发布的指标体系"
        />
      </Form.Item>
      <Form.Item name="name" label="名称" extra="留空按指标体系命名" rules={[{ min: 4, max: 200 }]}>
        <Input data-testid="round-create-name" />
      </Form.Item>
      <Form.Item name="by" label="被考核单位">
        <Radio.Group
          options={[
            { value: 'category', label: '按考核对象类别' },
            { value: 'orgs', label: '逐个选择单位' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['by']}>
        {({ getFieldValue }) =>
          getFieldValue('by') === 'orgs' ? (
            <Form.Item name="orgIds" label="单位" rules={[{ required: true, message: '请选择被考核单位' }]}>
              <Select
                data-testid="round-create-orgs"
                mode="multiple"
                loading={orgs.isLoading}
                optionFilterProp="label"
                placeholder="选择单位"
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="category" label="考核对象类别" extra={categories.length ? `现有类别：${categories.join('、')}` : '机构的考核对象类别，如 市直部门'} rules={[{ required: true, whitespace: true, message: '请填写考核对象类别' }, { max: 50 }]}>
              <Input data-testid="round-create-category" placeholder="如 市直部门" />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="selfDue" label="自评报送期限" extra="纳入电子监察" rules={[{ required: true, message: '请选择自评期限' }]}>
        <DatePicker data-testid="round-create-self-due" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reviewDue"
        label="审核期限"
        dependencies={['selfDue']}
        rules={[
          { required: true, message: '请选择审核期限' },
          ({ getFieldValue }) => ({
            validator: (_, v?: Dayjs) => {
              const self = getFieldValue('selfDue') as Dayjs | undefined;
              return v && self && v.isBefore(self, 'day') ? Promise.reject(new Error('审核期限不得早于自评期限')) : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker data-testid="round-create-review-due" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="publishDue"
        label="公布期限"
        extra="留空同审核期限；纳入电子监察"
        dependencies={['reviewDue']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v?: Dayjs | null) => {
              const review = getFieldValue('reviewDue') as Dayjs | undefined;
              return v && review && v.isBefore(review, 'day') ? Promise.reject(new Error('公布期限不得早于审核期限')) : Promise.resolve();
            },
          }),
        ]}
      >
        <DatePicker data-testid="round-create-publish-due" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="performanceWeight" label="占绩效考核分值（%）" extra="留空按下限：省直部门不低于5%，市（州）、县（市）政府不低于2%（吉林省指标体系 九、（三）1.）">
        <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 考核轮次: every round of assessment in the caller's scope. */
export function RoundsPage() {
  const { can } = useAuth();
  const q = useRounds();
  const manage = can('assessment.manage');
  const [creating, setCreating] = useState(false);
  return (
    <PageContainer
      title="考核轮次"
      subTitle="依据已发布的指标体系组织考核：计算指标数据、自评报送、审核、公布结果"
      extra={manage && <Button data-testid="round-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>组织考核</Button>}
    >
      <ErrorAlert error={q.error} />
      <Table<RoundRow>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无考核轮次' }}
        onRow={(r) => ({ 'data-testid': `round-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '名称', dataIndex: 'name', render: (v, r) => <Link to={`/assessment/rounds/${r.id}`}>{v}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '指标体系', dataIndex: 'system_name', ellipsis: true, render: (v, r) => <Link to={`/assessment/systems/${r.system_id}`}>{`${v} 第${r.edition}版`}</Link> },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (v: RoundRow['status'], r) => (
              <>
                <Tag color={ROUND_STATUS[v]?.color}>{ROUND_STATUS[v]?.text ?? v}</Tag>
                {r.published_on && <span style={{ fontSize: 12, color: '#888' }}>{day(r.published_on)}</span>}
              </>
            ),
          },
          { title: '自评期限', dataIndex: 'self_due', width: 110, render: (v) => day(v) },
          { title: '审核期限', dataIndex: 'review_due', width: 110, render: (v) => day(v) },
          { title: '被考核单位', dataIndex: 'organisations', width: 100, align: 'right', render: (v) => Number(v) },
        ]}
      />
      <RoundModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
