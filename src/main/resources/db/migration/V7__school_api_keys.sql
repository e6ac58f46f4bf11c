-- API keys with which a school's MIS (or a script) sends imports and reads amended marks, without
-- a member of staff's password. Only a SHA-256 hash of each key is kept; the key itself is shown
-- once, when an administrator creates it. A revoked key stays for the record.

create table school_api_key (
  id uuid primary key,
  school_id uuid not null references school(id),
  key_hash varchar(64) not null unique,
  label varchar(100) not null,
  created_at timestamp with time zone not null,
  created_by varchar(200) not null,
  revoked_at timestamp with time zone,
  last_used_at timestamp with time zone
);
create index school_api_key_school on school_api_key(school_id);
