-- Directory: trusts, schools and their calendars, pupils, guardians and staff.
-- Portable SQL: the same script runs on PostgreSQL (production, tests) and H2 (demo).

create table trust (
  id uuid primary key,
  version bigint not null,
  name varchar(200) not null
);

create table school (
  id uuid primary key,
  version bigint not null,
  trust_id uuid not null references trust(id),
  urn varchar(6) not null unique,
  name varchar(200) not null,
  phase varchar(20) not null,
  time_zone varchar(40) not null,
  am_register_open time not null,
  pm_register_open time not null,
  register_close_after_min integer not null,
  am_session_end time not null,
  pm_session_end time not null,
  am_session_hours numeric(4, 2) not null,
  pm_session_hours numeric(4, 2) not null,
  am_lessons integer not null,
  pm_lessons integer not null,
  school_year_days integer not null,
  stage_model varchar(20) not null,
  listen_threshold numeric(5, 2) not null,
  listen_comparator varchar(2) not null,
  facilitate_threshold numeric(5, 2) not null,
  facilitate_comparator varchar(2) not null,
  enforce_threshold numeric(5, 2) not null,
  enforce_comparator varchar(2) not null,
  min_possible_sessions integer not null,
  n_code_deadline_days integer not null,
  home_visit_day integer not null,
  home_visit_repeat_days integer not null,
  cme_notify_days integer not null,
  brand_key varchar(40),
  brand_colour varchar(7),
  address varchar(300),
  phone varchar(20),
  email varchar(200),
  headteacher_name varchar(120),
  constraint school_register_window check (register_close_after_min between 1 and 30)
);

create table academic_term (
  id uuid primary key,
  version bigint not null,
  school_id uuid not null references school(id),
  name varchar(60) not null,
  start_date date not null,
  end_date date not null,
  constraint term_dates check (end_date >= start_date)
);
create index academic_term_school on academic_term(school_id, start_date);

create table calendar_closure (
  id uuid primary key,
  version bigint not null,
  school_id uuid not null references school(id),
  kind varchar(20) not null,
  first_day date not null,
  last_day date not null,
  sessions varchar(4) not null,
  description varchar(200) not null,
  constraint closure_dates check (last_day >= first_day)
);
create index calendar_closure_school on calendar_closure(school_id, first_day);

create table teaching_group (
  id uuid primary key,
  version bigint not null,
  school_id uuid not null references school(id),
  name varchar(40) not null,
  year_group integer not null,
  constraint teaching_group_name unique (school_id, name)
);

create table pupil (
  id uuid primary key,
  version bigint not null,
  school_id uuid not null references school(id),
  upn varchar(13) not null,
  legal_first_name varchar(100) not null,
  legal_last_name varchar(100) not null,
  preferred_first_name varchar(100),
  preferred_last_name varchar(100),
  date_of_birth date not null,
  year_group integer not null,
  group_id uuid references teaching_group(id),
  gender varchar(10) not null,
  sen_status varchar(10) not null,
  pupil_premium boolean not null,
  eal boolean not null,
  looked_after boolean not null,
  social_worker boolean not null,
  child_in_need boolean not null,
  child_protection boolean not null,
  vulnerable_list boolean not null,
  on_roll_from date not null,
  on_roll_to date,
  dual_registered boolean not null,
  medical_evidence_required boolean not null,
  medical_evidence_reason varchar(300),
  constraint pupil_upn unique (school_id, upn),
  constraint pupil_roll check (on_roll_to is null or on_roll_to >= on_roll_from)
);
create index pupil_group on pupil(group_id);
create index pupil_school_year on pupil(school_id, year_group);

create table guardian (
  id uuid primary key,
  version bigint not null,
  title varchar(20),
  first_name varchar(100) not null,
  last_name varchar(100) not null,
  mobile varchar(20),
  landline varchar(20),
  email varchar(254),
  address_line1 varchar(120),
  address_line2 varchar(120),
  address_town varchar(80),
  address_postcode varchar(10),
  preferred_language varchar(5) not null,
  preferred_channel varchar(10) not null,
  sms_opt_out boolean not null
);
create index guardian_mobile on guardian(mobile);
create index guardian_landline on guardian(landline);
create index guardian_email on guardian(email);

create table pupil_guardian (
  id uuid primary key,
  version bigint not null,
  pupil_id uuid not null references pupil(id),
  guardian_id uuid not null references guardian(id),
  relationship varchar(30) not null,
  parental_responsibility boolean not null,
  lives_with_pupil boolean not null,
  contact_priority integer not null,
  flagged_for_correspondence boolean not null,
  no_contact boolean not null,
  no_contact_reason varchar(300),
  constraint pupil_guardian_pair unique (pupil_id, guardian_id),
  constraint pupil_guardian_priority check (contact_priority between 1 and 4)
);
create index pupil_guardian_guardian on pupil_guardian(guardian_id);

create table staff_member (
  id uuid primary key,
  version bigint not null,
  trust_id uuid not null references trust(id),
  title varchar(20),
  first_name varchar(100) not null,
  last_name varchar(100) not null,
  email varchar(254),
  job_title varchar(100)
);

-- A minimal statutory register: one mark per pupil per session. The attendance engine extends it.
create table attendance_mark (
  pupil_id uuid not null references pupil(id),
  session_date date not null,
  session varchar(2) not null,
  code varchar(2) not null,
  minutes_late integer,
  source varchar(10) not null,
  recorded_at timestamp with time zone not null,
  primary key (pupil_id, session_date, session)
);
create index attendance_mark_date on attendance_mark(session_date);
