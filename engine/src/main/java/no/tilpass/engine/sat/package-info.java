/**
 * A small incremental CDCL SAT solver (two watched literals, VSIDS, phase saving, 1UIP learning with
 * minimisation, Luby restarts, LBD-based clause deletion, assumptions with failed-assumption cores).
 */
package no.tilpass.engine.sat;
