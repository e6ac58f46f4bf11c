-- Attendance engine: the code table, audited marks, lesson marks, tasks, graduated-response cases
-- and import history.

create table attendance_code (
  code varchar(2) primary key,
  category varchar(40) not null,
  counts_as varchar(20) not null,
  late boolean not null,
  valid_from date,
  valid_to date,
  reason_required boolean not null,
  reference varchar(100) not null,
  meaning varchar(200) not null
);

alter table attendance_mark add column reason varchar(300);
alter table attendance_mark add column recorded_by uuid;
alter table attendance_mark add column arrival_time time;

-- Every change to a statutory mark, never deleted (attendance rules R1.4; kept 6 years).
create table mark_amendment (
  id uuid primary key,
  pupil_id uuid not null references pupil(id),
  session_date date not null,
  session varchar(2) not null,
  original_code varchar(2),
  new_code varchar(2) not null,
  reason varchar(300) not null,
  amended_by uuid,
  amended_by_name varchar(200) not null,
  amended_by_position varchar(100) not null,
  amended_at timestamp with time zone not null,
  source varchar(10) not null
);
create index mark_amendment_pupil on mark_amendment(pupil_id, session_date);
create index mark_amendment_at on mark_amendment(amended_at);

-- Lesson-by-lesson registers (secondary). Never part of the statutory figures (R1.5).
create table lesson_mark (
  pupil_id uuid not null references pupil(id),
  lesson_date date not null,
  period integer not null,
  subject varchar(60) not null,
  mark varchar(10) not null,
  reason varchar(300),
  recorded_at timestamp with time zone not null,
  primary key (pupil_id, lesson_date, period)
);

-- Work the rules raise: one row per situation, identified by its dedupe key.
create table attendance_task (
  id uuid primary key,
  version bigint not null,
  school_id uuid not null references school(id),
  pupil_id uuid not null references pupil(id),
  kind varchar(30) not null,
  dedupe_key varchar(200) not null unique,
  due_date date not null,
  owner_role varchar(30) not null,
  status varchar(12) not null,
  provisional boolean not null,
  details varchar(2000) not null,
  outcome varchar(2000),
  assigned_to uuid,
  created_at timestamp with time zone not null,
  completed_at timestamp with time zone,
  completed_by uuid
);
create index attendance_task_open on attendance_task(school_id, status, due_date);
create index attendance_task_pupil on attendance_task(pupil_id);

-- Graduated response: one case per pupil, with its chronology.
create table attendance_case (
  id uuid primary key,
  version bigint not null,
  pupil_id uuid not null unique references pupil(id),
  stage varchar(4) not null,
  stage_entered_on date not null,
  lead_professional_id uuid references staff_member(id),
  triggering_figures varchar(500),
  created_at timestamp with time zone not null
);

create table stage_recommendation (
  id uuid primary key,
  version bigint not null,
  pupil_id uuid not null references pupil(id),
  school_id uuid not null references school(id),
  current_stage varchar(4) not null,
  recommended_stage varchar(4) not null,
  figures varchar(500) not null,
  reasons varchar(2000) not null,
  needs_human_decision boolean not null,
  status varchar(12) not null,
  created_at timestamp with time zone not null,
  decided_by uuid,
  decided_at timestamp with time zone,
  decision_reason varchar(1000)
);
create index stage_recommendation_open on stage_recommendation(school_id, status);
create index stage_recommendation_pupil on stage_recommendation(pupil_id, status);

create table case_event (
  id uuid primary key,
  case_id uuid not null references attendance_case(id),
  at timestamp with time zone not null,
  kind varchar(30) not null,
  stage_from varchar(4),
  stage_to varchar(4),
  by_staff uuid,
  by_name varchar(200),
  text varchar(2000) not null
);
create index case_event_case on case_event(case_id, at);

-- Per-pupil figures kept up to date after every register change, for fast lists and dashboards.
create table pupil_figures (
  pupil_id uuid primary key references pupil(id),
  school_id uuid not null references school(id),
  possible integer not null,
  attended integer not null,
  authorised integer not null,
  unauthorised integer not null,
  lates integer not null,
  lates_after_close integer not null,
  unmarked integer not null,
  computed_at timestamp with time zone not null
);
create index pupil_figures_school on pupil_figures(school_id);

create table import_run (
  id uuid primary key,
  school_id uuid references school(id),
  kind varchar(20) not null,
  file_name varchar(260) not null,
  started_at timestamp with time zone not null,
  finished_at timestamp with time zone,
  status varchar(12) not null,
  rows_read bigint not null,
  rows_applied bigint not null,
  errors varchar(20000),
  run_by varchar(200) not null
);
create index import_run_started on import_run(started_at);
