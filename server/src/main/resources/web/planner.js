// Tilpass planner: plain JS, no build. Reads /api/firms/{firm}/plan and draws an SVG Gantt chart.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const NS = 'http://www.w3.org/2000/svg';
  const colours = ['#3a7ca5', '#d9822b', '#5b8c5a', '#8e6c8a', '#c44536', '#2f6690', '#b08d57', '#4f772d'];

  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function api(path, options) {
    const r = await fetch(path, options);
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error((body.error && (body.error.message + ' ' + (body.error.maybe || ''))) || r.status);
    return body;
  }

  function firm() { return $('firm').value; }

  async function loadFirms() {
    const firms = await api('/api/firms');
    $('firm').innerHTML = '';
    for (const f of firms) {
      const o = document.createElement('option');
      o.value = f.id; o.textContent = f.name;
      $('firm').appendChild(o);
    }
  }

  // The plan's times are the plant's wall-clock times (ISO without an offset, in plan.timeZone). They are
  // placed on a number line of their own (as if they were UTC) so that the chart shows the plant's clock in a
  // browser anywhere: midnights, hours and dates are the plant's, whatever the browser's time zone.
  const MINUTE = 60000, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  function wall(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0)) : NaN;
  }

  function two(n) { return String(n).padStart(2, '0'); }
  function dayLabel(t) { const d = new Date(t); return WEEKDAYS[d.getUTCDay()] + ' ' + two(d.getUTCDate()) + '.' + two(d.getUTCMonth() + 1); }
  function clock(t) { const d = new Date(t); return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()); }
  function wallText(t) { return new Date(t).toISOString().slice(0, 16); }
  // a plant time as a planner reads it: 2026-12-07 13:34 (the API's 2026-12-07T13:34), or a dash for none
  function shown(text) { return text ? String(text).slice(0, 16).replace('T', ' ') : '–'; }
  // an order whose planned finish a change moved: order 3 2026-12-07 13:34 → 2026-12-08 09:10 (late)
  function movedText(m) { return 'order ' + m.number + ' ' + shown(m.plannedFinishBefore) + ' → ' + shown(m.plannedFinish) + (m.late ? ' (late)' : ''); }

  let selectedOrder = null; // the order id whose operations the chart highlights, kept across redraws
  let lastPlan = null, lastDays = 14;

  /** The smallest step of {@code steps} (ms) whose marks stand at least {@code px} apart, or null. */
  function stepFor(steps, pxPerMs, px) { return steps.find((s) => s * pxPerMs >= px) || null; }

  function drawGantt(plan, days) {
    lastPlan = plan; lastDays = days;
    const svg = $('gantt');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const start = wall(plan.now);
    const end = start + days * DAY;
    const left = 170, top = 34, width = Math.max(600, svg.clientWidth || 900) - left - 10, row = 26;
    const lanes = [];
    for (const wc of plan.workCentres) for (let k = 1; k <= wc.capacity; k++) lanes.push({ wc, k });
    const bottom = top + lanes.length * row;
    svg.setAttribute('height', bottom + 4);
    svg.setAttribute('data-days', days); // tells a reader (and the browser tests) which view is drawn
    const pxPerMs = width / (end - start);
    const x = (t) => left + (Math.min(Math.max(t, start), end) - start) * pxPerMs;
    // the plant's midnights, labelled with weekday and date where there is room (else every few days)
    const firstMidnight = Math.ceil(start / DAY) * DAY;
    const labelEvery = stepFor([1, 2, 7, 14], pxPerMs * DAY, 56) || 28;
    if ((firstMidnight - start) * pxPerMs >= 56) {
      svg.appendChild(el('text', { class: 'day-label', x: x(start) + 3, y: 13, 'data-at': wallText(Math.floor(start / DAY) * DAY) }, dayLabel(start)));
    }
    for (let t = firstMidnight; t < end; t += DAY) {
      const dayIndex = Math.round(t / DAY);
      svg.appendChild(el('line', { class: 'day', x1: x(t), x2: x(t), y1: 4, y2: bottom, 'data-at': wallText(t) }));
      const monday = new Date(t).getUTCDay() === 1;
      if (labelEvery === 1 || (labelEvery === 7 ? monday : labelEvery === 14 ? monday && dayIndex % 14 < 7 : dayIndex % labelEvery === 0)) {
        svg.appendChild(el('text', { class: 'day-label', x: x(t) + 3, y: 13, 'data-at': wallText(t) }, dayLabel(t)));
      }
    }
    // hours when a day is wide enough to show them
    const hourStep = stepFor([HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR], pxPerMs, 38);
    if (hourStep) {
      for (let t = Math.ceil(start / hourStep) * hourStep; t < end; t += hourStep) {
        if (t % DAY === 0) continue;
        svg.appendChild(el('line', { class: 'hour', x1: x(t), x2: x(t), y1: 18, y2: bottom, 'data-at': wallText(t) }));
        svg.appendChild(el('text', { class: 'hour-label', x: x(t) + 2, y: 28, 'data-at': wallText(t) }, clock(t)));
      }
    }
    const colourOf = {};
    plan.orders.forEach((o, i) => { colourOf[o.orderId] = colours[i % colours.length]; });
    lanes.forEach((lane, i) => {
      const y = top + i * row;
      svg.appendChild(el('text', { x: 4, y: y + 16 }, lane.wc.name + (lane.wc.capacity > 1 ? ' #' + lane.k : '')));
      for (const u of lane.wc.unavailable) {
        const a = wall(u.from), b = wall(u.to);
        if (b > start && a < end) svg.appendChild(el('rect', { class: 'closed', x: x(a), y, width: Math.max(0, x(b) - x(a)), height: row - 4 }));
      }
      for (const o of plan.orders) for (const op of o.operations) {
        if (op.workCentreId !== lane.wc.id || op.lane !== lane.k || !op.start) continue;
        const a = wall(op.start), b = wall(op.end);
        if (b <= start || a >= end) continue;
        const g = el('g', { class: 'bar' + (op.lost ? ' lost' : '') + (o.late ? ' late' : ''), 'data-order': o.orderId, tabindex: 0 });
        const w = Math.max(1, x(b) - x(a));
        g.appendChild(el('rect', { x: x(a), y, width: w, height: row - 4, fill: colourOf[o.orderId] }));
        const label = String(o.number);
        if (w >= 8 + 7 * label.length) g.appendChild(el('text', { class: 'bar-label', x: x(a) + 3, y: y + 15 }, label));
        const note = op.lost ? ' (stopped by a downtime, work lost, runs again from its start)'
          : op.units ? ' (' + op.units + ' units, each uninterruptible)' : op.uninterruptible ? ' (uninterruptible)' : '';
        g.appendChild(el('title', {}, 'Order ' + o.number + ' (' + (o.quantity || 1) + ' pcs) ' + op.operation + ' ' + op.start + ' – ' + op.end + note));
        g.addEventListener('click', () => selectOrder(o.orderId));
        g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectOrder(o.orderId); } });
        svg.appendChild(g);
      }
    });
    if (start <= end) {
      svg.appendChild(el('line', { id: 'now-line', x1: x(start), x2: x(start), y1: 4, y2: bottom, 'data-at': wallText(start) }));
    }
    highlight();
  }

  /** Highlights the selected order: its bars, its row, and lines at its promised date and planned finish. */
  function highlight() {
    const svg = $('gantt');
    for (const id of ['promise-marker', 'finish-marker']) { const m = $(id); if (m) m.remove(); }
    const order = lastPlan && lastPlan.orders.find((o) => o.orderId === selectedOrder);
    if (!order) selectedOrder = null;
    svg.classList.toggle('focus', !!order);
    for (const g of svg.querySelectorAll('g.bar')) g.classList.toggle('selected', !!order && g.dataset.order === selectedOrder);
    for (const tr of $('orders').querySelectorAll('tbody tr')) tr.classList.toggle('selected', !!order && tr.dataset.order === selectedOrder);
    if (!order) { $('selection').textContent = ''; return; }
    const start = wall(lastPlan.now), end = start + lastDays * DAY;
    const left = 170, width = Math.max(600, svg.clientWidth || 900) - left - 10;
    const bottom = Number(svg.getAttribute('height')) - 4;
    const x = (t) => left + (t - start) / (end - start) * width;
    const marks = [['promise-marker', wall(order.promisedDate) + DAY, 'promised ' + order.promisedDate]];
    if (order.plannedFinish) marks.push(['finish-marker', wall(order.plannedFinish), 'planned finish ' + shown(order.plannedFinish)]);
    for (const [id, t, text] of marks) {
      if (t < start || t > end) continue;
      const line = el('line', { id, x1: x(t), x2: x(t), y1: 4, y2: bottom, 'data-at': wallText(t) });
      line.appendChild(el('title', {}, 'Order ' + order.number + ': ' + text));
      svg.appendChild(line);
    }
    const inView = order.operations.filter((op) => op.start && wall(op.end) > start && wall(op.start) < end).length;
    $('selection').textContent = 'Order ' + order.number + ': promised ' + order.promisedDate + ', planned finish '
      + shown(order.plannedFinish) + (order.late ? ' (late)' : '')
      + '; ' + inView + ' of ' + order.operations.length + ' operations in view';
  }

  function selectOrder(orderId) {
    selectedOrder = selectedOrder === orderId ? null : orderId;
    highlight();
  }

  function drawOrders(plan) {
    const tbody = $('orders').querySelector('tbody');
    tbody.innerHTML = '';
    for (const o of plan.orders) {
      const tr = document.createElement('tr');
      tr.dataset.order = o.orderId;
      tr.tabIndex = 0;
      tr.title = 'Show order ' + o.number + ' in the chart';
      tr.addEventListener('click', () => selectOrder(o.orderId));
      tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectOrder(o.orderId); } });
      const cells = [String(o.number), String(o.quantity || 1), o.promisedDate, shown(o.plannedFinish), o.late ? 'late' : 'on time', o.cuttingPlanId || '–'];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.textContent = c;
        if (i === 4 && o.late) td.className = 'late';
        tr.appendChild(td);
      });
      const short = o.shortMaterials || [];
      const mat = document.createElement('td');
      mat.textContent = short.length ? '⚠ short' : 'in stock';
      if (short.length) {
        mat.className = 'short';
        mat.title = 'Short of ' + short.join(', ') + '; arrives ' + (o.materialArrival || '?') + ', no operation starts before';
      }
      tr.appendChild(mat);
      tbody.appendChild(tr);
    }
    if (!plan.orders.length) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 7;
      td.textContent = 'No released orders yet: an order placed in the configurator appears here with its promised date.';
      tr.appendChild(td);
      tbody.appendChild(tr);
    }
  }

  function drawLists(plan) {
    const ul = $('worklists'), sel = $('dt-centre');
    const chosen = sel.value; // a redraw keeps the work centre chosen in the downtime form
    ul.innerHTML = ''; sel.innerHTML = '';
    for (const wc of plan.workCentres) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/api/firms/' + encodeURIComponent(plan.firmId) + '/work-centres/' + encodeURIComponent(wc.id) + '/work-list.pdf';
      a.textContent = wc.name + ' (' + wc.id + ')';
      li.appendChild(a); ul.appendChild(li);
      const o = document.createElement('option');
      o.value = wc.id; o.textContent = wc.name;
      sel.appendChild(o);
    }
    if (plan.workCentres.some((wc) => wc.id === chosen)) sel.value = chosen;
    const cal = $('cal-centre'), calChosen = cal.value;
    cal.innerHTML = sel.innerHTML;
    if (plan.workCentres.some((wc) => wc.id === calChosen)) cal.value = calChosen;
    if (cal.value !== calChosen || calendarFirm !== plan.firmId) loadCalendar();
  }

  let calendarFirm = null;

  function calendarPath() {
    return '/api/firms/' + encodeURIComponent(firm()) + '/work-centres/' + encodeURIComponent($('cal-centre').value) + '/calendar';
  }

  function showCalendar(c) {
    $('cal-shifts').value = c.shifts.join('\n');
    $('cal-holidays').value = c.holidays.join('\n');
    const hours = Math.round(c.openMinutesPerWeek / 6) / 10;
    $('cal-info').textContent = c.name + ' (' + c.type + ', capacity ' + c.capacity + '): ' + hours
      + ' h open per week; interruptible work is planned in pieces of at most ' + c.chunkMinutes + ' min'
      + (c.downtime.length ? '; ' + c.downtime.length + ' downtime period(s)' : '') + '.';
  }

  async function loadCalendar() {
    calendarFirm = firm();
    showCalendarError(null);
    if (!$('cal-centre').value) return;
    try { showCalendar(await api(calendarPath())); }
    catch (e) { $('cal-info').textContent = String(e.message); }
  }

  function showCalendarError(err) {
    for (const id of ['cal-shifts', 'cal-holidays']) $(id).removeAttribute('aria-invalid');
    if (!err) { $('cal-error').textContent = ''; return; }
    const field = String(err.field || '');
    const box = field.startsWith('shifts') ? 'cal-shifts' : field.startsWith('holidays') ? 'cal-holidays' : null;
    if (box) $(box).setAttribute('aria-invalid', 'true');
    const line = /\[(\d+)\]$/.exec(field);
    $('cal-error').textContent = (line ? (box === 'cal-shifts' ? 'Shift' : 'Holiday') + ' line ' + (Number(line[1]) + 1) + ': ' : '')
      + (err.message ? err.message.charAt(0).toUpperCase() + err.message.slice(1) : 'The server answered ' + err.status)
      + (err.maybe ? '\n' + err.maybe : '');
  }

  function lines(text) { return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0); }

  function drawCutting(plan) {
    const box = $('cutting');
    box.innerHTML = '';
    const h = document.createElement('p');
    h.textContent = 'Plan ' + plan.id + ': ' + plan.totals.newBars + ' new bars, ' + plan.totals.remnantsUsed + ' remnants used, waste ' + plan.totals.wastePercent.toFixed(1) + ' %';
    box.appendChild(h);
    for (const p of plan.profiles) {
      const title = document.createElement('h3');
      title.textContent = p.profile + ' (bar ' + p.barLengthMm + ' mm)';
      box.appendChild(title);
      for (const bar of p.bars) {
        // one scale per profile: a remnant from the rack is drawn as much shorter than a new bar as it is
        const full = 800, scale = full / Math.max(p.barLengthMm, bar.lengthMm), w = bar.lengthMm * scale;
        const svg = el('svg', { width: full + 120, height: 24, class: 'cutbar', role: 'img', 'aria-label': 'bar ' + bar.source, 'data-length-mm': bar.lengthMm, 'data-profile': p.profile });
        svg.appendChild(el('rect', { class: 'stock', x: 0, y: 2, width: w, height: 18, fill: '#e6e8eb' }));
        bar.cuts.forEach((c, i) => {
          const g = el('g', {});
          const cw = Math.max(1, c.lengthMm * scale);
          g.appendChild(el('rect', { x: c.offsetMm * scale, y: 2, width: cw, height: 18, fill: colours[i % colours.length] }));
          // the saw operator's reading where the piece is wide enough: its length, then its order
          const text = c.lengthMm + ' · #' + c.orderNumber;
          if (cw >= 12 + 6 * text.length) g.appendChild(el('text', { class: 'cut-label', x: c.offsetMm * scale + 4, y: 15 }, text));
          g.appendChild(el('title', {}, 'Order ' + c.orderNumber + ' ' + c.item + ' ' + c.lengthMm + ' mm'));
          svg.appendChild(g);
        });
        svg.appendChild(el('text', { x: full + 4, y: 15 }, (bar.source === 'new' ? 'new' : bar.source + ' (' + bar.lengthMm + ' mm)') + (bar.keptRemnantMm ? ' → ' + bar.keptRemnantMm : '')));
        box.appendChild(svg);
      }
    }
  }

  let replanTimer = null;

  async function reload() {
    $('status').textContent = 'Loading…';
    const stock = fetchStock(); // loads beside the plan; drawn after it, so movements can name order numbers
    try {
      const days = Math.max(1, Math.min(60, Number($('days').value) || 14));
      const plan = await api('/api/firms/' + encodeURIComponent(firm()) + '/plan?days=' + days);
      orderNumbers = new Map(plan.orders.map((o) => [o.orderId, o.number]));
      if (plan.timeZone) plantZone = plan.timeZone;
      drawOrders(plan); drawGantt(plan, days); drawLists(plan);
      $('zone').textContent = plan.timeZone ? 'Times are the plant\'s clock (' + plan.timeZone + ').' : '';
      try { drawCutting(await api('/api/firms/' + encodeURIComponent(firm()) + '/cutting-plans/latest')); } catch (e) { $('cutting').textContent = 'No cutting plan yet.'; }
      $('status').textContent = plan.orders.length + ' orders' + (plan.replanning ? ' · re-planning…' : '');
      // the re-plan after an order lands after the order's answer: draw the plan again once it has
      clearTimeout(replanTimer);
      if (plan.replanning) replanTimer = setTimeout(reload, 2000);
    } catch (e) {
      $('status').textContent = String(e.message);
    }
    drawStockPanel(await stock);
  }

  // ---------------------------------------------------------------- stock panel

  let orderNumbers = new Map(); // order id → order number, from the last plan drawn
  let plantZone = 'Europe/Oslo'; // the plant's time zone, from the last plan drawn

  // an instant (2026-12-04T15:52:21.123Z) on the plant's clock, as the plan's times are: 2026-12-04 16:52:21
  function plantTime(instant) {
    const parts = {};
    for (const p of new Intl.DateTimeFormat('en-GB', { timeZone: plantZone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant))) parts[p.type] = p.value;
    return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second;
  }
  let pendingReceipt = null; // {firmId, body, key}: the receipt being booked; its retries resend the same key
  const RETRY_DELAYS_MS = [400, 1200, 2500]; // after a network failure or a gateway error, then give up

  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function drawStock(stock) {
    const tbody = $('stock').querySelector('tbody'), items = $('rc-items');
    tbody.innerHTML = ''; items.innerHTML = '';
    let short = 0;
    for (const a of stock.articles) {
      const tr = document.createElement('tr');
      tr.dataset.item = a.item;
      cell(tr, a.item, 'item');
      cell(tr, a.description, 'description');
      cell(tr, String(a.onHand), 'num on-hand');
      cell(tr, String(a.reserved), 'num reserved');
      const s = cell(tr, a.short > 0 ? '⚠ ' + a.short : '0', 'num short-pieces');
      if (a.short > 0) {
        short++;
        tr.classList.add('shortage');
        s.classList.add('short');
        s.title = a.short + ' pieces short for released orders; the supplier needs ' + a.leadTimeDays + ' days';
      }
      cell(tr, String(a.leadTimeDays), 'num lead');
      tbody.appendChild(tr);
      const o = document.createElement('option');
      o.value = a.item; o.textContent = a.description;
      items.appendChild(o);
    }
    $('stock-status').textContent = stock.articles.length + ' articles' + (short ? ', ' + short + ' short' : ', none short');
  }

  function drawMovements(list) {
    const tbody = $('movements').querySelector('tbody');
    tbody.innerHTML = '';
    for (const m of list.movements) {
      const tr = document.createElement('tr');
      tr.dataset.id = m.id;
      tr.dataset.kind = m.kind;
      cell(tr, plantTime(m.at), 'when');
      cell(tr, m.kind === 'receipt' ? 'receipt' : 'reserved');
      cell(tr, m.item, 'item');
      cell(tr, (m.kind === 'receipt' ? '+' : '') + m.quantity, 'num');
      cell(tr, String(m.onHand), 'num');
      cell(tr, String(m.reserved), 'num');
      const order = m.orderId ? 'order ' + (orderNumbers.get(m.orderId) || m.orderId) : '';
      cell(tr, order || (m.receiptId ? 'receipt ' + m.receiptId : ''));
      cell(tr, m.note || '', 'note');
      tbody.appendChild(tr);
    }
    if (!list.movements.length) {
      const tr = document.createElement('tr');
      cell(tr, 'No movements yet.').colSpan = 8;
      tbody.appendChild(tr);
    }
  }

  /** The firm's stock and recent movements, or {error}: never rejects. */
  async function fetchStock() {
    const base = '/api/firms/' + encodeURIComponent(firm()) + '/stock';
    try {
      const [stock, movements] = await Promise.all([api(base), api(base + '/movements?limit=20')]);
      return { stock, movements };
    } catch (e) {
      return { error: e };
    }
  }

  function drawStockPanel(s) {
    if (s.error) {
      $('stock').querySelector('tbody').innerHTML = ''; $('movements').querySelector('tbody').innerHTML = '';
      $('stock-status').textContent = 'No stock: ' + s.error.message;
      $('receipt').hidden = true;
      return;
    }
    drawStock(s.stock); drawMovements(s.movements);
    $('receipt').hidden = false;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

  /**
   * Posts one receipt; after a network failure (the answer may be lost after the server booked it) or a
   * gateway error it tries again with the same Idempotency-Key and body, so the server books it once and
   * answers the first result. Resolves to the receipt; rejects with {status, error} or {network: true}.
   */
  async function postReceipt(r) {
    for (let attempt = 0; ; attempt++) {
      let response = null;
      try {
        response = await fetch('/api/firms/' + encodeURIComponent(r.firmId) + '/stock/receipts', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': r.key },
          body: r.body,
        });
      } catch (e) {
        response = null;
      }
      const retry = response === null || [502, 503, 504].includes(response.status);
      if (retry && attempt < RETRY_DELAYS_MS.length) {
        $('rc-result').textContent = 'No answer yet; trying again (' + (attempt + 1) + ')…';
        await sleep(RETRY_DELAYS_MS[attempt]);
        continue;
      }
      if (response === null) throw { network: true };
      const json = await response.json().catch(() => null);
      if (!response.ok) throw { status: response.status, error: (json && json.error) || null };
      return json;
    }
  }

  function showReceiptError(e) {
    for (const id of ['rc-item', 'rc-quantity', 'rc-note']) $(id).removeAttribute('aria-invalid');
    if (!e) { $('rc-error').textContent = ''; return; }
    if (e.network) {
      $('rc-error').textContent = 'The receipt did not get through (no answer from the server).\n'
        + 'Maybe check the connection and press "Book receipt" again: it will not be booked twice.';
      return;
    }
    const err = e.error || {};
    const field = { item: 'rc-item', quantity: 'rc-quantity', note: 'rc-note' }[err.field];
    if (field) $(field).setAttribute('aria-invalid', 'true');
    $('rc-error').textContent = (err.message ? err.message.charAt(0).toUpperCase() + err.message.slice(1) : 'The server answered ' + e.status)
      + (err.maybe ? '\n' + err.maybe : '');
  }

  function receiptText(r) {
    const covered = (r.coveredOrders || []).map((c) => 'order ' + c.number + ' (' + c.reserved + ' reserved'
      + (c.stillShort ? ', ' + c.stillShort + ' still short' : '')
      + (c.plannedFinish !== c.plannedFinishBefore ? ', finish ' + shown(c.plannedFinishBefore) + ' → ' + shown(c.plannedFinish) : '')
      + ')');
    const moved = (r.movedUpOrders || []).map((m) => 'order ' + m.number + ' (finish ' + shown(m.plannedFinishBefore)
      + ' → ' + shown(m.plannedFinish) + ')');
    return 'Booked: ' + r.quantity + ' × ' + r.item + (r.note ? ' (' + r.note + ')' : '') + '. On hand now '
      + r.article.onHand + ', available ' + r.article.available + '.'
      + (covered.length ? ' Covers ' + covered.join(', ') + '.' : '')
      + (moved.length ? ' Moved up into the freed time: ' + moved.join(', ') + '.' : '');
  }

  $('receipt').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const item = $('rc-item').value.trim(), note = $('rc-note').value.trim();
    const quantity = $('rc-quantity').value.trim();
    const body = { item, quantity: /^-?\d+$/.test(quantity) ? Number(quantity) : quantity };
    if (note) body.note = note;
    const text = JSON.stringify(body);
    // one key per receipt: pressing again after a failure with the same firm and values resends the same key
    if (!pendingReceipt || pendingReceipt.firmId !== firm() || pendingReceipt.body !== text) {
      pendingReceipt = { firmId: firm(), body: text, key: newKey() };
    }
    const sending = pendingReceipt;
    showReceiptError(null);
    $('rc-result').textContent = 'Booking…';
    $('rc-submit').disabled = true;
    try {
      const r = await postReceipt(sending);
      if (pendingReceipt === sending) pendingReceipt = null;
      $('rc-result').textContent = receiptText(r);
      $('receipt').reset();
      await reload(); // the receipt can pull waiting orders forward: stock, orders and Gantt change
    } catch (e) {
      if (!e.network && pendingReceipt === sending) pendingReceipt = null; // refused: nothing was booked
      $('rc-result').textContent = '';
      showReceiptError(e);
    } finally {
      $('rc-submit').disabled = false;
    }
  });

  $('reload').addEventListener('click', reload);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && selectedOrder) { selectedOrder = null; highlight(); } });
  $('firm').addEventListener('change', reload);
  $('cut').addEventListener('click', async () => {
    try { drawCutting(await api('/api/firms/' + encodeURIComponent(firm()) + '/cutting-plans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })); reload(); }
    catch (e) { $('cutting').textContent = String(e.message); }
  });
  $('downtime').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('/api/firms/' + encodeURIComponent(firm()) + '/work-centres/' + encodeURIComponent($('dt-centre').value) + '/downtime',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: $('dt-from').value, to: $('dt-to').value }) });
      const again = r.restartedOperations ? '; restarted whole: ' + r.restartedOperations + ' (' + r.lostMinutes + ' min lost)' : '';
      $('dt-result').textContent = r.status + again + '; moved orders: ' + (r.movedOrders.map(movedText).join(', ') || 'none');
      reload();
    } catch (e) { $('dt-result').textContent = String(e.message); }
  });
  $('cal-centre').addEventListener('change', loadCalendar);
  $('calendar').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showCalendarError(null);
    $('cal-result').textContent = 'Saving…';
    $('cal-submit').disabled = true;
    try {
      const r = await fetch(calendarPath(), {
        method: 'PUT', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ shifts: lines($('cal-shifts').value), holidays: lines($('cal-holidays').value) }),
      });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        $('cal-result').textContent = '';
        showCalendarError(Object.assign({ status: r.status }, body.error || {}));
        return;
      }
      showCalendar(body);
      const moved = body.movedOrders.map(movedText);
      const what = { unchanged: 'the plan needed no change', repaired: 'plan repaired', replanned: 'plan rebuilt', no_open_work: 'no open work to plan' }[body.status] || body.status;
      $('cal-result').textContent = 'Saved: ' + what + '; ' + body.changedOperations + ' operation(s) moved'
        + (body.splitOperations ? ', ' + body.splitOperations + ' cut into shorter pieces' : '')
        + '; orders whose finish moved: ' + (moved.join(', ') || 'none') + '.';
      reload();
    } catch (e) {
      $('cal-result').textContent = '';
      $('cal-error').textContent = 'The calendar did not get through (no answer from the server).\nMaybe check the connection and save again.';
    } finally {
      $('cal-submit').disabled = false;
    }
  });
  /** The dates from the closing form's first to its last day, at most a year of them. */
  function closingDates() {
    const from = $('cl-from').value, to = $('cl-to').value;
    if (!from || !to) throw new Error('Give the first and the last day of the closing.\nMaybe ' + new Date().getFullYear() + '-12-24 to ' + new Date().getFullYear() + '-12-31.');
    if (to < from) throw new Error('The closing ends (' + to + ') before it starts (' + from + ').\nMaybe swap the two dates.');
    const dates = [];
    for (let d = new Date(from + 'T12:00:00Z'); d.toISOString().slice(0, 10) <= to && dates.length <= 366; d.setUTCDate(d.getUTCDate() + 1)) {
      dates.push(d.toISOString().slice(0, 10));
    }
    if (dates.length > 366) throw new Error('A closing of more than a year is not a holiday.\nMaybe shorten it, or change the shifts.');
    return dates;
  }

  async function changeClosing(key) {
    $('cl-error').textContent = ''; $('cl-result').textContent = '';
    let dates;
    try { dates = closingDates(); } catch (e) { $('cl-error').textContent = e.message; return; }
    $('cl-result').textContent = 'Saving…';
    try {
      const r = await fetch('/api/firms/' + encodeURIComponent(firm()) + '/holidays', {
        method: 'PATCH', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ [key]: dates }),
      });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        $('cl-result').textContent = '';
        const err = body.error || {};
        $('cl-error').textContent = (err.message ? err.message.charAt(0).toUpperCase() + err.message.slice(1) : 'The server answered ' + r.status) + (err.maybe ? '\n' + err.maybe : '');
        return;
      }
      const moved = body.movedOrders.map(movedText);
      $('cl-result').textContent = (key === 'add' ? 'Closed ' : 'Opened again ') + dates.length + ' day(s) on ' + body.workCentres.length
        + ' work centres; ' + body.changedOperations + ' operation(s) moved; orders whose finish moved: ' + (moved.join(', ') || 'none') + '.';
      calendarFirm = null; // the calendar form shows the new holidays at the redraw
      reload();
    } catch (e) {
      $('cl-result').textContent = '';
      $('cl-error').textContent = 'The change did not get through (no answer from the server).\nMaybe check the connection and try again.';
    }
  }

  $('closing').addEventListener('submit', (ev) => { ev.preventDefault(); changeClosing('add'); });
  $('cl-open').addEventListener('click', () => changeClosing('remove'));
  loadFirms().then(reload);
})();
