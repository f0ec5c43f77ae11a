// The browser configurator: client-side routing, pages and the configuration session.
// Routes: #/ products by firm · #/p/{productId} new session · #/s/{sessionId} configurator ·
// #/o/{orderId} order confirmation · /c/{token} a shared configuration (resumed, then #/s/{id}).
import { api, ApiError, NetworkError, newIdempotencyKey } from "./api.js";
import { renderDrawing } from "./drawing.js";
import { LANGUAGES, date, initialLanguage, money, number, rememberLanguage, strings } from "./i18n.js";

const app = {
  lang: initialLanguage(),
  session: null, // the configuration state from the API
  groupIndex: 0,
  orders: new Map(), // orderId -> order just placed (shown without a second request)
  orderQuantity: null, // the order form's quantity as typed, kept while the configurator re-renders
  orderAttempt: null, // {key, revision}: one Idempotency-Key per order attempt, reused by retries
  shareUrl: null,
  notice: null, // {kind: "error"|"info", message, maybe}
  alreadyPlaced: null, // id of an order an earlier try placed, shown with a line saying so
  fieldErrors: new Map(), // option -> {message, value}
  busy: false,
  products: new Map(), // `${lang}:${productId}` -> product summary (label, firm)
};

const main = document.getElementById("main");
const statusEl = document.getElementById("status");
const dialog = document.getElementById("explain-dialog");
let dialogReturnFocus = null;

const t = () => strings(app.lang);

// ------------------------------------------------------------------------------------------ helpers

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

function announce(message) {
  statusEl.textContent = "";
  // a separate task so that screen readers announce a repeated message again
  setTimeout(() => (statusEl.textContent = message), 30);
}

function safeId(s) {
  return String(s).replace(/[^A-Za-z0-9_-]/g, "_");
}

function navigate(hash, replace = false) {
  if (replace) {
    history.replaceState(null, "", `/${hash}`);
    route();
  } else if (location.hash === hash && location.pathname === "/") {
    route();
  } else if (location.pathname !== "/") {
    history.pushState(null, "", `/${hash}`);
    route();
  } else {
    location.hash = hash;
  }
}

function optionOf(name) {
  return app.session?.options.find((o) => o.name === name) || null;
}

function isBool(opt) {
  return opt.kind === "bool";
}

function sameValue(a, b) {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

/** The values of an enum/bool/small-int option as [{name, label, available}]. */
function choicesOf(opt) {
  if (isBool(opt)) {
    const given = new Map((opt.values || []).map((v) => [String(v.name), v]));
    return [true, false].map((b) => {
      const v = given.get(String(b));
      return {
        name: b,
        label: v?.label || (b ? t().yes : t().no),
        available: v ? v.available !== false : boolAvailable(opt, b),
      };
    });
  }
  if (opt.kind === "int") {
    const out = [];
    for (let n = opt.min; n <= opt.max; n += opt.step || 1) {
      out.push({ name: n, label: number(n, app.lang), available: intValid(opt, n) });
    }
    return out;
  }
  return (opt.values || []).map((v) => ({ name: v.name, label: v.label ?? v.name, available: v.available !== false }));
}

function boolAvailable(opt, b) {
  if (Array.isArray(opt.valid)) return opt.valid.some((v) => String(v) === String(b));
  return true;
}

function intervals(opt) {
  if (Array.isArray(opt.valid)) return opt.valid;
  return [{ from: opt.min, to: opt.max, step: opt.step || 1 }];
}

function intValid(opt, n) {
  return intervals(opt).some((r) => n >= r.from && n <= r.to && (n - r.from) % (r.step || 1) === 0);
}

function rangeText(opt) {
  const rs = intervals(opt);
  if (!rs.length) return t().noneValid;
  const step = rs[0].step || opt.step || 1;
  const text = rs
    .map((r) => (r.from === r.to ? number(r.from, app.lang) : `${number(r.from, app.lang)}–${number(r.to, app.lang)}`))
    .join(", ");
  return t().range(text, opt.unit, step);
}

function isSmallInt(opt) {
  return opt.kind === "int" && (opt.max - opt.min) / (opt.step || 1) < 6;
}

function valueLabel(optName, value) {
  const opt = optionOf(optName);
  if (!opt) return String(value);
  if (opt.kind !== "int" && opt.valueLabel && sameValue(opt.value, value)) return opt.valueLabel;
  const v = (opt.values || []).find((x) => sameValue(x.name, value));
  if (v && v.label) return v.label;
  if (isBool(opt)) return String(value) === "true" ? t().yes : t().no;
  if (opt.kind === "int") return `${number(Number(value), app.lang)}${opt.unit && opt.unit !== "pcs" ? " " + opt.unit : ""}`;
  return v ? v.label : String(value);
}

function optionLabel(optName) {
  return optionOf(optName)?.label || optName;
}

function settled(opt) {
  return opt.decided === "user" || opt.decided === "forced";
}

// ------------------------------------------------------------------------------------------ errors

function showError(e) {
  if (e instanceof ApiError) {
    app.notice = { kind: "error", message: e.message, maybe: e.maybe };
  } else if (e instanceof NetworkError) {
    app.notice = { kind: "error", message: t().error, maybe: e.message };
  } else {
    console.error(e);
    app.notice = { kind: "error", message: t().error, maybe: null };
  }
}

/** Runs one change of the session; handles 409 (reload) and 422 (message + Maybe) the same way everywhere. */
async function change(action, { after } = {}) {
  if (app.busy) return;
  app.busy = true;
  document.body.classList.add("busy");
  try {
    const state = await action();
    app.session = state;
    app.notice = null;
    app.shareUrl = null;
    if (after) after(state);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      if (e.current) app.session = e.current;
      else app.session = await api.state(app.session.id, app.lang);
      app.notice = { kind: "info", message: t().stale, maybe: null };
      announce(t().stale);
    } else if (e instanceof ApiError && e.code === "value_unavailable" && e.explanation) {
      renderConfigurator();
      openExplanation(e.explanation);
      return;
    } else {
      showError(e);
    }
  } finally {
    app.busy = false;
    document.body.classList.remove("busy");
  }
  renderConfigurator();
}

