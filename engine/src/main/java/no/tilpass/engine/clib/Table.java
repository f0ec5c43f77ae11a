package no.tilpass.engine.clib;

import java.util.List;

/**
 * One {@code .pm} table: the variables (indices into the domain list) it constrains and its allowed
 * tuples as value indices per variable, {@code -1} where a tuple leaves the variable free.
 */
record Table(String file, String name, int[] variables, List<int[]> tuples) {}
