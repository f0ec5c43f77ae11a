/**
 * A firm's production data and order release: {@link no.tilpass.engine.production.ProductionData} (work
 * centres with their types, capacities and {@link no.tilpass.engine.production.ShiftCalendar}s, and the
 * material stock including bar remnants), and {@link no.tilpass.engine.production.OrderRelease}, which turns
 * an order for a configured product into a production order: the exploded BOM, the operations assigned to
 * the work centres of their type, and the material and profile-cutting needs. Scheduling is not done here.
 */
package no.tilpass.engine.production;
