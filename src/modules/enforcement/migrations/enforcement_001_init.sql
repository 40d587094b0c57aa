-- 行政执法 (administrative enforcement). PostgreSQL dialect; runs on PGlite and PostgreSQL.

-- 执法主体: bodies confirmed and announced by the government as able to enforce
-- (seed 000 §5(二)1); 委托 records its legal conditions (§5(二)2, 行政处罚法 arts. 20–21).
create table enforcement_subjects (
  org_id integer primary key references orgs(id),
  region_code char(6) not null,
  kind text not null check (kind in ('statutory','authorized','entrusted')),
  legal_basis text not null,
  domains text[] not null default '{}',
  doc_prefix text not null,                 -- 文书字号前缀, e.g. '演市监'
  announced_on date not null,
  announcement text,
  entrusted_by_org_id integer references orgs(id),
  entrustment_basis text,
  entrustment_scope text,
  entrustment_until date,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- 权责清单: each power with its type, basis, implementing subject and internal unit.
create table enforcement_powers (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  code text not null,
  name text not null,
  power_type text not null check (power_type in ('license','penalty','coercion','levy','inspection','confirmation','adjudication','payment','reward','other')),
  legal_basis text not null,
  internal_unit text,
  responsibility_items text[] not null default '{}',
  published boolean not null default true,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, code)
);

