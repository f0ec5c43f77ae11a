/**
 * The quote as a PDF (OpenPDF): firm, quote number and date, the drawing to scale drawn as vector
 * graphics from the same shapes as the browser's, the chosen options with their labels, the price lines
 * in NOK, the expiry date and the terms, in Norwegian, Swedish or English. {@link
 * no.tilpass.server.quote.QuoteDocument} holds what one quote says; {@link
 * no.tilpass.server.quote.QuotePdf} lays it out.
 */
package no.tilpass.server.quote;
