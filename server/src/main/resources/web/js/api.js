// The only way the browser talks to the server: the REST contract in docs/api.md.

export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || null;
    this.maybe = error.maybe || null;
    this.where = error.where || null;
    this.field = error.field || null;
    this.current = error.current || null;
    this.explanation = error.explanation || null;
    this.orderId = error.orderId || null;
  }
}

export class NetworkError extends Error {}

async function request(method, path, { body, headers = {}, lang } = {}) {
  const url = new URL(path, window.location.origin);
  if (lang) url.searchParams.set("lang", lang);
  const init = { method, headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new NetworkError(e.message);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const enc = encodeURIComponent;

// A state is compact: the labels, help texts, units and ranges of a model version are in its model
// (`state.texts`), which is fetched once per version and language (the browser caches it for good) and
// merged into every state here, so the rest of the app sees the full state of docs/api.md.
const texts = new Map();

function textsOf(state) {
  const key = `${state.productId}/${state.version}/${state.language}`;
  if (!texts.has(key)) {
    const path = state.texts || `/api/products/${enc(state.productId)}/model?version=${enc(state.version)}`;
    const loading = request("GET", path, { lang: state.language });
    texts.set(key, loading);
    loading.catch(() => texts.delete(key));
  }
  return texts.get(key);
}

function valueText(opt, value) {
  if (value === null || value === undefined) return null;
  if (!opt) return String(value);
  if (opt.kind === "int") return opt.unit ? `${value} ${opt.unit}` : String(value);
  const v = (opt.values || []).find((x) => String(x.name) === String(value));
  return v && v.label ? v.label : String(value);
}

/** The full state: a compact state with the texts of its model version merged in. */
export async function withTexts(state) {
  if (!state || !Array.isArray(state.options) || state.options.every((o) => "label" in o)) return state;
  const model = await textsOf(state);
  const options = new Map((model.options || []).map((o) => [o.name, o]));
  const groups = new Map((model.groups || []).map((g) => [g.id, g]));
  return {
    ...state,
    label: model.label,
    versionLabel: model.versionLabel || null,
    decisions: (state.decisions || []).map((d) => ({ ...d, label: valueText(options.get(d.option), d.value) })),
    groups: (state.groups || []).map((g) => ({ ...groups.get(g.id), ...g })),
    options: state.options.map((o) => {
      const m = options.get(o.name) || {};
      const full = { ...m, ...o, valueLabel: valueText(m, o.value) };
      if (o.kind !== "int" && Array.isArray(o.valid)) {
        // bool and enum: `valid` lists the available values; the model's other values are unavailable
        const valid = new Set(o.valid.map(String));
        full.values = (m.values || []).map((v) => ({ ...v, available: valid.has(String(v.name)) }));
        delete full.valid;
      }
      return full;
    }),
  };
}

/** A request that answers a state (or a 409 carrying the current one), with the texts merged in. */
async function stateRequest(method, path, init) {
  let state;
  try {
    state = await request(method, path, init);
  } catch (e) {
    if (e instanceof ApiError && e.current) e.current = await withTexts(e.current).catch(() => e.current);
    throw e;
  }
  return withTexts(state);
}

export const api = {
  firms: (lang) => request("GET", "/api/firms", { lang }),
  products: (lang) => request("GET", "/api/products", { lang }),
  product: (productId, lang) => request("GET", `/api/products/${enc(productId)}`, { lang }),
  model: (productId, version, lang) =>
    request("GET", `/api/products/${enc(productId)}/model${version ? `?version=${enc(version)}` : ""}`, { lang }),
  create: (productId, lang) =>
    stateRequest("POST", "/api/configurations", { body: { productId, language: lang }, lang }),
  state: (id, lang) => stateRequest("GET", `/api/configurations/${enc(id)}`, { lang }),
  decide: (id, option, value, revision, lang) =>
    stateRequest("PUT", `/api/configurations/${enc(id)}/decisions/${enc(option)}`, { body: { value, revision }, lang }),
  retract: (id, option, revision, lang) =>
    stateRequest("DELETE", `/api/configurations/${enc(id)}/decisions/${enc(option)}?revision=${enc(revision)}`, { lang }),
  undo: (id, revision, lang) => stateRequest("POST", `/api/configurations/${enc(id)}/undo`, { body: { revision }, lang }),
  explain: (id, option, value, lang) =>
    request("GET", `/api/configurations/${enc(id)}/explain?option=${enc(option)}&value=${enc(String(value))}`, { lang }),
  repair: (id, option, value, revision, lang) =>
    stateRequest("POST", `/api/configurations/${enc(id)}/repair`, { body: { option, value, revision }, lang }),
  complete: (id, revision, lang) =>
    stateRequest("POST", `/api/configurations/${enc(id)}/complete`, { body: { revision }, lang }),
  upgrade: (id, revision, lang) =>
    stateRequest("POST", `/api/configurations/${enc(id)}/upgrade`, { body: { revision }, lang }),
  share: (id) => request("POST", `/api/configurations/${enc(id)}/share`),
  shared: (token, lang) => stateRequest("GET", `/api/shared/${enc(token)}`, { lang }),
  quoteUrl: (id, lang) => `/api/configurations/${enc(id)}/quote.pdf?lang=${enc(lang)}`,
  order: (configurationId, revision, customer, key, quantity = 1) =>
    stateRequest("POST", "/api/orders", {
      body: { configurationId, revision, quantity, customer },
      headers: { "Idempotency-Key": key },
    }),
  getOrder: (id, lang) => request("GET", `/api/orders/${enc(id)}`, { lang }),
};

export function newIdempotencyKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
