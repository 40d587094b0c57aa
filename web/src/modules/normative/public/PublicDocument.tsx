import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { get } from '../../../core/api';
import { ErrorAlert } from '../../../core/components';
import { DOC_TYPES } from '../api';

const EVENTS: Record<string, string> = {
  import: '由原登记簿导入',
  publish: '统一登记编号并公布',
  file: '报送备案',
  approve_filing: '通过备案审查',
  order_correction: '备案审查责令限期纠正',
  report_correction: '报送纠正情况',
  revoke: '撤销',
  abolish: '废止',
  expire: '有效期届满失效',
  replace: '经评估重新制定发布，原文件废止',
  cleanup_abolish: '清理决定废止',
  cleanup_invalid: '清理宣布失效',
};

export function PublicDocumentPage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['public-document', id], queryFn: () => get<any>(`/api/public/normative/documents/${id}`) });
  const d = q.data;
  return (
    <Card
      title={d?.title ?? '规范性文件'}
      extra={
        <Space>
          {d?.published_on && (
            <Link to={`/public/normative/suggestions?documentId=${id}`} data-testid="public-doc-suggest">
              对本文件提出审查建议
            </Link>
          )}
          <Link to="/public/normative">返回目录</Link>
        </Space>
      }
      loading={q.isLoading}
    >
      <ErrorAlert error={q.error} />
      {d && (
        <>
          {!d.valid && <Alert type="warning" showIcon message="本文件已失效或已废止，不得作为行政管理的依据" style={{ marginBottom: 16 }} />}
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="登记编号"><Tag color="red">{d.reg_number}</Tag></Descriptions.Item>
            <Descriptions.Item label="制定机关">{d.issuer_name}</Descriptions.Item>
            <Descriptions.Item label="类型">{DOC_TYPES[d.doc_type]}</Descriptions.Item>
            <Descriptions.Item label="公布 / 施行">{d.published_on} / {d.effective_on}</Descriptions.Item>
            <Descriptions.Item label="有效期至">{d.expires_on ?? '不设有效期'}</Descriptions.Item>
            <Descriptions.Item label="制定依据">{(d.legal_bases ?? []).join('；') || '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15 }} data-testid="public-doc-body">{d.body}</Typography.Paragraph>
          <Timeline items={(d.history ?? []).map((h: any) => ({ children: `${new Date(h.at).toLocaleDateString('zh-CN')} ${EVENTS[h.transition] ?? h.transition}` }))} />
        </>
      )}
    </Card>
  );
}
