-- Order quantities (issue 4): an order is `quantity` units of one configuration. Orders placed before
-- this migration are one unit each.
alter table orders add column quantity integer default 1 not null;
