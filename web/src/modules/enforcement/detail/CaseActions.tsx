import { useState, type ReactNode } from 'react';
import { Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography, Upload, message } from 'antd';
import type { UploadFile } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { problemText } from '../../../core/api';
import { useAuth } from '../../../core/auth';
import { ACTION_KIND_LABELS, CHANGE_KIND_LABELS, DECIDED_STATES, EVIDENCE_KIND_LABELS, OPEN_STATES, RECUSAL_OUTCOME_LABELS, RECUSAL_SOURCE_LABELS, options, uploadFile, type CaseDetail, type Recusal } from '../api';
import { DateItem, FormModal, OfficerSelect } from '../components';
import { useSubmit } from '../useSubmit';

type Kind = 'action' | 'evidence' | 'recusal' | 'officers' | 'statement' | 'collective' | 'extension' | 'change' | 'withdraw';

const text = (min: number, max: number, what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }, { min, max, message: `${what}为 ${min} 至 ${max} 字` }];

/** A required text of 2 to `max` characters (`what` in the messages); a text area when given rows. */
function TextItem({ name, label, what = label, max, rows, testId }: { name: string; label: string; what?: string; max: number; rows?: number; testId?: string }) {
  return (
    <Form.Item name={name} label={label} rules={text(2, max, what)}>
      {rows ? <Input.TextArea data-testid={testId} rows={rows} /> : <Input data-testid={testId} />}
    </Form.Item>
  );
}

/** Two fields side by side. */
function Pair({ left, right, spans = [12, 12] }: { left: ReactNode; right: ReactNode; spans?: [number, number] }) {
  return (
    <Row gutter={12}>
      <Col span={spans[0]}>{left}</Col>
      <Col span={spans[1]}>{right}</Col>
    </Row>
  );
}

/** The case's officers still acting (not recused). */
const acting = (c: CaseDetail) => c.officers.filter((o) => !o.recused);

/**
 * Acts recorded beside the procedure steps (调查取证, 证据, 回避, 陈述申辩, 集体讨论, 延期,
 * 公示): each button shows only with the permission and in the states where it applies;
 * the server checks both again and answers a refusal with its rule and legal basis.
 */
