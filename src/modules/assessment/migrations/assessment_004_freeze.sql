-- Sending items back once (退回补充), the results' consequences (seed 001 §4(三), seed 003 六(三)),
-- the share in the performance assessment (seed 000 §9(三)1), and what the round froze.

alter table assessment_round_orgs drop constraint assessment_round_orgs_status_check;
alter table assessment_round_orgs add constraint assessment_round_orgs_status_check check (status in ('pending','submitted','returned','reviewed'));
alter table assessment_round_orgs
  add column returned_on date,                 -- set once: a sheet is sent back at most once
  add column return_reason text,
  add column performance_weight numeric(5,2),  -- percent of the general performance assessment
  add column performance_points numeric(7,2);  -- percent × weight / 100

alter table assessment_scores
  add column returned_reason text,             -- this item was sent back, and why
  add column rule_snapshot jsonb,              -- method, metric, rule and points as computed
  add column record_type text,
  add column record_ids integer[],             -- every record behind the value
  add column counted_ids integer[];            -- those in the numerator

alter table assessment_rounds
  add column performance_weight numeric(5,2),
  add column publish_due date,                 -- the timetable's publication day
  add column review_deadline_id integer references deadlines(id),
  add column publish_deadline_id integer references deadlines(id),
  add column frozen jsonb;                     -- the rule parameters in force at publication

-- 结果运用: commendation, notification with rectification, the consecutive-failure flag.
create table assessment_consequences (
  id integer generated always as identity primary key,
  round_id integer not null references assessment_rounds(id),
  org_id integer not null references orgs(id),
  kind text not null check (kind in ('commendation','rectification','consecutive_fail')),
  basis text not null,
  note text not null,
  deadline_id integer references deadlines(id),
  status text not null default 'open' check (status in ('open','done')),
  report text,                                  -- the written rectification (书面整改意见)
  done_on date,
  unique (round_id, org_id, kind)
);
create index assessment_consequences_org on assessment_consequences (org_id);
