// Renders state.drawing (server package `drawing`) as inline SVG, to scale: one user unit is one
// millimetre, the view box is the drawing's own. Shapes: rect, line, polyline (closed: polygon), circle,
// text (rotate is counter-clockwise in degrees) and dimension (expanded here into lines and a figure,
// the same construction the server's SVG and PDF writers use).
const SVG = "http://www.w3.org/2000/svg";

export function renderDrawing(drawing, title) {
  if (!drawing || !Array.isArray(drawing.shapes)) return null;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  svg.setAttribute("class", "drawing");
  if (drawing.kind) svg.setAttribute("data-kind", drawing.kind);
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const t = document.createElementNS(SVG, "title");
  t.textContent = title;
  svg.appendChild(t);
  const box = new Box();
  for (const shape of drawing.shapes.flatMap((s) => (s.type === "dimension" ? dimensionParts(s) : [s]))) {
    const el = element(shape, box);
    if (el) svg.appendChild(el);
  }
  svg.setAttribute("viewBox", viewBox(drawing, box));
  return svg;
}

class Box {
  constructor() {
    this.x0 = Infinity;
    this.y0 = Infinity;
    this.x1 = -Infinity;
    this.y1 = -Infinity;
  }
  grow(x, y) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.x0 = Math.min(this.x0, x);
    this.y0 = Math.min(this.y0, y);
    this.x1 = Math.max(this.x1, x);
    this.y1 = Math.max(this.y1, y);
  }
}

function viewBox(drawing, box) {
  const v = drawing.viewBox;
  if (v && typeof v === "object" && !Array.isArray(v)) return [v.x, v.y, v.width, v.height].map(round).join(" ");
  if (Array.isArray(v)) return v.join(" ");
  if (typeof v === "string") return v;
  if (!Number.isFinite(box.x0)) {
    box.grow(0, 0);
    box.grow(drawing.width || 100, drawing.height || 100);
  }
  const pad = Math.max(box.x1 - box.x0, box.y1 - box.y0) * 0.05;
  return [box.x0 - pad, box.y0 - pad, box.x1 - box.x0 + 2 * pad, box.y1 - box.y0 + 2 * pad].map(round).join(" ");
}

function round(n) {
  return Math.round(Number(n) * 100) / 100;
}

