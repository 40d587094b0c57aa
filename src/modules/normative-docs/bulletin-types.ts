/**
 * The filing-review bulletin as the service builds it and the files and the web page show
 * it. No imports: the web app imports this file too.
 */
export interface BulletinCounts {
  issued: number;
  filedOnTime: number;
  filedLate: number;
  notFiled: number;
  approved: number;
  correction: number;
  revoked: number;
  pending: number;
}
export interface BulletinRow extends BulletinCounts {
  issuerOrgId: number;
  issuerName: string;
}
export interface Bulletin {
  title: string; // e.g. '演示市2026年第3季度规范性文件备案审查情况通报'
  authority: string; // issuing office, e.g. '演示市司法局'
  docNumber?: string; // e.g. '演司通〔2026〕5号'
  period: { kind: 'quarter' | 'year'; year: number; quarter?: number; from: string; to: string }; // YYYY-MM-DD
  rows: BulletinRow[];
  totals: BulletinCounts;
  issuedOn: string; // YYYY-MM-DD
}
