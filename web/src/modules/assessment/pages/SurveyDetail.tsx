import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Popconfirm, Row, Select, Space, Statistic, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CopyOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, ExportOutlined, KeyOutlined, PlayCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs, { type Dayjs } from 'dayjs';
import { PercentBars } from '../PercentBars';
import { ErrorAlert } from '../../../core/components';
import { FormModal } from '../components';
import { useSubmit } from '../useSubmit';
import { day } from '../rounds-api';
import { useOrgOptions } from './Surveys';
import {
  QUESTION_KIND_TEXT,
  RESPONDENT_GROUPS,
  RESPONDENT_GROUP_TEXT,
  SCALE_SATISFIED_FROM,
  SURVEY_STATUS,
  absoluteLink,
  questionnaireProblems,
  useSurvey,
  useSurveyResults,
  type Batch,
  type IssuedBatch,
  type QuestionInput,
  type QuestionKind,
  type RespondentGroup,
  type Results,
  type Survey,
} from '../surveys-api';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const STANDARD_QUESTION: QuestionInput = { kind: 'single', text: '您对该单位依法行政工作的总体评价', required: true, options: ['满意', '基本满意', '不满意'], satisfied: ['满意', '基本满意'] };
const kindOptions = (Object.keys(QUESTION_KIND_TEXT) as QuestionKind[]).map((k) => ({ value: k, label: QUESTION_KIND_TEXT[k] }));

/** What the builder sends: only the fields of the question's kind. */
function clean(q: QuestionInput): QuestionInput {
  const base = { kind: q.kind, text: (q.text ?? '').trim(), required: !!q.required };
  if (q.kind === 'single' || q.kind === 'multiple') return { ...base, options: q.options ?? [], satisfied: q.satisfied ?? [] };
  if (q.kind === 'scale') return { ...base, satisfaction: !!q.satisfaction };
  return base;
}

/** 问卷编写 (draft): add, move and remove questions; mark the options that mean satisfied. */
function QuestionnaireEditor({ survey }: { survey: Survey }) {
  const [form] = Form.useForm<{ questions: QuestionInput[] }>();
  const { busy, submit } = useSubmit();
  const watched = Form.useWatch('questions', form);
  const initial = useMemo(() => ({ questions: survey.questions.map(({ id: _id, ...q }) => q) }), [survey.questions]);
  const problems = useMemo(() => questionnaireProblems((watched ?? initial.questions).map(clean), { complete: true }), [watched, initial]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await submit(`/api/assessment/surveys/${survey.id}`, { version: survey.version, questions: (v.questions ?? []).map(clean) }, '问卷已保存', 'PATCH');
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} key={survey.version}>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={`第 ${i + 1} 题`}
                extra={
                  <Space>
                    <Button size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} title="上移" />
                    <Button size="small" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} title="下移" />
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(i)} title="删除" />
                  </Space>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[f.name, 'kind']} label="题型" rules={[{ required: true, message: '请选择题型' }]}>
                      <Select options={kindOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={14}>
                    <Form.Item name={[f.name, 'text']} label="题目" rules={[{ required: true, whitespace: true, message: '请填写题目' }, { max: 500 }]}>
                      <Input data-testid={`survey-q-${i}-text`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[f.name, 'required']} label="必答" valuePropName="checked">
                      <Switch />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item noStyle dependencies={[['questions', f.name, 'kind'], ['questions', f.name, 'options']]}>
                  {({ getFieldValue }) => {
                    const kind = getFieldValue(['questions', f.name, 'kind']) as QuestionKind;
                    const options = (getFieldValue(['questions', f.name, 'options']) ?? []) as string[];
                    if (kind === 'scale')
                      return (
                        <Form.Item name={[f.name, 'satisfaction']} label="计入满意度" valuePropName="checked" extra={`1—5 分，${SCALE_SATISFIED_FROM} 分及以上计为满意`}>
                          <Switch />
                        </Form.Item>
                      );
                    if (kind !== 'single' && kind !== 'multiple') return null;
                    return (
                      <Row gutter={12}>
                        <Col xs={24} md={14}>
                          <Form.Item name={[f.name, 'options']} label="选项" extra="输入选项后按回车添加，按添加顺序显示">
                            <Select mode="tags" open={false} placeholder="如 满意、基本满意、不满意" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={10}>
                          <Form.Item name={[f.name, 'satisfied']} label="表示满意的选项" extra={kind === 'multiple' ? '所选选项全部表示满意时，该答卷本题计为满意' : '标明后本题计入满意度'}>
                            <Select mode="multiple" placeholder="不计入满意度" options={options.map((o) => ({ value: o, label: o }))} />
                          </Form.Item>
                        </Col>
                      </Row>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'single', text: '', required: true, options: [], satisfied: [] })} data-testid="survey-q-add">
                添加题目
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add(STANDARD_QUESTION)}>
                添加"总体满意度"题
              </Button>
            </Space>
          </Space>
        )}
      </Form.List>
      {problems.length > 0 && (
        <Alert style={{ marginTop: 16 }} type="warning" showIcon message="开始调查前还需处理" description={<ul style={{ margin: 0, paddingLeft: 20 }}>{problems.map((p) => <li key={`${p.code}-${p.field}`}>{p.zh}</li>)}</ul>} />
      )}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={busy} onClick={save} data-testid="survey-save">
          保存问卷
        </Button>
        <Button onClick={() => form.resetFields()}>放弃修改</Button>
      </Space>
    </Form>
  );
}

