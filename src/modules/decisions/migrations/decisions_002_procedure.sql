-- 重大行政决策 (major administrative decisions), second increment: the decision and its
-- statutory procedure (重大行政决策程序暂行条例 2019, chapters II–IV). The state lives in the
-- procedure engine's instance; `status` mirrors it for lists and the portal.
create table decisions (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),            -- the deciding body
  region_code char(6) not null,
  catalogue_item_id integer references decision_catalogue_items(id),
  no_catalogue_reason text,                               -- started outside the catalogue (seed 002 #21)
  title text not null,
  deciding_body text not null,
  undertaking_org_id integer not null references orgs(id),
  hearing_required boolean not null default false,
  status text not null default 'initiated',
  instance_id integer references procedure_instances(id),
  plan_text text,
  comment_from date,
  comment_until date,
  adoption_summary text,
  hearing jsonb,                                          -- held on, participants, record, reasons
  risk jsonb,                                             -- items, overall level, passed, disposal plan
  review_submitted_on date,
  review_concluded_on date,
  review_passed boolean,
  review_opinion text,
  adviser_opinion_id integer references decision_adviser_opinions(id),
  meeting jsonb,                                          -- kind, date, attendance, views, head's decision
  decided_on date,
  published_on date,
  explanation text,
  evaluation jsonb,
  closed_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (catalogue_item_id is not null or no_catalogue_reason is not null)
);
create unique index decisions_catalogue_item on decisions (catalogue_item_id) where catalogue_item_id is not null;
create index decisions_org on decisions (org_id);
create index decisions_status on decisions (status);

-- Public comments (条例 art. 15): the commenter's name and phone are for the office only.
create table decision_comments (
  id integer generated always as identity primary key,
  decision_id integer not null references decisions(id),
  org_id integer not null references orgs(id),
  content text not null,
  commenter text,
  contact_enc text,                                       -- SM4-sealed phone (个人信息保护法 art. 51)
  answer text check (answer in ('adopted','partly','not_adopted')),
  answer_reason text,
  answered_by integer references users(id),
  answered_at timestamptz,
  created_at timestamptz not null default now()
);
create index decision_comments_decision on decision_comments (decision_id);

-- Written opinions of the experts assigned to the decision (条例 art. 19–21).
create table decision_expert_opinions (
  id integer generated always as identity primary key,
  decision_id integer not null references decisions(id),
  org_id integer not null references orgs(id),
  expert_id integer not null references decision_experts(id),
  opinion text not null,
  given_on date not null,
  recorded_by integer references users(id),
  at timestamptz not null default now(),
  unique (decision_id, expert_id)
);

-- 执行跟踪 (条例 art. 35): the implementing unit's reports.
create table decision_progress_reports (
  id integer generated always as identity primary key,
  decision_id integer not null references decisions(id),
  org_id integer not null references orgs(id),
  reported_on date not null,
  progress text not null,
  problems text,
  reported_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_progress_reports_decision on decision_progress_reports (decision_id);
