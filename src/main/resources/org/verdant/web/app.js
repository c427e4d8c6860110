// Verdant's web page: plain JavaScript, no libraries, nothing loaded from the network.
// Every word comes from /api/messages (messages_zh/en.properties, keys web.*, status.*, type.*);
// every value from the submission or the verdict is put into the page as text, never as markup.
// The one piece of markup taken from the server is the radar chart, the evaluation report's own SVG
// (its labels are escaped by the report's template).
'use strict';

(function () {
  const state = {
    lang: 'zh',
    messages: {},
    schemes: null,
    fileName: null,
    preview: null,        // the last verdant.preview/1 shown
    problems: [],         // the last problems shown
    errorLines: new Set(),
    storedId: null,
    lineCount: 0,
  };

  const $ = (id) => document.getElementById(id);

  // ---- words ----------------------------------------------------------------------------

  function t(key, ...args) {
    const pattern = state.messages[key];
    if (pattern === undefined) return key;
    return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  async function loadMessages(lang) {
    const r = await fetch('/api/messages?lang=' + encodeURIComponent(lang));
    const body = await r.json();
    state.messages = body.messages;
    state.lang = lang;
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = t('web.title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  }

  // ---- schemes, gradings, templates ---------------------------------------------------------

  async function loadSchemes() {
    const r = await fetch('/api/schemes');
    state.schemes = await r.json();
    $('token-row').hidden = !state.schemes.service.token_required_for_writes;
    $('engine').textContent = 'Verdant ' + state.schemes.engine.version + ' · ' + state.schemes.rulebook.digest.substring(0, 19) + '…';
    fillSchemes();
  }

  /** A scheme's name in the page's language; its id when the messages do not name it (a scheme added later). */
  function schemeName(id) {
    const key = 'web.scheme.' + id;
    return state.messages[key] === undefined ? id : t(key);
  }

  function titleOf(text) {
    return state.lang === 'en' && text.en ? text.en : text.zh;
  }

  function fillSchemes() {
    const select = $('scheme');
    const chosen = select.value;
    select.replaceChildren();
    for (const s of state.schemes.schemes) {
      for (const tpl of s.templates) {
        const o = document.createElement('option');
        o.value = tpl.name;
        o.dataset.scheme = s.scheme;
        o.dataset.edition = tpl.edition;
        o.textContent = schemeName(s.scheme) + ' — ' + tpl.edition;
        select.appendChild(o);
      }
    }
    if (chosen) select.value = chosen;
    schemeChanged();
  }

  function schemeChanged() {
    const o = $('scheme').selectedOptions[0];
    if (!o) return;
    $('template-download').href = '/api/templates/' + encodeURIComponent(o.value);
    $('template-download').setAttribute('download', o.value + '.yaml');
    const grading = $('grading');
    const chosen = grading.value;
    grading.replaceChildren();
    const none = document.createElement('option');
    none.value = '';
    none.textContent = t('web.grading.default');
    grading.appendChild(none);
    for (const g of state.schemes.gradings) {
      if (g.applies_to.some((a) => a.scheme === o.dataset.scheme && (a.edition === null || a.edition === o.dataset.edition))) {
        const opt = document.createElement('option');
        opt.value = g.id;
        opt.textContent = titleOf(g.title) + ' (' + g.id + ')';
        grading.appendChild(opt);
      }
    }
    grading.value = [...grading.options].some((x) => x.value === chosen) ? chosen : '';
  }

  async function loadTemplate() {
    const name = $('scheme').value;
    const r = await fetch('/api/templates/' + encodeURIComponent(name));
    setSource(await r.text(), name + '.yaml');
  }

  // ---- the editor: line numbers, problem lines ----------------------------------------------

  function setSource(text, fileName) {
    $('source').value = text;
    state.fileName = fileName;
    $('file-name').textContent = fileName || '';
    state.errorLines = new Set();
    renderLines(true);
    $('source').scrollTop = 0;
    syncScroll();
  }

  function renderLines(force) {
    const text = $('source').value;
    let n = 1;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    if (!force && n === state.lineCount) return;
    state.lineCount = n;
    const gutter = document.createDocumentFragment();
    const backdrop = document.createDocumentFragment();
    for (let i = 1; i <= n; i++) {
      const g = document.createElement('div');
      g.textContent = i;
      g.dataset.line = i;
      const b = document.createElement('div');
      b.dataset.line = i;
      if (state.errorLines.has(i)) {
        g.className = 'error';
        b.className = 'error';
      }
      gutter.appendChild(g);
      backdrop.appendChild(b);
    }
    $('gutter').replaceChildren(gutter);
    $('backdrop').replaceChildren(backdrop);
    syncScroll();
  }

  function syncScroll() {
    const top = $('source').scrollTop;
    $('gutter').scrollTop = top;
    $('backdrop').scrollTop = top;
  }

  /** Puts the cursor on a line and scrolls it into the middle of the editor. */
  function goToLine(line) {
    const ta = $('source');
    const lines = ta.value.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1] || '').length;
    ta.focus();
    ta.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (line - 1) * lineHeight - ta.clientHeight / 2);
    syncScroll();
  }

  // ---- talking to the API -------------------------------------------------------------------

  function query(extra) {
    const p = new URLSearchParams({ lang: state.lang, file: state.fileName || guessName() });
    if ($('grading').value) p.set('grading', $('grading').value);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  function guessName() {
    return $('source').value.trimStart().startsWith('{') ? 'submission.json' : 'submission.yaml';
  }

  function headers() {
    const h = { 'Content-Type': 'application/yaml; charset=utf-8' };
    const token = $('token').value.trim();
    if (token) h.Authorization = 'Bearer ' + token;
    return h;
  }

  async function post(path, extra) {
    return fetch(path + '?' + query(extra), { method: 'POST', headers: headers(), body: $('source').value });
  }

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }

  function busy(on) {
    for (const id of ['evaluate', 'store', 'download-json', 'download-report']) $(id).disabled = on;
    if (on) say(t('web.busy'), false);
  }

  /** Handles an answer that is not a success: problems (422), token (401), anything else as a message. */
  async function failed(r) {
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (r.status === 422 && body && body.problems) {
      showProblems(body);
      say(t('web.problems.title'), true);
      return;
    }
    if (r.status === 401) $('token-row').hidden = false;
    say(t('web.error', body && body.message ? body.message : r.status + ' ' + r.statusText), true);
  }

  async function evaluate() {
    if (!$('source').value.trim()) {
      say(t('web.empty'), true);
      return;
    }
    busy(true);
    try {
      const r = await post('/api/evaluate');
      if (!r.ok) return failed(r);
      clearProblems();
      state.storedId = null;
      showResult(await r.json());
      say('', false);
    } catch (e) {
      say(t('web.error', e.message), true);
    } finally {
      busy(false);
    }
  }

  async function store() {
    if (!$('source').value.trim()) {
      say(t('web.empty'), true);
      return;
    }
    busy(true);
    try {
      const r = await post('/api/evaluations');
      if (!r.ok) return failed(r);
      const id = r.headers.get('X-Verdant-Record');
      const shown = await post('/api/evaluate');
      if (!shown.ok) return failed(shown);
      clearProblems();
      state.storedId = id;
      showResult(await shown.json());
      say('', false);
    } catch (e) {
      say(t('web.error', e.message), true);
    } finally {
      busy(false);
    }
  }

  async function download(path, extra, name, type) {
    busy(true);
    try {
      const r = await post(path, extra);
      if (!r.ok) return failed(r);
      const blob = new Blob([await r.text()], { type });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      say('', false);
    } catch (e) {
      say(t('web.error', e.message), true);
    } finally {
      busy(false);
    }
  }

  function baseName() {
    return (state.fileName || guessName()).replace(/\.(ya?ml|json|txt)$/i, '');
  }

  // ---- problems -------------------------------------------------------------------------------

  function clearProblems() {
    state.problems = [];
    state.errorLines = new Set();
    $('problems').hidden = true;
    renderLines(true);
  }

  function showProblems(body) {
    state.problems = body.problems;
    state.errorLines = new Set(body.problems.filter((p) => p.line).map((p) => p.line));
    $('result').hidden = true;
    $('problems').hidden = false;
    renderProblems();
    renderLines(true);
    const first = body.problems.find((p) => p.line);
    if (first) {
      const ta = $('source');
      const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
      ta.scrollTop = Math.max(0, (first.line - 1) * lineHeight - ta.clientHeight / 2);
      syncScroll();
    }
  }

  function renderProblems() {
    $('problems-summary').textContent = t('web.problems.count', state.problems.length);
    const list = $('problem-list');
    list.replaceChildren();
    for (const p of state.problems) {
      const li = document.createElement('li');
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = p.line ? t('web.problems.line', p.line, p.column) : t('web.problems.noline');
      li.appendChild(where);
      if (p.path) {
        const path = document.createElement('span');
        path.className = 'path';
        path.textContent = p.path;
        li.appendChild(path);
      }
      li.appendChild(document.createTextNode(p.message));
      if (p.line) {
        li.dataset.line = p.line;
        li.title = p.file + ':' + p.line + ':' + p.column;
        li.addEventListener('click', () => goToLine(p.line));
      }
      list.appendChild(li);
    }
  }

  // ---- the result -----------------------------------------------------------------------------

  function cell(tr, text, cls) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '—' : text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function statusCell(tr, status) {
    cell(tr, t('status.' + status), 'status ' + status);
  }

  function yesNo(el, value) {
    el.textContent = value === true ? t('web.yes') : value === false ? t('web.no') : t('web.undetermined');
    el.className = value === true ? 'yes' : value === false ? 'no' : 'undetermined';
  }

  function num(x) {
    return x === null || x === undefined ? '—' : String(x);
  }

  function showResult(preview) {
    state.preview = preview;
    const v = preview.verdict;
    $('result').hidden = false;
    $('problems').hidden = true;
    const stored = $('stored');
    stored.hidden = !state.storedId;
    stored.replaceChildren();
    if (state.storedId) {
      stored.appendChild(document.createTextNode(t('web.stored', state.storedId) + ' '));
      for (const [label, href] of [['web.stored.record', '/api/evaluations/' + state.storedId],
        ['web.stored.report', '/api/evaluations/' + state.storedId + '/report']]) {
        const a = document.createElement('a');
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener';
        a.textContent = t(label);
        stored.appendChild(a);
        stored.appendChild(document.createTextNode(' '));
      }
    }
    $('facility').textContent = v.facility.name + ' (' + v.facility.credit_code + ')';
    $('edition').textContent = schemeName(v.scheme) + ' · ' + v.edition + ' · ' + v.reporting_year;
    yesNo($('eligible'), v.eligible);
    yesNo($('mandatory'), v.mandatory_met);
    // only the lines the scheme has (Scorecard.hasMandatoryRequirements): zero-carbon parks and
    // GB/T 36132-2025 have no mandatory requirements
    const hasMandatory = !!v.green_index || v.criteria.some(c => c.type === 'mandatory' || c.type === 'performance');
    $('mandatory').parentElement.hidden = !hasMandatory;
    $('score').textContent = v.score === null ? t('web.no_score') : String(v.score);
    // no grade: say why (no grading table chosen, or the table's requirement not met)
    $('grade').textContent = v.grade !== null ? v.grade : (v.grading && v.grading.reason) || '—';
    $('grade').className = v.grade !== null ? '' : 'none';
    $('score').className = v.score !== null ? '' : 'none';

    const gates = $('gates').tBodies[0];
    gates.replaceChildren();
    for (const g of v.gates) {
      const tr = document.createElement('tr');
      tr.dataset.status = g.status;
      cell(tr, g.id);
      cell(tr, g.name);
      statusCell(tr, g.status);
      cell(tr, g.reason);
      gates.appendChild(tr);
    }

    const radar = $('radar');
    radar.replaceChildren();
    if (preview.radar_svg) {
      radar.innerHTML = preview.radar_svg; // the report's own SVG, escaped by its template
    } else {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = t('web.radar.none');
      radar.appendChild(p);
    }

    const cats = $('categories').tBodies[0];
    cats.replaceChildren();
    for (const c of v.categories) {
      const tr = document.createElement('tr');
      cell(tr, c.id);
      cell(tr, c.name);
      cell(tr, c.points === undefined ? null : num(c.points) + ' / ' + num(c.max), 'num');
      cell(tr, c.score === undefined ? null : num(c.score) + ' %', 'num');
      cell(tr, c.weighted_score === undefined ? null : num(c.weighted_score), 'num');
      cats.appendChild(tr);
    }

    const names = {};
    for (const c of v.categories) names[c.id] = c.name;
    const rows = $('findings').tBodies[0];
    rows.replaceChildren();
    const seen = new Set();
    for (const c of v.criteria) {
      const tr = document.createElement('tr');
      tr.dataset.status = c.status;
      seen.add(c.status);
      cell(tr, c.id);
      cell(tr, names[c.category] || c.category);
      cell(tr, c.name);
      statusCell(tr, c.status);
      cell(tr, c.max === 0 && c.points === 0 ? null : num(c.points) + ' / ' + num(c.max), 'num');
      cell(tr, c.reason);
      rows.appendChild(tr);
    }
    const filter = $('status-filter');
    const chosen = filter.value;
    filter.replaceChildren();
    const all = document.createElement('option');
    all.value = '';
    all.textContent = t('web.findings.all');
    filter.appendChild(all);
    for (const s of ['met', 'partly_met', 'not_met', 'missing_data', 'not_applicable']) {
      if (!seen.has(s)) continue;
      const o = document.createElement('option');
      o.value = s;
      o.textContent = t('status.' + s);
      filter.appendChild(o);
    }
    filter.value = seen.has(chosen) ? chosen : '';
    applyFilter();

    renderPlan(preview.plan);
  }

  function applyFilter() {
    const s = $('status-filter').value;
    let shown = 0;
    const rows = $('findings').tBodies[0].rows;
    for (const tr of rows) {
      tr.hidden = s !== '' && tr.dataset.status !== s;
      if (!tr.hidden) shown++;
    }
    $('findings-count').textContent = t('web.findings.count', shown, rows.length);
  }

  function renderPlan(plan) {
    const lists = { blockers: $('plan-blockers'), changes: $('plan-changes'), open: $('plan-open') };
    for (const l of Object.values(lists)) l.replaceChildren();
    $('plan').hidden = !plan;
    if (!plan) return;
    for (const kind of ['blockers', 'changes']) {
      for (const s of plan[kind]) {
        const li = document.createElement('li');
        const id = document.createElement('span');
        id.className = 'id';
        id.textContent = s.id + ' ' + s.name;
        li.appendChild(id);
        if (s.gain !== null && s.gain !== undefined && s.gain > 0) {
          const gain = document.createElement('span');
          gain.className = 'gain';
          gain.textContent = t('web.plan.gain', s.gain);
          li.appendChild(gain);
        }
        const p = document.createElement('div');
        p.textContent = s.action + (s.verified ? '' : ' ' + t('web.plan.estimated'));
        li.appendChild(p);
        lists[kind].appendChild(li);
      }
    }
    for (const o of plan.open) {
      const li = document.createElement('li');
      const id = document.createElement('span');
      id.className = 'id';
      id.textContent = o.id + ' ' + o.name;
      li.appendChild(id);
      li.appendChild(document.createTextNode(o.why));
      lists.open.appendChild(li);
    }
    for (const l of Object.values(lists)) {
      if (!l.children.length) {
        const li = document.createElement('li');
        li.className = 'muted';
        li.textContent = t('web.plan.none');
        l.appendChild(li);
      }
    }
  }

  // ---- wiring ---------------------------------------------------------------------------------

  async function switchLanguage() {
    await loadMessages(state.lang === 'zh' ? 'en' : 'zh');
    fillSchemes();
    if (state.problems.length && !$('problems').hidden) {
      renderProblems();
      say(t('web.problems.title'), true);
    } else if ($('message').className !== 'error') {
      say('', false);
    }
    if (state.preview && !$('result').hidden) {
      // the verdict's reasons are written in the language asked for: ask again
      busy(true);
      try {
        const r = await post('/api/evaluate');
        if (r.ok) showResult(await r.json()); else await failed(r);
        if (r.ok) say('', false);
      } finally {
        busy(false);
      }
    }
  }

  function readFile(file) {
    const reader = new FileReader();
    reader.onload = () => {
      setSource(reader.result, file.name);
      evaluate();
    };
    reader.onerror = () => say(t('web.error', reader.error), true);
    reader.readAsText(file, 'utf-8');
  }

  async function start() {
    await loadMessages('zh');
    await loadSchemes();
    renderLines(true);
    $('lang-toggle').addEventListener('click', switchLanguage);
    $('scheme').addEventListener('change', schemeChanged);
    $('template-load').addEventListener('click', loadTemplate);
    $('file').addEventListener('change', (e) => {
      if (e.target.files.length) readFile(e.target.files[0]);
      e.target.value = '';
    });
    $('source').addEventListener('input', () => renderLines(false));
    $('source').addEventListener('scroll', syncScroll);
    $('evaluate').addEventListener('click', evaluate);
    $('store').addEventListener('click', store);
    $('status-filter').addEventListener('change', applyFilter);
    $('download-json').addEventListener('click', () => download('/api/evaluate', { format: 'verdict' }, baseName() + '.verdict.json', 'application/json'));
    $('download-report').addEventListener('click', () => download('/api/report', {}, baseName() + '.report.html', 'text/html'));
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch((e) => say('Verdant: ' + e.message, true));
  });
})();
