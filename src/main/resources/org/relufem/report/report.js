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

  // Ticks of a log axis: every decade (every k-th beyond 12), with 2 and 5 between when the range
  // spans two decades or fewer. uPlot's own log splits loop forever below about 1e-15.
  function logSplits(u, axis, min, max) {
    const a = Math.floor(Math.log10(min)), b = Math.ceil(Math.log10(max)), step = Math.max(1, Math.ceil((b - a) / 12));
    const out = [];
    for (let e = a; e <= b; e += step) {
      (b - a <= 2 ? [1, 2, 5] : [1]).forEach(m => out.push(m * Math.pow(10, e)));
    }
    const inRange = out.filter(v => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9));
    return inRange.length >= 2 ? inRange : [min, max];
  }

  // Every split keeps its label (uPlot's log filter would keep the decades only); ticks() chooses.
  const all = (u, splits) => splits;

  function logRange(lo, hi) {
    if (!(lo > 0) || !(hi > 0)) return [0.1, 10];
    if (lo === hi) return [lo / 3, hi * 3];
    return [lo / 1.6, hi * 1.6]; // off the edges, so that every point can be hovered
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
      title: spec.title, width: 560, height: 360,
      scales: { x: { time: false, distr: 3, range: () => xr }, y: { distr: 3, range: () => yr } },
      axes: [{ label: spec.xlabel, values: ticks, splits: logSplits, filter: all },
             { label: METRICS[metric][0], size: 60, values: ticks, splits: logSplits, filter: all }],
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
      ctx.setLineDash([]);
      ctx.lineWidth = devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(p1x, p1y); ctx.lineTo(p2x, p2y); ctx.lineTo(p3x, p3y); ctx.closePath();
      ctx.stroke();
      ctx.fillStyle = m.colour;
      ctx.fillText(m.slope.toFixed(2), p2x + 3 * devicePixelRatio, (p2y + p3y) / 2);
    }
    ctx.restore();
  }

  // The trial of the shown point nearest the cursor (within 40 px), in a box by the cursor. Every
  // x near the cursor counts, not only uPlot's snapped index: series do not share their x values.
  function hover(u, meta, tip) {
    const { left, top } = u.cursor;
    let best = -1, idx = -1, dist = 40;
    if (left != null && left >= 0) {
      u.data[0].forEach((x, k) => {
        const dx = u.valToPos(x, 'x') - left;
        if (Math.abs(dx) >= dist) return;
        for (let i = 1; i < u.series.length; i++) {
          const v = u.data[i][k];
          if (!meta[i] || !u.series[i].show || v == null) continue;
          const d = Math.hypot(u.valToPos(v, 'y') - top, dx);
          if (d < dist) { dist = d; best = i; idx = k; }
        }
      });
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

  // Pictures of functions: f, each method's best g and |f - g| (curves in 1-D, heatmaps in 2-D), with
  // the max-norm search's location marked. One linear scale for f and every g, one log scale for the errors.
  const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function viridis(t) {
    const x = Math.min(Math.max(t, 0), 1) * (STOPS.length - 1), i = Math.min(Math.floor(x), STOPS.length - 2), f = x - i;
    const c = STOPS[i].map((v, k) => Math.round(v + f * (STOPS[i + 1][k] - v)));
    return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
  }
  const finite = a => a.filter(v => v !== null && isFinite(v));
  const sig = v => Number(v.toPrecision(3));

  // A linear scale over values, or a log scale over the positive ones (down to 1e-13 of the largest).
  function scale(arrays, log) {
    const all = finite([].concat(...arrays)).filter(v => !log || v > 0);
    let hi = all.length ? Math.max(...all) : 1, lo = all.length ? Math.min(...all) : 0;
    if (log) {
      lo = Math.max(lo, hi * 1e-13);
      const a = Math.log10(lo), b = Math.log10(hi), span = b > a ? b - a : 1;
      return {lo, hi, log, t: v => v > 0 ? (Math.log10(v) - a) / span : 0, y: t => Math.pow(10, a + t * span)};
    }
    const span = hi > lo ? hi - lo : 1;
    return {lo, hi, log, t: v => (v - lo) / span, y: t => lo + t * span};
  }

  function canvasIn(fig, w, h, title) {
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h; canvas.className = 'picture';
    canvas.title = title;
    fig.appendChild(canvas);
    const ctx = canvas.getContext('2d');
    ctx.font = '12px sans-serif'; ctx.fillStyle = '#222';
    ctx.fillText(title.length > 60 ? title.slice(0, 57) + '...' : title, 6, 14);
    return ctx;
  }

  function cross(ctx, X, Y, colour) {
    ctx.strokeStyle = colour; ctx.lineWidth = 2.5; ctx.beginPath();
    ctx.moveTo(X - 6, Y - 6); ctx.lineTo(X + 6, Y + 6); ctx.moveTo(X - 6, Y + 6); ctx.lineTo(X + 6, Y - 6);
    ctx.stroke();
  }

  // 1-D: the curves of f and every g on one chart, the error curves on a log chart below.
  function curves(fig, spec) {
    const W = 560, H = 330, L = 70, T = 26, S = 470, SH = 270, [x0, x1] = spec.box[0];
    const px = x => L + (x - x0) / (x1 - x0) * S;
    const chart = (title, series, sc, marks) => {
      const ctx = canvasIn(fig, W, H, title);
      const py = v => T + SH - sc.t(v) * SH;
      series.forEach(([values, colour, width]) => {
        ctx.strokeStyle = colour; ctx.lineWidth = width; ctx.beginPath();
        let on = false;
        values.forEach((v, i) => {
          if (v === null || !isFinite(v) || (sc.log && v <= 0)) { on = false; return; }
          (on ? ctx.lineTo : ctx.moveTo).call(ctx, px(x0 + (x1 - x0) * i / (values.length - 1)), py(Math.max(v, sc.lo)));
          on = true;
        });
        ctx.stroke();
      });
      marks.forEach(([x, v, colour]) => cross(ctx, px(x), py(Math.max(v, sc.lo)), colour));
      ctx.strokeStyle = '#888'; ctx.lineWidth = 1; ctx.strokeRect(L, T, S, SH);
      ctx.fillStyle = '#222';
      ctx.fillText(sig(sc.hi), 4, T + 10); ctx.fillText(sig(sc.lo), 4, T + SH);
      ctx.fillText(x0, L, T + SH + 16); ctx.fillText(x1, L + S - 10, T + SH + 16);
    };
    const gs = spec.methods.filter(m => m.g);
    const values = (spec.f ? [spec.f] : []).concat(gs.map(m => m.g));
    if (values.length) {
      const series = (spec.f ? [[spec.f, '#222', 2.5]] : [])
        .concat(spec.methods.map((m, k) => [m.g, PALETTE[k % PALETTE.length], 1.2]).filter(s => s[0]));
      const marks = spec.f ? spec.methods.filter(m => m.at).map(m => [m.at[0], m.fat, PALETTE[spec.methods.indexOf(m) % PALETTE.length]]) : [];
      chart(spec.title + (spec.f ? ': f (black) and g' : ': g (a data target has no f between its rows)'), series,
        scale(values, false), marks);
    }
    const errs = spec.methods.filter(m => m.err);
    if (errs.length) {
      const series = spec.methods.map((m, k) => [m.err, PALETTE[k % PALETTE.length], 1.2]).filter(s => s[0]);
      const marks = spec.methods.filter(m => m.at && m.err).map(m => [m.at[0], m.max, PALETTE[spec.methods.indexOf(m) % PALETTE.length]]);
      chart(spec.title + ': |f - g| (log scale)', series, scale(errs.map(m => m.err), true), marks);
    }
  }

  // 2-D: a heatmap of f, one of each g on f's scale, one of each |f - g| on a shared log scale.
  function heatmaps(fig, spec) {
    const n = spec.n, S = 240, L = 8, T = 22, [x0, x1] = spec.box[0], [y0, y1] = spec.box[1];
    const px = x => L + (x - x0) / (x1 - x0) * S, py = y => T + S - (y - y0) / (y1 - y0) * S;
    const map = (title, values, sc, marks) => {
      const ctx = canvasIn(fig, S + 16, S + 40, title), cell = S / n;
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const v = values[j * n + i];
          ctx.fillStyle = v === null ? '#fff' : viridis(sc.t(sc.log ? Math.max(v, sc.lo) : v));
          ctx.fillRect(L + i * cell, T + S - (j + 1) * cell, cell + 0.5, cell + 0.5);
        }
      }
      marks.forEach(mark => {
        cross(ctx, px(mark.at[0]), py(mark.at[1]), '#fff');
        cross(ctx, px(mark.at[0]), py(mark.at[1]), mark.colour);
      });
      ctx.fillStyle = '#222';
      ctx.fillText(`[${x0}, ${x1}] x [${y0}, ${y1}]`, L, T + S + 14);
    };
    const bar = (title, sc) => {
      const ctx = canvasIn(fig, 110, S + 40, title);
      for (let k = 0; k < 100; k++) {
        ctx.fillStyle = viridis(k / 99);
        ctx.fillRect(10, T + S - (k + 1) * S / 100, 14, S / 100 + 0.5);
      }
      ctx.fillStyle = '#222';
      ctx.fillText(sig(sc.hi), 30, T + 10); ctx.fillText(sig(sc.lo), 30, T + S);
      if (sc.log) { ctx.fillText(sig(sc.y(0.5)), 30, T + S / 2 + 4); }
    };
    const marks = spec.methods.map((m, k) => m.at ? {at: m.at, colour: PALETTE[k % PALETTE.length]} : null);
    const gs = spec.methods.filter(m => m.g);
    const values = scale((spec.f ? [spec.f] : []).concat(gs.map(m => m.g)), false);
    if (spec.f) {   // the marks of methods without an error map go on f
      map(spec.title + ': f', spec.f, values, marks.filter((mark, k) => mark && !spec.methods[k].err));
    }
    spec.methods.forEach(m => m.g && map('g: ' + m.label, m.g, values, []));
    bar('f, g', values);
    const errs = spec.methods.filter(m => m.err);
    const errScale = scale(errs.map(m => m.err), true);
    spec.methods.forEach((m, k) => m.err && map('|f - g|: ' + m.label, m.err, errScale, marks[k] ? [marks[k]] : []));
    if (errs.length) {
      bar('|f - g| (log)', errScale);
    }
  }

  function picture(el) {
    const spec = JSON.parse(el.textContent), fig = el.parentNode;
    (spec.dim === 2 ? heatmaps : curves)(fig, spec);
    const list = document.createElement('ul');
    list.className = 'marks';
    spec.methods.forEach((m, k) => {
      const li = document.createElement('li');
      li.innerHTML = `<span style="color:${PALETTE[k % PALETTE.length]}">&#10006;</span> `;
      li.appendChild(document.createTextNode(m.label + (m.at ? ' at (' + m.at.map(a => a.toPrecision(3)).join(', ') + ')' : '')
        + (m.g ? '' : '; g not stored (test.field = true stores it)')));
      list.appendChild(li);
    });
    fig.appendChild(list);
    fig.dataset.drawn = fig.querySelectorAll('canvas.picture').length;
  }
  document.querySelectorAll('script.picture-data').forEach(picture);

  const select = document.getElementById('metric');
  if (select) {
    select.addEventListener('change', () => { state.metric = select.value; drawAll(); });
  }
  document.querySelectorAll('table.sortable').forEach(sortable);
  drawAll();
})();
