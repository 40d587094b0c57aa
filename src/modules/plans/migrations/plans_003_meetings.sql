-- Required meetings (seed 001 四(一); seed 000 §8; seed 002 #55): each meeting held, with its record.
create table plan_meetings (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  kind text not null check (kind in ('executive_briefing', 'leading_group', 'work_conference')),
  held_on date not null,
  title text not null,
  minutes text not null,
  attachment_id uuid references attachments(id),
  recorded_by integer references users(id),
  at timestamptz not null default now()
);
create index plan_meetings_org on plan_meetings (org_id, held_on);
