import { useState } from 'react';
import { Alert, Form, Input, Modal, message } from 'antd';
import { post, problemText } from './api';
import { useAuth } from './auth';

/** Own password change; forced (not closable) after an administrator's reset. */
export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { refresh } = useAuth();
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success('口令已修改，其他登录已失效');
      form.resetFields();
      onClose();
      await refresh();
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="修改口令" open={open} onOk={submit} confirmLoading={busy} onCancel={forced ? undefined : onClose} closable={!forced} maskClosable={false} cancelButtonProps={{ style: forced ? { display: 'none' } : undefined }} okText="修改" destroyOnHidden>
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="管理员已重置您的口令，请先设置新口令" />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label="原口令" rules={[{ required: true, message: '请输入原口令' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新口令" extra="至少 10 位，包含大写字母、小写字母、数字、符号中的三类，不含用户名" rules={[{ required: true, min: 10, message: '至少 10 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新口令"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
