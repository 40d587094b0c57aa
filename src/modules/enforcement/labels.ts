/**
 * The codes of the enforcement module and their Chinese names, as the server writes them
 * (Excel, statistics) and the web app shows them. No imports: the web app imports this
 * file too.
 */

export type SubjectKind = 'statutory' | 'authorized' | 'entrusted';
export type PowerType = 'license' | 'penalty' | 'coercion' | 'levy' | 'inspection' | 'confirmation' | 'adjudication' | 'payment' | 'reward' | 'other';
export type CertStatus = 'none' | 'valid' | 'suspended' | 'revoked';
export type PenaltyKind = 'warning' | 'fine' | 'confiscation' | 'suspension' | 'revocation' | 'detention_transfer' | 'no_penalty';

/** A code shown as a coloured tag. */
export interface TagText {
  text: string;
  color: string;
}

export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = { statutory: '行政机关', authorized: '法律法规授权组织', entrusted: '受委托组织' };
export const POWER_TYPE_LABELS: Record<PowerType, string> = { license: '行政许可', penalty: '行政处罚', coercion: '行政强制', levy: '行政征收', inspection: '行政检查', confirmation: '行政确认', adjudication: '行政裁决', payment: '行政给付', reward: '行政奖励', other: '其他' };
export const PENALTY_KIND_LABELS: Record<PenaltyKind, string> = { warning: '警告', fine: '罚款', confiscation: '没收', suspension: '责令停产停业', revocation: '吊销许可证件', detention_transfer: '行政拘留（移送）', no_penalty: '不予处罚' };
export const OFFICER_KIND_LABELS: Record<string, string> = { officer: '执法人员', auxiliary: '执法辅助人员' };
export const PARTY_KIND_LABELS: Record<string, string> = { person: '自然人', org: '法人或其他组织' };
export const SERVICE_METHOD_LABELS: Record<string, string> = { direct: '直接送达', left: '留置送达', post: '邮寄送达', electronic: '电子送达', entrusted: '委托送达', public: '公告送达', on_spot: '当场交付' };
export const PAY_CHANNEL_LABELS: Record<string, string> = { bank: '指定银行', epay: '电子支付', onspot: '当场收缴' };
export const COMPULSORY_MEASURE_LABELS: Record<string, string> = { surcharge: '加处罚款', auction: '拍卖、依法处理查封扣押的财物', transfer_deposit: '划拨冻结的存款、汇款', court: '申请人民法院强制执行' };
export const RECEIVER_KIND_LABELS: Record<string, string> = { agency: '有管辖权的行政机关', judicial: '司法机关（涉嫌犯罪）' };
export const ACTION_KIND_LABELS: Record<string, string> = { inspection: '现场检查', inquiry: '询问', sampling: '抽样取证', survey: '勘验', seizure: '查封扣押', other: '其他' };
export const EVIDENCE_KIND_LABELS: Record<string, string> = { documentary: '书证', physical: '物证', audiovisual: '视听资料', electronic: '电子数据', testimony: '证人证言', statement: '当事人陈述', expert: '鉴定意见', record: '勘验笔录、现场笔录' };
export const RECUSAL_SOURCE_LABELS: Record<string, string> = { self: '自行回避', organisation: '组织决定', party: '当事人申请' };
export const RECUSAL_OUTCOME_LABELS: Record<string, string> = { recused: '决定回避', rejected: '不予回避' };
export const CHANGE_KIND_LABELS: Record<string, string> = { changed: '变更', revoked: '撤销', unlawful: '确认违法或无效' };

/** A case's states (procedure.ts) as the lists and the case page show them. */
export const CASE_STATUS: Record<string, TagText> = {
  investigation: { text: '调查取证', color: 'blue' },
  notified: { text: '已告知', color: 'cyan' },
  hearing: { text: '听证', color: 'purple' },
  review: { text: '法制审核', color: 'geekblue' },
  deciding: { text: '待决定', color: 'gold' },
  decided: { text: '已决定待送达', color: 'orange' },
  served: { text: '已送达待履行', color: 'volcano' },
  enforcing: { text: '强制执行', color: 'red' },
  executed: { text: '已执行', color: 'green' },
  closed: { text: '结案归档', color: 'default' },
  transferred: { text: '已移送', color: 'default' },
  withdrawn: { text: '已撤销立案', color: 'default' },
};
export const CERT_STATUS: Record<CertStatus, TagText> = { none: { text: '未发证', color: 'default' }, valid: { text: '有效', color: 'green' }, suspended: { text: '暂扣', color: 'orange' }, revoked: { text: '注销', color: 'red' } };
