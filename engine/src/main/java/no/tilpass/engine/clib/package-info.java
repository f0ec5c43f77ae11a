/**
 * Reads CLib configuration benchmarks (such as Renault Mégane): a {@code domains.txt} of enumerated
 * variables and {@code rules/*.pm} tables of allowed tuples; the entry point is {@link
 * no.tilpass.engine.clib.ClibReader}.
 */
package no.tilpass.engine.clib;
