/** Loads a model of any supported format, chosen by the file's type. */
package no.tilpass.engine.load;
