import { useState, type ReactNode } from 'react';
import { Form, Modal } from 'antd';

/**
 * A modal holding one form: validates, hands the values to `onSubmit`, closes when it
 * returns truthy (the submit hook has shown the refusal otherwise).
 */
export function FormModal({
  title,
  open,
  onClose,
  onSubmit,
  children,
  okText = '确定',
  okTestId,
  initialValues,
  width,
}: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  onSubmit: (values: any) => Promise<unknown>;
  children: ReactNode;
  okText?: string;
  okTestId?: string;
  initialValues?: Record<string, unknown>;
  width?: number;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      if (await onSubmit(v)) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} open={open} onOk={ok} confirmLoading={busy} onCancel={onClose} okText={okText} okButtonProps={okTestId ? ({ 'data-testid': okTestId } as any) : undefined} width={width} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
