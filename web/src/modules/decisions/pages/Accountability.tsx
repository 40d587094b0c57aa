import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get } from '../../../core/api';
import { ACCOUNTABILITY_FORM_TEXT, type AccountabilityRow } from '../api';
import { QueryTable } from '../components';

/** 决策问责: the accountability actions on the decisions in scope (seed 002 #27, #40). */
export function AccountabilityPage() {
  const list = useQuery({ queryKey: ['decisions', 'accountability'], queryFn: () => get<AccountabilityRow[]>('/api/decisions/accountability') });
  return (
    <PageContainer title="决策问责" subTitle="决策严重失误或依法应当作出决策而久拖不决，造成重大损失、恶劣影响的，倒查责任，实行终身责任追究">
      <Card>
        <QueryTable<AccountabilityRow>
          query={list}
          empty="没有问责记录"
          columns={[
            { title: '决定日期', dataIndex: 'decided_on', width: 110 },
            { title: '决策事项', dataIndex: 'decision_title', render: (v, r) => <Link to={`/decisions/${r.decision_id}`}>{v}</Link> },
            { title: '责任人', dataIndex: 'person_name', width: 100 },
            { title: '时任职务', dataIndex: 'person_post', width: 160 },
            { title: '问责方式', dataIndex: 'form', width: 160, render: (v: keyof typeof ACCOUNTABILITY_FORM_TEXT) => ACCOUNTABILITY_FORM_TEXT[v] ?? v },
            { title: '事由', dataIndex: 'reason' },
            { title: '决定机关', dataIndex: 'deciding_body', width: 160 },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
