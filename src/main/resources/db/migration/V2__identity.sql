-- Identity: staff accounts and roles, parents' one-time codes, sessions and audit trails.

create table staff_account (
  id uuid primary key,
  version bigint not null,
  staff_member_id uuid not null unique references staff_member(id),
  username varchar(80) not null unique,
  password_hash varchar(200) not null,
  failed_sign_ins integer not null,
  locked_until timestamp with time zone,
  active boolean not null
);

create table role_assignment (
  id uuid primary key,
  version bigint not null,
  staff_member_id uuid not null references staff_member(id),
  role varchar(30) not null,
  school_id uuid not null references school(id),
  constraint role_assignment_unique unique (staff_member_id, role, school_id)
);

create table staff_group (
  staff_member_id uuid not null references staff_member(id),
  group_id uuid not null references teaching_group(id),
  primary key (staff_member_id, group_id)
);

create table one_time_code (
  id uuid primary key,
  version bigint not null,
  guardian_id uuid references guardian(id),
  destination_hash varchar(64) not null,
  code_hash varchar(200),
  requested_ip varchar(64),
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  attempts integer not null,
  consumed_at timestamp with time zone
);
create index one_time_code_destination on one_time_code(destination_hash, created_at);
create index one_time_code_ip on one_time_code(requested_ip, created_at);

create table api_session (
  token_hash varchar(64) primary key,
  kind varchar(10) not null,
  principal_id uuid not null,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null
);

create table sign_in_audit (
  id uuid primary key,
  at timestamp with time zone not null,
  kind varchar(10) not null,
  principal varchar(120) not null,
  outcome varchar(30) not null,
  ip varchar(64)
);
create index sign_in_audit_at on sign_in_audit(at);

create table access_audit (
  id uuid primary key,
  at timestamp with time zone not null,
  staff_member_id uuid not null,
  pupil_id uuid not null,
  resource varchar(120) not null
);
create index access_audit_pupil on access_audit(pupil_id, at);
create index access_audit_staff on access_audit(staff_member_id, at);
