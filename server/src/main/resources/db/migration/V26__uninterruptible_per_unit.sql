-- Uninterruptible per unit (issue 4): an operation the model marks `uninterruptible per_unit` runs each unit
-- in one unbroken stretch of open time (the setup with the first unit), not the whole batch. Its planned
-- pieces hold whole units: `units` of `unit_minutes` each, after any setup (`minutes - units * unit_minutes`).
-- A downtime that stops such a piece keeps the units done before the stop; only the unit it cuts is lost.
-- Both are null for every other planned operation.
alter table planned_operations add column units integer;
alter table planned_operations add column unit_minutes bigint;
