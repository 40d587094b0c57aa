/**
 * A refusal or bad input that the client can act on. One handler (problem.ts) turns it
 * into application/problem+json with a stable code, Chinese title/detail and English.
 */
export interface LegalBasis {
  law: string;
  article?: string;
  quote?: string;
}

export interface DomainErrorInit {
  status: number;
  code: string;
  title: string;
  detail: string;
  detail_en: string;
  field?: string;
  rule?: string;
  basis?: LegalBasis;
  extra?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly detail_en: string;
  readonly field?: string;
  readonly rule?: string;
  readonly basis?: LegalBasis;
  readonly extra?: Record<string, unknown>;
  constructor(init: DomainErrorInit) {
    super(init.detail_en);
    this.name = 'DomainError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.detail_en = init.detail_en;
    this.field = init.field;
    this.rule = init.rule;
    this.basis = init.basis;
    this.extra = init.extra;
  }
}

type Msg = { zh: string; en: string };

export const badInput = (code: string, field: string, msg: Msg, extra?: Record<string, unknown>) =>
  new DomainError({ status: 400, code, title: '请求参数有误', detail: msg.zh, detail_en: msg.en, field, extra });

export const notFound = (what: Msg, field?: string) =>
  new DomainError({
    status: 404,
    code: 'not_found',
    title: '未找到',
    detail: `${what.zh}不存在或无权访问`,
    detail_en: `${what.en} not found or not accessible`,
    field,
  });

export const forbidden = (msg: Msg, code = 'forbidden') =>
  new DomainError({ status: 403, code, title: '无权操作', detail: msg.zh, detail_en: msg.en });

export const conflict = (code: string, msg: Msg, field?: string, extra?: Record<string, unknown>) =>
  new DomainError({ status: 409, code, title: '操作冲突', detail: msg.zh, detail_en: msg.en, field, extra });

export const unauthenticated = () =>
  new DomainError({
    status: 401,
    code: 'unauthenticated',
    title: '未登录',
    detail: '请先登录',
    detail_en: 'Please log in first',
  });

export const staleVersion = (entity: Msg) =>
  conflict(
    'stale_version',
    {
      zh: `${entity.zh}已被他人修改，请刷新后重试`,
      en: `${entity.en} was changed by someone else; reload and try again`,
    },
    'version',
  );
