-- 问责 (seed 003 篇2 §7; seed 002 #40; seed 004 #11, #13): a case against an organisation or a
-- person, from its trigger through preliminary review, investigation, notice and statement,
-- decision and appeal. The steps run through the procedure engine (plans.accountability).
create table accountability_cases (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),            -- the body handling the case
  region_code char(6) not null,
  subject_org_id integer not null references orgs(id),    -- the organisation held accountable, or the person's
  person_user_id integer references users(id),
  person_name text,
  person_post text,
  trigger text not null check (trigger in ('overdue_task', 'overdue_item', 'error_liability', 'failed_decision', 'complaint', 'assessment', 'other')),
  trigger_ref text,
  summary text not null,
  filed_on date not null,
  status text not null default 'preliminary',
  instance_id integer references procedure_instances(id),
  preliminary_opinion text,
  investigation_due_on date,
  extended boolean not null default false,
  notice jsonb,
  notified_on date,
  statement jsonb,
  decision jsonb,
  decided_on date,
  appeal jsonb,
  closed_on date,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accountability_cases_org on accountability_cases (org_id);
create index accountability_cases_subject on accountability_cases (subject_org_id);
create index accountability_cases_person on accountability_cases (person_user_id) where person_user_id is not null;
