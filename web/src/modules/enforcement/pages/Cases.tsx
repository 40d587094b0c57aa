import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { CASE_STATUS, PARTY_KIND_LABELS, money, today, type CaseRow } from '../api';
import { CaseStatusTag, ListTable } from '../components';
import { NewCaseModal, SimpleCaseModal } from './NewCase';

const PAGE = 50;

/** 执法办案: the cases in scope, newest first; a deadline past due shows red. */
export function CasesPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState<string>();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState<'general' | 'simple'>();
  const list = useQuery({
    queryKey: ['enforcement', 'cases', status, q, mine, page],
    queryFn: () => get<CaseRow[]>(`/api/enforcement/cases${qs({ status, q, mine: mine || undefined, limit: PAGE, offset: (page - 1) * PAGE })}`),
  });
  const rows = list.data ?? [];
  const now = today();
  const handle = can('enforcement.case.handle');
  return (
    <PageContainer
      title="执法办案"
      subTitle="行政处罚案件的立案、调查取证、告知、审核、决定、送达与执行"
      extra={
        handle && (
          <Space>
            <Button data-testid="simple-create" icon={<ThunderboltOutlined />} onClick={() => setCreating('simple')}>
              简易程序
            </Button>
            <Button data-testid="case-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating('general')}>
              立案
            </Button>
          </Space>
        )
      }
    >
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search data-testid="case-search" placeholder="案号或案由" allowClear onSearch={(v) => { setPage(1); setQ(v.trim() || undefined); }} style={{ width: 260 }} />
          <Select
            data-testid="case-status-filter"
            allowClear
            placeholder="办理状态"
            style={{ width: 160 }}
            value={status}
            onChange={(v) => { setPage(1); setStatus(v); }}
            options={Object.entries(CASE_STATUS).map(([value, s]) => ({ value, label: s.text }))}
          />
          <Space>
            <Switch data-testid="case-mine" checked={mine} onChange={(v) => { setPage(1); setMine(v); }} />
            我承办的
          </Space>
        </Space>
        <ListTable
          query={list}
          dataSource={rows}
          onRow={(r) => ({ onClick: () => navigate(`/enforcement/cases/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE, total: (page - 1) * PAGE + rows.length + (rows.length === PAGE ? 1 : 0), onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: mine ? '没有您承办的案件' : '没有符合条件的案件' }}
          columns={[
            {
              title: '案号',
              dataIndex: 'case_no',
              width: 200,
              render: (v, r) => (
                <Link to={`/enforcement/cases/${r.id}`} data-testid={`case-row-${r.id}`} onClick={(e) => e.stopPropagation()}>
                  {v ?? `#${r.id}`}
                </Link>
              ),
            },
            { title: '案由', dataIndex: 'title', ellipsis: true, render: (v, r) => <>{v}{r.procedure_kind === 'simple' && <Tag style={{ marginLeft: 8 }}>简易程序</Tag>}</> },
            { title: '当事人', dataIndex: 'party_name_masked', width: 170, ellipsis: true, render: (v, r) => <Typography.Text title={PARTY_KIND_LABELS[r.party_kind]}>{v}</Typography.Text> },
            { title: '执法事项', dataIndex: 'power_name', width: 220, ellipsis: true },
            { title: '状态', dataIndex: 'status', width: 120, render: (v, r) => <CaseStatusTag status={v} simple={r.procedure_kind === 'simple'} /> },
            { title: '立案日期', dataIndex: 'filed_on', width: 110 },
            { title: '罚款', dataIndex: 'fine_amount', width: 110, align: 'right', render: (v, r) => (r.decided_on ? money(v) : '') },
            {
              title: '最近期限',
              dataIndex: 'next_due',
              width: 110,
              render: (v: string | null) => (v ? <span style={v < now ? { color: '#cf1322', fontWeight: 600 } : undefined} title={v < now ? '已超期' : undefined}>{v}{v < now && ' 逾期'}</span> : ''),
            },
          ]}
        />
      </Card>
      <NewCaseModal open={creating === 'general'} onClose={() => setCreating(undefined)} />
      <SimpleCaseModal open={creating === 'simple'} onClose={() => setCreating(undefined)} />
    </PageContainer>
  );
}
