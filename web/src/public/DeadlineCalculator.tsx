import { Card, Typography } from 'antd';
import { DeadlineCalculator } from '../core/pages/Calendar';

export function DeadlineCalculatorPage() {
  return (
    <Card title="法定期限计算">
      <Typography.Paragraph type="secondary">
        输入起算日与期间，按国务院办公厅公布的节假日安排计算期限的最后一日。起算日不计入；期间最后一日是法定休假日的，顺延至休假日结束的次日（《中华人民共和国民法典》第二百零一条、第二百零三条）。
      </Typography.Paragraph>
      <DeadlineCalculator />
    </Card>
  );
}