-- 裁量基准: bands of circumstances → penalty range for a penalty power (seed 002 #29).
create table enforcement_benchmarks (
  id integer generated always as identity primary key,
  power_id integer not null references enforcement_powers(id),
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  band text not null,                        -- 轻微 / 一般 / 较重 / 严重
  circumstances text not null,
  fine_min numeric(14,2),
  fine_max numeric(14,2),
  other_penalties text,
  sort_order integer not null default 0,
  check (fine_min is null or fine_min >= 0),
  check (fine_max is null or fine_min is null or fine_max >= fine_min)
);
create index enforcement_benchmarks_power on enforcement_benchmarks (power_id, sort_order);

-- 执法人员 and 辅助人员; certificates issued only after training and the exam.
create table enforcement_officers (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  user_id integer references users(id),
  name text not null,
  kind text not null check (kind in ('officer','auxiliary')),
  domains text[] not null default '{}',
  trained_on date,
  exam_passed_on date,
  cert_no text unique,
  cert_issuer text,
  cert_valid_from date,
  cert_valid_until date,
  cert_status text not null default 'none' check (cert_status in ('none','valid','suspended','revoked')),
  cert_status_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enforcement_officers_org on enforcement_officers (org_id);

-- 培训学时台账 (seed 000 §1(三)1: ≥ 40 hours a year).
create table enforcement_training (
  id integer generated always as identity primary key,
  officer_id integer not null references enforcement_officers(id),
  org_id integer not null references orgs(id),
  year integer not null,
  course text not null,
  hours numeric(5,1) not null check (hours > 0 and hours <= 200),
  held_on date not null,
  recorded_by integer references users(id),
  created_at timestamptz not null default now()
);
create index enforcement_training_officer on enforcement_training (officer_id, year);

-- Document numbers (立案号, 决定书文号) run per subject, kind and year, gap-free.
create table enforcement_number_seq (
  org_id integer not null references orgs(id),
  kind text not null,
  year integer not null,
  last_seq integer not null,
  primary key (org_id, kind, year)
);

-- 行政处罚案件. The party's personal data is sealed by the core (SM4) with its masked form
-- stored beside it, so public views read only the masked columns.
create table enforcement_cases (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  procedure_kind text not null check (procedure_kind in ('general','simple')),
  case_no text unique,
  power_id integer not null references enforcement_powers(id),
  title text not null,
  source text,
  party_kind text not null check (party_kind in ('person','org')),
  party_name_enc text,
  party_name_masked text not null,
  party_id_enc text,
  party_id_masked text,
  party_address_enc text,
  party_address_masked text,
  facts text not null,
  filed_on date not null,
  status text not null,
  instance_id integer references procedure_instances(id),
  major_reasons text[] not null default '{}',
  hearing_right boolean not null default false,
  rights_waived boolean not null default false,
  notice_on date,
  proposed_fine numeric(14,2),
  penalty_kind text check (penalty_kind in ('warning','fine','confiscation','suspension','revocation','detention_transfer','no_penalty')),
  fine_amount numeric(14,2) check (fine_amount is null or fine_amount >= 0),
  other_penalties text,
  benchmark_id integer references enforcement_benchmarks(id),
  band_deviation_reason text,
  decision_no text unique,
  decided_on date,
  decision_text text,
  publicize boolean not null default false,
  review_reasons text[] not null default '{}',   -- why 法制审核 was required at decision (art. 58)
  served_on date,
  service_method text,
  payment_due date,
  paid_on date,
  paid_amount numeric(14,2),
  surcharge numeric(14,2),
  closed_on date,
  transferred_to text,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enforcement_cases_org on enforcement_cases (org_id, status);
create index enforcement_cases_filed on enforcement_cases (org_id, filed_on);
create index enforcement_cases_decided on enforcement_cases (decided_on) where decided_on is not null;

create table enforcement_case_officers (
  case_id integer not null references enforcement_cases(id),
  officer_id integer not null references enforcement_officers(id),
  role text not null default 'handler' check (role in ('lead','handler')),
  recused boolean not null default false,
  primary key (case_id, officer_id)
);

-- 全过程记录: every act and document of a case with time and SM3 digest, in order.
create table enforcement_records (
  id integer generated always as identity primary key,
  case_id integer not null references enforcement_cases(id),
  org_id integer not null references orgs(id),
  kind text not null,
  title text not null,
  happened_on date not null,
  content jsonb not null default '{}',
  officer_ids integer[] not null default '{}',
  attachment_id uuid references attachments(id),
  digest char(64) not null,
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index enforcement_records_case on enforcement_records (case_id, id);

-- 回避: by self-declaration, the organisation, or on the party's application.
create table enforcement_recusals (
  id integer generated always as identity primary key,
  case_id integer not null references enforcement_cases(id),
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  officer_id integer not null references enforcement_officers(id),
  source text not null check (source in ('self','organisation','party')),
  reason text not null,
  applied_on date not null,
  deadline_id integer references deadlines(id),
  outcome text check (outcome in ('recused','rejected')),
  decided_on date,
  decided_by integer references users(id),
  decision_reason text
);
create index enforcement_recusals_case on enforcement_recusals (case_id);

-- 法制审核 of major decisions (行政处罚法 art. 58).
create table enforcement_reviews (
  id integer generated always as identity primary key,
  case_id integer not null references enforcement_cases(id),
  org_id integer not null references orgs(id),
  reviewer_id integer references users(id),
  outcome text not null check (outcome in ('pass','fail')),
  checklist jsonb not null,
  opinion text,
  at timestamptz not null default now()
);
create index enforcement_reviews_case on enforcement_reviews (case_id, id);

-- 罚缴分离: the receipt from the collecting channel, never cash to officers (art. 67).
create table enforcement_payments (
  id integer generated always as identity primary key,
  case_id integer not null references enforcement_cases(id),
  org_id integer not null references orgs(id),
  channel text not null check (channel in ('bank','epay','onspot')),
  receipt_no text not null,
  amount numeric(14,2) not null check (amount > 0),
  surcharge numeric(14,2) not null default 0,
  paid_on date not null,
  recorded_by integer references users(id),
  at timestamptz not null default now(),
  unique (channel, receipt_no)
);

-- 行政执法决定公示 and its withdrawal (行政处罚法 art. 48).
create table enforcement_publicity (
  case_id integer primary key references enforcement_cases(id),
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  published_on date not null,
  public_title text not null,             -- title and decision text as published: the party's own
  public_text text not null,              -- identifiers replaced by their masked forms
  due_on date not null,
  on_time boolean not null,
  changed_on date,
  change_kind text check (change_kind in ('changed','revoked','unlawful')),
  change_reason text,
  withdraw_due date,
  withdrawn_on date,
  withdraw_on_time boolean
);
create index enforcement_publicity_public on enforcement_publicity (published_on desc) where withdrawn_on is null;
