/** The thin command line behind {@code ./tilpass}: parses arguments, calls the engine, prints results. */
package no.tilpass.cli;
