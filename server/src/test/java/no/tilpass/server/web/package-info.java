/**
 * Browser tests of the configurator's static pages (served from classpath {@code /web}): Debian
 * Chromium through chromedriver against the real server in-process, driving the UI the way a customer
 * does and saving screenshots under {@code target/screenshots}.
 */
package no.tilpass.server.web;
