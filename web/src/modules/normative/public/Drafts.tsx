import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import type { PublicDraftRow } from '../api';

/** 草案征求意见: drafts open for public comment today. */
export function DraftsPage() {
  const list = useQuery({ queryKey: ['public-drafts'], queryFn: () => get<PublicDraftRow[]>('/api/public/normative/drafts') });
  return (
    <Card title="规范性文件草案公开征求意见" extra={<Link to="/public/normative">现行有效文件目录</Link>}>
      <Typography.Paragraph type="secondary">
        以下草案正在公开征求意见。您可以打开草案，对任一段落提出意见；起草单位将逐条答复并公开答复情况。
      </Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <List
        loading={list.isLoading}
        dataSource={list.data}
        locale={{ emptyText: '目前没有正在征求意见的草案' }}
        renderItem={(d) => (
          <List.Item extra={<Tag color="cyan">{d.comment_count} 条意见</Tag>}>
            <List.Item.Meta
              title={<Link to={`/public/normative/drafts/${d.id}`} data-testid={`draft-item-${d.id}`}>{d.title}</Link>}
              description={
                <Space wrap>
                  <span>{d.issuer_name}</span>
                  {d.drafting_org_name !== d.issuer_name && <Typography.Text type="secondary">起草单位：{d.drafting_org_name}</Typography.Text>}
                  <Typography.Text type="secondary">征求意见期：{d.comment_from} 至 {d.comment_until}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
