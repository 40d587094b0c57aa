import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../../../core/FormModal';
import { useSubmit, useWhitePapers, type WhitePaperRow } from '../api';
import { DateField, OrgField, today } from '../components';

/** The duties and the targets with their reported completion (also the portal's body). */
export function PaperBody({ w }: { w: Pick<WhitePaperRow, 'duties' | 'targets' | 'completion' | 'completion_published_on'> }) {
  return (
    <div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        <Typography.Text strong>部门职责：</Typography.Text>
        {w.duties}
      </Typography.Paragraph>
      <List
        size="small"
        header={<Typography.Text strong>年度工作目标{w.completion_published_on && `（${w.completion_published_on}通报完成情况）`}</Typography.Text>}
        dataSource={w.targets.map((t, i) => ({ t, c: w.completion?.[i] }))}
        renderItem={({ t, c }, i) => (
          <List.Item data-testid={`paper-target-${i}`}>
            <Space direction="vertical" size={0}>
              <span>{i + 1}. {t}</span>
              {c && (
                <span>
                  <Tag color={c.done ? 'green' : 'red'}>{c.done ? '已完成' : '未完成'}</Tag>
                  {c.result}
                </span>
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

const doneCount = (w: WhitePaperRow) => w.completion?.filter((c) => c.done).length ?? 0;

/** 部门责任白皮书 (seed 004 #7): duties and targets published early in the year, completion reported at its end. */
export function WhitePapersPage() {
  const { can } = useAuth();
  const { submit } = useSubmit();
  const q = useWhitePapers();
  const [drafting, setDrafting] = useState(false);
  const [publishing, setPublishing] = useState<WhitePaperRow>();
  const [reporting, setReporting] = useState<WhitePaperRow>();
  const manage = can('plans.manage');
  return (
    <PageContainer
      title="部门责任白皮书"
      subTitle="年初向社会公布部门职责、工作目标，年底将完成情况通过有关媒体向社会通报"
      extra={manage && <Button type="primary" icon={<PlusOutlined />} data-testid="paper-create" onClick={() => setDrafting(true)}>起草</Button>}
    >
      <Card>
        <ErrorAlert error={q.error} />
        <Table<WhitePaperRow>
          rowKey="id"
          loading={q.isLoading}
          dataSource={q.data}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: '没有白皮书' }}
          onRow={(r) => ({ 'data-testid': `paper-row-${r.id}` }) as object}
          expandable={{ expandedRowRender: (w) => <PaperBody w={w} /> }}
          columns={[
            { title: '部门', dataIndex: 'org_name' },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '年度工作目标', dataIndex: 'targets', width: 120, render: (v: string[]) => `${v.length} 项` },
            { title: '公布', dataIndex: 'published_on', width: 130, render: (v) => (v ? <Tag color="green">{v} 公布</Tag> : <Tag>未公布</Tag>) },
            { title: '完成情况', width: 150, render: (_, w) => (w.completion_published_on ? `${doneCount(w)}/${w.targets.length} 完成` : <Tag>未通报</Tag>) },
            {
              title: '',
              width: 130,
              render: (_, w) =>
                (w.abilities.publish || w.abilities.complete) &&
                (w.abilities.publish ? (
                  <Button size="small" data-testid={`paper-publish-${w.id}`} onClick={() => setPublishing(w)}>公布</Button>
                ) : w.abilities.complete ? (
                  <Button size="small" data-testid={`paper-completion-${w.id}`} onClick={() => setReporting(w)}>通报完成情况</Button>
                ) : null),
            },
          ]}
        />
      </Card>
      <FormModal
        title="起草部门责任白皮书"
        open={drafting}
        onClose={() => setDrafting(false)}
        okTestId="paper-create-ok"
        width={680}
        initialValues={{ year: new Date().getFullYear(), targets: [''] }}
        onSubmit={(v) => submit('/api/plans/white-papers', { ...v, targets: v.targets.map((t: string) => t.trim()) }, '已起草，公布和通报期限纳入督办')}
      >
        <Row gutter={12}>
          <Col span={16}><OrgField name="orgId" label="部门" /></Col>
          <Col span={8}>
            <Form.Item name="year" label="年度" rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} precision={0} data-testid="field-year" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="duties" label="部门职责" rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={4} maxLength={20000} data-testid="field-duties" />
        </Form.Item>
        <Form.Item label="年度工作目标" required>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={f.name} rules={[{ required: true, min: 2, message: '请填写目标' }]} style={{ width: 560 }}>
                      <Input maxLength={500} placeholder={`目标 ${i + 1}`} data-testid={`field-target-${i}`} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {fields.length < 50 && <Button type="dashed" icon={<PlusOutlined />} data-testid="target-add" onClick={() => add('')}>增加目标</Button>}
              </>
            )}
          </Form.List>
        </Form.Item>
      </FormModal>
      <FormModal
        title={`公布：${publishing?.org_name ?? ''}${publishing?.year ?? ''}年度白皮书`}
        open={!!publishing}
        onClose={() => setPublishing(undefined)}
        okTestId="paper-publish-ok"
        initialValues={{ publishedOn: today() }}
        onSubmit={(v) => submit(`/api/plans/white-papers/${publishing!.id}/publish`, { ...v, version: publishing!.version }, '已公布，门户网站可查阅')}
      >
        <DateField name="publishedOn" label="公布日期" required />
      </FormModal>
      <FormModal
        title={`通报完成情况：${reporting?.org_name ?? ''}${reporting?.year ?? ''}年度白皮书`}
        open={!!reporting}
        onClose={() => setReporting(undefined)}
        okTestId="paper-completion-ok"
        width={720}
        initialValues={{ publishedOn: today(), completion: reporting?.targets.map(() => ({ done: true, result: '' })) }}
        onSubmit={(v) => submit(`/api/plans/white-papers/${reporting!.id}/completion`, { ...v, version: reporting!.version }, '已通报完成情况')}
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="年底（12月起）逐项通报年度工作目标的完成情况" />
        <DateField name="publishedOn" label="通报日期" required />
        <Form.List name="completion">
          {(fields) =>
            fields.map((f, i) => (
              <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`${i + 1}. ${reporting?.targets[i] ?? ''}`}>
                <Space align="baseline">
                  <Form.Item name={[f.name, 'done']} valuePropName="checked">
                    <Switch checkedChildren="完成" unCheckedChildren="未完成" data-testid={`completion-${i}-done`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'result']} rules={[{ required: true, min: 2, message: '请填写完成情况' }]} style={{ width: 520 }}>
                    <Input maxLength={2000} placeholder="完成情况" data-testid={`completion-${i}-result`} />
                  </Form.Item>
                </Space>
              </Card>
            ))
          }
        </Form.List>
      </FormModal>
    </PageContainer>
  );
}
