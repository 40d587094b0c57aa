import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { api, problemText } from '../../core/api';

/**
 * One mutation of this module: send, then a success toast and fresh data (this module's
 * lists, the procedure panels whose guards the act may have satisfied, 我的待办); a
 * refusal shows the server's Chinese problem text with its legal basis. Returns the
 * answer, or undefined when refused.
 */
export function useSubmit() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async <T = unknown>(url: string, body: unknown, success: string, method: 'POST' | 'PUT' | 'PATCH' = 'POST'): Promise<T | undefined> => {
    setBusy(true);
    try {
      const res = await api<T>(method, url, body);
      message.success(success);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['enforcement'] }),
        qc.invalidateQueries({ queryKey: ['procedure'] }),
        qc.invalidateQueries({ queryKey: ['my-deadlines'] }),
      ]);
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
