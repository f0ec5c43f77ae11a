// Renders state.drawing.shapes as SVG, to scale: user units are millimetres.
const SVG = "http://www.w3.org/2000/svg";
const PASS = ["class", "fill", "stroke", "stroke-width", "stroke-dasharray", "opacity"];

export function renderDrawing(drawing, title) {
  if (!drawing || !Array.isArray(drawing.shapes)) return null;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  svg.setAttribute("class", "drawing");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const t = document.createElementNS(SVG, "title");
  t.textContent = title;
  svg.appendChild(t);
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const grow = (x, y) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x);
    box.y1 = Math.max(box.y1, y);
  };
  for (const shape of drawing.shapes) {
    const el = shapeElement(shape, grow);
    if (el) svg.appendChild(el);
  }
  let viewBox = drawing.viewBox;
  if (!viewBox) {
    if (!Number.isFinite(box.x0)) {
      box.x0 = 0;
      box.y0 = 0;
      box.x1 = drawing.width || 100;
      box.y1 = drawing.height || 100;
    }
    const pad = Math.max(box.x1 - box.x0, box.y1 - box.y0) * 0.04;
    viewBox = [box.x0 - pad, box.y0 - pad, box.x1 - box.x0 + 2 * pad, box.y1 - box.y0 + 2 * pad]
      .map((n) => Math.round(n))
      .join(" ");
  } else if (Array.isArray(viewBox)) {
    viewBox = viewBox.join(" ");
  }
  svg.setAttribute("viewBox", viewBox);
  return svg;
}

function num(v) {
  return typeof v === "number" ? v : Number(v);
}

function points(p) {
  if (typeof p === "string") return p.trim().split(/[\s,]+/).map(Number).reduce(pairUp, []);
  if (!Array.isArray(p)) return [];
  if (p.length && typeof p[0] === "number") return p.reduce(pairUp, []);
  return p.map((q) => (Array.isArray(q) ? [num(q[0]), num(q[1])] : [num(q.x), num(q.y)]));
}

function pairUp(acc, n, i) {
  if (i % 2 === 0) acc.push([n]);
  else acc[acc.length - 1].push(n);
  return acc;
}

function shapeElement(shape, grow) {
  let el;
  switch (shape.type) {
    case "rect": {
      el = document.createElementNS(SVG, "rect");
      const x = num(shape.x ?? 0), y = num(shape.y ?? 0), w = num(shape.width ?? shape.w), h = num(shape.height ?? shape.h);
      el.setAttribute("x", x);
      el.setAttribute("y", y);
      el.setAttribute("width", w);
      el.setAttribute("height", h);
      if (shape.rx) el.setAttribute("rx", shape.rx);
      grow(x, y);
      grow(x + w, y + h);
      break;
    }
    case "line": {
      el = document.createElementNS(SVG, "line");
      const x1 = num(shape.x1), y1 = num(shape.y1), x2 = num(shape.x2), y2 = num(shape.y2);
      el.setAttribute("x1", x1);
      el.setAttribute("y1", y1);
      el.setAttribute("x2", x2);
      el.setAttribute("y2", y2);
      grow(x1, y1);
      grow(x2, y2);
      break;
    }
    case "polyline":
    case "polygon": {
      el = document.createElementNS(SVG, shape.closed || shape.type === "polygon" ? "polygon" : "polyline");
      const pts = points(shape.points);
      pts.forEach(([x, y]) => grow(x, y));
      el.setAttribute("points", pts.map((p) => p.join(",")).join(" "));
      break;
    }
    case "circle": {
      el = document.createElementNS(SVG, "circle");
      const cx = num(shape.cx), cy = num(shape.cy), r = num(shape.r);
      el.setAttribute("cx", cx);
      el.setAttribute("cy", cy);
      el.setAttribute("r", r);
      grow(cx - r, cy - r);
      grow(cx + r, cy + r);
      break;
    }
    case "text": {
      el = document.createElementNS(SVG, "text");
      const x = num(shape.x), y = num(shape.y);
      el.setAttribute("x", x);
      el.setAttribute("y", y);
      el.textContent = shape.text ?? shape.value ?? "";
      const size = num(shape.size ?? shape.fontSize ?? 0);
      if (size > 0) el.setAttribute("font-size", size);
      const anchor = shape.anchor ?? shape.textAnchor;
      el.setAttribute("text-anchor", anchor === "start" || anchor === "end" ? anchor : "middle");
      if (shape.rotate) el.setAttribute("transform", `rotate(${num(shape.rotate)} ${x} ${y})`);
      grow(x, y);
      break;
    }
    default:
      return null;
  }
  const cls = ["shape", `shape-${shape.type}`];
  for (const k of ["role", "kind", "style", "layer"]) {
    if (typeof shape[k] === "string") cls.push(`shape-${shape[k].replace(/[^a-z0-9_-]/gi, "")}`);
  }
  el.setAttribute("class", cls.join(" "));
  for (const k of PASS) {
    if (k !== "class" && shape[k] !== undefined) el.setAttribute(k, shape[k]);
  }
  if (typeof shape.class === "string") el.setAttribute("class", `${cls.join(" ")} ${shape.class}`);
  return el;
}
