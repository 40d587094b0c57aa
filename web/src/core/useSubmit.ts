import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { api, problemText } from './api';

export type SubmitMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One mutation of a module: send, then a success toast and fresh data for the given query
 * keys (the module's lists, the procedure panels, 我的待办); a refusal shows the server's
 * Chinese problem text with its legal basis. Returns the answer, or undefined when refused.
 */
export function useSubmitFor(queryKeys: string[][]) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async <T = unknown>(url: string, body: unknown, success: string, method: SubmitMethod = 'POST'): Promise<T | undefined> => {
    setBusy(true);
    try {
      const res = await api<T>(method, url, method === 'DELETE' ? undefined : body);
      message.success(success);
      await Promise.all(queryKeys.map((queryKey) => qc.invalidateQueries({ queryKey })));
      return res;
    } catch (err) {
      message.error(problemText(err), 6);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
