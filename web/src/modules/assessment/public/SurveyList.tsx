import { Link } from 'react-router-dom';
import { Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { ErrorAlert } from '../../../core/components';
import { usePublicSurveys } from '../surveys-api';
import { CodeEntry } from './SurveyAnswer';

/** 满意度调查 on the portal: the public surveys taking answers, and answering with a code from a card. */
export function PublicSurveysPage() {
  const q = usePublicSurveys();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title="法治政府建设满意度调查">
        <Typography.Paragraph type="secondary">
          政府法制机构组织人大代表、政协委员、企业和社会公众对各单位依法行政工作进行满意度测评。答卷匿名，每个答卷码只能答一次。
        </Typography.Paragraph>
        <ErrorAlert error={q.error} />
        {q.isLoading ? (
          <Spin />
        ) : q.data?.length ? (
          <Row gutter={[16, 16]}>
            {q.data.map((s) => (
              <Col xs={24} md={12} key={s.id}>
                <Link to={`/public/assessment/surveys/${s.id}`} data-testid={`public-survey-${s.id}`}>
                  <Card hoverable title={s.title} size="small">
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                      {s.organiser} · 截至 {s.closes_on}
                    </Typography.Paragraph>
                    {s.intro && <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{s.intro}</Typography.Paragraph>}
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        ) : (
          <Empty description="目前没有公开进行的满意度调查" />
        )}
      </Card>
      <Card title="凭答卷码答卷">
        <Typography.Paragraph type="secondary">收到评估卡或答卷通知的，请输入上面的答卷码（也可直接打开通知中的链接）。</Typography.Paragraph>
        <CodeEntry />
      </Card>
    </Space>
  );
}
