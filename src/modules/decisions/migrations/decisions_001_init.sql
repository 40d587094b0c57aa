-- 重大行政决策 (major administrative decisions), first increment: the registers.
-- PostgreSQL dialect; runs on PGlite and PostgreSQL.

-- 决策事项目录 / 听证目录 (重大行政决策程序暂行条例 art. 3 ¶3; seed 002 #21–22): one per
-- government and year; the hearing catalogue is the items flagged, published with it.
create table decision_catalogues (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  year integer not null,
  title text not null,
  status text not null default 'draft' check (status in ('draft','published')),
  due_on date not null,                     -- publication day from the rule parameter
  published_on date,
  deadline_id integer references deadlines(id),
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, year)
);

create table decision_catalogue_items (
  id integer generated always as identity primary key,
  catalogue_id integer not null references decision_catalogues(id),
  org_id integer not null references orgs(id),
  title text not null,
  deciding_body text not null,
  undertaking_org_id integer not null references orgs(id),
  planned_start date,
  planned_end date,
  hearing_required boolean not null default false,
  legal_basis text,
  notes text,
  sort_order integer not null default 0,
  removed_on date,                          -- moved out of a published catalogue by an amendment
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Backstop of the service's duplicate check: one live item of a title per catalogue.
create unique index decision_catalogue_items_title on decision_catalogue_items (catalogue_id, title) where removed_on is null;
create index decision_catalogue_items_catalogue on decision_catalogue_items (catalogue_id);

-- A published catalogue is frozen: each later change is an amendment with its reason.
create table decision_catalogue_amendments (
  id integer generated always as identity primary key,
  catalogue_id integer not null references decision_catalogues(id),
  org_id integer not null references orgs(id),
  item_id integer not null references decision_catalogue_items(id),
  kind text not null check (kind in ('add','change','remove')),
  reason text not null,
  before jsonb,
  after jsonb,
  amended_on date not null,
  amended_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_catalogue_amendments_catalogue on decision_catalogue_amendments (catalogue_id);

-- 法律顾问 (seed 000 §3(一), seed 002 #25): per body, in-house and external.
create table decision_advisers (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  name text not null,
  kind text not null check (kind in ('in_house','external')),
  profession text not null check (profession in ('lawyer','scholar','official','other')),
  affiliation text not null,
  fields text[] not null default '{}',
  term_start date,
  term_end date,
  contact_enc text,                         -- SM4-sealed phone (个人信息保护法 art. 51)
  contact_masked text,
  active boolean not null default true,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table decision_adviser_engagements (
  id integer generated always as identity primary key,
  adviser_id integer not null references decision_advisers(id),
  org_id integer not null references orgs(id),
  start_on date not null,
  end_on date not null,
  scope text not null,
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_adviser_engagements_adviser on decision_adviser_engagements (adviser_id);

-- Opinions against a subject (later: a decision), generic until the procedure exists.
create table decision_adviser_opinions (
  id integer generated always as identity primary key,
  adviser_id integer not null references decision_advisers(id),
  org_id integer not null references orgs(id),
  subject_type text not null,
  subject_id text not null,
  subject_title text not null,
  opinion text not null,
  given_on date not null,
  attachment_ids uuid[] not null default '{}',
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_adviser_opinions_subject on decision_adviser_opinions (subject_type, subject_id);

-- 专家库 (seed 002 #23, seed 003 篇6 §2(三)).
create table decision_experts (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),  -- the body keeping the pool
  region_code char(6) not null,
  name text not null,
  fields text[] not null,
  affiliation text not null,
  title text,                                -- 职称
  contact_enc text,
  contact_masked text,
  id_number_enc text,
  id_number_masked text,
  active boolean not null default true,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index decision_experts_org on decision_experts (org_id);

create table decision_expert_conflicts (
  id integer generated always as identity primary key,
  expert_id integer not null references decision_experts(id),
  org_id integer not null references orgs(id),
  conflict_org_id integer references orgs(id),
  subject_type text,
  subject_id text,
  description text not null,
  declared_on date not null,
  recorded_by integer references users(id),
  at timestamptz not null default now(),
  check (conflict_org_id is not null or (subject_type is not null and subject_id is not null))
);
create index decision_expert_conflicts_expert on decision_expert_conflicts (expert_id);

-- A draw keeps its request, seed and the pool as it was, so it can be re-run and checked.
create table decision_expert_draws (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  subject_type text not null,
  subject_id text not null,
  subject_title text not null,
  deciding_org_id integer references orgs(id),
  undertaking_org_id integer references orgs(id),
  counts jsonb not null,
  seed text not null,
  pool jsonb not null,
  already_assigned integer[] not null default '{}',
  drawn jsonb not null,
  excluded jsonb not null,
  drawn_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_expert_draws_subject on decision_expert_draws (subject_type, subject_id);

create table decision_expert_assignments (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  subject_type text not null,
  subject_id text not null,
  expert_id integer not null references decision_experts(id),
  field text not null,
  source text not null check (source in ('draw','manual')),
  draw_id integer references decision_expert_draws(id),
  reason text,
  assigned_by integer references users(id),
  at timestamptz not null default now(),
  unique (subject_type, subject_id, expert_id)
);
