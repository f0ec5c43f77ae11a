/**
 * Browser tests of the static pages (served from classpath {@code /web}), the configurator and the
 * production planner: Debian Chromium through chromedriver against the real server in-process, driving
 * the UI the way a customer or planner does and saving screenshots under {@code target/screenshots}.
 */
package no.tilpass.server.web;
