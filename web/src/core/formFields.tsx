import { Form, Input, Select } from 'antd';
import { useAuth } from './auth';
import { useOrgs } from './pages/Orgs';

/** Form fields the modules' forms share: a day, an organisation, and the cleaning of optional values. */

/** A day as the API wants it ('YYYY-MM-DD'), from the browser's own date field. */
export function DateField({ name, label, required, extra, testId }: { name: string | (string | number)[]; label: string; required?: boolean; extra?: string; testId?: string }) {
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <Input type="date" data-testid={testId ?? `field-${Array.isArray(name) ? name.join('-') : name}`} />
    </Form.Item>
  );
}

/** The organisations the caller can see, to pick a body or a unit (one, or several with `multiple`; only one type with `orgType`). */
export function OrgField({ name, label, required = true, multiple, extra, orgType }: { name: string; label: string; required?: boolean; multiple?: boolean; extra?: string; orgType?: string }) {
  const { can } = useAuth();
  const orgs = useOrgs(can('org.read'));
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <Select
        mode={multiple ? 'multiple' : undefined}
        allowClear={!required || multiple}
        showSearch
        optionFilterProp="label"
        loading={orgs.isLoading}
        data-testid={`field-${name}`}
        options={(orgs.data ?? []).filter((o) => o.active && (!orgType || o.org_type === orgType)).map((o) => ({ value: o.id, label: o.name }))}
      />
    </Form.Item>
  );
}

/** Drops empty strings, so optional fields are left out rather than sent blank. */
export function compact<T extends Record<string, unknown>>(v: T): Partial<T> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null)) as Partial<T>;
}
