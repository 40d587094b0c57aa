import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { STATUS, type DocumentRow } from '../api';
import { ExpiryTag, StatusTag } from '../components';
import { NewDocumentModal } from '../NewDocumentModal';

export function DocumentsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['normative', 'documents', status, q], queryFn: () => get<DocumentRow[]>(`/api/normative/documents${qs({ status, q, limit: 200 })}`) });
  return (
    <PageContainer
      title="规范性文件"
      extra={can('normative.draft') && <Button data-testid="doc-create" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>起草文件</Button>}
    >
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search placeholder="按标题查找" allowClear onSearch={(v) => setQ(v || undefined)} style={{ width: 260 }} />
          <Select allowClear placeholder="状态" style={{ width: 160 }} onChange={setStatus} options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text }))} />
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data}
          onRow={(r) => ({ onClick: () => navigate(`/normative/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '标题', dataIndex: 'title', render: (v, r) => <span data-testid={`doc-row-${r.id}`}>{v}{r.provisional && <Tag style={{ marginLeft: 8 }}>暂行/试行</Tag>}</span> },
            { title: '状态', dataIndex: 'status', width: 130, render: (v) => <StatusTag status={v} /> },
            { title: '登记编号', dataIndex: 'reg_number', width: 190 },
            { title: '制定机关', dataIndex: 'issuer_name', width: 180 },
            { title: '起草单位', dataIndex: 'drafting_org_name', width: 180 },
            { title: '有效期至', dataIndex: 'expires_on', width: 150, render: (v, r) => (r.published_on ? <>{v ?? '不设有效期'} <ExpiryTag expiresOn={v} /></> : '') },
          ]}
        />
      </Card>
      <NewDocumentModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
