-- 考核轮次: a round applies a published system to the assessed organisations of a year.

create table assessment_rounds (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),             -- the organising assessment office
  region_code char(6) not null,
  system_id integer not null references assessment_systems(id),
  name text not null,
  year integer not null,
  period_from date not null,
  period_to date not null,
  self_due date not null,
  review_due date not null,
  cutoffs jsonb not null,                                   -- {excellent, good, pass} in percent
  status text not null default 'open' check (status in ('open','published')),
  published_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (period_to >= period_from),
  check (review_due >= self_due)
);

create table assessment_round_orgs (
  round_id integer not null references assessment_rounds(id),
  org_id integer not null references orgs(id),
  status text not null default 'pending' check (status in ('pending','submitted','reviewed')),
  submitted_on date,
  reviewed_on date,
  deadline_id integer references deadlines(id),
  score numeric(9,2),
  max numeric(9,2),
  percent numeric(6,2),
  grade text,
  rank integer,
  vetoed boolean not null default false,
  reasons text[] not null default '{}',
  primary key (round_id, org_id)
);
create index assessment_round_orgs_org on assessment_round_orgs (org_id);

-- One row per organisation and leaf: the metric value as computed (kept, so the score can be
-- explained and recomputed), the self-assessment, the review, and the resulting score.
create table assessment_scores (
  round_id integer not null references assessment_rounds(id),
  org_id integer not null references orgs(id),
  node_id integer not null references assessment_nodes(id),
  metric_value numeric,
  numerator numeric,
  denominator numeric,
  computed_at timestamptz,
  self_score numeric(9,2),
  self_note text,
  review_score numeric(9,2),
  review_note text,
  score numeric(9,2),
  status text not null default 'pending' check (status in ('scored','not_applicable','pending','invalid')),
  explanation text,
  primary key (round_id, org_id, node_id)
);
