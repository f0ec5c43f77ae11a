/**
 * The native Tilpass model language ({@code .tpm} files): lexer, parser, type checker and the compiler
 * that turns a product model into a {@link no.tilpass.engine.space.SolutionSpace}; the entry point is
 * {@link no.tilpass.engine.model.ModelLoader}.
 */
package no.tilpass.engine.model;
