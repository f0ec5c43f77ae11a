-- Article stock (issue 4): pieces on hand per firm and article (BOM item id) with the supplier's
-- replenishment lead time in calendar days, seeded from models/production/<firm>.properties; and what
-- each released order reserved of it. on_hand is the physical stock; reserved is the sum of the orders'
-- reservations, so on_hand - reserved is free for the next order. A shortage (needed beyond the free
-- stock) arrives after the lead time: expected_arrival.

create table article_stock (
    firm_id varchar(64) not null references firms (firm_id),
    item varchar(100) not null,
    on_hand bigint not null,
    reserved bigint default 0 not null,
    lead_days integer not null,
    primary key (firm_id, item),
    check (reserved <= on_hand)
);

create table article_reservations (
    order_id varchar(40) not null references production_orders (order_id),
    item varchar(100) not null,
    firm_id varchar(64) not null references firms (firm_id),
    needed bigint not null,
    reserved bigint not null,
    short bigint not null,
    expected_arrival date,
    primary key (order_id, item)
);

-- The day the order's last short article arrives (null: every article on hand); planning starts it no earlier.
alter table production_orders add column material_arrival date;
