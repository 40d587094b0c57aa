-- 部门责任白皮书 (seed 004 #7): duties and yearly targets published at the start of the year,
-- their completion at its end.
create table white_papers (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  year integer not null,
  duties text not null,
  targets jsonb not null,
  published_on date,
  completion jsonb,
  completion_published_on date,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (org_id, year)
);

-- 服务承诺制 (seed 004 #3): each office's services with the time it promises.
create table service_commitments (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  service text not null,
  time_limit_days integer not null check (time_limit_days between 0 and 365),
  day_unit text not null check (day_unit in ('working', 'calendar')),
  materials text not null,
  basis text,
  active boolean not null default true,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  unique (org_id, service)
);

-- 首问负责制 (seed 004 #3): who first received a request, and whether they handled it or
-- referred it — with the competent office's name, address and contact — so nothing falls between offices.
create table first_inquiries (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  received_by integer not null references users(id),
  received_on date not null,
  channel text not null check (channel in ('visit', 'phone', 'online', 'letter')),
  requester_enc text,
  requester_masked text,
  matter text not null,
  outcome text not null check (outcome in ('handled', 'referred')),
  result text,
  referred_org_id integer references orgs(id),
  referred_contact text,
  at timestamptz not null default now(),
  check (outcome = 'handled' and result is not null or outcome = 'referred' and referred_org_id is not null and referred_contact is not null)
);
create index first_inquiries_org on first_inquiries (org_id, received_on);
