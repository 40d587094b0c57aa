/** A problem+json answer of the API (DESIGN.md §6): stable code, Chinese title/detail. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  detail_en?: string;
  field?: string;
  rule?: string;
  basis?: { law?: string; article?: string; quote?: string };
}

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status() {
    return this.problem.status;
  }
}

let csrfToken = '';
/** The CSRF token comes with /api/auth/me and login; every state-changing call sends it. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

let onUnauthenticated: () => void = () => {};
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

export async function api<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const problem: Problem = typeof data === 'object' && data ? data : { status: res.status, code: 'http_error', title: '请求失败', detail: String(data).slice(0, 200) };
    if (res.status === 401 && !url.startsWith('/api/auth/login')) onUnauthenticated();
    throw new ApiError(problem);
  }
  return data as T;
}

export const get = <T = any>(url: string) => api<T>('GET', url);
export const post = <T = any>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const put = <T = any>(url: string, body: unknown = {}) => api<T>('PUT', url, body);
export const patch = <T = any>(url: string, body: unknown = {}) => api<T>('PATCH', url, body);
export const del = <T = any>(url: string) => api<T>('DELETE', url);

/** Query string from defined values only. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The message shown to the user: the Chinese detail, plus the rule that refused, if any. */
export function problemText(err: unknown): string {
  if (err instanceof ApiError) {
    const b = err.problem.basis;
    const basis = b?.law ? `（依据：${b.law}${b.article ? ' ' + b.article : ''}）` : '';
    return `${err.problem.detail || err.problem.title}${basis}`;
  }
  return err instanceof Error ? err.message : String(err);
}
