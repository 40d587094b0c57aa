import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { get, qs } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { DOC_TYPES } from '../api';

interface Item {
  id: number;
  title: string;
  reg_number: string;
  issuer_name: string;
  doc_type: string;
  published_on: string;
  effective_on: string;
  expires_on: string | null;
}

/** 现行有效规范性文件目录: only published documents within their validity. */
export function CataloguePage() {
  const [q, setQ] = useState<string>();
  const [issuerOrgId, setIssuer] = useState<number>();
  const [year, setYear] = useState<number>();
  const [page, setPage] = useState(1);
  const issuers = useQuery({ queryKey: ['catalogue-issuers'], queryFn: () => get<{ org_id: number; name: string }[]>('/api/public/normative/issuers') });
  const thisYear = new Date().getFullYear();
  const list = useQuery({
    queryKey: ['catalogue', q, issuerOrgId, year, page],
    queryFn: () => get<{ total: number; more: boolean; items: Item[] }>(`/api/public/normative/documents${qs({ q, issuerOrgId, year, limit: 20, offset: (page - 1) * 20 })}`),
  });
  return (
    <Card title="规范性文件目录（现行有效）">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search data-testid="catalogue-search" placeholder="按标题或正文中的词语检索，如：排污口" enterButton="检索" allowClear onSearch={(v) => { setPage(1); setQ(v || undefined); }} style={{ width: 420 }} />
        <Select
          data-testid="catalogue-issuer"
          allowClear
          placeholder="制定机关"
          style={{ width: 220 }}
          value={issuerOrgId}
          onChange={(v) => { setPage(1); setIssuer(v); }}
          options={(issuers.data ?? []).map((i) => ({ value: i.org_id, label: i.name }))}
        />
        <Select
          data-testid="catalogue-year"
          allowClear
          placeholder="公布年度"
          style={{ width: 140 }}
          value={year}
          onChange={(v) => { setPage(1); setYear(v); }}
          options={Array.from({ length: 15 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))}
        />
      </Space>
      <ErrorAlert error={list.error} />
      <List
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showTotal: (t) => (list.data?.more ? `超过 ${t} 件，请细化检索词` : `共 ${t} 件`) }}
        locale={{ emptyText: '没有符合条件的现行有效文件' }}
        renderItem={(d) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/public/normative/${d.id}`} data-testid={`catalogue-item-${d.id}`}>{d.title}</Link>}
              description={
                <Space wrap>
                  <Tag color="red">{d.reg_number}</Tag>
                  <span>{d.issuer_name}</span>
                  <Typography.Text type="secondary">{DOC_TYPES[d.doc_type]} · {d.published_on} 公布 · {d.effective_on} 施行 · {d.expires_on ? `有效期至 ${d.expires_on}` : '不设有效期'}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
