/**
 * The codes of the major-decisions module and their Chinese names, as the server writes
 * them and the web app shows them. No imports: the web app imports this file too.
 */

/** Fields of an expert (seed 002 #23: 社会稳定、环境保护、社会效益、法律纠纷、财政和公共安全; seed 003 篇6 §2(三): 经济、法律、科技). */
export type ExpertField = 'law' | 'economy' | 'environment' | 'engineering' | 'finance' | 'public_safety' | 'social_stability' | 'other';
export const EXPERT_FIELD_LABELS: Record<ExpertField, string> = {
  law: '法律',
  economy: '经济',
  environment: '生态环境',
  engineering: '工程技术',
  finance: '财政金融',
  public_safety: '公共安全',
  social_stability: '社会稳定',
  other: '其他',
};
export const EXPERT_FIELDS = Object.keys(EXPERT_FIELD_LABELS) as ExpertField[];

export type AdviserKind = 'in_house' | 'external';
export const ADVISER_KIND_LABELS: Record<AdviserKind, string> = { in_house: '内部法律顾问（法制机构人员）', external: '外聘法律顾问' };
export type AdviserProfession = 'lawyer' | 'scholar' | 'official' | 'other';
export const ADVISER_PROFESSION_LABELS: Record<AdviserProfession, string> = { lawyer: '执业律师', scholar: '法学专家学者', official: '法制机构工作人员', other: '其他法律专业人员' };

export type CatalogueStatus = 'draft' | 'published';
export const CATALOGUE_STATUS_LABELS: Record<CatalogueStatus, string> = { draft: '草拟中', published: '已公布' };

export type AmendmentKind = 'add' | 'change' | 'remove';
export const AMENDMENT_KIND_LABELS: Record<AmendmentKind, string> = { add: '增列事项', change: '调整事项', remove: '移出事项' };

/** Why an expert of the pool was not drawn. */
export type DrawExclusion = 'inactive' | 'conflict' | 'already_drawn' | 'field_full' | 'not_requested';
export const DRAW_EXCLUSION_LABELS: Record<DrawExclusion, string> = {
  inactive: '已停用',
  conflict: '存在利害关系（回避）',
  already_drawn: '已被抽取参加该事项论证',
  field_full: '该领域名额已满（未抽中）',
  not_requested: '所属领域不在本次抽取范围',
};
