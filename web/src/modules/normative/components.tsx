import { Tag } from 'antd';
import type { Flag } from './api';
import { STATUS, daysUntil } from './api';

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

/**
 * The days left before a document's validity ends: yellow within 60 days, orange within
 * 30 (the reminder thresholds of the expiry scan) unless `tiers` is off, red once past;
 * nothing otherwise.
 */
export function ExpiryTag({ expiresOn, testId, tiers = true }: { expiresOn: string | null | undefined; testId?: string; tiers?: boolean }) {
  if (!expiresOn) return null;
  const days = daysUntil(expiresOn);
  if (days > 60) return null;
  if (days < 0) return <Tag color="red" data-testid={testId} style={{ marginLeft: 8 }}>已届满</Tag>;
  return (
    <Tag color={tiers && days <= 30 ? 'orange' : 'gold'} data-testid={testId} style={{ marginLeft: 8 }}>
      即将届满（剩 {days} 日）
    </Tag>
  );
}
