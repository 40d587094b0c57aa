import { useNavigate } from 'react-router-dom';
import { Form, InputNumber, Tag } from 'antd';
import { METHOD, STATUS, type Method, type SystemRow } from './api';
import { useSubmit } from './useSubmit';
import { FormModal } from '../../core/FormModal';
export { FormModal };

export function StatusTag({ status }: { status: SystemRow['status'] }) {
  const s = STATUS[status] ?? { text: status, color: 'default' };
  return <Tag color={s.color}>{s.text}</Tag>;
}

/** A leaf's scoring method; a leaf without one (e.g. its only child deleted) is flagged. */
export function MethodTag({ method }: { method: Method | null }) {
  if (!method) return <Tag color="orange">未设评分方法</Tag>;
  const m = METHOD[method] ?? { text: method, color: 'default' };
  return <Tag color={m.color}>{m.text}</Tag>;
}


export const thisYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** 复制为新版本: a draft with the same tree and links, for the same or another year; opens it. */
export function CopyModal({ system, onClose }: { system?: Pick<SystemRow, 'id' | 'name' | 'year' | 'edition'>; onClose: () => void }) {
  const { submit } = useSubmit();
  const navigate = useNavigate();
  const save = async (v: { year: number }) => {
    const copy = await submit<{ id: number }>(`/api/assessment/systems/${system!.id}/copy`, { year: v.year }, '已复制为新版本草稿');
    if (copy) navigate(`/assessment/systems/${copy.id}`);
    return copy;
  };
  return (
    <FormModal title={system ? `复制为新版本：${system.name}（第${system.edition}版）` : ''} open={!!system} onClose={onClose} onSubmit={save} initialValues={{ year: system?.year }} okText="复制" okTestId="system-copy-submit">
      <Form.Item name="year" label="年度" extra="同一年度再复制即为新的版本号；指标树、分值和指标数据关联一并复制" rules={[{ required: true, message: '请填写年度' }]}>
        <InputNumber data-testid="system-copy-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
