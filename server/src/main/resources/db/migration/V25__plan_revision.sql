-- Several server processes on one database (D22): every transaction that changes a firm's production
-- (release, replanning, downtime, cutting plan, goods receipt, seeding) first bumps the firm's plan
-- revision. The update takes the firm's row lock, so such transactions of one firm run one at a time across
-- processes, each reading what the one before committed; a process's cached view of the plan for
-- capable-to-promise is rebuilt when the revision moved.
alter table firms add column plan_revision bigint default 0 not null;
