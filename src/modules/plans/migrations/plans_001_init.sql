-- 规划任务督办: plans, their measures, the tasks that carry them out, progress, acceptance, and
-- leader-assigned items (seed 000 §8, seed 001 §4, seed 002 #54–60, seed 004 #4).

create table plans (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),          -- the issuing body (制定机关)
  region_code char(6) not null,
  kind text not null check (kind in ('plan', 'implementation', 'annual_points')),
  title text not null,
  doc_number text,
  issuer text,
  start_year integer not null,
  end_year integer not null,
  -- seed 002 #60: tasks without a stated time are due by this day
  default_due_on date not null,
  status text not null default 'draft' check (status in ('draft', 'published', 'accepted')),
  published_on date,
  accepted_on date,
  source text not null check (source in ('text', 'docx', 'manual')),
  measure_count integer not null default 0,
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_year >= start_year)
);
create index plans_org on plans (org_id);

-- The plan's structure as imported: parts (一、), areas ((一)), measures (措施 N.), items.
create table plan_nodes (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id),
  org_id integer not null references orgs(id),
  parent_id integer references plan_nodes(id),
  kind text not null check (kind in ('part', 'area', 'measure', 'item')),
  number text not null,
  title text not null,
  body text not null,
  sort_order integer not null,
  source_line integer
);
create index plan_nodes_plan on plan_nodes (plan_id, sort_order);

-- 任务分解 (seed 000 §8(二)3, seed 002 #60): the row belongs to the lead unit (牵头单位).
create table plan_tasks (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id),
  node_id integer not null references plan_nodes(id),
  org_id integer not null references orgs(id),
  region_code char(6) not null,
  title text not null,
  co_org_ids integer[] not null default '{}',
  responsible_name text not null,
  responsible_user_id integer references users(id),
  deliverable text not null,
  year integer,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'completed', 'cancelled')),
  completed_on date,
  completion_note text,
  cancel_reason text,
  deadline_id integer references deadlines(id),
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not (org_id = any (co_org_ids)))
);
create index plan_tasks_org on plan_tasks (org_id, status);
create index plan_tasks_plan on plan_tasks (plan_id);
create index plan_tasks_co on plan_tasks using gin (co_org_ids);

create table plan_milestones (
  id integer generated always as identity primary key,
  task_id integer not null references plan_tasks(id),
  org_id integer not null references orgs(id),
  title text not null,
  due_on date not null,
  done_on date,
  sort_order integer not null
);
create index plan_milestones_task on plan_milestones (task_id);

-- Lead units report per milestone with evidence; co-units report their part to the lead.
create table plan_progress_reports (
  id integer generated always as identity primary key,
  task_id integer not null references plan_tasks(id),
  org_id integer not null references orgs(id),          -- the reporting unit
  task_org_id integer not null references orgs(id),     -- the lead unit that owns the task
  kind text not null check (kind in ('lead', 'co_unit')),
  milestone_id integer references plan_milestones(id),
  reported_on date not null,
  percent integer not null check (percent between 0 and 100),
  content text not null,
  evidence text,
  attachment_id uuid references attachments(id),
  reported_by integer references users(id),
  at timestamptz not null default now()
);
create index plan_progress_task on plan_progress_reports (task_id);

-- 逐级检查验收 (seed 001, closing paragraph): one record per unit checked, and the issuing body's own.
create table plan_acceptances (
  id integer generated always as identity primary key,
  plan_id integer not null references plans(id),
  org_id integer not null references orgs(id),          -- the unit checked
  checked_on date not null,
  result text not null check (result in ('passed', 'failed')),
  findings text not null,
  open_tasks integer not null,
  recorded_by integer references users(id),
  at timestamptz not null default now(),
  unique (plan_id, org_id)
);

-- 领导交办、批办 (seed 004 #4): given time limit or the rule's 15 working days; reported back.
create table assigned_items (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),          -- the unit that handles it
  region_code char(6) not null,
  title text not null,
  content text not null,
  leader_user_id integer not null references users(id),
  assigned_on date not null,
  due_on date not null,
  due_given boolean not null,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text,
  answered_on date,
  answered_by integer references users(id),
  deadline_id integer references deadlines(id),
  version integer not null default 1,
  created_by integer references users(id),
  created_at timestamptz not null default now()
);
create index assigned_items_org on assigned_items (org_id, status);
