-- 重大行政决策, accountability (seed 000 §3(六); seed 002 #27 终身责任追究及责任倒查, #40 问责方式):
-- the actions taken against the people responsible for a decision. Append-only: a correction
-- is a new action, the audit chain keeps both.
create table decision_accountability (
  id integer generated always as identity primary key,
  decision_id integer not null references decisions(id),
  org_id integer not null references orgs(id),             -- the decision's deciding body (scope)
  person_user_id integer references users(id),             -- a user of the platform, or …
  person_name text not null,                               -- … a named person (copied for users too)
  person_post text not null,                               -- the post held when responsible
  form text not null check (form in ('admonition','disqualify_honours','written_self_criticism','circulated_criticism','public_apology','post_adjustment','suspension_for_inspection','resignation_for_fault','ordered_resignation','recall')),
  reason text not null,
  decided_on date not null,
  deciding_body text not null,                             -- who decided the action (e.g. 市纪委监委、市政府)
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index decision_accountability_decision on decision_accountability (decision_id);
