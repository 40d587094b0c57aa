import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Spin, Steps, Tabs, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { LegalBasis, PublicProcedure } from '../oversight/api';

function Basis({ basis }: { basis: LegalBasis }) {
  return (
    <div style={{ fontSize: 12, color: '#666', marginTop: 4 }}>
      依据：{basis.law}
      {basis.article ? ` ${basis.article}` : ''}
      {basis.quote && <blockquote style={{ margin: '4px 0 0', paddingLeft: 8, borderLeft: '3px solid #f0d0d0', color: '#888' }}>“{basis.quote}”</blockquote>}
    </div>
  );
}

/** One procedure: its states, then each step in order with the states it leaves and enters, and the conditions it must meet. */
function ProcedureView({ p }: { p: PublicProcedure }) {
  const stateName = new Map(p.states.map((s) => [s.code, s.name]));
  const name = (code: string) => stateName.get(code) ?? code;
  return (
    <>
      <Typography.Title level={5}>办理环节</Typography.Title>
      <Space wrap size={[4, 8]} style={{ marginBottom: 16 }}>
        {p.states.map((s, i) => (
          <span key={s.code}>
            <Tag color={s.final ? 'default' : 'red'}>{s.name}</Tag>
            {i < p.states.length - 1 && <span style={{ color: '#bbb' }}>·</span>}
          </span>
        ))}
      </Space>
      <Typography.Title level={5}>办理步骤及法定条件</Typography.Title>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        data-testid={`procedure-steps-${p.code}`}
        items={p.steps.map((st) => ({
          status: 'process' as const,
          title: st.name,
          subTitle: `${st.from.map(name).join(' / ')} → ${name(st.to)}`,
          description: st.conditions.length ? (
            <List
              size="small"
              split={false}
              dataSource={st.conditions}
              renderItem={(c) => (
                <List.Item style={{ padding: '4px 0', display: 'block' }}>
                  <div>{c.text}</div>
                  <Basis basis={c.basis} />
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">无前置条件</Typography.Text>
          ),
        }))}
      />
    </>
  );
}

/** 行政处罚办理流程: for each procedure the steps in order, with their conditions and legal basis. */
export function PublicProcedurePage() {
  const q = useQuery({ queryKey: ['public-enforcement', 'procedure'], queryFn: () => get<PublicProcedure[]>('/api/public/enforcement/procedure') });
  const procedures = q.data ?? [];
  return (
    <Card
      title="行政处罚办理流程"
      extra={
        <Space>
          <Link to="/public/enforcement">行政执法主体与权责清单</Link>
          <Link to="/public/enforcement/decisions">执法决定公示</Link>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">行政处罚的办理流程及每一步骤须满足的法定条件。平台按这些条件办理，不满足条件的步骤不能进行。</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Spin />}
      {q.data && procedures.length === 0 && <Empty description="没有公开的办理流程" />}
      {procedures.length > 0 && <Tabs data-testid="procedure-tabs" items={procedures.map((p) => ({ key: p.code, label: p.name, children: <ProcedureView p={p} /> }))} />}
    </Card>
  );
}
