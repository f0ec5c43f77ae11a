-- Production (order to production): a firm's work centres and bar stock, seeded from
-- models/production/<firm>.properties; released production orders, their planned operations, downtime
-- and cutting plans. firm_id on every table. Times are the firm's local time (timestamp without zone).

create table work_centres (
    firm_id varchar(64) not null references firms (firm_id),
    work_centre_id varchar(64) not null,
    position integer not null,
    type varchar(64) not null,
    name varchar(200) not null,
    capacity integer not null,
    calendar varchar not null,
    primary key (firm_id, work_centre_id)
);

create table profile_bars (
    firm_id varchar(64) not null references firms (firm_id),
    profile varchar(64) not null,
    length_mm integer not null,
    primary key (firm_id, profile)
);

create table remnants (
    firm_id varchar(64) not null references firms (firm_id),
    remnant_id varchar(64) not null,
    profile varchar(64) not null,
    length_mm integer not null,
    created_at timestamp with time zone not null,
    primary key (firm_id, remnant_id)
);

create table downtimes (
    firm_id varchar(64) not null references firms (firm_id),
    downtime_id varchar(40) not null primary key,
    work_centre_id varchar(64) not null,
    starts_at timestamp not null,
    ends_at timestamp not null,
    created_at timestamp with time zone not null
);

-- One row per released order (order_id unique: releasing twice is a no-op).
create table production_orders (
    order_id varchar(40) primary key references orders (order_id),
    firm_id varchar(64) not null references firms (firm_id),
    quantity bigint not null,
    promised_date date not null,
    planned_finish timestamp,
    bom varchar not null,
    materials varchar not null,
    cuts varchar not null,
    cutting_plan_id varchar(40),
    released_at timestamp with time zone not null
);

create index production_orders_firm on production_orders (firm_id, released_at);

create table planned_operations (
    task_id varchar(200) primary key,
    firm_id varchar(64) not null references firms (firm_id),
    order_id varchar(40) not null references production_orders (order_id),
    position integer not null,
    operation varchar(100) not null,
    description varchar(200) not null,
    work_centre_id varchar(64) not null,
    lane integer not null,
    minutes bigint not null,
    planned_start timestamp,
    planned_end timestamp
);

create index planned_operations_firm on planned_operations (firm_id, work_centre_id, planned_start);

create table cutting_plans (
    plan_id varchar(40) primary key,
    firm_id varchar(64) not null references firms (firm_id),
    created_at timestamp with time zone not null,
    plan varchar not null
);

create index cutting_plans_firm on cutting_plans (firm_id, created_at);
