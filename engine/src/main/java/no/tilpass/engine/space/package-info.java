/**
 * The compiled solution space every engine feature works on: options whose values are SAT literals, and
 * CNF clauses tagged with the rule they come from. The native model language, DIMACS, UVL and CLib
 * importers all produce a {@link no.tilpass.engine.space.SolutionSpace}.
 */
package no.tilpass.engine.space;
