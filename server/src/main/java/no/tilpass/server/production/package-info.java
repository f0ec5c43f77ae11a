/**
 * From order to production: a firm's production data (work centres with calendars, profile bars and
 * remnants) seeded from {@code models/production/<firm>.properties}; order release into production orders
 * (exploded BOM, operations, cuts); finite-capacity planning of all released, unfinished operations per
 * firm (serialised per firm); capable-to-promise delivery dates against the live plan; cutting plans;
 * repair after downtime (a running operation is interrupted and resumes after it); goods receipts and the
 * stock movement ledger; planner views and work lists as PDF.
 */
package no.tilpass.server.production;