/** The frozen questionnaire: options that mean satisfied in green. */
function QuestionnaireView({ survey }: { survey: Survey }) {
  if (!survey.questions.length) return <Empty description="问卷没有题目" />;
  return (
    <List
      dataSource={survey.questions}
      renderItem={(q, i) => (
        <List.Item>
          <Space direction="vertical" size={4}>
            <span>
              <b>{i + 1}. {q.text}</b> <Tag>{QUESTION_KIND_TEXT[q.kind]}</Tag>
              {q.required && <Tag color="orange">必答</Tag>}
              {q.kind === 'scale' && q.satisfaction && <Tag color="green">计入满意度（{SCALE_SATISFIED_FROM}—5 分为满意）</Tag>}
            </span>
            {q.options && (
              <Space wrap>
                {q.options.map((o) => (
                  <Tag key={o} color={q.satisfied?.includes(o) ? 'green' : undefined}>{o}</Tag>
                ))}
              </Space>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The links of a batch, shown once: copy them or save them for printing evaluation cards. */
function LinksModal({ issued, onClose }: { issued?: IssuedBatch; onClose: () => void }) {
  const { message } = App.useApp();
  const links = (issued?.tokens ?? []).map((t) => absoluteLink(t.link));
  const text = (issued?.tokens ?? []).map((t, i) => `${t.token}\t${links[i]}`).join('\n');
  const copyAll = async () => {
    try {
      await navigator.clipboard.writeText(links.join('\n'));
      message.success(`已复制 ${links.length} 个链接`);
    } catch {
      message.error('浏览器不允许复制，请使用"下载清单"');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`答卷码\t答卷链接\n${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `答卷码-${issued ? RESPONDENT_GROUP_TEXT[issued.batch.respondent_group as RespondentGroup].replace('/', '、') : ''}-${issued?.batch.id}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Modal title="答卷码已发放" open={!!issued} onCancel={onClose} width={760} footer={[<Button key="dl" icon={<DownloadOutlined />} onClick={download}>下载清单</Button>, <Button key="cp" icon={<CopyOutlined />} onClick={copyAll}>复制全部链接</Button>, <Button key="ok" type="primary" onClick={onClose}>关闭</Button>]}>
      <Alert type="warning" showIcon message="答卷码只显示这一次（系统只保存其摘要），请立即复制或下载后分发；每个答卷码只能答一次卷。" style={{ marginBottom: 12 }} />
      <List
        size="small"
        style={{ maxHeight: 400, overflow: 'auto' }}
        dataSource={issued?.tokens ?? []}
        renderItem={(t, i) => (
          <List.Item>
            <Typography.Text code>{t.token}</Typography.Text>
            <Typography.Text copyable={{ text: links[i], tooltips: ['复制链接', '已复制'] }} style={{ fontSize: 12 }} data-testid={`survey-link-${i}`}>
              {links[i]}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** 答卷码: batches per respondent group with issued and used counts; issuing a new batch. */
function BatchesPanel({ survey }: { survey: Survey }) {
  const { submit } = useSubmit();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedBatch>();
  const issue = async (v: { group: RespondentGroup; count: number; orgId?: number }) => {
    const res = await submit<IssuedBatch>(`/api/assessment/surveys/${survey.id}/batches`, { group: v.group, count: v.count, ...(v.orgId ? { orgId: v.orgId } : {}) }, `已发放 ${v.count} 个答卷码`);
    if (res) setIssued(res);
    return res;
  };
  return (
    <>
      {survey.can.manage && (
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)} style={{ marginBottom: 12 }} data-testid="survey-issue">
          发放答卷码
        </Button>
      )}
      <Table<Batch>
        rowKey="id"
        size="small"
        dataSource={survey.batches}
        pagination={false}
        locale={{ emptyText: survey.public ? '尚未发放答卷码；开始调查后门户可自行领取' : '尚未发放答卷码' }}
        columns={[
          { title: '评价主体', dataIndex: 'respondent_group', render: (g: RespondentGroup) => RESPONDENT_GROUP_TEXT[g] },
          { title: '被评价单位', dataIndex: 'target_name', render: (v) => v ?? <Typography.Text type="secondary">答卷时选择</Typography.Text> },
          { title: '方式', dataIndex: 'channel', width: 110, render: (v: Batch['channel']) => (v === 'portal' ? <Tag color="blue">门户领取</Tag> : <Tag>发放</Tag>) },
          { title: '发放时间', dataIndex: 'issued_at', width: 170, render: (v) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: '发放数', dataIndex: 'issued', width: 90, align: 'right' },
          { title: '已答卷', dataIndex: 'used', width: 90, align: 'right' },
        ]}
      />
      <FormModal title="发放答卷码" open={issuing} onClose={() => setIssuing(false)} onSubmit={issue} initialValues={{ group: 'npc_deputy', count: 10 }} okText="发放" okTestId="survey-issue-submit">
        <Form.Item name="group" label="评价主体" rules={[{ required: true }]}>
          <Select options={RESPONDENT_GROUPS.map((g) => ({ value: g, label: RESPONDENT_GROUP_TEXT[g] }))} />
        </Form.Item>
        <Form.Item name="count" label="份数" rules={[{ required: true, message: '请填写份数' }]}>
          <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgId" label="限定被评价单位" extra="限定后，答卷码只用于评价该单位；不限定则由答卷人选择">
          <Select allowClear placeholder="不限定" options={survey.targets.map((t) => ({ value: t.org_id, label: t.name }))} />
        </Form.Item>
      </FormModal>
      <LinksModal issued={issued} onClose={() => setIssued(undefined)} />
    </>
  );
}

function PercentChart({ results }: { results: Results }) {
  const rows = useMemo(() => results.orgs.filter((o) => o.percent != null).map((o) => ({ name: o.name, value: Number(o.percent), flagged: o.shortfall })), [results]);
  const line = useMemo(() => ({ value: results.threshold, label: `要求 ${results.threshold}%` }), [results.threshold]);
  if (!rows.length) return <Empty description="尚无满意度题的答卷" />;
  return <PercentBars rows={rows} name="满意度" color="#389e0d" line={line} />;
}

function CountsChart({ counts }: { counts: Results['questions'][number]['counts'] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map((c) => c.label), axisLabel: { width: 100, overflow: 'truncate' } },
      series: [{ type: 'bar', data: counts.map((c) => ({ value: c.count, itemStyle: { color: c.satisfied ? '#389e0d' : '#8c8c8c' } })), label: { show: true, position: 'right' } }],
    }),
    [counts],
  );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 30 + counts.length * 32 }} notMerge />;
}

const pct = (v: number | null) => (v == null ? '—' : `${v}%`);
function FlagTag({ percent, shortfall, threshold }: { percent: number | null; shortfall: boolean; threshold: number }) {
  if (percent == null) return <Tag>无答卷</Tag>;
  return shortfall ? <Tag color="red">低于 {threshold}%</Tag> : <Tag color="green">达到要求</Tag>;
}

/** 调查结果: satisfaction per organisation against the rule parameter, and each question's distribution. */
function ResultsPanel({ survey }: { survey: Survey }) {
  const [orgId, setOrgId] = useState<number>();
  const q = useSurveyResults(survey.id, orgId, survey.status !== 'draft');
  const r = q.data;
  if (survey.status === 'draft') return <Empty description="调查开始后在此查看结果" />;
  if (!r) return <ErrorAlert error={q.error} />;
  const basis = r.basis;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <ErrorAlert error={q.error} />
      <Alert type="info" showIcon message={`满意度要求：不低于 ${r.threshold}%`} description={`依据：${basis.law}${basis.article ? ` ${basis.article}` : ''}${basis.quote ? `："${basis.quote}"` : ''}。满意度 = 满意的回答数 ÷ 满意度题的回答数。`} />
      <Row gutter={16}>
        <Col span={6}><Statistic title="答卷" value={r.overall.responses} suffix="份" /></Col>
        <Col span={6}><Statistic title="总体满意度" value={r.overall.percent ?? '—'} suffix={r.overall.percent == null ? undefined : '%'} valueStyle={{ color: r.overall.shortfall ? '#cf1322' : undefined }} /></Col>
        <Col span={12}>
          <Descriptions size="small" column={2} title="各类评价主体答卷">
            {r.groups.map((g) => <Descriptions.Item key={g.group} label={RESPONDENT_GROUP_TEXT[g.group]}>{g.responses} 份</Descriptions.Item>)}
          </Descriptions>
        </Col>
      </Row>
      <Card size="small" title="各单位满意度">
        <PercentChart results={r} />
        <Table
          rowKey="org_id"
          size="small"
          dataSource={r.orgs}
          pagination={false}
          onRow={(o) => ({ 'data-testid': `survey-result-${o.org_id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: '单位', dataIndex: 'name', render: (v, o) => <a onClick={() => setOrgId(o.org_id)}>{v}</a> },
            { title: '答卷', dataIndex: 'responses', width: 80, align: 'right' },
            { title: '满意 / 满意度题回答', key: 'ratio', width: 160, align: 'right', render: (_, o) => `${o.satisfied} / ${o.rated}` },
            { title: '满意度', dataIndex: 'percent', width: 100, align: 'right', render: pct },
            { title: '', key: 'flag', width: 120, render: (_, o) => <FlagTag percent={o.percent} shortfall={o.shortfall} threshold={r.threshold} /> },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="各题回答分布"
        extra={<Select allowClear placeholder="全部单位" style={{ width: 260 }} value={orgId} onChange={(v?: number) => setOrgId(v)} options={r.orgs.map((o) => ({ value: o.org_id, label: o.name }))} />}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {r.questions.map((x, i) => (
            <Card key={x.id} type="inner" size="small" title={`${i + 1}. ${x.text}`} extra={<Space>{x.satisfaction && <Tag color="green">满意度 {pct(x.percent)}</Tag>}<span>{x.answered} 人回答</span></Space>}>
              {x.kind === 'text' ? (
                x.texts.length ? <List size="small" dataSource={x.texts} renderItem={(t) => <List.Item>{t}</List.Item>} /> : <Typography.Text type="secondary">尚无回答</Typography.Text>
              ) : (
                <CountsChart counts={x.counts} />
              )}
            </Card>
          ))}
        </Space>
      </Card>
    </Space>
  );
}

interface InfoForm {
  title: string;
  intro?: string;
  period?: [Dayjs, Dayjs];
  closesOn?: Dayjs;
  public?: boolean;
  orgIds?: number[];
}

/** 编辑基本信息: everything while a draft; once open only the title, introduction and closing date. */
function InfoModal({ survey, open, onClose }: { survey: Survey; open: boolean; onClose: () => void }) {
  const { submit } = useSubmit();
  const draft = survey.status === 'draft';
  const orgs = useOrgOptions(open && draft);
  const save = (v: InfoForm) =>
    submit(
      `/api/assessment/surveys/${survey.id}`,
      {
        version: survey.version,
        title: v.title.trim(),
        intro: v.intro?.trim() ?? '',
        ...(draft ? { opensOn: v.period![0].format('YYYY-MM-DD'), closesOn: v.period![1].format('YYYY-MM-DD'), public: !!v.public, orgIds: v.orgIds } : { closesOn: v.closesOn!.format('YYYY-MM-DD') }),
      },
      '已保存',
      'PATCH',
    );
  const initial: Record<string, unknown> = { title: survey.title, intro: survey.intro ?? '', period: [dayjs(survey.opens_on), dayjs(survey.closes_on)], closesOn: dayjs(survey.closes_on), public: survey.public, orgIds: survey.targets.map((t) => t.org_id) };
  return (
    <FormModal title="编辑基本信息" open={open} onClose={onClose} onSubmit={save} initialValues={initial} okText="保存" width={640}>
      <Form.Item name="title" label="问卷标题" rules={[{ required: true, whitespace: true, message: '请填写问卷标题' }, { min: 4, max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="intro" label="说明" rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {draft ? (
        <>
          <Form.Item name="period" label="调查期间" rules={[{ required: true, message: '请选择调查期间' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="orgIds" label="被评价单位" rules={[{ required: true, message: '请选择被评价单位' }]} extra={survey.round_id ? '须为所关联考核轮次的被考核单位' : undefined}>
            <Select mode="multiple" optionFilterProp="label" loading={orgs.isLoading} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="public" label="在公众门户公开" valuePropName="checked">
            <Switch />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="closesOn" label="截止日期" extra="调查开始后只能调整截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 满意度调查: questionnaire (built while a draft), tokens, and results with the 80% flag. */
export function SurveyDetailPage() {
  const id = Number(useParams().id);
  const q = useSurvey(id);
  const { busy, submit } = useSubmit();
  const [editing, setEditing] = useState(false);
  const sv = q.data;
  if (!sv) return <PageContainer title="满意度调查" loading={q.isLoading}><ErrorAlert error={q.error} /></PageContainer>;
  const manage = sv.can.manage;
  const status = SURVEY_STATUS[sv.status];
  return (
    <PageContainer
      title={sv.title}
      onBack={() => history.back()}
      tags={<><Tag color={status.color}>{status.text}</Tag>{sv.public && <Tag>门户公开</Tag>}</>}
      extra={
        <Space>
          {sv.public && sv.status !== 'draft' && (
            <Button icon={<ExportOutlined />} href={`/public/assessment/surveys/${sv.id}`} target="_blank">门户页面</Button>
          )}
          {manage && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑基本信息</Button>}
          {manage && sv.status === 'draft' && (
            <Popconfirm title="开始调查？" description="开始后问卷题目、被评价单位和公开方式不能再修改" okText="开始" onConfirm={() => submit(`/api/assessment/surveys/${id}/open`, { version: sv.version }, '调查已开始')}>
              <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} data-testid="survey-open">开始调查</Button>
            </Popconfirm>
          )}
          {manage && sv.status === 'open' && (
            <Popconfirm title="结束调查？" description="结束后不再接受答卷" okText="结束" onConfirm={() => submit(`/api/assessment/surveys/${id}/close`, { version: sv.version }, '调查已结束')}>
              <Button danger icon={<StopOutlined />} loading={busy} data-testid="survey-close">结束调查</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="组织单位">{sv.org_name}</Descriptions.Item>
        <Descriptions.Item label="调查期间">{day(sv.opens_on)} 至 {day(sv.closes_on)}</Descriptions.Item>
        <Descriptions.Item label="考核轮次">{sv.round_id ? <Link to={`/assessment/rounds/${sv.round_id}`}>{sv.round_name}</Link> : '不关联'}</Descriptions.Item>
        <Descriptions.Item label="计分指标" span={3}>{sv.node_title ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="被评价单位" span={3}>{sv.targets.map((t) => t.name).join('、')}</Descriptions.Item>
        {sv.intro && <Descriptions.Item label="说明" span={3}><span style={{ whiteSpace: 'pre-wrap' }}>{sv.intro}</span></Descriptions.Item>}
      </Descriptions>
      <Tabs
        defaultActiveKey={sv.status === 'draft' ? 'questions' : 'results'}
        items={[
          { key: 'questions', label: '问卷', children: manage && sv.status === 'draft' ? <QuestionnaireEditor survey={sv} /> : <QuestionnaireView survey={sv} /> },
          { key: 'batches', label: `答卷码（${sv.batches.reduce((n, b) => n + b.used, 0)} / ${sv.batches.reduce((n, b) => n + b.issued, 0)}）`, children: <BatchesPanel survey={sv} /> },
          { key: 'results', label: '调查结果', children: <ResultsPanel survey={sv} /> },
        ]}
      />
      {manage && <InfoModal survey={sv} open={editing} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
