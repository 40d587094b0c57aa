import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ACTION_KIND_LABELS, CHANGE_KIND_LABELS, COMPULSORY_MEASURE_LABELS, EVIDENCE_KIND_LABELS, PAY_CHANNEL_LABELS, PENALTY_KIND_LABELS, RECEIVER_KIND_LABELS, RECUSAL_OUTCOME_LABELS, RECUSAL_SOURCE_LABELS, SERVICE_METHOD_LABELS, money, type CaseDetail, type CaseRecord } from '../api';
import { Digest } from '../components';

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const label = (map: Record<string, string>, v: unknown) => map[s(v)] ?? s(v);

/** One line of what a record says, from its content (the full record is in the exported case file). */
function summary(r: CaseRecord): string {
  const c = r.content ?? {};
  const kind = r.kind.split('.')[0];
  switch (kind) {
    case 'filing':
      return [c.caseNo && `案号 ${s(c.caseNo)}`, c.source && `来源：${s(c.source)}`, s(c.facts)].filter(Boolean).join('；');
    case 'action':
      return `${label(ACTION_KIND_LABELS, c.kind)} · ${s(c.place)}：${s(c.summary)}${c.certificatesShown ? '（已出示执法证件）' : ''}`;
    case 'evidence':
      return `${label(EVIDENCE_KIND_LABELS, c.kind)}：${s(c.description)}`;
    case 'notice':
      return `拟${label(PENALTY_KIND_LABELS, c.penaltyKind)}${c.proposedFine != null ? ` ${money(c.proposedFine as number)}` : ''}${c.deviationReason ? `；偏离基准理由：${s(c.deviationReason)}` : ''}${c.rights ? `；${s(c.rights)}` : ''}`;
    case 'statement':
      return `${c.waivesRights ? '【明确放弃】' : ''}${s(c.content)}`;
    case 'hearing_request':
      return `当事人于 ${s(c.requestedOn)} 要求听证`;
    case 'hearing':
      return `主持人 ${s(c.presider)}；通知 ${s(c.noticeOn)}；${s(c.transcript).slice(0, 120)}`;
    case 'decision':
      return [c.decisionNo && s(c.decisionNo), `${label(PENALTY_KIND_LABELS, c.penaltyKind)} ${money(c.fine as number)}`, c.otherPenalties && s(c.otherPenalties), c.benchmark && `基准：${s(c.benchmark)}`, c.deviationReason && `偏离理由：${s(c.deviationReason)}`].filter(Boolean).join('；');
    case 'simple_decision':
      return `${s(c.decisionNo)}；${s(c.place)}；${label(PENALTY_KIND_LABELS, c.penaltyKind)} ${money(c.fine as number)}`;
    case 'service':
      return label(SERVICE_METHOD_LABELS, c.method);
    case 'payment':
      return `${label(PAY_CHANNEL_LABELS, c.channel)} · 票据 ${s(c.receiptNo)} · ${money(c.amount as number)}${Number(c.surcharge ?? 0) > 0 ? `（含加处罚款 ${money(c.surcharge as number)}）` : ''}`;
    case 'collective':
      return `${s(c.meeting)}：${s(c.conclusion)}`;
    case 'recusal':
      return r.kind === 'recusal.apply' ? `${label(RECUSAL_SOURCE_LABELS, c.source)}：${s(c.reason)}` : `${label(RECUSAL_OUTCOME_LABELS, c.outcome)}：${s(c.reason)}`;
    case 'extension':
      return `延长 ${s(c.days)} 日至 ${s(c.due)}：${s(c.reason)}`;
    case 'publicity':
      return `公示期限 ${s(c.due)}${c.onTime === false ? '（逾期公示）' : ''}`;
    case 'decision_change':
      return `${label(CHANGE_KIND_LABELS, c.kind)}：${s(c.reason)}`;
    case 'publicity_withdraw':
      return s(c.reason);
    case 'transfer':
      return `移送${label(RECEIVER_KIND_LABELS, c.receiverKind)}：${s(c.receiver)}`;
    case 'compulsory':
      return label(COMPULSORY_MEASURE_LABELS, c.measure);
    default:
      return '';
  }
}

/** 全过程记录: every act of the case in order, with its officers and the SM3 digest of what was recorded. */
export function RecordsTimeline({ c }: { c: CaseDetail }) {
  const names = new Map(c.officers.map((o) => [o.id, o.name]));
  return (
    <Card title="全过程记录" size="small" style={{ marginBottom: 16 }} extra={<Typography.Text type="secondary">{c.records.length} 项，每项记录 SM3 摘要</Typography.Text>}>
      {c.records.length === 0 ? (
        <Empty description="尚无记录" />
      ) : (
        <div data-testid="case-timeline">
        <Timeline
          items={c.records.map((r) => {
            const line = summary(r);
            const note = r.content?.note ? String(r.content.note) : '';
            return {
              key: r.id,
              color: r.kind === 'decision' || r.kind === 'simple_decision' ? 'red' : r.kind.startsWith('recusal') ? 'orange' : 'blue',
              children: (
                <div data-testid={`record-${r.kind}`}>
                  <Space wrap size={6}>
                    <Typography.Text type="secondary">{r.happened_on}</Typography.Text>
                    <b>{r.title}</b>
                    {r.officer_ids.map((id) => (
                      <Tag key={id} bordered={false}>{names.get(id) ?? `#${id}`}</Tag>
                    ))}
                    {r.attachment_id && (
                      <a href={`/api/attachments/${r.attachment_id}`}>
                        <PaperClipOutlined /> 附件
                      </a>
                    )}
                  </Space>
                  {line && <div style={{ color: '#555', whiteSpace: 'pre-wrap' }}>{line}</div>}
                  {note && <div style={{ color: '#888' }}>意见：{note}</div>}
                  <Digest value={r.digest} />
                </div>
              ),
            };
          })}
        />
        </div>
      )}
    </Card>
  );
}
