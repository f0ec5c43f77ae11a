/**
 * One-dimensional cutting of profile bars: an exact-or-near-exact bin-packing optimizer
 * ({@link no.tilpass.engine.cutting.BinPacker}: lower bounds, constructive heuristics, consistent
 * neighbourhood search and a small exact search) and the production view on top of it
 * ({@link no.tilpass.engine.cutting.CuttingPlanner}: bar lengths per profile, saw kerf, end trim, stock
 * remnants used first, new remnants kept, every cut labelled with its order and item).
 */
package no.tilpass.engine.cutting;
