-- Demo and development only: what would have been sent by SMS or email, shown in the dev outbox page.
create table dev_outbox (
  id uuid primary key,
  created_at timestamp with time zone not null,
  channel varchar(10) not null,
  destination varchar(254) not null,
  subject varchar(300),
  body varchar(4000) not null
);
create index dev_outbox_created on dev_outbox(created_at);
