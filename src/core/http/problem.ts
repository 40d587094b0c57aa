import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from './errors.ts';

/** RFC 9457 problem details with a stable code and Chinese/English text. */
export interface Problem {
  type: string;
  status: number;
  code: string;
  title: string;
  detail: string;
  detail_en: string;
  field?: string;
  rule?: string;
  basis?: { law: string; article?: string; quote?: string };
  [k: string]: unknown;
}

const FASTIFY_CODES: Record<string, { status: number; code: string; zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json', zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed_json', zh: '请求体为空', en: 'The JSON body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', zh: '请求体过大', en: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', zh: '不支持的内容类型', en: 'Unsupported content type' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'file_too_large', zh: '上传文件超过大小限制', en: 'The uploaded file exceeds the size limit' },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_files', zh: '上传文件数量超过限制', en: 'Too many files' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'not_multipart', zh: '请以 multipart/form-data 上传文件', en: 'Upload files as multipart/form-data' },
  FST_ERR_RATE_LIMIT: { status: 429, code: 'rate_limited', zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
};

function validationProblem(err: FastifyError): Problem {
  const v = err.validation?.[0] as any;
  const ctx = err.validationContext ?? 'body';
  let field = v?.instancePath ? v.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
  if (v?.keyword === 'required') field = [field, v.params?.missingProperty].filter(Boolean).join('.');
  if (v?.keyword === 'additionalProperties') field = [field, v.params?.additionalProperty].filter(Boolean).join('.');
  const where = `${ctx}${field ? '.' + field : ''}`;
  const zh: Record<string, string> = {
    required: `缺少必填字段 ${where}`,
    additionalProperties: `不允许的字段 ${where}`,
    type: `字段 ${where} 类型错误，应为 ${v?.params?.type}`,
    format: `字段 ${where} 格式错误，应为 ${v?.params?.format}`,
    pattern: `字段 ${where} 格式错误`,
    maxLength: `字段 ${where} 过长`,
    minLength: `字段 ${where} 过短`,
    minimum: `字段 ${where} 过小`,
    maximum: `字段 ${where} 过大`,
    enum: `字段 ${where} 取值不在允许范围内`,
  };
  return {
    type: 'about:blank',
    status: 400,
    code: 'invalid_input',
    title: '请求参数有误',
    detail: zh[v?.keyword] ?? `字段 ${where} 不合法`,
    detail_en: `${where} ${v?.message ?? 'is invalid'}`,
    field: where,
    rule: v?.keyword,
  };
}

export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    return {
      type: 'about:blank',
      status: err.status,
      code: err.code,
      title: err.title,
      detail: err.detail,
      detail_en: err.detail_en,
      ...(err.field ? { field: err.field } : {}),
      ...(err.rule ? { rule: err.rule } : {}),
      ...(err.basis ? { basis: err.basis } : {}),
      ...(err.extra ?? {}),
    };
  }
  const fe = err as FastifyError;
  if (fe?.validation) return validationProblem(fe);
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) {
    return { type: 'about:blank', status: mapped.status, code: mapped.code, title: '请求被拒绝', detail: mapped.zh, detail_en: mapped.en };
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      type: 'about:blank',
      status: fe.statusCode,
      code: 'bad_request',
      title: '请求有误',
      detail: '请求有误',
      detail_en: fe.message,
    };
  }
  // 5xx: never show internals to the client.
  return { type: 'about:blank', status: 500, code: 'internal_error', title: '服务器内部错误', detail: '服务器内部错误，请联系管理员', detail_en: 'Internal server error' };
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const problem = toProblem(err);
    if (problem.status >= 500) req.log.error({ err }, 'unhandled error');
    reply.status(problem.status).type('application/problem+json').send(problem);
  });
}

/** 404 as problem+json; with the web app built, client-side routes get its shell. */
export function registerNotFound(app: FastifyInstance, spaFallback: boolean) {
  app.setNotFoundHandler((req, reply) => {
    if (spaFallback && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    const url = req.url.split('?')[0];
    return reply.status(404).type('application/problem+json').send({
      type: 'about:blank',
      status: 404,
      code: 'route_not_found',
      title: '未找到',
      detail: `接口不存在：${req.method} ${url}`,
      detail_en: `No route ${req.method} ${url}`,
    });
  });
}