export function CaseActions({ c }: { c: CaseDetail }) {
  const { can } = useAuth();
  const { submit, busy } = useSubmit();
  const [open, setOpen] = useState<Kind>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const close = () => setOpen(undefined);
  /** The modal of one act: open when chosen, its OK button `<kind>-submit`. */
  const modal = (kind: Kind, title: string) => ({ title, open: open === kind, onClose: close, okTestId: `${kind}-submit` });
  const url = `/api/enforcement/cases/${c.id}`;
  const handle = can('enforcement.case.handle');
  const decide = can('enforcement.case.decide');
  const general = c.procedure_kind === 'general';
  const isOpen = general && OPEN_STATES.includes(c.status);
  const decided = DECIDED_STATES.includes(c.status) && !!c.decided_on;
  const p = c.publicity;
  const extended = c.records.some((r) => r.kind === 'extension');

  const saveEvidence = async (v: any) => {
    let attachmentId: string | undefined;
    const file = files[0]?.originFileObj;
    if (file) {
      try {
        attachmentId = (await uploadFile<{ id: string }>('/api/attachments', file, { ownerType: 'enforcement_case', ownerId: String(c.id) })).id;
      } catch (err) {
        message.error(problemText(err), 6);
        return false;
      }
    }
    const ok = await submit(`${url}/evidence`, { kind: v.kind, description: v.description.trim(), collectedOn: v.collectedOn, ...(attachmentId ? { attachmentId } : {}) }, '已登记证据');
    if (ok) setFiles([]);
    return ok;
  };

  const buttons = [
    isOpen && handle && { key: 'action', label: '调查取证', testId: 'action-create', primary: c.status === 'investigation' },
    isOpen && handle && { key: 'evidence', label: '登记证据', testId: 'evidence-create' },
    isOpen && handle && { key: 'recusal', label: '回避', testId: 'recusal-create' },
    isOpen && handle && { key: 'officers', label: '增派执法人员', testId: 'officers-add' },
    general && handle && ['notified', 'hearing'].includes(c.status) && { key: 'statement', label: '陈述申辩', testId: 'statement-create', primary: true },
    general && decide && ['review', 'deciding'].includes(c.status) && { key: 'collective', label: '集体讨论', testId: 'collective-create' },
    isOpen && decide && !extended && { key: 'extension', label: '延长办案期限', testId: 'extension-create' },
    p && !p.changed_on && decide && { key: 'change', label: '登记决定变更', testId: 'decision-change' },
    p && p.changed_on && !p.withdrawn_on && handle && { key: 'withdraw', label: '撤回公示', testId: 'publicity-withdraw', primary: true },
  ].filter(Boolean) as { key: Kind; label: string; testId: string; primary?: boolean }[];

  return (
    <Card title="办案操作" size="small" style={{ marginBottom: 16 }}>
      <Space wrap>
        {buttons.map((b) => (
          <Button key={b.key} data-testid={b.testId} type={b.primary ? 'primary' : 'default'} onClick={() => setOpen(b.key)}>
            {b.label}
          </Button>
        ))}
        {decided && c.publicize && !p && handle && (
          <Button data-testid="publicity-publish" type="primary" loading={busy} onClick={() => void submit(`${url}/publicity`, {}, '已公示执法决定（当事人信息已脱敏）')}>
            公示执法决定
          </Button>
        )}
        <Button data-testid="casefile-export" icon={<DownloadOutlined />} href={`${url}/casefile.zip`}>
          导出案卷
        </Button>
      </Space>
      {p && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="publicity-status">
          {p.withdrawn_on
            ? `公示已于 ${p.withdrawn_on} 撤回（${p.change_reason ?? ''}）`
            : `已于 ${p.published_on} 公示${p.on_time ? '' : '（超过公示期限）'}${p.changed_on ? `；决定已${CHANGE_KIND_LABELS[p.change_kind ?? ''] ?? '变更'}，须在 ${p.withdraw_due} 前撤回公示` : ''}`}
        </Typography.Paragraph>
      )}
      {decided && c.publicize && !p && <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>本决定列为依法公开，须自决定之日起 7 个工作日内公示。</Typography.Paragraph>}

      <FormModal
        {...modal('action', '调查取证')}
        initialValues={{ kind: 'inspection', officerIds: acting(c).map((o) => o.id), certificatesShown: false }}
        onSubmit={(v) => submit(`${url}/actions`, { kind: v.kind, happenedOn: v.happenedOn, place: v.place.trim(), summary: v.summary.trim(), officerIds: v.officerIds, certificatesShown: !!v.certificatesShown }, '已记录调查取证')}
      >
        <Pair
          left={
            <Form.Item name="kind" label="方式" rules={[{ required: true }]}>
              <Select data-testid="action-kind" options={options(ACTION_KIND_LABELS)} />
            </Form.Item>
          }
          right={<DateItem name="happenedOn" label="日期" testId="action-on" />}
        />
        <TextItem name="place" label="地点" max={200} testId="action-place" />
        <TextItem name="summary" label="经过和查明的情况" max={5000} rows={4} testId="action-summary" />
        <Form.Item name="officerIds" label="在场执法人员（不少于两名）" rules={[{ required: true, type: 'array', min: 2, message: '执法人员不得少于两人（行政处罚法第四十二条）' }]}>
          <Select data-testid="action-officers" mode="multiple" options={acting(c).map((o) => ({ value: o.id, label: `${o.name}${o.cert_no ? ` · ${o.cert_no}` : ''}` }))} />
        </Form.Item>
        <Form.Item
          name="certificatesShown"
          valuePropName="checked"
          rules={[{ validator: async (_, v) => { if (!v) throw new Error('执法人员调查或者检查时，应当主动向当事人或者有关人员出示执法证件（行政处罚法第五十五条）'); } }]}
        >
          <Checkbox data-testid="action-certs">已向当事人或者有关人员出示执法证件</Checkbox>
        </Form.Item>
      </FormModal>

      <FormModal {...modal('evidence', '登记证据')} onClose={() => { setFiles([]); close(); }} initialValues={{ kind: 'documentary' }} onSubmit={saveEvidence}>
        <Pair
          left={
            <Form.Item name="kind" label="证据种类（行政处罚法第四十六条）" rules={[{ required: true }]}>
              <Select data-testid="evidence-kind" options={options(EVIDENCE_KIND_LABELS)} />
            </Form.Item>
          }
          right={<DateItem name="collectedOn" label="取得日期" />}
        />
        <TextItem name="description" label="证据名称和证明内容" what="证据说明" max={2000} rows={3} testId="evidence-description" />
        <Form.Item label="附件（可选：照片、扫描件、音视频等，记录 SM3 摘要）">
          <Upload fileList={files} maxCount={1} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
            <Button icon={<UploadOutlined />} data-testid="evidence-file">选择文件</Button>
          </Upload>
        </Form.Item>
      </FormModal>

      <FormModal
        {...modal('recusal', '回避')}
        initialValues={{ source: 'party' }}
        onSubmit={(v) => submit(`${url}/recusals`, { officerId: v.officerId, source: v.source, reason: v.reason.trim(), appliedOn: v.appliedOn }, v.source === 'party' ? '已登记回避申请，须在 3 个工作日内作出决定' : '已登记回避')}
      >
        <Pair
          left={
            <Form.Item name="officerId" label="执法人员" rules={[{ required: true, message: '请选择执法人员' }]}>
              <Select data-testid="recusal-officer" options={acting(c).map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          }
          right={
            <Form.Item name="source" label="回避情形" rules={[{ required: true }]}>
              <Select options={options(RECUSAL_SOURCE_LABELS)} />
            </Form.Item>
          }
        />
        <TextItem name="reason" label="理由（与案件有直接利害关系或者有其他关系可能影响公正执法）" what="理由" max={1000} rows={3} />
        <DateItem name="appliedOn" label="提出日期" />
      </FormModal>

      <FormModal {...modal('officers', '增派执法人员')} onSubmit={(v) => submit(`${url}/officers`, { officerIds: v.officerIds.filter((id: number) => !c.officers.some((o) => o.id === id)) }, '已增派执法人员')}>
        <Form.Item name="officerIds" label="执法人员（须持有效执法证件）" rules={[{ required: true, type: 'array', min: 1, message: '请选择执法人员' }]}>
          <OfficerSelect orgId={c.org_id} data-testid="officers-select" />
        </Form.Item>
      </FormModal>

      <FormModal
        {...modal('statement', '陈述申辩')}
        onSubmit={(v) => submit(`${url}/statements`, { receivedOn: v.receivedOn, content: v.content.trim(), waivesRights: !!v.waivesRights }, v.waivesRights ? '已记录当事人放弃陈述申辩及听证' : '已记录陈述申辩')}
      >
        <DateItem name="receivedOn" label="收到日期" testId="statement-on" />
        <TextItem name="content" label="当事人的陈述、申辩（或放弃的书面表示）" what="陈述申辩内容" max={5000} rows={4} testId="statement-content" />
        <Form.Item name="waivesRights" valuePropName="checked" extra="当事人明确放弃的，不必等待陈述申辩、要求听证的期限届满">
          <Checkbox data-testid="statement-waive">当事人明确放弃陈述、申辩和听证的权利</Checkbox>
        </Form.Item>
      </FormModal>

      <FormModal
        {...modal('collective', '负责人集体讨论')}
        initialValues={{ meeting: '局长办公会议' }}
        onSubmit={(v) => submit(`${url}/collective`, { meeting: v.meeting.trim(), meetingDate: v.meetingDate, attendees: v.attendees.trim(), minutes: v.minutes.trim(), conclusion: v.conclusion.trim() }, '已记录集体讨论')}
      >
        <Pair spans={[14, 10]} left={<TextItem name="meeting" label="会议" what="会议名称" max={200} testId="collective-meeting" />} right={<DateItem name="meetingDate" label="会议日期" />} />
        <TextItem name="attendees" label="出席人员" max={500} testId="collective-attendees" />
        <TextItem name="minutes" label="讨论记录" max={5000} rows={4} />
        <TextItem name="conclusion" label="讨论结论" max={2000} rows={2} />
      </FormModal>

      <FormModal {...modal('extension', '延长办案期限')} onSubmit={(v) => submit(`${url}/extension`, { reason: v.reason.trim() }, '已批准延长办案期限')}>
        <Typography.Paragraph type="secondary">因案情复杂等原因不能在期限内作出决定的，经负责人批准可延长一次（延长天数见规则参数）。</Typography.Paragraph>
        <TextItem name="reason" label="延长理由" max={1000} rows={3} testId="extension-reason" />
      </FormModal>

      <FormModal {...modal('change', '登记决定变更')} initialValues={{ kind: 'changed' }} onSubmit={(v) => submit(`${url}/decision-change`, { kind: v.kind, changedOn: v.changedOn, reason: v.reason.trim() }, '已登记，须在 3 个工作日内撤回公示')}>
        <Form.Item name="kind" label="情形" rules={[{ required: true }]}>
          <Radio.Group options={options(CHANGE_KIND_LABELS)} />
        </Form.Item>
        <DateItem name="changedOn" label="变更日期" />
        <TextItem name="reason" label="理由（如经行政复议撤销）" what="理由" max={1000} rows={3} />
      </FormModal>

      <FormModal {...modal('withdraw', '撤回公示')} onSubmit={(v) => submit(`${url}/publicity/withdraw`, { reason: v.reason.trim() }, '已撤回公示')}>
        <TextItem name="reason" label="公开说明的理由" what="理由" max={1000} rows={3} testId="withdraw-reason" />
      </FormModal>
    </Card>
  );
}

/** 回避决定 on one pending application (负责人). */
export function RecusalDecision({ r }: { r: Recusal }) {
  const { submit } = useSubmit();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" type="primary" data-testid={`recusal-decide-${r.id}`} onClick={() => setOpen(true)}>
        作出决定
      </Button>
      <FormModal
        title={`回避决定：${r.officer_name}`}
        open={open}
        onClose={() => setOpen(false)}
        initialValues={{ outcome: 'rejected' }}
        onSubmit={(v) => submit(`/api/enforcement/recusals/${r.id}/decide`, { outcome: v.outcome, reason: v.reason.trim(), decidedOn: v.decidedOn }, '已作出回避决定')}
      >
        <Form.Item name="outcome" label="决定" rules={[{ required: true }]}>
          <Radio.Group options={options(RECUSAL_OUTCOME_LABELS)} />
        </Form.Item>
        <TextItem name="reason" label="理由" max={1000} rows={3} />
        <DateItem name="decidedOn" label="决定日期" />
      </FormModal>
    </>
  );
}
