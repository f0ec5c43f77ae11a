/**
 * Drawings to scale of a configured product: a list of shapes (rectangles, lines, polylines, circles,
 * texts and dimension lines) in millimetres with a view box, chosen by the model's name (window, door,
 * chair, else a plain outline) and read from option values by name, so that a missing or renamed option
 * degrades the drawing instead of breaking it. The same shapes serialise to the state's {@code drawing}
 * field, render to SVG text and draw into a PDF page with vector graphics.
 */
package no.tilpass.server.drawing;
