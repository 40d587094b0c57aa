-- 行政检查, 执法过错责任, 计分, 案卷评查 and the yearly evaluation of internal units.

-- 行政检查: its own record; approval first where the local rule requires it (seed 004 #16).
create table enforcement_inspections (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  power_id integer references enforcement_powers(id),
  target_name text not null,
  matter text not null,
  planned_on date not null,
  approval_required boolean not null,
  approved_by integer references users(id),
  approved_on date,
  approval_note text,
  officer_ids integer[] not null default '{}',
  inspected_on date,
  findings text,
  outcome text check (outcome in ('compliant','rectify','case')),
  follow_up_case_id integer references enforcement_cases(id),
  status text not null default 'planned' check (status in ('planned','approved','refused','done')),
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index enforcement_inspections_org on enforcement_inspections (org_id, planned_on);

-- 执法过错: the nine situations of seed 003 篇2 (三), with the points deducted (计分制).
create table enforcement_errors (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  officer_id integer not null references enforcement_officers(id),
  case_id integer references enforcement_cases(id),
  situation text not null,
  description text not null,
  found_on date not null,
  liability text not null,
  points integer not null check (points >= 0 and points <= 100),
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index enforcement_errors_officer on enforcement_errors (officer_id, found_on);

-- 案卷评查: a campaign samples case files and scores them against a sheet.
create table enforcement_evaluations (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  name text not null,
  year integer not null,
  sheet jsonb not null,
  status text not null default 'open' check (status in ('open','published')),
  published_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);

create table enforcement_evaluation_items (
  evaluation_id integer not null references enforcement_evaluations(id),
  case_id integer not null references enforcement_cases(id),
  case_org_id integer not null references orgs(id),
  scores jsonb,
  total numeric(5,1),
  grade text,
  comments text,
  scored_by integer references users(id),
  scored_at timestamptz,
  primary key (evaluation_id, case_id)
);
create index enforcement_evaluation_items_org on enforcement_evaluation_items (case_org_id);

-- 评议考核 of internal enforcement units (seed 003 篇2 六): self-assessment by 25 Dec,
-- the office's proposed grade, the bureau meeting's grade and its consequences.
create table enforcement_unit_assessments (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  year integer not null,
  unit text not null,
  self_score numeric(5,1) not null check (self_score >= 0 and self_score <= 100),
  self_report text not null,
  submitted_on date not null,
  on_time boolean not null,
  proposed_grade text check (proposed_grade in ('excellent','good','pass','fail')),
  office_opinion text,
  grade text check (grade in ('excellent','good','pass','fail')),
  meeting text,
  decided_on date,
  consequences text,
  version integer not null default 1,
  unique (org_id, year, unit)
);
