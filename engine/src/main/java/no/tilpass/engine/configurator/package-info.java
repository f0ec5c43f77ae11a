/**
 * Valid domains during interactive configuration: after every decision, exactly the values of every
 * option that extend to at least one valid configuration, computed with the incremental SAT solver.
 */
package no.tilpass.engine.configurator;
