import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { ApiError, get, problemText } from '../../../core/api';
import type { PublicOfficer } from '../api';

/** 执法人员身份查询（事中公示）: anyone checks a certificate by its number. */
export function OfficerCheckPage() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublicOfficer>();
  const [error, setError] = useState<string>();
  const query = async ({ certNo }: { certNo: string }) => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await get<PublicOfficer>(`/api/public/enforcement/officers?certNo=${encodeURIComponent(certNo.trim())}`));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 404 ? '未查到该执法证号。执法证件无法核实的，您有权拒绝接受检查，并可向司法行政部门反映。' : problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="执法人员身份查询" extra={<Link to="/public/enforcement">返回行政执法公示</Link>} style={{ maxWidth: 720 }}>
      <Form layout="inline" onFinish={query} style={{ marginBottom: 16 }}>
        <Form.Item name="certNo" rules={[{ required: true, message: '请输入执法证号' }, { pattern: /^\s*[0-9A-Za-z-]{6,30}\s*$/, message: '执法证号为 6 至 30 位字母、数字或连字符' }]} style={{ flex: 1 }}>
          <Input data-testid="cert-query" placeholder="输入执法证件上的证号，如 JZ99010020001" allowClear />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="cert-submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="warning" showIcon message={error} data-testid="cert-error" />}
      {result && (
        <Card size="small" data-testid="cert-result" title={<>{result.name} {result.valid ? <Tag color="green" data-testid="cert-valid">有效</Tag> : <Tag color="red" data-testid="cert-valid">无效</Tag>}</>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="执法证号">{result.cert_no}</Descriptions.Item>
            <Descriptions.Item label="所在执法主体">{result.org_name}</Descriptions.Item>
            <Descriptions.Item label="执法领域">{result.domains.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="发证机关">{result.cert_issuer ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="有效期">{result.cert_valid_from ?? '—'} 至 {result.cert_valid_until ?? '—'}</Descriptions.Item>
          </Descriptions>
          {!result.valid && <Alert style={{ marginTop: 8 }} type="error" showIcon message="该证件已过期、暂扣或注销，持证人不得从事行政执法。" />}
        </Card>
      )}
    </Card>
  );
}
