/** Reads DIMACS CNF files ({@code p cnf V C}, clauses ended by 0, {@code c N name} variable names). */
package no.tilpass.engine.dimacs;
