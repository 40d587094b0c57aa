import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { get } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { CASE_SOURCES, MAJOR_REASON_TEXT, PARTY_KIND_LABELS, bandRange, inBand, options, type Power, type PowerDetail } from '../api';
import { DateItem, FormModal, OfficerSelect, useOfficers } from '../components';
import { useSubmit } from '../useSubmit';

/** Reasons an officer declares at filing; the others (hearing, threshold, band) the server derives. */
const DECLARED_REASONS = ['public_interest', 'complex', 'law_requires'] as const;

function usePenaltyPowers(enabled: boolean) {
  return useQuery({ queryKey: ['enforcement', 'powers', 'penalty'], enabled, queryFn: () => get<Power[]>('/api/enforcement/powers?powerType=penalty') });
}

/** The party as entered in PartyFields, blank optional fields left out. */
const partyOf = (p: any) => ({ kind: p.kind, name: p.name.trim(), ...(p.idNumber ? { idNumber: p.idNumber } : {}), ...(p.address?.trim() ? { address: p.address.trim() } : {}) });

/**
 * A new case, general or simple: the penalty powers to choose from while the modal is
 * open, and `file`, which sends the case and then opens it.
 */
function useNewCase(open: boolean) {
  const navigate = useNavigate();
  const { submit } = useSubmit();
  const powers = usePenaltyPowers(open);
  const file = async (url: string, body: Record<string, unknown>, success: string) => {
    const res = await submit<{ id: number }>(url, body, success);
    if (res) navigate(`/enforcement/cases/${res.id}`);
    return res;
  };
  return { list: powers.data ?? [], loading: powers.isLoading, file };
}

