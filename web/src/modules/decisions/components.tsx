import { Table, Tag, type TableProps } from 'antd';
import { DECISION_STATUS_LABELS, type DecisionStatus } from './api';
import { ErrorAlert } from '../../core/components';

export { compact, DateField, OrgField } from '../../core/formFields';

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

