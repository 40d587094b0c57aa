import type { ColumnType, Generated } from 'kysely';

/** Kysely row types of the core tables (see migrations/core_001_init.sql). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent_code: string | null;
  path: string;
  created_at: Generated<Date>;
}
export type OrgType =
  | 'people_government'
  | 'government_department'
  | 'legal_affairs'
  | 'enforcement_agency'
  | 'township_street'
  | 'authorized_organization';
export interface OrgTable {
  id: Generated<number>;
  name: string;
  short_name: string | null;
  org_type: OrgType;
  region_code: string;
  parent_id: number | null;
  path: string;
  assessment_category: string | null;
  credit_code: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface RoleTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
  builtin: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  region_code: string;
  password_hash: string;
  password_changed_at: Generated<Date>;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  phone_enc: string | null;
  id_number_enc: string | null;
  title: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export type DataScope = 'own' | 'subtree' | 'region' | 'all';
export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role_id: number;
  org_id: number;
  scope: DataScope;
  created_at: Generated<Date>;
}
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  current_org_id: number | null;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string | null;
  success: boolean;
  reason: string | null;
  at: Generated<Date>;
}
export interface RuleParamTable {
  id: Generated<number>;
  key: string;
  name: string;
  value: Json;
  unit: string;
  jurisdiction: string;
  effective_from: string;
  effective_to: string | null;
  basis_law: string;
  basis_article: string | null;
  basis_quote: string | null;
  note: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface CalendarDayTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: Generated<string>;
  updated_at: Generated<Date>;
}
export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: Generated<Date>;
}
export interface ProcedureInstanceTable {
  id: Generated<number>;
  procedure: string;
  module: string;
  subject_type: string;
  subject_id: string;
  title: string;
  state: string;
  org_id: number;
  region_code: string;
  data: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ProcedureHistoryTable {
  id: Generated<number>;
  instance_id: number;
  transition: string;
  from_state: string;
  to_state: string;
  actor_id: number | null;
  note: string | null;
  data: Json<Record<string, unknown>>;
  at: Generated<Date>;
}
export type DeadlineUnit = 'working' | 'calendar' | 'month';
export interface DeadlineTable {
  id: Generated<number>;
  module: string;
  kind: string;
  title: string;
  subject_type: string;
  subject_id: string;
  instance_id: number | null;
  org_id: number;
  region_code: string;
  assignee_user_id: number | null;
  rule_key: string | null;
  start_date: string;
  days: number;
  unit: DeadlineUnit;
  due_date: string;
  provisional: Generated<boolean>;
  status: Generated<'open' | 'paused' | 'closed'>;
  paused_since: string | null;
  paused_days: Generated<number>;
  extended_days: Generated<number>;
  closed_at: Timestamp | null;
  close_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface DeadlineEventTable {
  id: Generated<number>;
  deadline_id: number;
  event: 'start' | 'pause' | 'resume' | 'extend' | 'close' | 'reopen';
  on_date: string;
  due_before: string | null;
  due_after: string | null;
  reason: string | null;
  actor_id: number | null;
  at: Generated<Date>;
}
export interface SupervisionNoticeTable {
  id: Generated<number>;
  deadline_id: number;
  level: 'reminder' | 'notice' | 'interview' | 'circular';
  org_id: number;
  region_code: string;
  to_user_id: number;
  issued_by: number;
  message: string;
  issued_at: Generated<Date>;
  ack_deadline_id: number | null;
  acknowledged_at: Timestamp | null;
  ack_note: string | null;
  version: Generated<number>;
}
export interface AttachmentTable {
  id: string;
  org_id: number;
  region_code: string;
  owner_type: string;
  owner_id: string;
  filename: string;
  mime: string;
  size_bytes: number;
  sm3: string;
  storage_key: string;
  uploaded_by: number;
  created_at: Generated<Date>;
}
export interface AuditLogTable {
  seq: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  org_id: number | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
export interface AppMetaTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
}

export interface DB {
  regions: RegionTable;
  orgs: OrgTable;
  roles: RoleTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  rule_params: RuleParamTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  procedure_instances: ProcedureInstanceTable;
  procedure_history: ProcedureHistoryTable;
  deadlines: DeadlineTable;
  deadline_events: DeadlineEventTable;
  supervision_notices: SupervisionNoticeTable;
  attachments: AttachmentTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  app_meta: AppMetaTable;
}
