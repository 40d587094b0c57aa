import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Input, List, Space, Tag, Typography } from 'antd';
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
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['catalogue', q, page], queryFn: () => get<{ total: number; more: boolean; items: Item[] }>(`/api/public/normative/documents${qs({ q, limit: 20, offset: (page - 1) * 20 })}`) });
  return (
    <Card title="规范性文件目录（现行有效）">
      <Input.Search data-testid="catalogue-search" placeholder="按标题或正文中的词语检索，如：排污口" enterButton="检索" allowClear onSearch={(v) => { setPage(1); setQ(v || undefined); }} style={{ maxWidth: 520, marginBottom: 16 }} />
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
