import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Space, Tag, Timeline, Typography, message } from 'antd';
import { PageContainer } from '@ant-design/pro-components';
import { get, patch, problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { ProcedurePanel, basisText } from '../../../core/ProcedurePanel';
import { DOC_TYPES, IN_FORCE, OUTCOMES, type DocumentDetail } from '../api';
import { ExpiryTag, FlaggedText, StatusTag } from '../components';
import { stepFields } from '../detail/stepFields';
import { CommentsCard } from '../detail/CommentsCard';
import { ConsultationsCard } from '../detail/ConsultationsCard';
import { FilingCard } from '../detail/FilingCard';
import { EvaluationsCard } from '../detail/EvaluationsCard';

function EditDraft({ doc, onClose }: { doc?: DocumentDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    try {
      await patch(`/api/normative/documents/${doc!.id}`, { version: doc!.version, title: v.title, body: v.body });
      message.success('已保存');
      await qc.invalidateQueries({ queryKey: ['normative'] });
      onClose();
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <Modal title="修改草稿" open={!!doc} onOk={save} onCancel={onClose} width={760} destroyOnHidden>
      {doc && (
        <Form form={form} layout="vertical" initialValues={{ title: doc.title, body: doc.body }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 4 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label="正文" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={16} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export function DocumentDetailPage() {
  const id = Number(useParams().id);
  const { can } = useAuth();
  const qc = useQueryClient();
  const [active, setActive] = useState<number>();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['normative', 'document', id], queryFn: () => get<DocumentDetail>(`/api/normative/documents/${id}`) });
  const d = q.data;
  if (q.error) return <PageContainer title="规范性文件"><ErrorAlert error={q.error} /></PageContainer>;
  if (!d) return <PageContainer title="规范性文件" loading />;
  const warnings = d.flags.filter((f) => f.severity === 'warning').length;
  return (
    <PageContainer title={d.title} subTitle={<Space><StatusTag status={d.status} />{d.reg_number && <Tag color="red" data-testid="doc-reg-number">{d.reg_number}</Tag>}</Space>}>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            title="正文"
            extra={d.status === 'drafting' && can('normative.draft') && <Button onClick={() => setEditing(true)}>修改草稿</Button>}
          >
            <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="制定机关">{d.issuer_name}</Descriptions.Item>
              <Descriptions.Item label="起草单位">{d.drafting_org_name}</Descriptions.Item>
              <Descriptions.Item label="类型">{DOC_TYPES[d.doc_type]}{d.provisional ? '（暂行/试行）' : ''}</Descriptions.Item>
              <Descriptions.Item label="涉及权利义务">{d.affects_rights ? '是（须征求意见）' : '否'}</Descriptions.Item>
              {d.comment_until && <Descriptions.Item label="征求意见期">{d.comment_from} 至 {d.comment_until}</Descriptions.Item>}
              {d.published_on && <Descriptions.Item label="公布 / 施行">{d.published_on} / {d.effective_on}</Descriptions.Item>}
              {d.published_on && (
                <Descriptions.Item label="有效期至">
                  <span data-testid="doc-expires-on">{d.expires_on ?? '不设有效期'}</span>
                  {IN_FORCE.includes(d.status) && <ExpiryTag expiresOn={d.expires_on} tiers={false} testId="doc-expiry-tag" />}
                </Descriptions.Item>
              )}
              {d.replaces_id && (
                <Descriptions.Item label="替代文件">
                  <Link to={`/normative/${d.replaces_id}`}>经评估重新制定，替代原文件</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="制定依据" span="filled">{d.legal_bases.join('；') || '—'}</Descriptions.Item>
            </Descriptions>
            <FlaggedText body={d.body} flags={d.flags} active={active} />
          </Card>
          <CommentsCard doc={d} />
          <ConsultationsCard doc={d} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={<Space>合法性审查辅助<Tag color={warnings ? 'orange' : 'green'} data-testid="flag-count">{warnings} 处风险提示</Tag></Space>} size="small" style={{ marginBottom: 16 }}>
            {d.flags.length ? (
              <List
                size="small"
                dataSource={d.flags}
                renderItem={(f, i) => (
                  <List.Item onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(undefined)}>
                    <div>
                      <Tag color={f.severity === 'warning' ? 'orange' : 'blue'}>{f.name}</Tag>“{f.match}”
                      <div style={{ color: '#666', fontSize: 12 }}>{f.advice}</div>
                      <div style={{ color: '#999', fontSize: 12 }}>依据：{basisText(f.basis)}</div>
                    </div>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description="未发现风险条款（仍须人工审查）" />
            )}
          </Card>
          {d.instance_id && (
            <ProcedurePanel id={d.instance_id} dataFields={stepFields(d)} onChanged={() => void qc.invalidateQueries({ queryKey: ['normative'] })} />
          )}
          {(d.reviews.length > 0 || d.decisions.length > 0) && (
            <Card title="审查与决定" size="small" style={{ marginTop: 16 }}>
              <Timeline
                items={[
                  ...d.reviews.map((r) => ({ color: r.outcome === 'fail' ? 'red' : 'green', children: <><b>合法性审查：{OUTCOMES[r.outcome]}</b> · {r.reviewer_name} · {new Date(r.at).toLocaleDateString('zh-CN')}<div>{r.opinion}</div></> })),
                  ...d.decisions.map((x) => ({ color: 'blue', children: <><b>{x.meeting}</b> · {x.meeting_date}<div>{x.decision}</div></> })),
                ]}
              />
            </Card>
          )}
          <FilingCard filing={d.filing} />
          <EvaluationsCard doc={d} />
          {d.status === 'published' && <Alert style={{ marginTop: 16 }} type="warning" showIcon message="已公布，请在备案期限内报送上级机关备案（期限见“期限”一栏，逾期在电子监察中亮红灯）" />}
          <Typography.Paragraph />
        </Col>
      </Row>
      <EditDraft doc={editing ? d : undefined} onClose={() => setEditing(false)} />
    </PageContainer>
  );
}
