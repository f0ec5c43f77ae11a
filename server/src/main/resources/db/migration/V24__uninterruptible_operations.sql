-- Uninterruptible operations (issue 4, D20 amended): an operation the model marks `uninterruptible` is
-- planned as one piece in one unbroken stretch of open time, and a downtime that stops it while it runs
-- means it runs again whole; the part done before the stop stays in the plan as `lost` (its work is
-- redone by `<taskId>/restarted@<stop>`).
alter table planned_operations add column uninterruptible boolean default false not null;
alter table planned_operations add column lost boolean default false not null;
