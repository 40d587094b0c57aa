import { Button, Checkbox, Form, Input, Radio, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useAuth } from '../../../core/auth';
import { useOrgs } from '../../../core/pages/Orgs';
import { CHECKLIST_NAMES, OUTCOMES, type DocumentDetail } from '../api';

const checklistItems = (items: string[]) => (
  <Form.Item label="审查要点（逐项确认）" required>
    <Space wrap>
      {items.map((k) => (
        <Form.Item key={k} name={['data', 'checklist', k]} valuePropName="checked" initialValue={false} noStyle>
          <Checkbox data-testid={`check-${k}`}>{CHECKLIST_NAMES[k] ?? k}合法</Checkbox>
        </Form.Item>
      ))}
    </Space>
  </Form.Item>
);

/** Legal-affairs offices the caller can see; empty means the server picks the receiving office. */
function LegalOfficeSelect({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  const { can } = useAuth();
  const orgs = useOrgs(can('org.read'));
  return (
    <Select
      data-testid="file-to-org"
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      allowClear
      showSearch
      optionFilterProp="label"
      loading={orgs.isLoading}
      placeholder="留空由系统确定接受备案的法制机构"
      options={(orgs.data ?? []).filter((o) => o.org_type === 'legal_affairs' && o.active).map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

/** The corrected text, optional; the current text can be taken as the starting point. */
function CorrectedBody({ current }: { current: string }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item
      label={
        <Space>
          纠正后的正文（可选，不修改正文的留空）
          <Button size="small" onClick={() => form.setFieldValue(['data', 'body'], current)}>以现行正文为底稿</Button>
        </Space>
      }
    >
      <Form.Item name={['data', 'body']} noStyle normalize={(v: string) => (v && v.trim() ? v : undefined)}>
        <Input.TextArea data-testid="correction-body" rows={10} />
      </Form.Item>
    </Form.Item>
  );
}

function defaultReport(d: DocumentDetail) {
  return `关于报送《${d.title}》备案的报告\n\n${d.issuer_name}于${d.published_on ?? dayjs().format('YYYY-MM-DD')}公布《${d.title}》（${d.reg_number ?? '登记编号见正文'}），自${d.effective_on ?? '公布之日'}起施行。根据规范性文件备案审查的有关规定，现将该文件正式文本、起草说明和制定依据报送备案，请予审查。`;
}

function defaultExplanation(d: DocumentDetail) {
  const answered = d.comments.filter((c) => c.answer);
  const count = (a: string) => answered.filter((c) => c.answer === a).length;
  const review = d.reviews[d.reviews.length - 1];
  const decision = d.decisions[d.decisions.length - 1];
  return [
    `《${d.title}》起草说明`,
    `一、制定的必要性：为规范相关行政管理活动，由${d.drafting_org_name}起草本文件。`,
    `二、制定依据：${d.legal_bases.length ? d.legal_bases.map((b) => `《${b.replace(/^《|》$/g, '')}》`).join('、') : '见正文'}。`,
    `三、征求意见情况：${d.comment_from ? `于${d.comment_from}至${d.comment_until}向社会公开征求意见，收到意见${d.comments.length}条，采纳${count('adopted')}条、部分采纳${count('partly')}条、不予采纳${count('not_adopted')}条，均已逐条答复。` : '本文件不直接涉及公民、法人和其他组织的权利义务，未公开征求意见。'}${d.consultations.length ? `征求了${d.consultations.map((c) => c.org_name).join('、')}的意见。` : ''}`,
    `四、合法性审查情况：${review ? `经合法性审查，结论为“${OUTCOMES[review.outcome] ?? review.outcome}”。` : '已经合法性审查。'}`,
    `五、集体讨论决定情况：${decision ? `经${decision.meeting}（${decision.meeting_date}）${decision.decision}。` : '已经集体讨论决定。'}`,
  ].join('\n');
}

/** Form items of the steps that carry data (the server checks them against each step's schema). */
export function stepFields(d: DocumentDetail) {
  return {
    review_pass: (
      <>
        <Form.Item name={['data', 'outcome']} label="审查结论" initialValue="pass" rules={[{ required: true }]}>
          <Radio.Group options={[{ value: 'pass', label: '通过' }, { value: 'pass_with_changes', label: '修改后通过' }]} />
        </Form.Item>
        {checklistItems(d.checklistItems)}
      </>
    ),
    decide: (
      <>
        <Form.Item name={['data', 'meeting']} label="会议" rules={[{ required: true, min: 2 }]} initialValue="局长办公会议">
          <Input data-testid="decide-meeting" placeholder="政府常务会议 / 部门领导班子会议及届次" />
        </Form.Item>
        <Form.Item name={['data', 'meetingDate']} label="会议日期（YYYY-MM-DD）" initialValue={dayjs().format('YYYY-MM-DD')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input />
        </Form.Item>
        <Form.Item name={['data', 'decision']} label="决定" initialValue="审议通过" rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
      </>
    ),
    publish: (
      <Form.Item name={['data', 'effectiveOn']} label="施行日期（留空为公布之日）" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
        <Input placeholder={dayjs().format('YYYY-MM-DD')} />
      </Form.Item>
    ),
    file: (
      <>
        <Form.Item name={['data', 'filedToOrgId']} label="接受备案的法制机构" extra="留空时，部门文件报本级政府法制机构，政府文件报上一级政府法制机构">
          <LegalOfficeSelect />
        </Form.Item>
        <Form.Item name={['data', 'report']} label="备案报告" initialValue={defaultReport(d)} rules={[{ required: true, min: 2, max: 5000, message: '请填写备案报告（2 至 5000 字）' }]}>
          <Input.TextArea data-testid="file-report" rows={5} />
        </Form.Item>
        <Form.Item name={['data', 'explanation']} label="起草说明" initialValue={defaultExplanation(d)} rules={[{ required: true, min: 2, max: 20000, message: '请填写起草说明（2 至 20000 字）' }]}>
          <Input.TextArea data-testid="file-explanation" rows={8} />
        </Form.Item>
      </>
    ),
    report_correction: <CorrectedBody current={d.body} />,
  };
}
