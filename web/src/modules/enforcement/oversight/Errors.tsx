import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import dayjs from 'dayjs';
import { get, qs } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ErrorAlert } from '../../../core/components';
import { DateItem, FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { ERROR_SITUATIONS, useCaseList, useOfficerList, useRuleValue, yearOptions, type ErrorRecorded, type ErrorRow, type ErrorSituation } from './api';

const SITUATION_INDEX = Object.fromEntries(ERROR_SITUATIONS.map(([code], i) => [code, i])) as Record<ErrorSituation, number>;

/**
 * The points a situation deducts by the rule parameter in force for the officer's region
 * on the day found (enforcement.error_points, a list in the order of the nine situations);
 * shown to callers who may read the rules, as the value applied when 扣分 is left empty.
 */
function DefaultPoints({ situation, region, on }: { situation?: ErrorSituation; region?: string; on?: string }) {
  const rule = useRuleValue<number[]>('enforcement.error_points', region, on);
  if (!situation || !rule.data || !Array.isArray(rule.data.value)) return <>留空按规则参数 enforcement.error_points 扣分</>;
  const list = rule.data.value;
  const points = list[SITUATION_INDEX[situation]] ?? list[list.length - 1] ?? 0;
  return (
    <span data-testid="error-default-points">
      留空按规则参数扣 {points} 分（{rule.data.name}，{rule.data.basis_law}
      {rule.data.basis_article ? ` ${rule.data.basis_article}` : ''}）
    </span>
  );
}

/** 登记执法过错: the officer, optionally the case, one of the nine situations, the liability and the points. */
function RecordModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (r: ErrorRecorded, officer: string) => void }) {
  const { submit } = useSubmit();
  const officers = useOfficerList(open);
  const cases = useCaseList(open);
  const byId = new Map((officers.data ?? []).map((o) => [o.id, o]));
  return (
    <FormModal
      title="登记执法过错"
      open={open}
      onClose={onClose}
      okTestId="error-submit"
      width={720}
      onSubmit={async (v) => {
        const r = await submit<ErrorRecorded>(
          '/api/enforcement/errors',
          { officerId: v.officerId, ...(v.caseId ? { caseId: v.caseId } : {}), situation: v.situation, description: v.description.trim(), foundOn: v.foundOn, liability: v.liability.trim(), ...(v.points != null ? { points: v.points } : {}) },
          '已登记执法过错',
        );
        if (r) onSaved(r, byId.get(v.officerId)?.name ?? '');
        return r;
      }}
    >
      <ErrorAlert error={officers.error} />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="officerId" label="执法人员" rules={[{ required: true, message: '请选择执法人员' }]}>
            <Select
              data-testid="error-officer"
              showSearch
              optionFilterProp="label"
              loading={officers.isLoading}
              options={(officers.data ?? []).filter((o) => o.kind === 'officer').map((o) => ({ value: o.id, label: `${o.name}（${o.org_name}${o.cert_no ? ` · ${o.cert_no}` : ''}）` }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <DateItem name="foundOn" label="发现日期" testId="error-found-on" />
        </Col>
      </Row>
      <Form.Item noStyle shouldUpdate={(a, b) => a.officerId !== b.officerId}>
        {({ getFieldValue }) => {
          const o = byId.get(getFieldValue('officerId'));
          return (
            <Form.Item name="caseId" label="关联案件（可选，须为该人员所在主体的案件）">
              <Select
                data-testid="error-case"
                allowClear
                showSearch
                optionFilterProp="label"
                disabled={!o}
                loading={cases.isLoading}
                placeholder={o ? undefined : '请先选择执法人员'}
                options={(cases.data ?? []).filter((c) => c.org_id === o?.org_id).map((c) => ({ value: c.id, label: `${c.case_no ?? `#${c.id}`} ${c.title}` }))}
              />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item name="situation" label="过错情形" rules={[{ required: true, message: '请选择过错情形' }]}>
        <Select data-testid="error-situation" options={ERROR_SITUATIONS.map(([value, label], i) => ({ value, label: `（${'一二三四五六七八九'[i]}）${label}` }))} optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>} />
      </Form.Item>
      <Form.Item name="description" label="过错事实" rules={[{ required: true, min: 2, max: 2000, message: '请填写过错事实（2 至 2000 字）' }]}>
        <Input.TextArea data-testid="error-description" rows={3} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="liability" label="责任追究方式" rules={[{ required: true, min: 2, max: 200, message: '请填写责任追究方式（2 至 200 字）' }]}>
            <AutoComplete
              options={['批评教育', '责令书面检查', '通报批评', '暂扣执法证件', '调离执法岗位', '取消执法资格'].map((x) => ({ value: x }))}
              filterOption={(input, o) => String(o?.value ?? '').includes(input)}
            >
              <Input data-testid="error-liability" placeholder="如 批评教育、责令书面检查" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item noStyle shouldUpdate={(a, b) => a.officerId !== b.officerId || a.situation !== b.situation || a.foundOn !== b.foundOn}>
            {({ getFieldValue }) => (
              <Form.Item name="points" label="扣分" extra={<DefaultPoints situation={getFieldValue('situation')} region={byId.get(getFieldValue('officerId'))?.region_code} on={getFieldValue('foundOn')} />}>
                <InputNumber data-testid="error-points" min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

/** 过错与记分: errors found in the year, with the points they deduct from each officer. */
export function ErrorsPage() {
  const { can } = useAuth();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<{ r: ErrorRecorded; officer: string }>();
  const list = useQuery({ queryKey: ['enforcement', 'errors', year], queryFn: () => get<ErrorRow[]>(`/api/enforcement/errors${qs({ year })}`) });
  const supervise = can('enforcement.supervise');
  const rows = list.data ?? [];
  const total = rows.reduce((a, r) => a + Number(r.points), 0);

  return (
    <PageContainer
      title="过错与记分"
      subTitle="执法过错责任追究（九种情形）与执法人员计分：年度扣分达到规定分值的，暂扣执法证件"
      extra={supervise && <Button type="primary" icon={<PlusOutlined />} data-testid="error-create" onClick={() => setCreating(true)}>登记过错</Button>}
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select data-testid="error-year" value={year} onChange={setYear} style={{ width: 120 }} options={yearOptions(thisYear)} />
          {rows.length > 0 && <Typography.Text type="secondary">共 {rows.length} 起，扣分合计 {total} 分</Typography.Text>}
        </Space>
        <ErrorAlert error={list.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          tableLayout="fixed"
          scroll={{ x: 1100 }}
          locale={{ emptyText: `${year} 年没有执法过错记录` }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0 }}>{r.description}</Typography.Paragraph> }}
          columns={[
            { title: '执法人员', dataIndex: 'officer_name', width: 100 },
            { title: '单位', dataIndex: 'org_name', width: 180, ellipsis: true },
            { title: '案件', dataIndex: 'case_no', width: 170, render: (v, r) => (r.case_id ? <Link to={`/enforcement/cases/${r.case_id}`}>{v ?? `#${r.case_id}`}</Link> : '—') },
            { title: '过错情形', dataIndex: 'situation_text', ellipsis: { showTitle: false }, render: (v) => <Tooltip title={v}>{v}</Tooltip> },
            { title: '责任追究', dataIndex: 'liability', width: 150, ellipsis: true },
            { title: '扣分', dataIndex: 'points', width: 70, align: 'right', render: (v, r) => <span data-testid={`error-points-${r.id}`}>{v}</span> },
            { title: '发现日期', dataIndex: 'found_on', width: 110 },
          ]}
        />
      </Card>

      <RecordModal open={creating} onClose={() => setCreating(false)} onSaved={(r, officer) => setSaved({ r, officer })} />

      <Modal
        title="已登记执法过错"
        open={!!saved}
        onCancel={() => setSaved(undefined)}
        onOk={() => setSaved(undefined)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="知道了"
        okButtonProps={{ 'data-testid': 'error-saved-ok' } as any}
      >
        {saved && (
          <>
            <Typography.Paragraph data-testid="error-saved-points">
              {saved.officer} {saved.r.found_on.slice(0, 4)} 年度累计扣分 <Tag color={saved.r.year_points >= saved.r.threshold ? 'red' : 'blue'}>{saved.r.year_points} / {saved.r.threshold} 分</Tag>
              （本次扣 {saved.r.points} 分）
            </Typography.Paragraph>
            {saved.r.certificate_suspended && (
              <Alert
                data-testid="error-saved-suspended"
                type="warning"
                showIcon
                message="已暂扣执法证件"
                description={`年度扣分达到 ${saved.r.threshold} 分，该人员的执法证件已暂扣，在恢复前不能再指派执法。`}
              />
            )}
          </>
        )}
      </Modal>
    </PageContainer>
  );
}
