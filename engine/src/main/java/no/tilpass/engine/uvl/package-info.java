/**
 * Reads UVL (Universal Variability Language) feature models into a {@link
 * no.tilpass.engine.space.SolutionSpace}: one boolean option per feature, tree semantics and
 * cross-tree constraints as CNF rules; the entry point is {@link no.tilpass.engine.uvl.UvlReader}.
 */
package no.tilpass.engine.uvl;
