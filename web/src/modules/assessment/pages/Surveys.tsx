import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { useRounds } from './Rounds';
import { flatten, type SystemDetail } from '../api';
import { day } from '../rounds-api';
import { SURVEY_STATUS, useSurveys, type SurveyRow } from '../surveys-api';

export interface OrgOption {
  id: number;
  name: string;
}
export const useOrgOptions = (enabled: boolean) => useQuery({ queryKey: ['assessment', 'orgs'], queryFn: () => get<OrgOption[]>('/api/orgs'), enabled });

interface SurveyForm {
  title: string;
  intro?: string;
  roundId?: number;
  nodeId?: number;
  orgIds?: number[];
  period: [Dayjs, Dayjs];
  public: boolean;
}

/** The leaves of a round's system scored by survey, to link the survey to. */
function useSurveyLeaves(systemId?: number) {
  const q = useQuery({ queryKey: ['assessment', 'system', systemId], enabled: !!systemId, queryFn: () => get<SystemDetail>(`/api/assessment/systems/${systemId}`) });
  return { loading: q.isLoading && !!systemId, leaves: q.data ? flatten(q.data.tree).filter((n) => n.leaf && n.method === 'survey') : [] };
}

/** 新建问卷: the survey's title, the round and indicator it feeds, the assessed organisations and the period. */
function SurveyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const rounds = useRounds();
  const orgs = useOrgOptions(open);
  const [roundId, setRoundId] = useState<number>();
  const round = (rounds.data ?? []).find((r) => r.id === roundId);
  const { leaves, loading } = useSurveyLeaves(round?.system_id);
  const save = async (v: SurveyForm) => {
    const body = {
      title: v.title.trim(),
      ...(v.intro?.trim() ? { intro: v.intro.trim() } : {}),
      ...(v.roundId ? { roundId: v.roundId } : {}),
      ...(v.nodeId ? { nodeId: v.nodeId } : {}),
      ...(v.orgIds?.length ? { orgIds: v.orgIds } : {}),
      opensOn: v.period[0].format('YYYY-MM-DD'),
      closesOn: v.period[1].format('YYYY-MM-DD'),
      public: v.public,
    };
    const created = await submit<{ id: number }>('/api/assessment/surveys', body, '已新建问卷，请编写题目');
    if (created) navigate(`/assessment/surveys/${created.id}`);
    return created;
  };
  return (
    <FormModal title="新建满意度调查" open={open} onClose={() => { setRoundId(undefined); onClose(); }} onSubmit={save} initialValues={{ public: true, period: [dayjs(), dayjs().add(30, 'day')] }} okText="新建" okTestId="survey-create-submit" width={640}>
      <Form.Item name="title" label="问卷标题" rules={[{ required: true, whitespace: true, message: '请填写问卷标题' }, { min: 4, max: 200 }]}>
        <Input data-testid="survey-create-title" placeholder="如 2026年度法治政府建设外部评价满意度测评" />
      </Form.Item>
      <Form.Item name="intro" label="说明" rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} placeholder="向答卷人说明调查目的、匿名方式等" />
      </Form.Item>
      <Form.Item name="roundId" label="关联考核轮次" extra="关联后，调查结果用于该轮考核中以满意度调查计分的指标">
        <Select
          allowClear
          loading={rounds.isLoading}
          placeholder="不关联"
          onChange={(v?: number) => setRoundId(v)}
          options={(rounds.data ?? []).filter((r) => r.status === 'open').map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form.Item>
      {round && (
        <Form.Item name="nodeId" label="计分指标" extra={!loading && !leaves.length ? '该轮指标体系中没有以满意度调查计分的末级指标' : undefined}>
          <Select allowClear loading={loading} placeholder="选择以满意度调查计分的末级指标" options={leaves.map((n) => ({ value: n.id, label: `${n.code} ${n.title}` }))} />
        </Form.Item>
      )}
      <Form.Item name="orgIds" label="被评价单位" extra={round ? '留空取该轮考核的全部被考核单位' : undefined} rules={round ? [] : [{ required: true, message: '请选择被评价单位，或关联考核轮次' }]}>
        <Select data-testid="survey-create-orgs" mode="multiple" optionFilterProp="label" loading={orgs.isLoading} placeholder="选择单位" options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="period" label="调查期间" rules={[{ required: true, message: '请选择调查期间' }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="public" label="在公众门户公开" valuePropName="checked" extra="公开后，群众可在门户自行领取答卷码答卷；不公开的只能凭发放的答卷码答卷">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

/** 满意度调查: the office's external-evaluation surveys (seed 000 §9(二)). */
export function SurveysPage() {
  const { can } = useAuth();
  const q = useSurveys();
  const [creating, setCreating] = useState(false);
  return (
    <PageContainer
      title="满意度调查"
      subTitle="组织人大代表、政协委员、企业和群众对各单位依法行政工作进行满意度测评"
      extra={can('assessment.manage') && <Button data-testid="survey-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建问卷</Button>}
    >
      <ErrorAlert error={q.error} />
      <Table<SurveyRow>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无满意度调查' }}
        columns={[
          { title: '问卷', dataIndex: 'title', render: (v, r) => <Link to={`/assessment/surveys/${r.id}`}>{v}</Link> },
          { title: '考核轮次', dataIndex: 'round_name', ellipsis: true, render: (v, r) => (r.round_id ? <Link to={`/assessment/rounds/${r.round_id}`}>{v}</Link> : '—') },
          { title: '状态', dataIndex: 'status', width: 120, render: (v: SurveyRow['status'], r) => <><Tag color={SURVEY_STATUS[v].color}>{SURVEY_STATUS[v].text}</Tag>{r.public && <Tag>门户公开</Tag>}</> },
          { title: '调查期间', width: 200, render: (_, r) => `${day(r.opens_on)} 至 ${day(r.closes_on)}` },
          { title: '被评价单位', dataIndex: 'targets', width: 100, align: 'right' },
          { title: '答卷', dataIndex: 'responses', width: 80, align: 'right' },
        ]}
      />
      <SurveyModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
