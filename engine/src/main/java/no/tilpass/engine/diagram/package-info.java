/**
 * Compiled decision diagrams of solution spaces: an ordered binary decision diagram of the whole CNF,
 * built once per model when it stays under a node limit, that answers valid domains, the alternatives
 * of decided options, greedy completions and exact counts with one or two linear passes over its nodes
 * instead of SAT calls (the approach of Configit's compiled configurators). Spaces too large to compile
 * are left to the SAT-based configurator.
 */
package no.tilpass.engine.diagram;
