import { Form, Input, Select, Table, Tag, type TableProps } from 'antd';
import { DECISION_STATUS_LABELS, type DecisionStatus } from './api';
import { ErrorAlert } from '../../core/components';
import { useAuth } from '../../core/auth';
import { useOrgs } from '../../core/pages/Orgs';

/** A day as the API wants it ('YYYY-MM-DD'), from the browser's own date field. */
export function DateField({ name, label, required }: { name: string; label: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <Input type="date" data-testid={`field-${name}`} />
    </Form.Item>
  );
}

/** The organisations the caller can see, to pick a government, a unit or a body. */
export function OrgField({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  const { can } = useAuth();
  const orgs = useOrgs(can('org.read'));
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请选择${label}` }] : []}>
      <Select allowClear={!required} showSearch optionFilterProp="label" loading={orgs.isLoading} data-testid={`field-${name}`} options={(orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))} />
    </Form.Item>
  );
}

/** Drops empty strings, so optional fields are left out rather than sent blank. */
export function compact<T extends Record<string, unknown>>(v: T): Partial<T> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null)) as Partial<T>;
}

/** A register's table fed by a query: its error, its loading state, an empty text. */
export function QueryTable<T extends object>({ query, empty, ...rest }: { query: { data?: T[]; error: unknown; isLoading: boolean }; empty: string } & Omit<TableProps<T>, 'dataSource' | 'loading'>) {
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<T> rowKey="id" loading={query.isLoading} dataSource={query.data} pagination={{ pageSize: 30, hideOnSinglePage: true }} locale={{ emptyText: empty }} {...rest} />
    </>
  );
}

const STATUS_COLORS: Partial<Record<DecisionStatus, string>> = { legality: 'purple', discussion: 'orange', decided: 'orange', implementing: 'green', suspended: 'gold', evaluated: 'cyan', rejected: 'red', stopped: 'red', closed: 'default' };

/** A decision's state, coloured by who acts next. */
export function DecisionStatusTag({ status, testId }: { status: DecisionStatus; testId?: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'blue'} data-testid={testId}>{DECISION_STATUS_LABELS[status] ?? status}</Tag>;
}

