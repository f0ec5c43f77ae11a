-- The platform's tables. Every record belongs to a firm (firm_id on every table).
-- Plain SQL that runs on H2 and PostgreSQL alike.

create table firms (
    firm_id varchar(64) primary key,
    name varchar(200) not null unique,
    town varchar(100) not null,
    kind varchar(32) not null,
    next_order_number bigint not null,
    created_at timestamp with time zone not null
);

create table products (
    product_id varchar(128) primary key,
    firm_id varchar(64) not null references firms (firm_id),
    file_name varchar(200) not null,
    created_at timestamp with time zone not null
);

-- Immutable: a row is never updated or deleted. component_pins names the model version of every other
-- file name that components resolved to when it was published (file=product/version;...).
create table model_versions (
    firm_id varchar(64) not null references firms (firm_id),
    product_id varchar(128) not null references products (product_id),
    version integer not null,
    file_name varchar(200) not null,
    version_label varchar(100) not null,
    source_text varchar not null,
    component_pins varchar not null,
    published_at timestamp with time zone not null,
    primary key (product_id, version)
);

create index model_versions_file on model_versions (file_name, published_at);

-- decisions: JSON array of [option, value], oldest first; history: JSON array of earlier decision lists.
create table configurations (
    configuration_id varchar(40) primary key,
    firm_id varchar(64) not null references firms (firm_id),
    product_id varchar(128) not null,
    version integer not null,
    language varchar(8) not null,
    revision integer not null,
    decisions varchar not null,
    history varchar not null,
    share_token varchar(40) unique,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    foreign key (product_id, version) references model_versions (product_id, version)
);

-- Immutable snapshot of what was ordered.
create table orders (
    order_id varchar(40) primary key,
    firm_id varchar(64) not null references firms (firm_id),
    order_number bigint not null,
    idempotency_key varchar(200) not null unique,
    configuration_id varchar(40) not null references configurations (configuration_id),
    configuration_revision integer not null,
    product_id varchar(128) not null,
    version integer not null,
    configuration_values varchar not null,
    price varchar not null,
    customer_name varchar(200) not null,
    customer_email varchar(320) not null,
    status varchar(32) not null,
    created_at timestamp with time zone not null,
    unique (firm_id, order_number),
    foreign key (product_id, version) references model_versions (product_id, version)
);

create index orders_firm on orders (firm_id, order_number);
