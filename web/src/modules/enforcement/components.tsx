import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { get, qs } from '../../core/api';
import { ErrorAlert } from '../../core/components';
export { FormModal } from '../../core/FormModal';
import { CASE_STATUS, OFFICER_REFUSAL_TEXT, officerRefusal, today, type Officer } from './api';

const SIMPLE_STATUS: Record<string, string> = { decided: '已当场决定', executed: '已缴纳' };

export function CaseStatusTag({ status, simple, testId }: { status: string; simple?: boolean; testId?: string }) {
  const s = CASE_STATUS[status] ?? { text: status, color: 'default' };
  return (
    <Tag color={s.color} data-testid={testId}>
      {(simple && SIMPLE_STATUS[status]) || s.text}
    </Tag>
  );
}

/**
 * A calendar day as the API wants it ('YYYY-MM-DD'), never a date-time. Dates of acts
 * that have happened cannot lie after today (the server refuses them too).
 */
export function DateInput({ value, onChange, future, ...rest }: { value?: string | null; onChange?: (v: string | undefined) => void; future?: boolean; 'data-testid'?: string; placeholder?: string }) {
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      disabledDate={future ? undefined : (d) => d.format('YYYY-MM-DD') > today()}
    />
  );
}

/** A required date form item named `name` (a path), today by default. */
export function DateItem({ name, label, required = true, initial = today(), future, testId, extra }: { name: string | (string | number)[]; label: string; required?: boolean; initial?: string | null; future?: boolean; testId?: string; extra?: ReactNode }) {
  return (
    <Form.Item name={name} label={label} initialValue={initial ?? undefined} rules={required ? [{ required: true, message: `请选择${label}` }] : []} extra={extra}>
      <DateInput future={future} data-testid={testId} />
    </Form.Item>
  );
}

/** An SM3 digest, shortened, monospace; the full value in the tooltip and on copy. */
export function Digest({ value }: { value: string }) {
  return (
    <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>SM3：{value}</span>}>
      <Typography.Text code copyable={{ text: value, tooltips: ['复制 SM3 摘要', '已复制'] }} style={{ fontSize: 12 }}>
        SM3 {value.slice(0, 8)}…{value.slice(-6)}
      </Typography.Text>
    </Tooltip>
  );
}

export function useOfficers(enabled = true, year?: number) {
  return useQuery({ queryKey: ['enforcement', 'officers', year ?? null], enabled, queryFn: () => get<Officer[]>(`/api/enforcement/officers${qs({ year })}`) });
}

/**
 * The officers of one enforcement subject who may act on `date`: auxiliaries and officers
 * without a valid certificate are listed disabled with the reason (行政处罚法 art. 42).
 */
export function OfficerSelect({ orgId, date, value, onChange, ...rest }: { orgId?: number; date?: string; value?: number[]; onChange?: (v: number[]) => void; 'data-testid'?: string }) {
  const officers = useOfficers(true);
  const on = date ?? today();
  const rows = (officers.data ?? []).filter((o) => o.org_id === orgId);
  const opts = rows
    .map((o) => {
      const refusal = officerRefusal(o, orgId ?? 0, on);
      return {
        value: o.id,
        disabled: !!refusal,
        label: refusal ? `${o.name}（${OFFICER_REFUSAL_TEXT[refusal].zh}）` : `${o.name}${o.cert_no ? ` · ${o.cert_no}` : ''}`,
      };
    })
    .sort((a, b) => Number(a.disabled) - Number(b.disabled));
  return (
    <Select
      {...rest}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={officers.isLoading}
      disabled={!orgId}
      placeholder={orgId ? '选择两名以上持有效执法证件的执法人员' : '请先选择执法职权'}
      showSearch
      optionFilterProp="label"
      options={opts}
      notFoundContent={orgId ? '该执法主体没有登记执法人员' : null}
    />
  );
}


/** The rows of a list query by id, with its refusal above and a spinner while it loads. */
export function ListTable<T extends object>({ query, ...rest }: { query: { error: unknown; isLoading: boolean } } & TableProps<T>) {
  return (
    <>
      <ErrorAlert error={query.error} />
      <Table<T> rowKey="id" size="middle" loading={query.isLoading} {...rest} />
    </>
  );
}
