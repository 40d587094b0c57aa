import { Tag } from 'antd';
import type { Flag } from './api';
import { STATUS } from './api';

export function StatusTag({ status }: { status: string }) {
  const s = STATUS[status] ?? { text: status, color: 'default' };
  return <Tag color={s.color}>{s.text}</Tag>;
}

/** The text with the assistant's flagged words marked; overlapping flags keep the first. */
export function FlaggedText({ body, flags, active }: { body: string; flags: Flag[]; active?: number }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  flags
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.start - b.f.start)
    .forEach(({ f, i }) => {
      if (f.start < at) return;
      parts.push(body.slice(at, f.start));
      parts.push(
        <mark key={i} data-testid={`flag-${i}`} title={`${f.name}：${f.advice}`} style={{ background: f.severity === 'warning' ? (active === i ? '#ffa39e' : '#fff1b8') : '#e6f4ff', padding: '0 2px' }}>
          {body.slice(f.start, f.end)}
        </mark>,
      );
      at = f.end;
    });
  parts.push(body.slice(at));
  return <div style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15 }}>{parts}</div>;
}
