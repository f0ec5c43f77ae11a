/**
 * Analyses a product model: dead values (in no valid configuration), core values (in every one) and, with
 * a model counter plugged in, the number of variants per value. Entry point: {@link
 * no.tilpass.engine.analysis.ModelAnalysis}.
 */
package no.tilpass.engine.analysis;
