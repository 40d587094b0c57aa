-- 法治政府建设年度报告 (seed 002 #55; 法治政府建设与责任落实督察工作规定 art. 24): drafted from the
-- platform's figures of the year, reported to the bodies in Q1 and made public by the rule's day.
create table annual_reports (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  year integer not null,
  title text not null,
  status text not null default 'draft' check (status in ('draft', 'submitted', 'published')),
  overview text not null,
  problems text not null default '',
  next_year text not null default '',
  figures jsonb not null,
  submit_due_on date not null,
  publish_due_on date not null,
  submitted_on date,
  published_on date,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, year)
);

create table annual_report_submissions (
  id integer generated always as identity primary key,
  report_id integer not null references annual_reports(id),
  org_id integer not null references orgs(id),
  recipient text not null check (recipient in ('party_committee', 'npc_standing_committee', 'superior_government', 'own_government', 'superior_department')),
  submitted_on date not null,
  doc_number text,
  recorded_by integer references users(id),
  at timestamptz not null default now(),
  unique (report_id, recipient)
);