function num(v, fallback = 0) {
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

function points(p) {
  if (typeof p === "string") p = p.trim().split(/[\s,]+/).map(Number);
  if (!Array.isArray(p)) return [];
  if (p.length && typeof p[0] === "number") {
    const out = [];
    for (let i = 0; i + 1 < p.length; i += 2) out.push([p[i], p[i + 1]]);
    return out;
  }
  return p.map((q) => (Array.isArray(q) ? [num(q[0]), num(q[1])] : [num(q.x), num(q.y)]));
}

/** A dimension line as its parts: two extension lines, the measure line, two ticks and the figure. */
function dimensionParts(d) {
  const x1 = num(d.x1), y1 = num(d.y1), x2 = num(d.x2), y2 = num(d.y2);
  const offset = num(d.offset), size = num(d.textSize, 40);
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return [];
  const dx = (x2 - x1) / length, dy = (y2 - y1) / length;
  const nx = -dy, ny = dx; // the normal to the right of the direction, y downwards
  const ax = x1 + nx * offset, ay = y1 + ny * offset, bx = x2 + nx * offset, by = y2 + ny * offset;
  const over = Math.sign(offset) * size * 0.4, tick = size * 0.35, stroke = size * 0.06, gap = size * 0.3;
  let angle, tx, ty;
  if (Math.abs(dy) < 1e-9) {
    angle = 0;
    tx = (ax + bx) / 2;
    ty = ay - gap;
  } else if (Math.abs(dx) < 1e-9) {
    angle = 90;
    tx = ax - gap;
    ty = (ay + by) / 2;
  } else {
    angle = (Math.atan2(-dy, dx) * 180) / Math.PI;
    tx = (ax + bx) / 2 - nx * gap;
    ty = (ay + by) / 2 - ny * gap;
  }
  const role = d.role || "dimension";
  const line = (a, b, c, e, w) => ({ type: "line", role, x1: a, y1: b, x2: c, y2: e, stroke: "#333333", strokeWidth: w });
  return [
    line(x1, y1, ax + nx * over, ay + ny * over, stroke),
    line(x2, y2, bx + nx * over, by + ny * over, stroke),
    line(ax, ay, bx, by, stroke),
    line(ax - (dx - nx) * tick, ay - (dy - ny) * tick, ax + (dx - nx) * tick, ay + (dy - ny) * tick, stroke * 2),
    line(bx - (dx - nx) * tick, by - (dy - ny) * tick, bx + (dx - nx) * tick, by + (dy - ny) * tick, stroke * 2),
    { type: "text", role, x: tx, y: ty, text: d.text ?? String(Math.round(length)), size, anchor: "middle", rotate: angle },
  ];
}

function element(shape, box) {
  let el;
  switch (shape.type) {
    case "rect": {
      el = document.createElementNS(SVG, "rect");
      const x = num(shape.x), y = num(shape.y), w = num(shape.width), h = num(shape.height);
      set(el, { x, y, width: w, height: h });
      box.grow(x, y);
      box.grow(x + w, y + h);
      break;
    }
    case "line": {
      el = document.createElementNS(SVG, "line");
      const x1 = num(shape.x1), y1 = num(shape.y1), x2 = num(shape.x2), y2 = num(shape.y2);
      set(el, { x1, y1, x2, y2 });
      box.grow(x1, y1);
      box.grow(x2, y2);
      break;
    }
    case "polyline":
    case "polygon": {
      el = document.createElementNS(SVG, shape.closed || shape.type === "polygon" ? "polygon" : "polyline");
      const pts = points(shape.points);
      pts.forEach(([x, y]) => box.grow(x, y));
      el.setAttribute("points", pts.map(([x, y]) => `${round(x)},${round(y)}`).join(" "));
      break;
    }
    case "circle": {
      el = document.createElementNS(SVG, "circle");
      const cx = num(shape.cx), cy = num(shape.cy), r = num(shape.r);
      set(el, { cx, cy, r });
      box.grow(cx - r, cy - r);
      box.grow(cx + r, cy + r);
      break;
    }
    case "text": {
      el = document.createElementNS(SVG, "text");
      const x = num(shape.x), y = num(shape.y);
      set(el, { x, y });
      el.textContent = shape.text ?? "";
      if (num(shape.size) > 0) el.setAttribute("font-size", round(shape.size));
      el.setAttribute("text-anchor", ["start", "middle", "end"].includes(shape.anchor) ? shape.anchor : "start");
      if (num(shape.rotate) !== 0) el.setAttribute("transform", `rotate(${round(-num(shape.rotate))} ${round(x)} ${round(y)})`);
      box.grow(x, y);
      break;
    }
    default:
      return null;
  }
  const role = typeof shape.role === "string" ? shape.role.replace(/[^a-z0-9_-]/gi, "") : "";
  el.setAttribute("class", `shape shape-${shape.type}${role ? " role-" + role : ""}`);
  if (role) el.setAttribute("data-role", role);
  if (shape.type !== "text") {
    const styled = shape.stroke !== undefined || shape.fill !== undefined;
    if (!styled) el.classList.add("unstyled");
    if (shape.stroke !== undefined) el.setAttribute("stroke", shape.stroke);
    if (shape.type !== "line") el.setAttribute("fill", shape.fill ?? "none");
    const w = num(shape.strokeWidth, 0);
    if (w > 0) el.setAttribute("stroke-width", round(w));
    if (shape.dashed) el.setAttribute("stroke-dasharray", `${round(w * 6 || 6)} ${round(w * 4 || 4)}`);
  } else {
    el.setAttribute("fill", shape.fill || "#333333");
  }
  return el;
}

function set(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, round(v));
}
