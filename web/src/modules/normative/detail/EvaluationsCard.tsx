import { useState } from 'react';
import { Button, Card, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useAuth } from '../../../core/auth';
import { CONCLUSIONS, IN_FORCE, type DocumentDetail } from '../api';
import { NewDocumentModal, type DraftSeed } from '../NewDocumentModal';
import { useSubmit } from '../useSubmit';

const COLORS: Record<string, string> = { continue: 'green', revise: 'blue', abolish: 'red' };

function EvaluationForm({ doc }: { doc: DocumentDetail }) {
  const [form] = Form.useForm();
  const { busy, submit: send } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    if (await send(`/api/normative/documents/${doc.id}/evaluations`, { conclusion: v.conclusion, report: v.report.trim() }, '已记录评估结论')) form.resetFields();
  };
  return (
    <Form form={form} layout="vertical" style={{ marginTop: 8 }}>
      <Form.Item name="conclusion" label="评估结论" rules={[{ required: true, message: '请选择评估结论' }]}>
        <Radio.Group data-testid="evaluation-conclusion" options={Object.entries(CONCLUSIONS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="report" label="评估报告" rules={[{ required: true, whitespace: true, message: '请填写评估报告' }, { max: 20000 }]}>
        <Input.TextArea data-testid="evaluation-report" rows={4} placeholder="实施情况、存在问题、是否继续实施的理由" />
      </Form.Item>
      <Button data-testid="evaluation-submit" type="primary" loading={busy} onClick={submit}>
        提交评估
      </Button>
    </Form>
  );
}

/**
 * 施行后评估: the evaluations so far and, while the document is in force, a new one. When
 * an evaluation concludes 继续实施, the document is re-issued as a new draft replacing it.
 */
export function EvaluationsCard({ doc }: { doc: DocumentDetail }) {
  const { can } = useAuth();
  const [seed, setSeed] = useState<DraftSeed>();
  const inForce = IN_FORCE.includes(doc.status);
  if (!inForce && !doc.evaluations.length) return null;
  const canDraft = can('normative.draft');
  const reissue = () =>
    setSeed({
      replacesId: doc.id,
      replacesTitle: doc.title,
      issuerOrgId: doc.issuer_org_id,
      title: doc.title,
      body: doc.body,
      legalBases: doc.legal_bases,
      affectsRights: doc.affects_rights,
      consultedOrgIds: doc.consulted_org_ids ?? [],
    });
  return (
    <Card title="施行后评估" size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={doc.evaluations}
        locale={{ emptyText: '尚未评估' }}
        renderItem={(e) => (
          <List.Item
            data-testid={`evaluation-${e.id}`}
            actions={
              e.conclusion === 'continue' && inForce && canDraft
                ? [<Button key="reissue" size="small" type="primary" data-testid={`evaluation-reissue-${e.id}`} onClick={reissue}>重新制定发布</Button>]
                : []
            }
          >
            <div>
              <Tag color={COLORS[e.conclusion]}>{CONCLUSIONS[e.conclusion]}</Tag>
              <Typography.Text type="secondary">{e.evaluated_on}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{e.report}</div>
            </div>
          </List.Item>
        )}
      />
      {inForce && canDraft && <EvaluationForm doc={doc} />}
      <NewDocumentModal open={!!seed} seed={seed} onClose={() => setSeed(undefined)} />
    </Card>
  );
}
