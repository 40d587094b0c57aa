import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { POWER_TYPE_LABELS, SUBJECT_KIND_LABELS, bandRange, type PublicPower, type PublicSubject } from '../api';

/** 行政执法公示（事前公开）: the announced subjects; one chosen shows its powers and benchmarks. */
export function PublicSubjectsPage() {
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const subjects = useQuery({ queryKey: ['public-enforcement', 'subjects'], queryFn: () => get<PublicSubject[]>('/api/public/enforcement/subjects') });
  const powers = useQuery({ queryKey: ['public-enforcement', 'powers', orgId], enabled: !!orgId, queryFn: () => get<PublicPower[]>(`/api/public/enforcement/powers?orgId=${orgId}`) });
  const chosen = subjects.data?.find((s) => s.org_id === orgId);
  return (
    <>
      <Card
        title="行政执法公示"
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            <Link to="/public/enforcement/officers">执法人员身份查询</Link>
            <Link to="/public/enforcement/decisions">执法决定公示</Link>
            <Link to="/public/enforcement/procedure">办理流程</Link>
            <Link to="/public/enforcement/evaluations">案卷评查结果</Link>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">经确认并公告的行政执法主体，及其权责清单、行政处罚裁量基准。点击执法主体查看其职权。</Typography.Paragraph>
        <ErrorAlert error={subjects.error} />
        <List
          loading={subjects.isLoading}
          dataSource={subjects.data}
          grid={{ gutter: 12, xs: 1, md: 2, lg: 3 }}
          locale={{ emptyText: '尚未公告行政执法主体' }}
          renderItem={(s) => (
            <List.Item>
              <Card
                size="small"
                hoverable
                data-testid={`public-subject-${s.org_id}`}
                onClick={() => setParams({ orgId: String(s.org_id) })}
                style={s.org_id === orgId ? { borderColor: '#c41d1d' } : undefined}
                title={s.org_name}
              >
                <Space wrap size={4}>
                  <Tag color="red">{SUBJECT_KIND_LABELS[s.kind]}</Tag>
                  {s.domains.map((d) => <Tag key={d}>{d}</Tag>)}
                </Space>
                <div style={{ marginTop: 8, color: '#666', fontSize: 12 }}>
                  公开职权 {Number(s.power_count)} 项 · 持证执法人员 {Number(s.officer_count)} 名
                </div>
              </Card>
            </List.Item>
          )}
        />
      </Card>
      {orgId && (
        <Card title={chosen ? `${chosen.org_name}：权责清单与裁量基准` : '权责清单与裁量基准'} loading={powers.isLoading}>
          {chosen && (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="主体类型">{SUBJECT_KIND_LABELS[chosen.kind]}</Descriptions.Item>
              <Descriptions.Item label="执法依据">{chosen.legal_basis}</Descriptions.Item>
              <Descriptions.Item label="公告">{chosen.announced_on} {chosen.announcement}</Descriptions.Item>
              {chosen.entrusted_by_name && (
                <Descriptions.Item label="委托">
                  {chosen.entrusted_by_name} 委托：{chosen.entrustment_scope}（至 {chosen.entrustment_until}）
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <ErrorAlert error={powers.error} />
          {powers.data && powers.data.length === 0 ? (
            <Empty description="该主体尚未公开职权" />
          ) : (
            <Table
              rowKey="id"
              size="small"
              data-testid="public-powers"
              dataSource={powers.data}
              pagination={{ pageSize: 30, hideOnSinglePage: true }}
              expandable={{
                defaultExpandAllRows: false,
                rowExpandable: (p) => p.benchmarks.length > 0 || p.responsibility_items.length > 0,
                expandedRowRender: (p) => (
                  <Row gutter={16}>
                    {p.benchmarks.length > 0 && (
                      <Col xs={24} lg={14}>
                        <Typography.Text strong>行政处罚裁量基准</Typography.Text>
                        <Table
                          rowKey={(b) => `${b.band}-${b.circumstances}`}
                          size="small"
                          pagination={false}
                          dataSource={p.benchmarks}
                          columns={[
                            { title: '档次', dataIndex: 'band', width: 70 },
                            { title: '违法情节', dataIndex: 'circumstances' },
                            { title: '罚款幅度', width: 130, render: (_, b) => bandRange(b) },
                            { title: '其他处罚', dataIndex: 'other_penalties', width: 160 },
                          ]}
                        />
                      </Col>
                    )}
                    {p.responsibility_items.length > 0 && (
                      <Col xs={24} lg={10}>
                        <Typography.Text strong>责任事项</Typography.Text>
                        <ol>{p.responsibility_items.map((x) => <li key={x}>{x}</li>)}</ol>
                      </Col>
                    )}
                  </Row>
                ),
              }}
              columns={[
                { title: '编码', dataIndex: 'code', width: 110 },
                { title: '事项名称', dataIndex: 'name' },
                { title: '类型', dataIndex: 'power_type', width: 90, render: (v) => POWER_TYPE_LABELS[v as keyof typeof POWER_TYPE_LABELS] },
                { title: '设定依据', dataIndex: 'legal_basis', width: 260 },
                { title: '承办机构', dataIndex: 'internal_unit', width: 160 },
              ]}
            />
          )}
        </Card>
      )}
    </>
  );
}
