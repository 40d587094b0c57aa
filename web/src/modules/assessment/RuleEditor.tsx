import { Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { RULE_KIND, type Band, type ScoringRule } from './api';

/** The rule fields as the form holds them: every kind's numbers side by side. */
export interface RuleValues {
  kind?: ScoringRule['kind'];
  target?: number | null;
  from?: number | null;
  to?: number | null;
  perItem?: number | null;
  floor?: number | null;
  first?: number | null;
  step?: number | null;
  bands?: { min?: number | null; max?: number | null; points?: number | null }[];
}

const num = (v: number | null | undefined) => (v == null ? (undefined as unknown as number) : v);

/**
 * The rule of the chosen kind, from the form's values. Missing numbers stay undefined so
 * that `ruleProblem` names them (须为数字) instead of the form guessing a value.
 */
export function ruleFromValues(v: RuleValues | undefined): ScoringRule | null {
  switch (v?.kind) {
    case 'threshold':
      return { kind: 'threshold', target: num(v.target) };
    case 'linear':
      return { kind: 'linear', from: num(v.from), to: num(v.to) };
    case 'deduction':
      return { kind: 'deduction', perItem: num(v.perItem), floor: num(v.floor) };
    case 'rank':
      return { kind: 'rank', first: num(v.first), step: num(v.step), floor: num(v.floor) };
    case 'bands':
      return {
        kind: 'bands',
        bands: (v.bands ?? []).map((b): Band => ({ ...(b?.min != null ? { min: b.min } : {}), ...(b?.max != null ? { max: b.max } : {}), points: num(b?.points) })),
      };
    default:
      return null;
  }
}

/** The form's values for a stored rule (bands start with one empty row). */
export function valuesFromRule(rule: ScoringRule | null): RuleValues {
  if (!rule) return { kind: 'threshold', bands: [{}] };
  return { ...rule, bands: rule.kind === 'bands' ? rule.bands : [{}] } as RuleValues;
}

function Num({ name, label, unit, testId, step }: { name: string; label: string; unit?: string; testId: string; step?: number }) {
  return (
    <Form.Item name={['rule', name]} label={label}>
      <InputNumber data-testid={testId} step={step} suffix={unit || undefined} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** 评分规则 by kind: the numbers of one structured rule (no free-form formulas). */
export function RuleEditor({ unit }: { unit: string }) {
  const kind = Form.useWatch(['rule', 'kind']) as ScoringRule['kind'] | undefined;
  return (
    <>
      <Form.Item name={['rule', 'kind']} label="评分规则" rules={[{ required: true, message: '请选择评分规则' }]}>
        <Select data-testid="rule-kind" options={Object.entries(RULE_KIND).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {kind === 'threshold' && <Num name="target" label="目标值（达到得满分，未达到按比例）" unit={unit} testId="rule-target" />}
      {kind === 'linear' && (
        <Row gutter={8}>
          <Col span={12}><Num name="from" label="零分值" unit={unit} testId="rule-from" /></Col>
          <Col span={12}><Num name="to" label="满分值" unit={unit} testId="rule-to" /></Col>
        </Row>
      )}
      {kind === 'deduction' && (
        <Row gutter={8}>
          <Col span={12}><Num name="perItem" label="每项扣分" unit="分" testId="rule-per-item" step={0.1} /></Col>
          <Col span={12}><Num name="floor" label="最低得分" unit="分" testId="rule-floor" step={0.1} /></Col>
        </Row>
      )}
      {kind === 'rank' && (
        <Row gutter={8}>
          <Col span={8}><Num name="first" label="第一名得分" unit="分" testId="rule-first" step={0.1} /></Col>
          <Col span={8}><Num name="step" label="每降一名减" unit="分" testId="rule-step" step={0.1} /></Col>
          <Col span={8}><Num name="floor" label="最低得分" unit="分" testId="rule-floor" step={0.1} /></Col>
        </Row>
      )}
      {kind === 'bands' && (
        <Form.List name={['rule', 'bands']}>
          {(fields, { add, remove }) => (
            <div style={{ marginBottom: 16 }}>
              <div style={{ color: '#888', fontSize: 12, marginBottom: 4 }}>按数值从低到高分档；下限、上限留空表示该侧不设限，相邻两档可在边界相接</div>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} data-testid={`rule-band-${i}`}>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'min']}><InputNumber placeholder="下限" suffix={unit || undefined} style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'max']}><InputNumber placeholder="上限" suffix={unit || undefined} style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'points']}><InputNumber placeholder="得分" min={0} step={0.1} suffix="分" style={{ width: '100%' }} /></Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="删除该档" />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20} block>增加一档</Button>
            </div>
          )}
        </Form.List>
      )}
    </>
  );
}
