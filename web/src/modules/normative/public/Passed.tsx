import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { CLEANUP_DECISIONS, type CleanupDecision } from '../api';

interface PassedRow {
  id: number;
  title: string;
  reg_number: string | null;
  issuer_name: string;
  published_on: string;
  filed_on: string;
  reviewed_on: string;
  reviewed_by_org: string;
  status: string;
}
interface PublicCleanup {
  id: number;
  name: string;
  org_name: string;
  published_on: string;
  items: { document_id: number; title: string; reg_number: string | null; issuer_name: string; decision: CleanupDecision | null; reason: string | null }[];
}

const DECISION_COLORS: Record<string, string> = { keep: 'green', amend: 'blue', abolish: 'red', declare_invalid: 'volcano' };

function PassedList() {
  const last = dayjs().year() - 1;
  const [year, setYear] = useState(last);
  const list = useQuery({ queryKey: ['public-passed', year], queryFn: () => get<PassedRow[]>(`/api/public/normative/passed?year=${year}`) });
  return (
    <Card
      title="通过备案审查的规范性文件目录"
      extra={<Select data-testid="passed-year" value={year} onChange={setYear} style={{ width: 120 }} options={Array.from({ length: 8 }, (_, i) => last + 1 - i).map((y) => ({ value: y, label: `${y} 年度` }))} />}
    >
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: `${year} 年度没有通过备案审查的文件` }}
        columns={[
          { title: '文件', dataIndex: 'title', render: (v, r) => <Link to={`/public/normative/${r.id}`}>{v}</Link> },
          { title: '登记编号', dataIndex: 'reg_number', width: 190 },
          { title: '制定机关', dataIndex: 'issuer_name', width: 180 },
          { title: '公布日期', dataIndex: 'published_on', width: 110 },
          { title: '备案审查机关', dataIndex: 'reviewed_by_org', width: 160 },
          { title: '审查通过', dataIndex: 'reviewed_on', width: 110 },
        ]}
      />
    </Card>
  );
}

function CleanupResults() {
  const list = useQuery({ queryKey: ['public-cleanups'], queryFn: () => get<PublicCleanup[]>('/api/public/normative/cleanups') });
  return (
    <Card title="规范性文件清理结果" style={{ marginTop: 16 }} loading={list.isLoading}>
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 && <Empty description="尚未公布清理结果" />}
      {list.data && list.data.length > 0 && (
        <Collapse
          items={list.data.map((c) => ({
            key: c.id,
            label: (
              <span data-testid={`public-cleanup-${c.id}`}>
                {c.name} <Typography.Text type="secondary">{c.org_name} · {c.published_on} 公布 · {c.items.length} 件</Typography.Text>
              </span>
            ),
            children: (
              <Table
                rowKey="document_id"
                size="small"
                pagination={false}
                dataSource={c.items}
                columns={[
                  { title: '文件', dataIndex: 'title' },
                  { title: '登记编号', dataIndex: 'reg_number', width: 190 },
                  { title: '制定机关', dataIndex: 'issuer_name', width: 170 },
                  { title: '清理决定', dataIndex: 'decision', width: 110, render: (v) => v && <Tag color={DECISION_COLORS[v]}>{CLEANUP_DECISIONS[v as CleanupDecision]}</Tag> },
                  { title: '理由', dataIndex: 'reason' },
                ]}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** 通过备案审查的文件目录 of a year, and the published cleanup results. */
export function PassedPage() {
  return (
    <>
      <PassedList />
      <CleanupResults />
    </>
  );
}