function PowerField({ powers, loading }: { powers: Power[]; loading: boolean }) {
  return (
    <Form.Item name="powerId" label="执法职权（权责清单中的行政处罚事项）" rules={[{ required: true, message: '请选择执法职权' }]}>
      <Select
        data-testid="case-power"
        loading={loading}
        showSearch
        optionFilterProp="label"
        placeholder="输入事项编码或名称"
        options={powers.filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${p.org_name}）` }))}
      />
    </Form.Item>
  );
}

function PartyFields() {
  const kind = Form.useWatch(['party', 'kind']) as 'person' | 'org' | undefined;
  const person = kind === 'person';
  return (
    <>
      <Form.Item name={['party', 'kind']} label="当事人类型" initialValue="org" rules={[{ required: true }]}>
        <Radio.Group data-testid="case-party-kind" options={options(PARTY_KIND_LABELS)} optionType="button" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={['party', 'name']} label={person ? '姓名' : '名称'} rules={[{ required: true, min: 2, max: 100, message: '请填写当事人（2 至 100 字）' }]}>
            <Input data-testid="case-party-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={['party', 'idNumber']}
            label={person ? '居民身份证号码' : '统一社会信用代码'}
            normalize={(v: string) => v?.trim().toUpperCase()}
            rules={[{ pattern: person ? /^\d{17}[\dX]$/ : /^[0-9A-Z]{18}$/, message: person ? '18 位居民身份证号码' : '18 位统一社会信用代码' }]}
          >
            <Input data-testid="case-party-id" maxLength={18} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['party', 'address']} label={person ? '住址' : '住所'} rules={[{ min: 2, max: 200 }]}>
        <Input data-testid="case-party-address" />
      </Form.Item>
      {person && <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>自然人的姓名、身份证号码和住址加密存储，公示时仅显示脱敏信息。</Typography.Paragraph>}
    </>
  );
}

/** The officers of the chosen power's subject; the caller's own officer record is put first. */
function OfficersField({ powers, dateField }: { powers: Power[]; dateField: string }) {
  const form = Form.useFormInstance();
  const { me } = useAuth();
  const powerId = Form.useWatch('powerId') as number | undefined;
  const date = Form.useWatch(dateField) as string | undefined;
  const officers = useOfficers(true);
  const orgId = powers.find((p) => p.id === powerId)?.org_id;
  useEffect(() => {
    if (!orgId || !officers.data) return;
    const cur: number[] = form.getFieldValue('officerIds') ?? [];
    const keep = cur.filter((id) => officers.data.some((o) => o.id === id && o.org_id === orgId));
    const mine = officers.data.find((o) => o.user_id === me?.user.id && o.org_id === orgId && o.can_enforce);
    form.setFieldValue('officerIds', keep.length ? keep : mine ? [mine.id] : []);
  }, [orgId, officers.data, form, me?.user.id]);
  return (
    <Form.Item name="officerIds" label="承办执法人员（不少于两名持证人员）" rules={[{ required: true, type: 'array', min: 2, message: '执法人员不得少于两人（行政处罚法第四十二条）' }]}>
      <OfficerSelect data-testid="case-officers" orgId={orgId} date={date} />
    </Form.Item>
  );
}

/** 立案（普通程序）. */
export function NewCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { list, loading, file } = useNewCase(open);
  const onSubmit = (v: any) =>
    file(
      '/api/enforcement/cases',
      { powerId: v.powerId, title: v.title.trim(), ...(v.source?.trim() ? { source: v.source.trim() } : {}), party: partyOf(v.party), facts: v.facts.trim(), filedOn: v.filedOn, officerIds: v.officerIds, ...(v.majorReasons?.length ? { majorReasons: v.majorReasons } : {}) },
      '已立案',
    );
  return (
    <FormModal title="立案（普通程序）" open={open} onClose={onClose} onSubmit={onSubmit} okText="立案" okTestId="case-submit" width={760}>
      <PowerField powers={list} loading={loading} />
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="title" label="案由" rules={[{ required: true, min: 4, max: 200, message: '请填写案由（4 至 200 字）' }]}>
            <Input data-testid="case-title" placeholder="如：某某超市未按规定明码标价案" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label="案件来源" rules={[{ min: 2, max: 200 }]}>
            <AutoComplete data-testid="case-source" options={CASE_SOURCES.map((value) => ({ value }))} placeholder="检查发现、投诉举报…" />
          </Form.Item>
        </Col>
      </Row>
      <PartyFields />
      <Form.Item name="facts" label="违法事实（立案时查明的情况）" rules={[{ required: true, min: 2, max: 5000, message: '请填写违法事实' }]}>
        <Input.TextArea data-testid="case-facts" rows={4} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <DateItem name="filedOn" label="立案日期" testId="case-filed-on" />
        </Col>
        <Col span={16}>
          <Form.Item name="majorReasons" label="重大执法决定情形（如有，作出决定前须法制审核）">
            <Select mode="multiple" allowClear options={DECLARED_REASONS.map((r) => ({ value: r, label: MAJOR_REASON_TEXT[r] }))} />
          </Form.Item>
        </Col>
      </Row>
      <OfficersField powers={list} dateField="filedOn" />
    </FormModal>
  );
}

/** The chosen power's benchmark bands for the on-the-spot decision. */
function SimplePenaltyFields() {
  const powerId = Form.useWatch('powerId') as number | undefined;
  const kind = Form.useWatch('penaltyKind') as string | undefined;
  const fine = Form.useWatch('fine') as number | undefined;
  const benchmarkId = Form.useWatch('benchmarkId') as number | undefined;
  const power = useQuery({ queryKey: ['enforcement', 'power', powerId], enabled: !!powerId, queryFn: () => get<PowerDetail>(`/api/enforcement/powers/${powerId}`) });
  const bands = power.data?.benchmarks ?? [];
  const band = bands.find((b) => b.id === benchmarkId);
  const amount = kind === 'fine' ? fine ?? 0 : 0;
  const outside = !!band && !inBand(amount, band);
  return (
    <>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="penaltyKind" label="处罚种类" initialValue="fine" rules={[{ required: true }]}>
            <Radio.Group data-testid="simple-kind" optionType="button" options={[{ value: 'warning', label: '警告' }, { value: 'fine', label: '罚款' }]} />
          </Form.Item>
        </Col>
        <Col span={14}>
          {kind === 'fine' && (
            <Form.Item name="fine" label="罚款（元）" extra="对公民二百元以下、对法人或者其他组织三千元以下（行政处罚法第五十一条）" rules={[{ required: true, message: '请填写罚款数额' }]}>
              <InputNumber data-testid="simple-fine" min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item name="benchmarkId" label="适用的裁量基准档次" rules={[{ required: true, message: '请选择裁量基准档次' }]}>
        <Select
          data-testid="simple-benchmark"
          loading={power.isFetching}
          disabled={!powerId}
          placeholder={powerId ? (bands.length ? '选择档次' : '该职权尚未设定裁量基准') : '请先选择执法职权'}
          options={bands.map((b) => ({ value: b.id, label: `${b.band}：${bandRange(b)} — ${b.circumstances}` }))}
        />
      </Form.Item>
      {outside && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`处罚超出“${band!.band}”档幅度（${bandRange(band!)}），须说明理由`} />}
      <Form.Item name="deviationReason" label="偏离基准的理由" rules={[{ required: outside, min: 2, max: 1000, message: '处罚超出所引用的裁量基准幅度，须说明理由' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

/** 简易程序：当场作出警告或小额罚款决定（行政处罚法第五十一、五十二条）. */
export function SimpleCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { list, loading, file } = useNewCase(open);
  const onSubmit = (v: any) =>
    file(
      '/api/enforcement/cases/simple',
      {
        powerId: v.powerId,
        title: v.title.trim(),
        party: partyOf(v.party),
        facts: v.facts.trim(),
        officerIds: v.officerIds,
        penaltyKind: v.penaltyKind,
        ...(v.penaltyKind === 'fine' ? { fine: v.fine } : {}),
        benchmarkId: v.benchmarkId,
        ...(v.deviationReason?.trim() ? { deviationReason: v.deviationReason.trim() } : {}),
        decidedOn: v.decidedOn,
        place: v.place.trim(),
      },
      '已作出当场处罚决定',
    );
  return (
    <FormModal title="简易程序当场处罚" open={open} onClose={onClose} onSubmit={onSubmit} okText="作出决定" okTestId="simple-submit" width={760}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message="违法事实确凿并有法定依据，对公民处二百元以下、对法人或者其他组织处三千元以下罚款或者警告的，可以当场作出行政处罚决定，并当场交付决定书。" />
      <PowerField powers={list} loading={loading} />
      <Form.Item name="title" label="案由" rules={[{ required: true, min: 4, max: 200, message: '请填写案由（4 至 200 字）' }]}>
        <Input data-testid="simple-title" />
      </Form.Item>
      <PartyFields />
      <Form.Item name="facts" label="违法事实" rules={[{ required: true, min: 2, max: 5000, message: '请填写违法事实' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <DateItem name="decidedOn" label="决定日期" />
        </Col>
        <Col span={16}>
          <Form.Item name="place" label="执法地点" rules={[{ required: true, min: 2, max: 200, message: '请填写执法地点' }]}>
            <Input data-testid="simple-place" />
          </Form.Item>
        </Col>
      </Row>
      <SimplePenaltyFields />
      <OfficersField powers={list} dateField="decidedOn" />
    </FormModal>
  );
}
