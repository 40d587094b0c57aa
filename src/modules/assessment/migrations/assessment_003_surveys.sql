-- 外部评价满意度测评 (seed 000 §9(二), (三)2): questionnaires answered by NPC deputies, CPPCC
-- members, companies and residents with one-time tokens; each answer is for one assessed
-- organisation and may feed a survey leaf of an assessment round.

create table assessment_surveys (
  id integer generated always as identity primary key,
  org_id integer not null references orgs(id),             -- the organising office
  region_code char(6) not null,
  title text not null,
  intro text,
  round_id integer references assessment_rounds(id),
  node_id integer references assessment_nodes(id),         -- the survey leaf it scores
  opens_on date not null,
  closes_on date not null,
  status text not null default 'draft' check (status in ('draft','open','closed')),
  public boolean not null default false,                    -- listed on the portal, which hands out tokens
  questions jsonb not null default '[]',                    -- frozen once open
  opened_at timestamptz,
  closed_at timestamptz,
  created_by integer references users(id),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (closes_on >= opens_on),
  check (node_id is null or round_id is not null)
);
create index assessment_surveys_org on assessment_surveys (org_id);
-- One survey per leaf of a round, so the leaf's percent has one source.
create unique index assessment_surveys_leaf on assessment_surveys (round_id, node_id) where node_id is not null;

create table assessment_survey_targets (
  survey_id integer not null references assessment_surveys(id),
  org_id integer not null references orgs(id),
  primary key (survey_id, org_id)
);

-- Tokens are issued in batches per respondent group; a batch may be for one organisation.
create table assessment_survey_batches (
  id integer generated always as identity primary key,
  survey_id integer not null references assessment_surveys(id),
  respondent_group text not null check (respondent_group in ('npc_deputy','cppcc_member','enterprise','resident')),
  target_org_id integer references orgs(id),
  channel text not null default 'issued' check (channel in ('issued','portal')),
  issued_by integer references users(id),
  issued_at timestamptz not null default now(),
  foreign key (survey_id, target_org_id) references assessment_survey_targets (survey_id, org_id)
);
create index assessment_survey_batches_survey on assessment_survey_batches (survey_id);
create unique index assessment_survey_batches_portal on assessment_survey_batches (survey_id) where channel = 'portal';

create table assessment_survey_tokens (
  id integer generated always as identity primary key,
  batch_id integer not null references assessment_survey_batches(id),
  survey_id integer not null references assessment_surveys(id),
  token_hash char(64) not null unique,                      -- SM3 of the token; the token is never stored
  created_at timestamptz not null default now()
);
create index assessment_survey_tokens_batch on assessment_survey_tokens (batch_id);

create table assessment_survey_responses (
  id integer generated always as identity primary key,
  survey_id integer not null references assessment_surveys(id),
  token_id integer not null unique references assessment_survey_tokens(id),   -- one answer per token, under concurrency too
  target_org_id integer not null,
  respondent_group text not null,
  submitted_at timestamptz not null default now(),
  foreign key (survey_id, target_org_id) references assessment_survey_targets (survey_id, org_id)
);
create index assessment_survey_responses_survey on assessment_survey_responses (survey_id, target_org_id);

create table assessment_survey_answers (
  response_id integer not null references assessment_survey_responses(id),
  question_id text not null,
  choice integer[],                                         -- option indexes
  scale integer check (scale between 1 and 5),
  text text,
  satisfied boolean,                                        -- null: not a satisfaction question
  primary key (response_id, question_id)
);
