import { Alert, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { PAY_CHANNEL_LABELS, PENALTY_KIND_LABELS, COMPULSORY_MEASURE_LABELS, RECEIVER_KIND_LABELS, REVIEW_CHECKLIST, REVIEW_CHECKLIST_TEXT, SERVICE_METHOD_LABELS, bandRange, inBand, money, options, today, type CaseDetail } from '../api';
import { DateItem } from '../components';

/** An optional text: blank becomes absent (the server's schemas want at least two characters). */
const optional = (v: string | undefined) => (v && v.trim() ? v : undefined);

/**
 * Penalty kind, amount, benchmark band and the reason for leaving the band, shared by the
 * notice (拟处罚) and the decision. The band's range is shown, and a fine outside it asks
 * for the reason the server requires (seed 002 措施29).
 */
function PenaltyFields({ c, fineField, prefix }: { c: CaseDetail; fineField: 'proposedFine' | 'fine'; prefix: 'notice' | 'decide' }) {
  const kind = Form.useWatch(['data', 'penaltyKind']) as string | undefined;
  const fine = Form.useWatch(['data', fineField]) as number | undefined;
  const benchmarkId = Form.useWatch(['data', 'benchmarkId']) as number | undefined;
  const band = c.benchmarks.find((b) => b.id === benchmarkId);
  const noPenalty = kind === 'no_penalty';
  const outside = !noPenalty && !!band && !inBand(fine, band);
  const decide = prefix === 'decide';
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['data', 'penaltyKind']} label="处罚种类" initialValue={c.penalty_kind ?? 'fine'} rules={[{ required: true }]}>
            <Select data-testid={`${prefix}-kind`} options={options(PENALTY_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['data', fineField]}
            label={decide ? '罚款数额（元）' : '拟罚款数额（元）'}
            initialValue={decide ? Number(c.proposed_fine ?? 0) : undefined}
            extra={decide && c.proposed_fine != null ? `告知的拟罚款：${money(c.proposed_fine)}（不得加重）` : '不罚款的填 0'}
            rules={[{ required: true, message: '请填写罚款数额（不罚款的填 0）' }]}
          >
            <InputNumber data-testid={`${prefix}-fine`} min={0} max={1e11} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['data', 'benchmarkId']}
        label="适用的裁量基准档次"
        initialValue={decide ? c.benchmark_id ?? undefined : undefined}
        rules={[{ required: !noPenalty, message: '须引用本职权的裁量基准档次' }]}
        extra={c.benchmarks.length ? undefined : '该职权尚未设定裁量基准，请先在“主体与权责清单”中设定'}
      >
        <Select
          data-testid={`${prefix}-benchmark`}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="选择档次"
          options={c.benchmarks.map((b) => ({ value: b.id, label: `${b.band}：${bandRange(b)} — ${b.circumstances}${b.other_penalties ? `（${b.other_penalties}）` : ''}` }))}
        />
      </Form.Item>
      {band && !outside && !noPenalty && <Alert type="success" showIcon style={{ marginBottom: 12 }} message={`在“${band.band}”档幅度（${bandRange(band)}）内`} />}
      {outside && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`超出“${band!.band}”档幅度（${bandRange(band!)}）：须说明理由，且作出决定前须经法制审核`} />}
      <Form.Item
        name={['data', 'deviationReason']}
        label="偏离基准的理由"
        initialValue={decide ? c.band_deviation_reason ?? undefined : undefined}
        normalize={optional}
        rules={[{ required: outside, message: '处罚超出所引用的裁量基准幅度，须说明理由' }, { min: 2, max: 1000 }]}
      >
        <Input.TextArea data-testid={`${prefix}-deviation`} rows={2} />
      </Form.Item>
    </>
  );
}

function Checklist({ required }: { required: boolean }) {
  return (
    <Form.Item label={required ? '审核要点（逐项确认后方可通过）' : '审核要点（未勾选的即存在问题的方面）'} required={required}>
      <Space direction="vertical">
        {REVIEW_CHECKLIST.map((k) => (
          <Form.Item key={k} name={['data', 'checklist', k]} valuePropName="checked" initialValue={false} noStyle>
            <Checkbox data-testid={`check-${k}`}>{REVIEW_CHECKLIST_TEXT[k]}</Checkbox>
          </Form.Item>
        ))}
      </Space>
    </Form.Item>
  );
}

/** The late surcharge of art. 72 as a hint: 3 % of the fine a day after the due date, at most the fine. */
function PaymentHint({ c }: { c: CaseDetail }) {
  const paidOn = Form.useWatch(['data', 'paidOn']) as string | undefined;
  if (!c.payment_due || !paidOn || paidOn <= c.payment_due) return null;
  const late = Math.round((Date.parse(paidOn) - Date.parse(c.payment_due)) / 86_400_000);
  const fine = Number(c.fine_amount ?? 0);
  const surcharge = Math.min(fine, Math.round(fine * 3 * late) / 100);
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`缴款期限 ${c.payment_due} 已过 ${late} 日：应缴金额为罚款加每日 3% 的加处罚款（不超过罚款数额），约 ${money(fine + surcharge)}`} />;
}

function defaultDecisionText(c: CaseDetail) {
  // The party's name stays out of the text: the decision text is published as written.
  return `经查，${c.facts.replace(/[。.]$/, '')}。上述事实有现场检查笔录、询问笔录等证据证实。当事人的行为违反了${c.power_basis}的规定。本机关已依法告知当事人拟作出行政处罚的事实、理由、依据及其依法享有的权利。依据${c.power_basis}，决定如下：`;
}

