-- Attendance engine, second step: the youth offending team flag first-day contact needs (T-D1-V),
-- task titles and rule ids, case status, and the per-pupil figures the lists and trend arrows use.

alter table pupil add column yot_worker boolean default false not null;
-- a return date from a medical note or the family, for the predictive sickness return (T-SICK15)
alter table pupil add column expected_illness_return date;

alter table attendance_task alter column status set data type varchar(20);
alter table attendance_task add column rule_id varchar(12) default '' not null;
alter table attendance_task add column title varchar(200) default '' not null;
alter table attendance_task add column session_date date;

alter table attendance_case add column school_id uuid references school(id);
alter table attendance_case add column stage_model varchar(20) default 'FOUR_STAGE' not null;
alter table attendance_case add column updated_at timestamp with time zone;
create index attendance_case_school on attendance_case(school_id, stage);

alter table stage_recommendation add column automatic_allowed boolean default false not null;
alter table stage_recommendation add column held boolean default false not null;

-- Figures for this school year, kept up to date after every register change. "marked" counts every
-- mark including codes outside possible sessions; "unmarked" is the register-incomplete count.
-- The recent_* columns hold this school week's share, so lists can show a trend arrow.
alter table pupil_figures add column period_from date;
alter table pupil_figures add column period_to date;
alter table pupil_figures add column marked integer default 0 not null;
alter table pupil_figures add column recent_possible integer default 0 not null;
alter table pupil_figures add column recent_attended integer default 0 not null;
alter table pupil_figures add column recent_from date;
-- cumulative figures at the previous fortnightly review (before the week before this one), for
-- the "below the facilitate threshold and declining" entry to Formalise & Enforce (§3.7)
alter table pupil_figures add column review_possible integer default 0 not null;
alter table pupil_figures add column review_attended integer default 0 not null;
alter table pupil_figures add column review_before date;
-- Every read of the register starts from the pupil, which the primary key (pupil, date, session)
-- serves; the date-only index cost every MIS import a second index write per mark for no reader.
drop index attendance_mark_date;
