import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Calendar, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Tag, Typography, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { del, get, post, problemText, put, qs } from '../api';
import { useAuth } from '../auth';
import { ErrorAlert } from '../components';

interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: string;
}
interface YearView {
  year: number;
  loaded: boolean;
  loadedYears: number[];
  days: CalendarDay[];
}
export interface DeadlineAnswer {
  from: string;
  days: number;
  unit: string;
  due: string;
  provisional: boolean;
  rolledForwardFrom?: string;
  basis: string;
}

/** The deadline calculator, shared by this page and the public portal (same public API). */
export function DeadlineCalculator() {
  const [answer, setAnswer] = useState<DeadlineAnswer>();
  const [error, setError] = useState<unknown>();
  const submit = async (v: { from: string; days: number; unit: string }) => {
    setError(undefined);
    try {
      setAnswer(await get<DeadlineAnswer>(`/api/calendar/deadline${qs(v)}`));
    } catch (err) {
      setAnswer(undefined);
      setError(err);
    }
  };
  return (
    <>
      <Form layout="inline" onFinish={submit} initialValues={{ from: dayjs().format('YYYY-MM-DD'), days: 20, unit: 'working' }}>
        <Form.Item name="from" label="起算日" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
          <Input data-testid="calc-from" style={{ width: 130 }} placeholder="2026-09-28" />
        </Form.Item>
        <Form.Item name="days" label="期间" rules={[{ required: true }]}>
          <InputNumber data-testid="calc-days" min={0} max={3650} />
        </Form.Item>
        <Form.Item name="unit">
          <Select style={{ width: 100 }} options={[{ value: 'working', label: '工作日' }, { value: 'calendar', label: '日' }, { value: 'month', label: '月' }]} />
        </Form.Item>
        <Button data-testid="calc-submit" type="primary" htmlType="submit">
          计算
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {answer && (
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="期限届满日">
              <Typography.Text strong data-testid="calc-due">{answer.due}</Typography.Text> {answer.provisional && <Tag color="orange">暂定：该年度节假日安排尚未载入</Tag>}
            </Descriptions.Item>
            {answer.rolledForwardFrom && <Descriptions.Item label="顺延">原届满日 {answer.rolledForwardFrom} 为法定休假日，顺延至其后第一个工作日</Descriptions.Item>}
            <Descriptions.Item label="计算规则">{answer.basis}</Descriptions.Item>
          </Descriptions>
        )}
      </div>
    </>
  );
}

/** Reads a holiday arrangement file (JSON, CSV or .ics) and sends its text to the import API. */
function ImportButton({ onDone }: { onDone: () => void }) {
  const [result, setResult] = useState<string>();
  return (
    <Space direction="vertical">
      <Upload
        accept=".json,.csv,.ics,.txt"
        showUploadList={false}
        beforeUpload={async (file) => {
          try {
            const r = await post<{ years: number[]; days: number }>('/api/calendar/import', { filename: file.name, content: await file.text() });
            setResult(`已导入 ${r.years.join('、')} 年，共 ${r.days} 个节假日与调休上班日`);
            onDone();
          } catch (err) {
            setResult(undefined);
            message.error(problemText(err), 8);
          }
          return false;
        }}
      >
        <Button data-testid="cal-import" icon={<UploadOutlined />}>导入国务院节假日安排（JSON / CSV / iCalendar）</Button>
      </Upload>
      {result && <Alert type="success" showIcon message={result} />}
    </Space>
  );
}

export function CalendarPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<Dayjs>(dayjs());
  const [name, setName] = useState('');
  const year = selected.year();
  const view = useQuery({ queryKey: ['calendar', year], queryFn: () => get<YearView>(`/api/calendar/days?year=${year}`) });
  const byDate = new Map((view.data?.days ?? []).map((d) => [d.date, d]));
  const date = selected.format('YYYY-MM-DD');
  const current = byDate.get(date);
  const refresh = () => qc.invalidateQueries({ queryKey: ['calendar'] });
  const change = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      setName('');
      await refresh();
    } catch (err) {
      message.error(problemText(err));
    }
  };
  return (
    <PageContainer title="法定日历" subTitle="国务院办公厅节假日安排：休（法定节假日）与班（调休上班日）">
      <ErrorAlert error={view.error} />
      {view.data && !view.data.loaded && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`${year} 年的节假日安排尚未载入：按周末计算，期限标为“暂定”。已载入：${view.data.loadedYears.at(0)}–${view.data.loadedYears.at(-1)}`} />}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            <Calendar
              value={selected}
              onSelect={(d) => setSelected(d)}
              cellRender={(d, info) => {
                if (info.type !== 'date') return info.originNode;
                const key = d.format('YYYY-MM-DD');
                const e = byDate.get(key);
                const weekend = d.day() === 0 || d.day() === 6;
                return (
                  <div data-testid={`cal-day-${key}`} style={{ minHeight: 40 }}>
                    {e?.kind === 'holiday' && <Tag color="red">休 {e.name}</Tag>}
                    {e?.kind === 'workday' && <Tag color="blue">班 {e.name}</Tag>}
                    {!e && weekend && <Typography.Text type="secondary">周末</Typography.Text>}
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={`${date}（${['日', '一', '二', '三', '四', '五', '六'][selected.day()]}）`}>
            <p>
              {current ? (
                <>
                  {current.kind === 'holiday' ? <Tag color="red">休</Tag> : <Tag color="blue">班</Tag>}
                  {current.name} <Typography.Text type="secondary">来源：{current.source}</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">普通日（按周末规则：{selected.day() === 0 || selected.day() === 6 ? '休息日' : '工作日'}）</Typography.Text>
              )}
            </p>
            {can('calendar.manage') && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input placeholder="名称（如：国庆节）" value={name} onChange={(e) => setName(e.target.value)} maxLength={30} />
                <Space wrap>
                  <Button data-testid="cal-set-holiday" danger onClick={() => change(() => put(`/api/calendar/days/${date}`, { kind: 'holiday', ...(name ? { name } : {}) }), `${date} 已标为节假日`)}>
                    标为节假日（休）
                  </Button>
                  <Button data-testid="cal-set-workday" onClick={() => change(() => put(`/api/calendar/days/${date}`, { kind: 'workday', ...(name ? { name } : {}) }), `${date} 已标为调休上班日`)}>
                    标为上班日（班）
                  </Button>
                  <Button data-testid="cal-clear" disabled={!current} onClick={() => change(() => del(`/api/calendar/days/${date}`), `${date} 已恢复为普通日`)}>
                    恢复普通日
                  </Button>
                </Space>
                <ImportButton onDone={refresh} />
              </Space>
            )}
          </Card>
          <Card title="法定期限计算" style={{ marginTop: 16 }}>
            <DeadlineCalculator />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
