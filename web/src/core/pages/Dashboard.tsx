import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Empty, Form, Input, List, Modal, Row, Segmented, Space, Statistic, Tag, Typography, message } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get, post, problemText, qs } from '../api';
import { useAuth } from '../auth';
import { DeadlineTable, ErrorAlert, LightsByModuleChart, type DeadlineList } from '../components';
import { NOTICE_LEVELS } from '../labels';
import { moduleName } from '../modules';

interface Notice {
  id: number;
  level: string;
  message: string;
  issued_at: string;
  acknowledged_at: string | null;
  ack_note: string | null;
  deadline_title: string;
  due_date: string;
  issued_by_name: string;
}

/** 督办 received: the recipient signs for it with a written response. */
function NoticesCard() {
  const qc = useQueryClient();
  const notices = useQuery({ queryKey: ['notices', 'mine'], queryFn: () => get<Notice[]>('/api/supervision/notices?view=mine') });
  const [acking, setAcking] = useState<Notice>();
  const [form] = Form.useForm();
  const ack = async () => {
    const v = await form.validateFields();
    try {
      await post(`/api/supervision/notices/${acking!.id}/ack`, { note: v.note });
      message.success('已签收');
      setAcking(undefined);
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['notices'] });
      await qc.invalidateQueries({ queryKey: ['my-deadlines'] });
    } catch (err) {
      message.error(problemText(err));
    }
  };
  const open = (notices.data ?? []).filter((n) => !n.acknowledged_at).length;
  return (
    <Card title={<Space>督办通知<Badge count={open} /></Space>} style={{ marginTop: 16 }}>
      <ErrorAlert error={notices.error} />
      <List
        loading={notices.isLoading}
        dataSource={notices.data ?? []}
        locale={{ emptyText: <Empty description="没有督办通知" /> }}
        renderItem={(n) => (
          <List.Item
            actions={[
              n.acknowledged_at ? (
                <Tag key="done" color="green">已签收</Tag>
              ) : (
                <Button key="ack" data-testid={`notice-ack-${n.id}`} type="primary" size="small" onClick={() => setAcking(n)}>
                  签收反馈
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={<Space><Tag color="volcano">{NOTICE_LEVELS[n.level] ?? n.level}</Tag>{n.deadline_title}</Space>}
              description={
                <>
                  <div>{n.message}</div>
                  <Typography.Text type="secondary">
                    {n.issued_by_name} · {new Date(n.issued_at).toLocaleString('zh-CN')} · 期限 {n.due_date}
                    {n.ack_note ? ` · 反馈：${n.ack_note}` : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal title="签收督办并反馈" open={!!acking} onOk={ack} onCancel={() => setAcking(undefined)} okText="签收" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="办理情况反馈" rules={[{ required: true, min: 2, message: '请填写办理情况（至少 2 字）' }]}>
            <Input.TextArea data-testid="notice-ack-note" rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

export function DashboardPage() {
  const { me } = useAuth();
  const [status, setStatus] = useState<string>('all');
  const list = useQuery({
    queryKey: ['my-deadlines', status],
    queryFn: () => get<DeadlineList>(`/api/supervision/my${qs({ status: status === 'all' ? undefined : status, limit: 500 })}`),
  });
  const c = list.data?.counts;
  return (
    <PageContainer title="我的待办" subTitle={`${me?.user.displayName}，今天是 ${list.data?.today ?? ''}`}>
      <ErrorAlert error={list.error} />
      <Row gutter={16}>
        {(
          [
            ['red', '红灯 · 已超期', '#cf1322'],
            ['yellow', '黄灯 · 临近期限', '#d48806'],
            ['normal', '正常', '#389e0d'],
          ] as const
        ).map(([key, title, color]) => (
          <Col span={8} key={key}>
            <Card hoverable onClick={() => setStatus(key)}>
              <Statistic title={title} value={c?.[key] ?? 0} valueStyle={{ color }} valueRender={(v) => <span data-testid={`count-${key}`}>{v}</span>} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card
            title="未办结期限（按紧急程度排序）"
            extra={
              <Segmented
                value={status}
                onChange={(v) => setStatus(String(v))}
                options={[
                  { value: 'all', label: '全部' },
                  { value: 'red', label: '红灯' },
                  { value: 'yellow', label: '黄灯' },
                  { value: 'normal', label: '正常' },
                ]}
              />
            }
          >
            <DeadlineTable data={list.data?.items} loading={list.isLoading} moduleName={moduleName} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title="各业务红黄灯">
            {list.data?.byModule.length ? <LightsByModuleChart rows={list.data.byModule} moduleName={moduleName} /> : <Empty description="没有未办结的期限" />}
          </Card>
          <NoticesCard />
        </Col>
      </Row>
    </PageContainer>
  );
}
