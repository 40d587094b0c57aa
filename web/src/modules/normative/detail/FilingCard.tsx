import { Card, Descriptions, Tag, Typography } from 'antd';
import { FILING_OUTCOMES, type Filing } from '../api';

const OUTCOME_COLORS: Record<string, string> = { approved: 'green', correction: 'orange', revoked: 'red' };

/** 备案与审查: where and when the document was filed and what the filing review found. */
export function FilingCard({ filing }: { filing: Filing | null }) {
  if (!filing) return null;
  return (
    <Card title="备案与审查" size="small" style={{ marginTop: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="接受备案机关">{filing.filed_to_name}</Descriptions.Item>
        <Descriptions.Item label="报送日期">
          {filing.filed_on}
          <Tag color={filing.on_time ? 'green' : 'red'} style={{ marginLeft: 8 }} data-testid="filing-on-time">{filing.on_time ? '按时' : '逾期'}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="报备期限">{filing.due_on}</Descriptions.Item>
        <Descriptions.Item label="审查结论">
          {filing.outcome ? <Tag color={OUTCOME_COLORS[filing.outcome]} data-testid="filing-outcome">{FILING_OUTCOMES[filing.outcome]}</Tag> : <Tag data-testid="filing-outcome">{filing.corrected_on ? '已报送纠正情况，待审查' : '待审查'}</Tag>}
          {filing.reviewed_on && <Typography.Text type="secondary">{filing.reviewed_on}</Typography.Text>}
        </Descriptions.Item>
        {filing.opinion && <Descriptions.Item label="审查意见">{filing.opinion}</Descriptions.Item>}
        {filing.correction_due && <Descriptions.Item label="纠正期限">{filing.correction_due}</Descriptions.Item>}
        {filing.corrected_on && <Descriptions.Item label="报送纠正">{filing.corrected_on}{filing.correction_note ? `：${filing.correction_note}` : ''}</Descriptions.Item>}
      </Descriptions>
      <details>
        <summary style={{ cursor: 'pointer', color: '#888' }}>备案报告与起草说明</summary>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{filing.report}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{filing.explanation}</Typography.Paragraph>
      </details>
    </Card>
  );
}
