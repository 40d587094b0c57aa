-- 规范性文件 (normative documents). PostgreSQL dialect; runs on PGlite and PostgreSQL.

-- 制定主体: bodies confirmed and announced as eligible to issue normative documents
-- (seed 002 measure 17); kept by the legal-affairs office.
create table normative_issuers (
  org_id integer primary key references orgs(id),
  region_code char(6) not null,
  doc_type text not null check (doc_type in ('government','department')),
  number_pattern text not null,          -- e.g. '演示府规〔{year}〕{seq}号'
  announced_on date not null,
  announcement text,                      -- the announcing document (公告文号)
  validity_exempt boolean not null default false,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table normative_documents (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),            -- 起草单位 (drafting unit; owns the row for data scope)
  region_code char(6) not null,
  issuer_org_id integer not null references orgs(id),     -- 制定机关 (issuing body; numbers run per body)
  title text not null,
  doc_type text not null check (doc_type in ('government','department')),
  provisional boolean not null default false,             -- 暂行 / 试行
  affects_rights boolean not null default true,           -- 涉及公民、法人和其他组织权利义务
  body text not null,
  legal_bases text[] not null default '{}',
  consulted_org_ids integer[] not null default '{}',
  status text not null default 'drafting',                -- mirrors the procedure state; set only by its steps
  instance_id integer references procedure_instances(id),
  comment_from date,
  comment_until date,
  reg_number text unique,                                 -- 统一登记编号
  reg_year integer,
  reg_seq integer,
  published_on date,
  effective_on date,
  expires_on date,                                        -- null: no validity period (exempt body)
  search_vector tsvector,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (issuer_org_id, reg_year, reg_seq)
);
create index normative_documents_org on normative_documents (org_id, status);
create index normative_documents_issuer on normative_documents (issuer_org_id, status);
create index normative_documents_search on normative_documents using gin (search_vector);
create index normative_documents_expiry on normative_documents (expires_on) where status in ('published','filed');

-- Registration numbers run per issuing body and year; the row lock on this counter makes
-- concurrent publications get distinct, gap-free numbers.
create table normative_number_seq (
  org_id integer not null references orgs(id),
  year integer not null,
  last_seq integer not null,
  primary key (org_id, year)
);

-- 合法性审查 records: checklist, the assistant's flags at the time, the outcome.
create table normative_reviews (
  id integer generated always as identity primary key,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),
  reviewer_id integer references users(id),
  outcome text not null check (outcome in ('pass','pass_with_changes','fail')),
  checklist jsonb not null,
  flags jsonb not null default '[]',
  opinion text,
  at timestamptz not null default now()
);
create index normative_reviews_document on normative_reviews (document_id, id);

-- 集体讨论决定: the meeting that decided.
create table normative_decisions (
  id integer generated always as identity primary key,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),
  meeting text not null,                  -- 政府常务会议 / 部门领导班子会议 and its number
  meeting_date date not null,
  decision text not null,
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
