-- 规范性文件: public comment per paragraph, consulted departments, filing and filing review,
-- citizen review suggestions, post-implementation evaluation, cleanup campaigns.

-- A document replaced by a re-issued one after evaluation (有效期届满确需继续实施的，重新制定发布).
alter table normative_documents add column replaces_id integer references normative_documents(id);

-- 公开征求意见: each comment is on one paragraph of the draft as published for comment; the
-- drafting unit answers each one and the answers are published (seed 000 §2(一), 001 §3(二)1).
create table normative_comments (
  id integer generated always as identity primary key,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),          -- the drafting unit (data scope)
  region_code char(6) not null,
  paragraph integer not null check (paragraph >= 0),
  content text not null,
  commenter text,                                        -- as given; shown masked in public
  contact_enc text,                                      -- SM4, never public
  answer text check (answer in ('adopted','partly','not_adopted')),
  answer_reason text,
  answered_by integer references users(id),
  answered_at timestamptz,
  created_at timestamptz not null default now()
);
create index normative_comments_document on normative_comments (document_id, paragraph, id);

-- 征求相关部门意见: departments whose duties the document touches reply within a set period;
-- a disagreement the drafting unit cannot settle goes to the legal-affairs office (seed 001 §3(三)2).
create table normative_consultations (
  id integer generated always as identity primary key,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),          -- the consulted department
  drafting_org_id integer not null references orgs(id),
  region_code char(6) not null,
  requested_on date not null,
  deadline_id integer references deadlines(id),
  position text check (position in ('agree','disagree')),
  reply text,
  replied_by integer references users(id),
  replied_at timestamptz,
  escalated_at timestamptz,
  resolution text,                                       -- the legal-affairs office's coordination result
  resolved_by integer references users(id),
  resolved_at timestamptz,
  unique (document_id, org_id)
);

-- 备案 and 备案审查 (有件必备、有备必审、有错必纠, seed 002 #18).
create table normative_filings (
  id integer generated always as identity primary key,
  document_id integer not null unique references normative_documents(id),
  org_id integer not null references orgs(id),          -- the issuing body that filed
  filed_to_org_id integer not null references orgs(id), -- the receiving legal-affairs office
  region_code char(6) not null,
  filed_on date not null,
  due_on date not null,
  on_time boolean not null,
  report text not null,                                  -- 备案报告
  explanation text not null,                             -- 起草说明
  filed_by integer references users(id),
  outcome text check (outcome in ('approved','correction','revoked')),
  opinion text,
  reviewed_by integer references users(id),
  reviewed_on date,
  correction_due date,
  corrected_on date,
  correction_note text
);
create index normative_filings_to on normative_filings (filed_to_org_id, outcome);

-- 审查建议: anyone may suggest that a published document is unlawful; a tracking code lets
-- them follow it to the answer (seed 002 #18, seed 003 篇3 #27).
create table normative_suggestions (
  id integer generated always as identity primary key,
  tracking_code text not null unique,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),          -- the handling legal-affairs office
  region_code char(6) not null,
  name text not null,
  contact_enc text,
  content text not null,
  status text not null default 'received' check (status in ('received','answered')),
  answer text,
  finding text check (finding in ('lawful','corrected','revoked')),
  answered_by integer references users(id),
  answered_at timestamptz,
  deadline_id integer references deadlines(id),
  created_at timestamptz not null default now()
);
create index normative_suggestions_org on normative_suggestions (org_id, status);

-- 施行后评估 (seed 002 #14, seed 003 篇6: after one year of implementation).
create table normative_evaluations (
  id integer generated always as identity primary key,
  document_id integer not null references normative_documents(id),
  org_id integer not null references orgs(id),
  conclusion text not null check (conclusion in ('continue','revise','abolish')),
  report text not null,
  evaluated_on date not null,
  evaluated_by integer references users(id)
);
create index normative_evaluations_document on normative_evaluations (document_id);

-- 到期提醒: one row per document and threshold, so the daily scan reminds once (idempotent).
create table normative_expiry_reminders (
  document_id integer not null references normative_documents(id),
  days_before integer not null,
  reminded_on date not null,
  deadline_id integer references deadlines(id),
  primary key (document_id, days_before)
);

-- 清理: a dated campaign of a body over the documents it issued (seed 000 §2(二)5, 002 #19).
create table normative_cleanups (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),          -- the issuing body that cleans up
  region_code char(6) not null,
  name text not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open','published')),
  published_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create table normative_cleanup_items (
  cleanup_id integer not null references normative_cleanups(id),
  document_id integer not null references normative_documents(id),
  decision text check (decision in ('keep','amend','abolish','declare_invalid')),
  reason text,
  decided_by integer references users(id),
  decided_at timestamptz,
  primary key (cleanup_id, document_id)
);
