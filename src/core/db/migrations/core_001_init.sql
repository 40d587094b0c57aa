-- Core schema of Fazhi. PostgreSQL dialect only; runs unchanged on PGlite and PostgreSQL.
-- Every business row carries org_id and region_code so a deployment can be partitioned
-- by region (DESIGN.md §3).

create table regions (
  code char(6) primary key check (code ~ '^[0-9]{6}$'),   -- GB/T 2260 administrative division code
  name text not null,
  level text not null check (level in ('province','city','county','township')),
  parent_code char(6) references regions(code),
  path text not null,                                    -- '/440000/440100/' for subtree queries
  created_at timestamptz not null default now()
);
create index regions_path on regions (path text_pattern_ops);

create table orgs (
  id integer generated always as identity primary key,
  name text not null,
  short_name text,
  org_type text not null check (org_type in ('people_government','government_department','legal_affairs','enforcement_agency','township_street','authorized_organization')),
  region_code char(6) not null references regions(code),
  parent_id integer references orgs(id),
  path text not null,                                    -- '/1/5/9/' (ids of ancestors and self)
  assessment_category text,
  credit_code text,                                      -- 统一社会信用代码
  sort_order integer not null default 0,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index orgs_path on orgs (path text_pattern_ops);
create index orgs_region on orgs (region_code);

create table roles (
  id integer generated always as identity primary key,
  code text not null unique,
  name text not null,
  description text,
  permissions text[] not null default '{}',
  builtin boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table users (
  id integer generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  org_id integer not null references orgs(id),
  region_code char(6) not null references regions(code),
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  must_change_password boolean not null default false,
  active boolean not null default true,
  failed_attempts integer not null default 0,
  locked_until timestamptz,
  phone_enc text,             -- SM4-encrypted personal identifiers (see core/pii)
  id_number_enc text,
  title text,                 -- position, e.g. 科员
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index users_org on users (org_id);

-- A grant gives a role's permissions over a data scope anchored at an organisation.
create table role_grants (
  id integer generated always as identity primary key,
  user_id integer not null references users(id) on delete cascade,
  role_id integer not null references roles(id),
  org_id integer not null references orgs(id),
  scope text not null check (scope in ('own','subtree','region','all')),
  created_at timestamptz not null default now(),
  unique (user_id, role_id, org_id)
);
create index role_grants_user on role_grants (user_id);

create table sessions (
  id text primary key,                 -- SM3 digest of the cookie token; the token itself is never stored
  user_id integer not null references users(id) on delete cascade,
  csrf_token text not null,
  current_org_id integer references orgs(id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user on sessions (user_id);

create table login_attempts (
  id bigint generated always as identity primary key,
  username text not null,
  ip text,
  success boolean not null,
  reason text,
  at timestamptz not null default now()
);
create index login_attempts_user on login_attempts (username, at);

create table rule_params (
  id integer generated always as identity primary key,
  key text not null,
  name text not null,
  value jsonb not null,
  unit text not null,                  -- working_days | calendar_days | months | years | hours | minutes | count | percent | bytes | list | yuan | flag
  jurisdiction char(6) not null default '000000',  -- '000000' = national; else a region code
  effective_from date not null,
  effective_to date,
  basis_law text not null,
  basis_article text,
  basis_quote text,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (effective_to is null or effective_to >= effective_from)
);
create index rule_params_key on rule_params (key, jurisdiction, effective_from);

-- Exceptions to the Monday–Friday week: statutory holidays and adjusted working weekends.
create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday','workday')),
  name text,
  source text not null default 'manual',
  updated_at timestamptz not null default now()
);
create table calendar_years (
  year integer primary key,            -- a year whose State Council arrangement is loaded
  source text not null,
  loaded_at timestamptz not null default now()
);

create table procedure_instances (
  id integer generated always as identity primary key,
  procedure text not null,             -- code of the procedure definition, e.g. 'core.demo'
  module text not null,
  subject_type text not null,
  subject_id text not null,
  title text not null,
  state text not null,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  data jsonb not null default '{}',
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (subject_type, subject_id, procedure)
);
create index procedure_instances_org on procedure_instances (org_id, state);

create table procedure_history (
  id bigint generated always as identity primary key,
  instance_id integer not null references procedure_instances(id),
  transition text not null,
  from_state text not null,
  to_state text not null,
  actor_id integer references users(id),
  note text,
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create index procedure_history_instance on procedure_history (instance_id, id);

create table deadlines (
  id integer generated always as identity primary key,
  module text not null,
  kind text not null,                  -- what is due, e.g. 'core.notice_ack'
  title text not null,
  subject_type text not null,
  subject_id text not null,
  instance_id integer references procedure_instances(id),
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  assignee_user_id integer references users(id),
  rule_key text,                       -- the rule parameter that set the period
  start_date date not null,            -- the triggering day (not counted)
  days integer not null,
  unit text not null check (unit in ('working','calendar','month')),
  due_date date not null,
  provisional boolean not null default false,
  status text not null default 'open' check (status in ('open','paused','closed')),
  paused_since date,
  paused_days integer not null default 0,
  extended_days integer not null default 0,
  closed_at timestamptz,
  close_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index deadlines_open on deadlines (status, due_date) where status <> 'closed';
create index deadlines_org on deadlines (org_id, status);
create index deadlines_assignee on deadlines (assignee_user_id, status);
create index deadlines_subject on deadlines (subject_type, subject_id);

create table deadline_events (
  id bigint generated always as identity primary key,
  deadline_id integer not null references deadlines(id),
  event text not null check (event in ('start','pause','resume','extend','close','reopen')),
  on_date date not null,
  due_before date,
  due_after date,
  reason text,
  actor_id integer references users(id),
  at timestamptz not null default now()
);
create index deadline_events_deadline on deadline_events (deadline_id, id);

-- 督办 notices: a red (or yellow) item escalated to a responsible person.
create table supervision_notices (
  id integer generated always as identity primary key,
  deadline_id integer not null references deadlines(id),
  level text not null check (level in ('reminder','notice','interview')),  -- 提醒 / 督办通知 / 约谈
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  to_user_id integer not null references users(id),
  issued_by integer not null references users(id),
  message text not null,
  issued_at timestamptz not null default now(),
  ack_deadline_id integer references deadlines(id),
  acknowledged_at timestamptz,
  ack_note text,
  version integer not null default 1
);
create index supervision_notices_to on supervision_notices (to_user_id, acknowledged_at);
create index supervision_notices_org on supervision_notices (org_id);

create table attachments (
  id uuid primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  owner_type text not null,
  owner_id text not null,
  filename text not null,
  mime text not null,
  size_bytes integer not null,
  sm3 char(64) not null,
  storage_key text not null,
  uploaded_by integer not null references users(id),
  created_at timestamptz not null default now()
);
create index attachments_owner on attachments (owner_type, owner_id);

-- Append-only audit log; hash = SM3(prev_hash || canonical JSON of the entry).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id integer,
  actor_name text,
  action text not null,
  entity_type text not null,
  entity_id text,
  org_id integer,
  before jsonb,
  after jsonb,
  prev_hash char(64) not null,
  hash char(64) not null
);
create index audit_log_entity on audit_log (entity_type, entity_id);
create index audit_log_at on audit_log (at);
-- One row that every writer locks: serialises the chain across app instances.
create table audit_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash char(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table app_meta (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