/** Form items of the steps that carry data (the server checks each against the step's schema and guards). */
export function stepFields(c: CaseDetail) {
  return {
    notify: (
      <>
        <DateItem name={['data', 'noticeOn']} label="告知日期" testId="notice-on" />
        <PenaltyFields c={c} fineField="proposedFine" prefix="notice" />
        <Form.Item name={['data', 'reasons']} label="拟处罚的事实和理由" initialValue={c.facts} rules={[{ required: true, min: 2, max: 5000, message: '请填写事实和理由' }]}>
          <Input.TextArea data-testid="notice-reasons" rows={4} />
        </Form.Item>
        <Form.Item name={['data', 'legalBasis']} label="处罚依据" initialValue={c.power_basis} rules={[{ required: true, min: 2, max: 2000, message: '请填写处罚依据' }]}>
          <Input.TextArea data-testid="notice-basis" rows={2} />
        </Form.Item>
      </>
    ),
    request_hearing: <DateItem name={['data', 'requestedOn']} label="当事人提出听证要求的日期" testId="hearing-requested-on" extra="须在告知后五个工作日内提出" />,
    hold_hearing: (
      <>
        <Row gutter={12}>
          <Col span={12}>
            <DateItem name={['data', 'noticeOn']} label="听证通知送达日期" initial={null} />
          </Col>
          <Col span={12}>
            <DateItem name={['data', 'heldOn']} label="举行听证日期" extra="通知须在听证七个工作日前送达" />
          </Col>
        </Row>
        <Form.Item name={['data', 'presider']} label="听证主持人（非本案调查人员）" rules={[{ required: true, min: 2, max: 30 }]}>
          <Input data-testid="hearing-presider" />
        </Form.Item>
        <Form.Item name={['data', 'transcript']} label="听证笔录" rules={[{ required: true, min: 2, max: 20000 }]}>
          <Input.TextArea data-testid="hearing-transcript" rows={6} />
        </Form.Item>
      </>
    ),
    review_pass: <Checklist required />,
    review_fail: <Checklist required={false} />,
    decide: (
      <>
        <DateItem name={['data', 'decidedOn']} label="决定日期" testId="decide-on" />
        <PenaltyFields c={c} fineField="fine" prefix="decide" />
        <Form.Item name={['data', 'otherPenalties']} label="其他处罚（如没收违法所得）" normalize={optional} rules={[{ min: 2, max: 500 }]}>
          <Input data-testid="decide-other" />
        </Form.Item>
        <Form.Item name={['data', 'decisionText']} label="决定书正文" initialValue={defaultDecisionText(c)} rules={[{ required: true, min: 2, max: 20000, message: '请填写决定书正文' }]}>
          <Input.TextArea data-testid="decide-text" rows={6} />
        </Form.Item>
        <Form.Item name={['data', 'publicize']} label="依法公开（具有一定社会影响的决定，7 个工作日内公示）" valuePropName="checked" initialValue={false}>
          <Switch data-testid="decide-publicize" checkedChildren="公开" unCheckedChildren="不公开" />
        </Form.Item>
      </>
    ),
    serve: (
      <Row gutter={12}>
        <Col span={12}>
          <DateItem name={['data', 'servedOn']} label="送达日期" testId="serve-on" />
        </Col>
        <Col span={12}>
          <Form.Item name={['data', 'method']} label="送达方式" initialValue="direct" rules={[{ required: true }]}>
            <Select data-testid="serve-method" options={options(Object.fromEntries(Object.entries(SERVICE_METHOD_LABELS).filter(([k]) => k !== 'on_spot')))} />
          </Form.Item>
        </Col>
      </Row>
    ),
    record_payment: (
      <>
        <Form.Item name={['data', 'channel']} label="缴款渠道" initialValue="bank" rules={[{ required: true }]} extra="罚缴分离：除依法当场收缴的小额罚款外，当事人到指定银行或通过电子支付系统缴纳">
          <Radio.Group data-testid="pay-channel" optionType="button" options={options(PAY_CHANNEL_LABELS)} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={['data', 'receiptNo']} label="回执或收据编号" rules={[{ required: true, min: 4, max: 40, message: '请填写票据编号（4 至 40 位）' }]}>
              <Input data-testid="pay-receipt" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <DateItem name={['data', 'paidOn']} label="缴款日期" testId="pay-on" />
          </Col>
        </Row>
        <PaymentHint c={c} />
        <Form.Item name={['data', 'amount']} label="缴款金额（元）" initialValue={Number(c.fine_amount ?? 0)} rules={[{ required: true }]} extra={`罚款数额 ${money(c.fine_amount)}${c.payment_due ? `，缴款期限 ${c.payment_due}` : ''}`}>
          <InputNumber data-testid="pay-amount" min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </>
    ),
    apply_compulsory: (
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name={['data', 'measure']} label="执行措施" initialValue="surcharge" rules={[{ required: true }]}>
            <Select data-testid="compulsory-measure" options={options(COMPULSORY_MEASURE_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <DateItem name={['data', 'appliedOn']} label="采取措施日期" />
        </Col>
      </Row>
    ),
    compulsory_done: <DateItem name={['data', 'doneOn']} label="执行完毕日期" />,
    transfer: (
      <>
        <Form.Item name={['data', 'receiverKind']} label="移送对象" initialValue="agency" rules={[{ required: true }]}>
          <Radio.Group data-testid="transfer-kind" options={options(RECEIVER_KIND_LABELS)} />
        </Form.Item>
        <Form.Item name={['data', 'receiver']} label="接收机关" rules={[{ required: true, min: 2, max: 100 }]}>
          <Input data-testid="transfer-receiver" />
        </Form.Item>
        <DateItem name={['data', 'transferredOn']} label="移送日期" initial={today()} />
      </>
    ),
  };
}
