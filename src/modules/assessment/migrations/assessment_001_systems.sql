-- 指标考核: indicator systems (a tree of indicators with points and a scoring method per leaf).

create table assessment_systems (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),          -- the assessment office that owns it
  region_code char(6) not null,
  name text not null,
  year integer not null,
  edition integer not null default 1,                    -- 版本: a published edition is frozen
  status text not null default 'draft' check (status in ('draft','published')),
  categories text[] not null default '{}',               -- assessed organisations' categories
  source text not null,                                  -- template / excel / copy
  total_points numeric(7,1) not null check (total_points > 0),
  published_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  unique (org_id, name, year, edition)
);

create table assessment_nodes (
  id integer generated always as identity primary key,
  system_id integer not null references assessment_systems(id),
  parent_id integer references assessment_nodes(id),
  org_id integer not null references orgs(id),
  code text not null,
  level integer not null check (level >= 1),
  sort_order integer not null,
  title text not null,
  text text,                                             -- the source's original wording
  goal text,                                             -- 基本目标 of a level-1 system
  points numeric(7,1) not null check (points >= 0),
  method text check (method in ('metric','manual','survey','veto')),
  metric_code text,
  rule jsonb,
  data_source text,
  unique (system_id, code)
);
create index assessment_nodes_system on assessment_nodes (system_id, parent_id, sort_order);