// ------------------------------------------------------------------------------------------ header

function renderHeader() {
  const header = document.getElementById("lang-switch");
  header.replaceChildren(
    ...LANGUAGES.map((l) =>
      h(
        "button",
        {
          type: "button",
          lang: l.code,
          "aria-pressed": String(l.code === app.lang),
          "data-lang": l.code,
          id: `lang-${l.code}`,
          onClick: () => switchLanguage(l.code),
        },
        l.code.toUpperCase(),
        h("span", { class: "visually-hidden", text: ` ${l.name}` }),
      ),
    ),
  );
  header.setAttribute("aria-label", t().language);
  document.documentElement.lang = app.lang === "nb" ? "nb" : app.lang;
  document.getElementById("tagline").textContent = t().tagline;
  document.getElementById("home-link").setAttribute("aria-label", `${t().appName} – ${t().products}`);
}

async function switchLanguage(lang) {
  if (lang === app.lang) return;
  app.lang = lang;
  rememberLanguage(lang);
  renderHeader();
  await route();
  document.getElementById(`lang-${lang}`)?.focus();
}

// ------------------------------------------------------------------------------------------ routing

async function route() {
  renderHeader();
  const path = location.pathname;
  const hash = location.hash || "#/";
  const shared = path.match(/^\/c\/([A-Za-z0-9_-]+)\/?$/);
  try {
    if (shared && (hash === "#/" || hash === "")) {
      main.replaceChildren(h("p", { class: "loading", text: t().loading }));
      const state = await api.shared(shared[1], app.lang);
      app.session = state;
      app.groupIndex = 0;
      await loadProduct(state.productId);
      history.replaceState(null, "", `/#/s/${state.id}`);
      renderConfigurator();
      focusMain();
      return;
    }
    let m;
    if ((m = hash.match(/^#\/p\/([^/]+)$/))) {
      main.replaceChildren(h("p", { class: "loading", text: t().loading }));
      const state = await api.create(decodeURIComponent(m[1]), app.lang);
      app.session = state;
      app.groupIndex = 0;
      await loadProduct(state.productId);
      history.replaceState(null, "", `/#/s/${state.id}`);
      renderConfigurator();
      focusMain();
    } else if ((m = hash.match(/^#\/s\/([^/]+)$/))) {
      const id = decodeURIComponent(m[1]);
      if (!app.session || app.session.id !== id) {
        main.replaceChildren(h("p", { class: "loading", text: t().loading }));
        app.groupIndex = 0;
      }
      app.session = await api.state(id, app.lang);
      await loadProduct(app.session.productId);
      renderConfigurator();
    } else if ((m = hash.match(/^#\/o\/([^/]+)$/))) {
      await renderOrder(decodeURIComponent(m[1]));
    } else if (hash === "#/" || hash === "#" || hash === "") {
      await renderProducts();
    } else {
      main.replaceChildren(h("h1", { text: t().notFound }), h("p", {}, h("a", { href: "#/", text: t().back })));
    }
  } catch (e) {
    showError(e);
    main.replaceChildren(
      h("div", { class: "notice notice-error", role: "alert" }, h("p", { text: app.notice.message }),
        app.notice.maybe ? h("p", { class: "maybe", text: app.notice.maybe }) : null),
      h("p", {}, h("a", { href: "#/", text: t().back })),
    );
    app.notice = null;
  }
}

function focusMain() {
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: false });
  }
}

// ------------------------------------------------------------------------------------------ products

async function renderProducts() {
  main.replaceChildren(h("p", { class: "loading", text: t().loading }));
  const [firms, products] = await Promise.all([api.firms(app.lang), api.products(app.lang)]);
  const byFirm = new Map(firms.map((f) => [f.id, []]));
  for (const p of products) {
    if (!byFirm.has(p.firmId)) byFirm.set(p.firmId, []);
    byFirm.get(p.firmId).push(p);
  }
  const sections = [...byFirm.entries()]
    .filter(([, ps]) => ps.length)
    .map(([firmId, ps]) => {
      const firm = firms.find((f) => f.id === firmId) || { id: firmId, name: firmId };
      return h(
        "section",
        { class: "firm", "aria-labelledby": `firm-${safeId(firmId)}` },
        h(
          "header",
          { class: "firm-head" },
          h("h2", { id: `firm-${safeId(firmId)}`, text: firm.name }),
          h("p", { class: "muted" }, [firm.town, t().firmKinds[firm.kind] || firm.kind].filter(Boolean).join(" · ")),
        ),
        h(
          "ul",
          { class: "cards" },
          ps.map((p) =>
            h(
              "li",
              { class: "card" },
              h("h3", { text: p.label }),
              h("p", { class: "muted" }, t().version(p.versionLabel || p.version)),
              h("p", { class: "muted small" }, t().optionsRules(p.options, p.rules)),
              h(
                "a",
                { class: "button primary", href: `#/p/${encodeURIComponent(p.id)}`, "data-product": p.id },
                t().configure,
                h("span", { class: "visually-hidden", text: `: ${p.label}` }),
              ),
            ),
          ),
        ),
      );
    });
  main.replaceChildren(h("h1", { text: t().products }), ...sections);
}

// ------------------------------------------------------------------------------------------ configurator

function renderConfigurator() {
  const s = app.session;
  if (!s) return;
  const active = document.activeElement && document.activeElement.id;
  const groups = orderedGroups(s);
  if (app.groupIndex >= groups.length) app.groupIndex = Math.max(0, groups.length - 1);
  const group = groups[app.groupIndex];

  const title = h("h1", { id: "product-title" }, productLabel(s));
  const root = h(
    "div",
    { class: "configurator", "data-revision": s.revision, "data-complete": String(!!s.complete) },
    h("p", { class: "crumb" }, h("a", { href: "#/", text: `← ${t().back}` })),
    title,
    h(
      "p",
      { class: "muted" },
      h("span", { id: "product-version" }, t().version(s.versionLabel || s.version)),
      " · ",
      h("span", { class: s.complete ? "pill ok" : "pill", id: "completeness" }, s.complete ? t().complete : t().incomplete),
    ),
    renderNotice(),
    s.upgrade ? renderUpgrade(s.upgrade) : null,
    h(
      "div",
      { class: "layout" },
      h(
        "div",
        { class: "options-panel" },
        renderStepper(groups),
        group ? renderGroup(group, groups.length) : null,
      ),
      h("aside", { class: "summary-panel", "aria-label": `${t().drawing}, ${t().price}` }, renderDrawingPanel(s), renderPrice(s), renderActions(s), renderOrderForm(s)),
    ),
  );
  main.replaceChildren(root);
  if (active) {
    const el = document.getElementById(active);
    if (el && !el.disabled) el.focus({ preventScroll: true });
  }
}

/** The product's own sections first, then those of its components (options named `component.option`). */
function orderedGroups(s) {
  const groups = s.groups || [];
  const own = (g) => g.options.some((o) => !o.includes("."));
  return [...groups.filter(own), ...groups.filter((g) => !own(g))];
}

function productLabel(s) {
  const p = app.products.get(`${app.lang}:${s.productId}`);
  return p?.label || s.productLabel || s.label || s.productId.replace(/_/g, " ");
}

/** Loads the product's label in the current language once; the state itself carries only its id. */
async function loadProduct(productId) {
  const key = `${app.lang}:${productId}`;
  if (app.products.has(key)) return;
  try {
    app.products.set(key, await api.product(productId, app.lang));
  } catch {
    // the id is shown instead
  }
}

function renderNotice() {
  if (!app.notice) return null;
  const n = app.notice;
  return h(
    "div",
    { class: `notice notice-${n.kind}`, role: n.kind === "error" ? "alert" : "status", id: "notice" },
    h("p", { class: "notice-message", text: n.message }),
    n.maybe ? h("p", { class: "maybe", text: n.maybe }) : null,
    h("button", { type: "button", class: "link", onClick: () => { app.notice = null; renderConfigurator(); } }, t().close),
  );
}

function renderUpgrade(upgrade) {
  return h(
    "div",
    { class: "notice notice-info" },
    h("p", { text: t().upgrade(upgrade.toVersion) }),
    h("button", { type: "button", onClick: () => change(() => api.upgrade(app.session.id, app.session.revision, app.lang)) }, t().upgradeButton),
  );
}

function groupProgress(group) {
  const opts = group.options.map(optionOf).filter(Boolean);
  return { done: opts.filter(settled).length, total: opts.length };
}

function renderStepper(groups) {
  return h(
    "nav",
    { class: "stepper", "aria-label": t().sections },
    h(
      "ol",
      {},
      groups.map((g, i) => {
        const p = groupProgress(g);
        const current = i === app.groupIndex;
        return h(
          "li",
          { class: `step${current ? " current" : ""}${g.complete ? " complete" : ""}` },
          h(
            "button",
            {
              type: "button",
              id: `step-${safeId(g.id)}`,
              "data-group": g.id,
              "aria-current": current ? "step" : null,
              onClick: () => goToGroup(i),
            },
            h("span", { class: "step-mark", "aria-hidden": "true" }, g.complete ? "✓" : String(i + 1)),
            h("span", { class: "step-label" }, g.label),
            h("span", { class: "step-count" }, `${p.done}/${p.total}`, g.complete ? h("span", { class: "visually-hidden", text: ` ${t().done}` }) : null),
          ),
        );
      }),
    ),
  );
}

function goToGroup(i) {
  app.groupIndex = i;
  renderConfigurator();
  const heading = document.getElementById("group-heading");
  if (heading) heading.focus();
}

function renderGroup(group, count) {
  const i = app.groupIndex;
  return h(
    "section",
    { class: "group", "aria-labelledby": "group-heading", "data-group": group.id },
    h("p", { class: "position muted", id: "position" }, t().stepOf(i + 1, count)),
    h("h2", { id: "group-heading", tabindex: "-1" }, group.label),
    group.options.map(optionOf).filter(Boolean).map(renderOption),
    h(
      "div",
      { class: "step-nav" },
      h("button", { type: "button", id: "prev-step", disabled: i === 0, onClick: () => goToGroup(i - 1) }, `← ${t().previous}`),
      h("button", { type: "button", id: "next-step", disabled: i >= count - 1, onClick: () => goToGroup(i + 1) }, `${t().next} →`),
    ),
  );
}

function badge(opt) {
  if (opt.decided === "forced") return h("span", { class: "badge forced" }, t().forced);
  if (opt.decided === "default") return h("span", { class: "badge" }, t().byDefault);
  return null;
}

function renderOption(opt) {
  const id = safeId(opt.name);
  const helpId = opt.help ? `help-${id}` : null;
  const legend = h("legend", {}, h("span", { class: "option-label" }, opt.label), " ", badge(opt));
  const body =
    opt.kind === "int" && !isSmallInt(opt) ? renderNumeric(opt) : renderChoices(opt);
  return h(
    "fieldset",
    {
      class: `option option-${opt.kind} decided-${opt.decided}`,
      id: `opt-${id}`,
      "data-option": opt.name,
      "aria-describedby": helpId,
    },
    legend,
    opt.help ? h("p", { class: "help", id: helpId, text: opt.help }) : null,
    body,
    opt.decided === "user"
      ? h(
          "button",
          {
            type: "button",
            class: "link clear",
            id: `clear-${id}`,
            "aria-label": t().clearLabel(opt.label),
            onClick: () => change(() => api.retract(app.session.id, opt.name, app.session.revision, app.lang)),
          },
          t().clear,
        )
      : null,
  );
}

function renderChoices(opt) {
  const id = safeId(opt.name);
  const choices = choicesOf(opt);
  return h(
    "div",
    { class: `choices${choices.length <= 3 ? " compact" : ""}` },
    choices.map((c) => {
      const cid = `o-${id}-${safeId(c.name)}`;
      const checked = sameValue(opt.value, c.name);
      return h(
        "div",
        { class: `choice${c.available ? "" : " unavailable"}${checked ? " checked" : ""}`, "data-value": String(c.name) },
        h("input", {
          type: "radio",
          name: `o-${id}`,
          id: cid,
          value: String(c.name),
          checked,
          disabled: !c.available,
          onChange: () => decide(opt, c.name),
          onClick: (ev) => {
            // confirming a default that is already shown selected: no change event fires
            if (checked && opt.decided !== "user" && ev.detail !== undefined) decide(opt, c.name);
          },
        }),
        h("label", { for: cid }, c.label),
        c.available
          ? null
          : h(
              "button",
              {
                type: "button",
                class: "why",
                id: `why-${id}-${safeId(c.name)}`,
                "aria-label": t().whyLabel(c.label),
                "aria-haspopup": "dialog",
                onClick: (ev) => explain(opt.name, c.name, ev.currentTarget),
              },
              t().why,
            ),
      );
    }),
  );
}

function decide(opt, value) {
  if (opt.decided === "user" && sameValue(opt.chosen ?? opt.value, value)) return;
  app.fieldErrors.delete(opt.name);
  change(() => api.decide(app.session.id, opt.name, value, app.session.revision, app.lang), {
    after: () => announce(`${optionLabel(opt.name)}: ${valueLabel(opt.name, value)}`),
  });
}

function renderNumeric(opt) {
  const id = safeId(opt.name);
  const inputId = `o-${id}-input`;
  const rangeId = `range-${id}`;
  const errId = `err-${id}`;
  const fieldError = app.fieldErrors.get(opt.name);
  const input = h("input", {
    type: "number",
    id: inputId,
    name: opt.name,
    inputmode: "numeric",
    min: opt.min,
    max: opt.max,
    step: opt.step || 1,
    value: fieldError ? fieldError.value : opt.value ?? "",
    "aria-describedby": `${rangeId}${fieldError ? " " + errId : ""}`,
    "aria-invalid": fieldError ? "true" : null,
    "aria-label": `${opt.label}${opt.unit ? " (" + opt.unit + ")" : ""}`,
  });
  const commit = () => {
    const raw = input.value.trim();
    if (raw === "") return;
    if (!/^-?\d+$/.test(raw)) return fieldErr(opt, raw, t().notANumber, false);
    const n = Number(raw);
    if (sameValue(n, opt.chosen) && opt.decided === "user") {
      if (app.fieldErrors.delete(opt.name)) renderConfigurator();
      return;
    }
    if (!intValid(opt, n)) {
      const step = opt.step || 1;
      const msg = n >= opt.min && n <= opt.max && (n - opt.min) % step !== 0 ? t().offStep(n, step) : t().outOfRange(n, rangeText(opt));
      return fieldErr(opt, raw, msg, n >= opt.min && n <= opt.max && (n - opt.min) % step === 0);
    }
    decide(opt, n);
  };
  const form = h(
    "form",
    {
      class: "numeric",
      novalidate: true,
      onSubmit: (ev) => {
        ev.preventDefault();
        commit();
      },
    },
    h("div", { class: "numeric-row" }, input, opt.unit ? h("span", { class: "unit", "aria-hidden": "true" }, opt.unit) : null,
      h("button", { type: "submit", id: `set-${id}` }, t().set)),
    h("p", { class: "range", id: rangeId }, rangeText(opt)),
    fieldError
      ? h(
          "p",
          { class: "field-error", id: errId, role: "alert" },
          fieldError.message,
          " ",
          fieldError.explainable
            ? h(
                "button",
                {
                  type: "button",
                  class: "why",
                  id: `why-${id}-input`,
                  "aria-haspopup": "dialog",
                  onClick: (ev) => explain(opt.name, Number(fieldError.value), ev.currentTarget),
                },
                t().why,
              )
            : null,
        )
      : null,
  );
  input.addEventListener("change", commit);
  return form;
}

function fieldErr(opt, raw, message, explainable) {
  app.fieldErrors.set(opt.name, { value: raw, message, explainable });
  renderConfigurator();
  const input = document.getElementById(`o-${safeId(opt.name)}-input`);
  if (input) input.focus();
}

// ------------------------------------------------------------------------------------------ explanation

async function explain(option, value, opener) {
  dialogReturnFocus = opener || document.activeElement;
  try {
    const ex = await api.explain(app.session.id, option, value, app.lang);
    openExplanation(ex);
  } catch (e) {
    showError(e);
    renderConfigurator();
  }
}

function openExplanation(ex) {
  const s = t();
  const setLabel = (o, v) => s.change(optionLabel(o), valueLabel(o, v));
  const drops = (ex.repair?.retract || []).map((r) => optionLabel(r.option));
  if (ex.available === true) {
    // changed meanwhile: nothing stands in the way any more
    dialog.replaceChildren(
      h(
        "div",
        { class: "dialog-body" },
        h("h2", { id: "explain-title" }, `${optionLabel(ex.option)}: ${valueLabel(ex.option, ex.value)}`),
        h("p", {}, s.availableNow),
        h(
          "div",
          { class: "dialog-actions" },
          h(
            "button",
            { type: "button", class: "primary", id: "repair-button", onClick: () => repair({ set: { option: ex.option, value: ex.value }, retract: [] }) },
            s.chooseIt(optionLabel(ex.option), valueLabel(ex.option, ex.value)),
          ),
          h("button", { type: "button", id: "dialog-close", onClick: () => dialog.close() }, s.close),
        ),
      ),
    );
    dialog.setAttribute("aria-labelledby", "explain-title");
    if (!dialog.open) dialog.showModal();
    document.getElementById("repair-button").focus();
    return;
  }
  const body = h(
    "div",
    { class: "dialog-body" },
    h("h2", { id: "explain-title" }, s.explainTitle(optionLabel(ex.option), valueLabel(ex.option, ex.value))),
    h("h3", {}, s.yourDecisions),
    ex.decisions && ex.decisions.length
      ? h(
          "ul",
          { class: "explain-decisions" },
          ex.decisions.map((d) =>
            h("li", { "data-option": d.option }, h("strong", {}, optionLabel(d.option)), ": ", valueLabel(d.option, d.value)),
          ),
        )
      : h("p", { class: "muted", text: s.noDecisions }),
    ex.oneChange
      ? h(
          "p",
          { class: "explain-one-change", "data-option": ex.oneChange.option },
          s.oneChange(
            optionLabel(ex.oneChange.option),
            valueLabel(ex.oneChange.option, ex.oneChange.from),
            valueLabel(ex.oneChange.option, ex.oneChange.value),
          ),
        )
      : null,
    h("h3", {}, s.rules),
    h(
      "ul",
      { class: "explain-rules" },
      (ex.rules || []).map((r) => h("li", { "data-rule": r.id }, h("strong", {}, `${r.name}`), h("br"), r.sentence)),
    ),
    h(
      "div",
      { class: "dialog-actions" },
      ex.repair && ex.repair.set
        ? h(
            "button",
            {
              type: "button",
              class: "primary",
              id: "repair-button",
              onClick: () => repair(ex.repair),
            },
            s.repairButton(setLabel(ex.repair.set.option, ex.repair.set.value), drops),
          )
        : h("p", { class: "muted", text: s.repairNone }),
      ex.oneChange
        ? h(
            "button",
            { type: "button", id: "one-change-button", onClick: () => applyOneChange(ex) },
            s.oneChangeButton(
              optionLabel(ex.oneChange.option),
              valueLabel(ex.oneChange.option, ex.oneChange.value),
              valueLabel(ex.option, ex.value),
            ),
          )
        : null,
      h("button", { type: "button", id: "dialog-close", onClick: () => dialog.close() }, s.close),
    ),
  );
  dialog.replaceChildren(body);
  dialog.setAttribute("aria-labelledby", "explain-title");
  if (!dialog.open) dialog.showModal();
  (document.getElementById("repair-button") || document.getElementById("dialog-close")).focus();
}

/** The explanation's single change (another value of one decision), then the value asked about. */
function applyOneChange(ex) {
  const one = ex.oneChange;
  dialogReturnFocus = null;
  dialog.close();
  app.fieldErrors.delete(ex.option);
  change(
    async () => {
      app.session = await api.decide(app.session.id, one.option, one.value, app.session.revision, app.lang);
      return api.decide(app.session.id, ex.option, ex.value, app.session.revision, app.lang);
    },
    {
      after: () => {
        announce(t().oneChanged(optionLabel(one.option), valueLabel(one.option, one.value), valueLabel(ex.option, ex.value)));
        const gi = orderedGroups(app.session).findIndex((g) => g.options.includes(ex.option));
        if (gi >= 0) app.groupIndex = gi;
      },
    },
  ).then(() => {
    const target =
      document.getElementById(`o-${safeId(ex.option)}-${safeId(ex.value)}`) ||
      document.getElementById(`o-${safeId(ex.option)}-input`);
    if (target) target.focus();
  });
}

function repair(r) {
  const { option, value } = r.set;
  dialogReturnFocus = null;
  dialog.close();
  app.fieldErrors.delete(option);
  change(() => api.repair(app.session.id, option, value, app.session.revision, app.lang), {
    after: () => {
      announce(t().repaired(optionLabel(option), valueLabel(option, value)));
      const gi = orderedGroups(app.session).findIndex((g) => g.options.includes(option));
      if (gi >= 0) app.groupIndex = gi;
    },
  }).then(() => {
    const target =
      document.getElementById(`o-${safeId(option)}-${safeId(value)}`) || document.getElementById(`o-${safeId(option)}-input`);
    if (target) target.focus();
  });
}

dialog.addEventListener("close", () => {
  if (dialogReturnFocus && document.body.contains(dialogReturnFocus)) dialogReturnFocus.focus();
  dialogReturnFocus = null;
});
dialog.addEventListener("click", (ev) => {
  if (ev.target === dialog) dialog.close(); // a click on the backdrop
});

// ------------------------------------------------------------------------------------------ side panel

function renderDrawingPanel(s) {
  if (!s.drawing) return null;
  const svg = renderDrawing(s.drawing, t().drawingAlt(s.drawing.width ?? "", s.drawing.height ?? ""));
  if (!svg) return null;
  return h("section", { class: "panel drawing-panel", "aria-labelledby": "drawing-heading" }, h("h2", { id: "drawing-heading" }, t().drawing), svg);
}

function renderPrice(s) {
  const p = s.price;
  if (!p) return null;
  const lines = (p.lines || []).filter((l) => Math.round(l.amount) !== 0);
  return h(
    "section",
    { class: "panel price", "aria-labelledby": "price-heading" },
    h("h2", { id: "price-heading" }, t().price),
    h(
      "table",
      { class: "price-lines" },
      h("tbody", {}, lines.map((l) => h("tr", { "data-line": l.id }, h("th", { scope: "row" }, l.label), h("td", {}, money(l.amount, app.lang, p.currency))))),
    ),
    h(
      "p",
      { class: "total", id: "price-total", "aria-live": "polite", "aria-atomic": "true" },
      h("span", {}, t().total),
      h("strong", { id: "price-total-amount" }, money(p.total, app.lang, p.currency)),
    ),
    h("p", { class: "muted small" }, p.estimate ? h("span", { class: "estimate", id: "price-estimate" }, t().estimate) : null, p.estimate ? " · " : null, t().exVat),
    renderDelivery(s.delivery),
  );
}

/** The capable-to-promise date, and one line when it waits for material rather than capacity. */
function renderDelivery(d) {
  if (!d) return null;
  const wait = d.materialWait;
  return h(
    "div",
    { class: "delivery", id: "delivery", "aria-live": "polite" },
    h("p", { id: "delivery-date" }, t().delivery(date(d.earliest, app.lang), d.workingDays)),
    wait ? h("p", { class: "muted small", id: "delivery-wait", "data-item": wait.item }, t().materialWait(number(wait.short, app.lang), wait.description || wait.item, date(wait.arrival, app.lang))) : null,
  );
}

function renderActions(s) {
  return h(
    "section",
    { class: "panel actions" },
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "button", id: "undo", disabled: !s.canUndo, onClick: () => change(() => api.undo(s.id, s.revision, app.lang), { after: () => announce(t().undone) }) }, `↶ ${t().undo}`),
      h("button", { type: "button", id: "complete", disabled: !!s.complete, onClick: () => change(() => api.complete(s.id, s.revision, app.lang), { after: () => announce(t().completed) }) }, t().completeDefaults),
      h("button", { type: "button", id: "share", onClick: share }, t().share),
      h("a", { class: "button", id: "quote", href: api.quoteUrl(s.id, app.lang), download: `tilbud-${s.productId}.pdf`, type: "application/pdf" }, t().quote),
    ),
    app.shareUrl
      ? h(
          "div",
          { class: "share-box" },
          h("label", { for: "share-url" }, t().shareReady),
          h("input", { id: "share-url", type: "text", readonly: true, value: app.shareUrl, onFocus: (ev) => ev.target.select() }),
        )
      : null,
  );
}

