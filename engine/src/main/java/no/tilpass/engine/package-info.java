/** The pure Tilpass configuration engine. */
package no.tilpass.engine;
