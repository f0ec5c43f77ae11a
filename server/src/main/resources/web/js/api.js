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

export const api = {
  firms: (lang) => request("GET", "/api/firms", { lang }),
  products: (lang) => request("GET", "/api/products", { lang }),
  product: (productId, lang) => request("GET", `/api/products/${enc(productId)}`, { lang }),
  model: (productId, version, lang) =>
    request("GET", `/api/products/${enc(productId)}/model${version ? `?version=${enc(version)}` : ""}`, { lang }),
  create: (productId, lang) =>
    request("POST", "/api/configurations", { body: { productId, language: lang }, lang }),
  state: (id, lang) => request("GET", `/api/configurations/${enc(id)}`, { lang }),
  decide: (id, option, value, revision, lang) =>
    request("PUT", `/api/configurations/${enc(id)}/decisions/${enc(option)}`, { body: { value, revision }, lang }),
  retract: (id, option, revision, lang) =>
    request("DELETE", `/api/configurations/${enc(id)}/decisions/${enc(option)}?revision=${enc(revision)}`, { lang }),
  undo: (id, revision, lang) => request("POST", `/api/configurations/${enc(id)}/undo`, { body: { revision }, lang }),
  explain: (id, option, value, lang) =>
    request("GET", `/api/configurations/${enc(id)}/explain?option=${enc(option)}&value=${enc(String(value))}`, { lang }),
  repair: (id, option, value, revision, lang) =>
    request("POST", `/api/configurations/${enc(id)}/repair`, { body: { option, value, revision }, lang }),
  complete: (id, revision, lang) =>
    request("POST", `/api/configurations/${enc(id)}/complete`, { body: { revision }, lang }),
  upgrade: (id, revision, lang) =>
    request("POST", `/api/configurations/${enc(id)}/upgrade`, { body: { revision }, lang }),
  share: (id) => request("POST", `/api/configurations/${enc(id)}/share`),
  shared: (token, lang) => request("GET", `/api/shared/${enc(token)}`, { lang }),
  quoteUrl: (id, lang) => `/api/configurations/${enc(id)}/quote.pdf?lang=${enc(lang)}`,
  order: (configurationId, revision, customer, key, quantity = 1) =>
    request("POST", "/api/orders", {
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