async function share() {
  try {
    const r = await api.share(app.session.id);
    app.shareUrl = new URL(r.url, location.origin).href;
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(app.shareUrl);
        copied = true;
      }
    } catch {
      copied = false;
    }
    renderConfigurator();
    const input = document.getElementById("share-url");
    if (input) {
      input.focus();
      input.select();
    }
    announce(copied ? t().shareCopied : t().shareReady);
  } catch (e) {
    showError(e);
    renderConfigurator();
  }
}

function renderOrderForm(s) {
  const attempt = app.orderAttempt;
  return h(
    "section",
    { class: "panel order", "aria-labelledby": "order-heading" },
    h("h2", { id: "order-heading" }, t().orderTitle),
    s.complete ? null : h("p", { class: "muted", id: "order-hint" }, t().orderIncomplete),
    h(
      "form",
      { id: "order-form", onSubmit: placeOrder, "aria-describedby": s.complete ? null : "order-hint" },
      h("label", { for: "order-quantity" }, t().quantity),
      h("input", { id: "order-quantity", name: "quantity", type: "number", min: 1, max: 9999, step: 1, required: true, inputmode: "numeric", value: app.orderQuantity || 1, onInput: (e) => (app.orderQuantity = e.target.value) }),
      h("label", { for: "order-name" }, t().name),
      h("input", { id: "order-name", name: "name", type: "text", autocomplete: "name", required: true, value: attempt?.name || "" }),
      h("label", { for: "order-email" }, t().email),
      h("input", { id: "order-email", name: "email", type: "email", autocomplete: "email", required: true, value: attempt?.email || "" }),
      attempt?.message ? h("p", { class: "field-error", role: "alert", id: "order-message" }, attempt.message) : null,
      h("button", { type: "submit", class: "primary", id: "place-order", disabled: !s.complete }, t().placeOrder),
    ),
  );
}

