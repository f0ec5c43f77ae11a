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

  function drawGantt(plan, days) {
    const svg = $('gantt');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const start = new Date(plan.now).getTime();
    const end = start + days * 86400000;
    const left = 170, width = Math.max(600, svg.clientWidth || 900) - left - 10, row = 26;
    const lanes = [];
    for (const wc of plan.workCentres) for (let k = 1; k <= wc.capacity; k++) lanes.push({ wc, k });
    svg.setAttribute('height', 30 + lanes.length * row);
    const x = (t) => left + (Math.min(Math.max(t, start), end) - start) / (end - start) * width;
    for (let d = 0; d <= days; d++) {
      const t = start + d * 86400000;
      svg.appendChild(el('line', { x1: x(t), x2: x(t), y1: 18, y2: 30 + lanes.length * row, stroke: '#eee' }));
      if (d < days) svg.appendChild(el('text', { x: x(t) + 2, y: 12 }, new Date(t).toISOString().slice(5, 10)));
    }
    const colourOf = {};
    plan.orders.forEach((o, i) => { colourOf[o.orderId] = colours[i % colours.length]; });
    lanes.forEach((lane, i) => {
      const y = 20 + i * row;
      svg.appendChild(el('text', { x: 4, y: y + 16 }, lane.wc.name + (lane.wc.capacity > 1 ? ' #' + lane.k : '')));
      for (const u of lane.wc.unavailable) {
        const a = new Date(u.from).getTime(), b = new Date(u.to).getTime();
        if (b > start && a < end) svg.appendChild(el('rect', { class: 'closed', x: x(a), y, width: Math.max(0, x(b) - x(a)), height: row - 4 }));
      }
      for (const o of plan.orders) for (const op of o.operations) {
        if (op.workCentreId !== lane.wc.id || op.lane !== lane.k || !op.start) continue;
        const a = new Date(op.start).getTime(), b = new Date(op.end).getTime();
        if (b <= start || a >= end) continue;
        const g = el('g', { class: 'bar' });
        g.appendChild(el('rect', { x: x(a), y, width: Math.max(1, x(b) - x(a)), height: row - 4, fill: colourOf[o.orderId] }));
        g.appendChild(el('title', {}, 'Order ' + o.number + ' (' + (o.quantity || 1) + ' pcs) ' + op.operation + ' ' + op.start + ' – ' + op.end));
        svg.appendChild(g);
      }
    });
  }

  function drawOrders(plan) {
    const tbody = $('orders').querySelector('tbody');
    tbody.innerHTML = '';
    for (const o of plan.orders) {
      const tr = document.createElement('tr');
      const cells = [String(o.number), String(o.quantity || 1), o.promisedDate, o.plannedFinish || '–', o.late ? 'late' : 'on time', o.cuttingPlanId || '–'];
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
  }

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
        const w = 800, scale = w / bar.lengthMm;
        const svg = el('svg', { width: w + 120, height: 24, class: 'cutbar', role: 'img', 'aria-label': 'bar ' + bar.source });
        svg.appendChild(el('rect', { x: 0, y: 2, width: w, height: 18, fill: '#e6e8eb' }));
        bar.cuts.forEach((c, i) => {
          const g = el('g', {});
          g.appendChild(el('rect', { x: c.offsetMm * scale, y: 2, width: Math.max(1, c.lengthMm * scale), height: 18, fill: colours[i % colours.length] }));
          g.appendChild(el('title', {}, 'Order ' + c.orderNumber + ' ' + c.item + ' ' + c.lengthMm + ' mm'));
          svg.appendChild(g);
        });
        svg.appendChild(el('text', { x: w + 4, y: 15 }, bar.source + (bar.keptRemnantMm ? ' → ' + bar.keptRemnantMm : '')));
        box.appendChild(svg);
      }
    }
  }

  async function reload() {
    $('status').textContent = 'Loading…';
    try {
      const days = Math.max(1, Math.min(60, Number($('days').value) || 14));
      const plan = await api('/api/firms/' + encodeURIComponent(firm()) + '/plan?days=' + days);
      drawGantt(plan, days); drawOrders(plan); drawLists(plan);
      try { drawCutting(await api('/api/firms/' + encodeURIComponent(firm()) + '/cutting-plans/latest')); } catch (e) { $('cutting').textContent = 'No cutting plan yet.'; }
      $('status').textContent = plan.orders.length + ' orders';
    } catch (e) {
      $('status').textContent = String(e.message);
    }
  }

  $('reload').addEventListener('click', reload);
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
      $('dt-result').textContent = r.status + '; moved orders: ' + (r.movedOrders.map((m) => m.number + ' → ' + m.plannedFinish).join(', ') || 'none');
      reload();
    } catch (e) { $('dt-result').textContent = String(e.message); }
  });
  loadFirms().then(reload);
})();
