// Draws the report's charts with uPlot from the JSON in #relufem-data, and makes tables sortable.
// Each chart: log-log, one line (or point set) per series with the seeds' min-max band, rate
// triangles where the data gives a slope, the Pareto front dashed; hovering a point shows its
// trial; clicking a legend entry hides its series. Nothing is fetched.
(function () {
  'use strict';
  const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf',
                   '#7f7f7f', '#bcbd22', '#393b79', '#ad494a'];
  const METRICS = { rel_l2: ['relative L2 error', 1], max_err: ['max-norm error', 4] };
  const specs = JSON.parse(document.getElementById('relufem-data').textContent);
  const state = { metric: 'rel_l2', charts: [], rendered: 0, renderMs: 0 };
  window.relufem = state;

  function alpha(hex, a) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
  }

  // Tick labels: only the decades when two or more are in view, else every tick in two digits.
  function ticks(u, splits) {
    const decade = v => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
    const short = v => (v == null ? '' : String(Number(v.toPrecision(2))));
    if (splits.filter(decade).length < 2) return splits.map(short);
    return splits.map(v => {
      if (!decade(v)) return '';
      const e = Math.round(Math.log10(v));
      return e >= -2 && e <= 4 ? short(v) : '1e' + e;
    });
  }

  function logRange(lo, hi) {
    if (!(lo > 0) || !(hi > 0)) return [0.1, 10];
    if (lo === hi) return [lo / 3, hi * 3];
    return uPlot.rangeLog(lo, hi, 10, true);
  }

  function build(spec, host, metric) {
    const o = METRICS[metric][1];
    const front = spec.fronts[metric] || [];
    const xs = [...new Set(spec.series.flatMap(s => s.pts.map(p => p[0])).concat(front.map(p => p[0])))]
      .filter(x => x > 0).sort((a, b) => a - b);
    const at = new Map(xs.map((x, i) => [x, i]));
    const data = [xs];
    const meta = [null];
    const series = [{ label: spec.xlabel }];
    let lo = Infinity, hi = -Infinity;
    spec.series.forEach((s, i) => {
      const y = xs.map(() => null), min = y.slice(), max = y.slice(), info = y.slice();
      s.pts.forEach(p => {
        const k = at.get(p[0]);
        if (k === undefined || !(p[o] > 0)) return;
        y[k] = p[o]; min[k] = p[o + 1]; max[k] = p[o + 2]; info[k] = p[7];
        lo = Math.min(lo, p[o + 1] > 0 ? p[o + 1] : p[o]); hi = Math.max(hi, p[o + 2]);
      });
      const colour = PALETTE[i % PALETTE.length];
      data.push(y);
      meta.push({ min, max, info, colour, slope: s.slope[metric] });
      series.push({
        label: s.label, stroke: colour, width: spec.lines ? 1.5 : 0, spanGaps: true,
        points: { show: true, size: spec.lines ? 5 : 7, fill: colour },
        paths: spec.lines ? undefined : () => null,
      });
    });
    if (front.length > 0) {
      const y = xs.map(() => null);
      front.forEach(p => { y[at.get(p[0])] = p[1]; });
      data.push(y);
      meta.push(null);
      series.push({ label: 'Pareto front', stroke: '#000', width: 1, dash: [5, 4], spanGaps: true, points: { show: false } });
    }
    const xr = logRange(xs[0], xs[xs.length - 1]);
    const yr = logRange(lo, hi);
    const tip = document.createElement('div');
    tip.className = 'tip';
    const opts = {
      title: spec.title, width: 620, height: 380,
      scales: { x: { time: false, distr: 3, range: () => xr }, y: { distr: 3, range: () => yr } },
      axes: [{ label: spec.xlabel, values: ticks }, { label: METRICS[metric][0], size: 60, values: ticks }],
      series, legend: { live: false }, cursor: { focus: { prox: 30 }, points: { size: 9 } },
      focus: { alpha: 0.4 },
      hooks: {
        init: [u => { u.over.appendChild(tip); }],
        draw: [u => { bands(u, meta, spec.lines); triangles(u, meta); }],
        setCursor: [u => hover(u, meta, tip)],
      },
    };
    const u = new uPlot(opts, data, host);
    u.relufemMeta = meta;
    return u;
  }

  // The seeds' min-max band of every shown series, translucent under its line (a bar per point
  // where the series is a point set).
  function bands(u, meta, lines) {
    const ctx = u.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    for (let i = 1; i < u.series.length; i++) {
      const m = meta[i];
      if (!m || !u.series[i].show) continue;
      const idx = u.data[0].map((_, k) => k).filter(k => m.min[k] != null && m.max[k] > m.min[k]);
      if (idx.length === 0) continue;
      ctx.fillStyle = alpha(m.colour, 0.15);
      ctx.beginPath();
      const X = k => u.valToPos(u.data[0][k], 'x', true);
      if (idx.length === 1 || !lines) {
        idx.forEach(k => ctx.fillRect(X(k) - 3, u.valToPos(m.max[k], 'y', true), 6,
          u.valToPos(m.min[k], 'y', true) - u.valToPos(m.max[k], 'y', true)));
        continue;
      }
      idx.forEach((k, j) => (j === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, X(k), u.valToPos(m.max[k], 'y', true)));
      idx.slice().reverse().forEach(k => ctx.lineTo(X(k), u.valToPos(m.min[k], 'y', true)));
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore();
  }

  // A rate triangle under the last two points of each series that has a fitted slope.
  function triangles(u, meta) {
    const ctx = u.ctx;
    ctx.save();
    ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
    for (let i = 1; i < u.series.length; i++) {
      const m = meta[i];
      if (!m || m.slope == null || !u.series[i].show) continue;
      const ks = u.data[0].map((_, k) => k).filter(k => u.data[i][k] != null);
      if (ks.length < 2) continue;
      const a = ks[ks.length - 2], b = ks[ks.length - 1];
      const xa = u.data[0][a], xb = u.data[0][b];
      const x1 = xa * Math.pow(xb / xa, 0.3), x2 = xa * Math.pow(xb / xa, 0.8);
      const y1 = u.data[i][a] * Math.pow(x1 / xa, m.slope) / 2.5;
      const y2 = y1 * Math.pow(x2 / x1, m.slope);
      const P = (x, y) => [u.valToPos(x, 'x', true), u.valToPos(y, 'y', true)];
      const [p1x, p1y] = P(x1, y1), [p2x, p2y] = P(x2, y1), [p3x, p3y] = P(x2, y2);
      ctx.strokeStyle = m.colour;
      ctx.lineWidth = devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(p1x, p1y); ctx.lineTo(p2x, p2y); ctx.lineTo(p3x, p3y); ctx.closePath();
      ctx.stroke();
      ctx.fillStyle = m.colour;
      ctx.fillText(m.slope.toFixed(2), p2x + 3 * devicePixelRatio, (p2y + p3y) / 2);
    }
    ctx.restore();
  }

  // The trial of the shown point nearest the cursor (within 40 px), in a box by the cursor.
  function hover(u, meta, tip) {
    const { left, top, idx } = u.cursor;
    let best = -1, dist = 40;
    if (idx != null && left >= 0) {
      for (let i = 1; i < u.series.length; i++) {
        const m = meta[i];
        const v = u.data[i][idx];
        if (!m || !u.series[i].show || v == null) continue;
        const d = Math.hypot(u.valToPos(v, 'y') - top, u.valToPos(u.data[0][idx], 'x') - left);
        if (d < dist) { dist = d; best = i; }
      }
    }
    if (best < 0) { tip.style.display = 'none'; return; }
    tip.textContent = u.series[best].label + '\n' + meta[best].info[idx];
    tip.style.display = 'block';
    const w = u.over.clientWidth;
    tip.style.left = (left > w / 2 ? Math.max(0, left - tip.offsetWidth - 12) : left + 12) + 'px';
    tip.style.top = Math.max(0, top - tip.offsetHeight / 2) + 'px';
  }

  function drawAll() {
    const t0 = performance.now();
    state.charts.forEach(u => u && u.destroy());
    state.charts = [];
    document.querySelectorAll('.uplot-host').forEach(host => {
      const spec = specs[Number(host.dataset.chart)];
      state.charts[Number(host.dataset.chart)] = build(spec, host, state.metric);
    });
    state.rendered = state.charts.filter(Boolean).length;
    state.renderMs = performance.now() - t0;
  }

  function sortable(table) {
    const rows = () => [...table.querySelectorAll('tr')].slice(1);
    table.querySelectorAll('th').forEach((th, c) => th.addEventListener('click', () => {
      const asc = !th.classList.contains('asc');
      table.querySelectorAll('th').forEach(h => h.classList.remove('asc', 'desc'));
      th.classList.add(asc ? 'asc' : 'desc');
      const cell = r => (r.children[c] ? r.children[c].textContent : '');
      const numeric = rows().every(r => cell(r) === '' || cell(r) === '-' || !isNaN(Number(cell(r))));
      const key = r => (numeric ? (cell(r) === '' || cell(r) === '-' ? Infinity : Number(cell(r))) : cell(r));
      const sorted = rows().sort((a, b) => {
        const x = key(a), y = key(b);
        return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
      });
      const parent = sorted.length ? sorted[0].parentNode : null;
      sorted.forEach(r => parent.appendChild(r));
    }));
  }

  const select = document.getElementById('metric');
  if (select) {
    select.addEventListener('change', () => { state.metric = select.value; drawAll(); });
  }
  document.querySelectorAll('table.sortable').forEach(sortable);
  drawAll();
})();