async function placeOrder(ev) {
  ev.preventDefault();
  const s = app.session;
  const name = document.getElementById("order-name").value.trim();
  const email = document.getElementById("order-email").value.trim();
  const quantity = Number(document.getElementById("order-quantity").value);
  // one key per attempt: a retry of the same configuration revision and quantity reuses it, so it is never
  // placed twice; a changed quantity is a different order, so it gets a new key
  if (!app.orderAttempt || app.orderAttempt.revision !== s.revision || app.orderAttempt.quantity !== quantity) {
    app.orderAttempt = { key: newIdempotencyKey(), revision: s.revision };
  }
  Object.assign(app.orderAttempt, { name, email, quantity, message: null });
  const button = document.getElementById("place-order");
  button.disabled = true;
  announce(t().orderSending);
  try {
    const order = await api.order(s.id, s.revision, { name, email }, app.orderAttempt.key, quantity);
    app.orderAttempt = null;
    app.orderQuantity = null;
    app.orders.set(order.id, order);
    navigate(`#/o/${encodeURIComponent(order.id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      app.session = e.current || (await api.state(s.id, app.lang));
      app.orderAttempt.message = t().stale;
    } else if (e instanceof ApiError && e.code === "idempotency_key_reused" && e.orderId) {
      // an earlier try of this order reached us (only its answer was lost), with other customer details:
      // the order exists, so show it rather than a second order or a message meant for developers
      app.orderAttempt = null;
      app.orderQuantity = null;
      app.alreadyPlaced = e.orderId;
      navigate(`#/o/${encodeURIComponent(e.orderId)}`);
      return;
    } else if (e instanceof ApiError && e.status < 500) {
      app.orderAttempt.message = [e.message, e.maybe].filter(Boolean).join(" ");
    } else {
      app.orderAttempt.message = t().orderRetry;
    }
    renderConfigurator();
    document.getElementById("order-message")?.scrollIntoView({ block: "nearest" });
    document.getElementById("place-order")?.focus();
  }
}

