create table trust (
  id uuid primary key,
  version bigint not null,
  name varchar(200) not null
);
