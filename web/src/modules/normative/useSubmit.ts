import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { post, problemText } from '../../core/api';

/**
 * One mutation of this module: POST, then a success toast and fresh lists (documents and
 * 我的待办, whose deadlines the step may have closed); a refusal shows the server's
 * Chinese problem text. Returns whether it succeeded.
 */
export function useSubmit() {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async (url: string, body: unknown, success: string): Promise<boolean> => {
    setBusy(true);
    try {
      await post(url, body);
      message.success(success);
      await qc.invalidateQueries({ queryKey: ['normative'] });
      await qc.invalidateQueries({ queryKey: ['my-deadlines'] });
      return true;
    } catch (err) {
      message.error(problemText(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