// ------------------------------------------------------------------------------------------ order page

// The plants of the cluster keep the clock of Norway (the API's plan names it as timeZone): an order's date is
// the plant's date of the instant it was accepted, wherever the customer's browser is.
const PLANT_ZONE = "Europe/Oslo";

/** The plant's date (2026-12-04) of an instant (2026-12-04T23:30:00Z is already the 5th in Norway). */
function plantDate(instant) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat("en-GB", { timeZone: PLANT_ZONE, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(instant))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

async function renderOrder(id) {
  main.replaceChildren(h("p", { class: "loading", text: t().loading }));
  const order = app.orders.get(id) || (await api.getOrder(id, app.lang));
  let model = null;
  try {
    model = await api.model(order.productId, order.version, app.lang);
  } catch {
    model = null;
  }
  const opts = new Map((model?.options || []).map((o) => [o.name, o]));
  const label = (name) => opts.get(name)?.label || name;
  const value = (name, v) => {
    const o = opts.get(name);
    if (!o) return String(v);
    if (o.kind === "bool") return String(v) === "true" ? t().yes : t().no;
    if (o.kind === "int") return `${number(Number(v), app.lang)}${o.unit && o.unit !== "pcs" ? " " + o.unit : ""}`;
    return (o.values || []).find((x) => sameValue(x.name, v))?.label || String(v);
  };
  const entries = Object.entries(order.configuration || {});
  const own = ([k]) => !k.includes(".");
  const rows = [...entries.filter(own), ...entries.filter((e) => !own(e))].map(([k, v]) =>
    h("tr", { "data-option": k }, h("th", { scope: "row" }, label(k)), h("td", {}, value(k, v))),
  );
  const price = order.price || {};
  const currency = price.currency || "NOK";
  const promised = order.production?.promisedDate; // absent while the order is not yet released
  const ordered = order.createdAt ? plantDate(order.createdAt) : null;
  const orderTotal = price.orderTotal ?? price.total;
  main.replaceChildren(
    h(
      "div",
      { class: "order-confirmation" },
      h("h1", { id: "order-title" }, t().orderConfirmed),
      app.alreadyPlaced === id
        ? h("p", { class: "notice notice-info", role: "status", id: "order-already-placed" }, t().orderAlreadyPlaced)
        : null,
      h(
        "dl",
        { class: "order-facts" },
        h("dt", {}, t().orderNumber),
        h("dd", { id: "order-number" }, order.number),
        h("dt", {}, t().products),
        h(
          "dd",
          { id: "order-product" },
          model?.label || order.productId,
          " · ",
          t().version(model?.versionLabel || order.version),
        ),
        ordered ? h("dt", {}, t().orderedOn) : null,
        ordered ? h("dd", { id: "order-date", "data-date": ordered }, date(ordered, app.lang)) : null,
        promised ? h("dt", {}, t().promisedDelivery) : null,
        promised ? h("dd", { id: "order-promised", "data-date": promised }, date(promised, app.lang)) : null,
        h("dt", {}, t().customer),
        h("dd", {}, `${order.customer?.name || ""} <${order.customer?.email || ""}>`),
        h("dt", {}, "Status"),
        h("dd", {}, t().orderStatus[order.status] || order.status),
        h("dt", {}, t().quantity),
        h("dd", { id: "order-units" }, number(order.quantity || 1, app.lang)),
        h("dt", {}, t().unitPrice),
        h("dd", { id: "order-unit-price" }, price.total !== undefined ? money(price.total, app.lang, currency) : "–"),
        h("dt", {}, t().total),
        h("dd", { id: "order-total" }, orderTotal !== undefined ? money(orderTotal, app.lang, currency) : "–"),
      ),
      h("h2", {}, t().orderSummary),
      h("table", { class: "order-summary", id: "order-summary" }, h("tbody", {}, rows)),
      h("p", {}, h("a", { class: "button", href: "#/" }, t().newConfiguration)),
    ),
  );
  focusMain();
}

// ------------------------------------------------------------------------------------------ start

window.addEventListener("hashchange", route);
window.addEventListener("popstate", route);
route();
