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
    model: {},            // the submission the form edits (the YAML view's text read as JSON)
    form: null,           // the /api/schema answer the form is built from
    formKey: null,        // scheme|edition|table of that answer
    loadedText: null,     // the text last loaded (template, example, upload, draft): overwriting it loses nothing
    touched: false,       // whether the user changed anything since loading: only then is it validated live
    validation: 0,        // the number of the last live validation sent; older answers are dropped
    parsing: 0,
    signedIn: false,      // signed in to a server with accounts: drafts are kept on the server too
    serverRevision: {},   // scheme → the revision of its server draft this page last saw (null: none)
    serverSaves: {},      // scheme → its queue of server saves (queueServerSave)
    workbook: null,       // the uploaded workbook whose problems are shown (asked again in another language)
  };
  const DRAFT = 'verdant.draft.';     // + scheme: the editor's text, kept across reloads
  const CHOICE = 'verdant.choice';    // the scheme and edition last chosen
  const timers = {};

  function later(name, ms, f) {
    clearTimeout(timers[name]);
    timers[name] = setTimeout(f, ms);
  }

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
    const r = await fetch('/api/schemes?lang=' + encodeURIComponent(state.lang));
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
    select.value = chosen || localStorage.getItem(CHOICE) || templateFor('green-factory', new Date().toISOString().substring(0, 10)) || '';
    if (!select.value && select.options.length) select.selectedIndex = 0;
    schemeChanged();
  }

  /** The edition of {@code scheme} that applies on {@code date} (YYYY-MM-DD), as in the reader: from ≤ date < until. */
  function editionOn(scheme, date) {
    const s = state.schemes.schemes.find((x) => x.scheme === scheme);
    if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(date || '')) return null;
    const e = s.editions.find((x) => (!x.applies_from || x.applies_from <= date) && (!x.applies_until || date < x.applies_until));
    return e ? e.edition : null;
  }

  /** The template (scheme and edition chooser's option) for a scheme on a date, else the scheme's latest. */
  function templateFor(scheme, date) {
    const s = state.schemes.schemes.find((x) => x.scheme === scheme);
    if (!s || !s.templates.length) return null;
    const edition = editionOn(scheme, date);
    const t = s.templates.find((x) => x.edition === edition) || s.templates[s.templates.length - 1];
    return t.name;
  }

  function chosen() {
    const o = $('scheme').selectedOptions[0];
    return o ? { name: o.value, scheme: o.dataset.scheme, edition: o.dataset.edition } : null;
  }

  function schemeChanged() {
    const o = $('scheme').selectedOptions[0];
    if (!o) return;
    $('template-download').href = templateUrl(o.value, true);
    $('template-download').setAttribute('download', o.value + '.blank.yaml');
    $('example-download').href = templateUrl(o.value, false);
    $('example-download').setAttribute('download', o.value + '.yaml');
    // the same template as an Excel workbook (one sheet a section, Chinese or English headers: the page's language)
    $('workbook-download').href = '/api/templates/' + encodeURIComponent(o.value) + '.xlsx?lang=' + encodeURIComponent(state.lang);
    $('workbook-download').setAttribute('download', o.value + '.xlsx');
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

  /** A template's address, in the page's language (its guidance and comments are written in it). */
  function templateUrl(name, blank) {
    return '/api/templates/' + encodeURIComponent(name) + (blank ? '/blank' : '') + '?lang=' + encodeURIComponent(state.lang);
  }

  async function loadTemplate(example) {
    const name = $('scheme').value;
    if (!(await mayOverwrite(t(example ? 'web.confirm.example' : 'web.confirm.template')))) return;
    const r = await fetch(templateUrl(name, !example));
    setSource(await r.text(), name + (example ? '.yaml' : '.blank.yaml'));
    state.touched = example;
    if (example) validateSoon();
  }

  /** Whether the editor may be replaced: yes when it holds nothing the user wrote, else when the user says so. */
  function mayOverwrite(question) {
    const text = $('source').value;
    const unchanged = text.trim() === '' || text === state.loadedText;
    if (unchanged) return Promise.resolve(true);
    return ask(question);
  }

  /** A question in the page's own dialog (keyboard: Tab between the buttons, Esc is No). */
  function ask(question) {
    const d = $('confirm');
    $('confirm-text').textContent = question;
    return new Promise((resolve) => {
      const done = (answer) => {
        $('confirm-yes').onclick = null;
        $('confirm-no').onclick = null;
        d.onclose = null;
        if (d.open) d.close();
        resolve(answer);
      };
      $('confirm-yes').onclick = () => done(true);
      $('confirm-no').onclick = () => done(false);
      d.onclose = () => done(false);
      d.showModal();
      $('confirm-no').focus();
    });
  }

  // ---- the editor: line numbers, problem lines ----------------------------------------------

  function setSource(text, fileName) {
    state.workbook = null;
    $('source').value = text;
    state.fileName = fileName;
    state.loadedText = text;
    $('file-name').textContent = fileName || '';
    state.errorLines = new Set();
    renderLines(true);
    $('source').scrollTop = 0;
    syncScroll();
    // read first: the text may be of another scheme, whose draft it then is
    return readYaml().finally(saveDraft);
  }

  // ---- drafts ---------------------------------------------------------------------------------

  // In the browser always (localStorage); signed in, on the server too (PUT /api/drafts/{scheme}),
  // so the draft follows the person to another browser. A draft is a working copy, not a record.

  function saveDraft() {
    const c = chosen();
    if (!c) return;
    try {
      localStorage.setItem(CHOICE, c.name);
      localStorage.setItem(DRAFT + c.scheme, JSON.stringify({ text: $('source').value, file: state.fileName, loaded: state.loadedText === $('source').value, saved: new Date().toISOString() }));
      if (!state.signedIn) $('draft-state').textContent = t('web.draft.saved', new Date().toLocaleTimeString(state.lang === 'en' ? 'en' : 'zh-CN'));
    } catch (e) {
      $('draft-state').textContent = t('web.draft.unavailable');
    }
    if (state.signedIn) {
      // the text of this moment: by the time the save goes the editor may hold another scheme's draft
      const q = serverSaveQueue(c.scheme);
      q.text = $('source').value;
      q.file = state.fileName;
      later('server-draft', 800, () => queueServerSave(c.scheme));
    }
  }

  function timeText(iso) {
    return new Date(iso).toLocaleString(state.lang === 'en' ? 'en' : 'zh-CN');
  }

  /**
   * The server saves of a scheme: one in flight at a time, and edits made meanwhile coalesce into
   * one save that follows it, based on the revision the first one got back. Without the queue a
   * second save sent while the first was still in flight carried the revision from before it, and
   * the server rightly answered 409 "a newer draft" although the newer draft was this page's own.
   */
  function serverSaveQueue(scheme) {
    return state.serverSaves[scheme] || (state.serverSaves[scheme] = { busy: false, again: false, text: null, file: null });
  }

  async function queueServerSave(scheme) {
    const q = serverSaveQueue(scheme);
    if (q.busy) {
      q.again = true;
      return;
    }
    q.busy = true;
    try {
      do {
        q.again = false;
        await saveServerDraft(scheme, false);
      } while (q.again);
    } finally {
      q.busy = false;
    }
  }

  /** Saves the scheme's latest text as its server draft, over the version this page last saw unless {@code force}. */
  async function saveServerDraft(scheme, force) {
    const q = serverSaveQueue(scheme);
    const body = { text: q.text === null ? $('source').value : q.text, file: q.file };
    if (!force) body.based_on = state.serverRevision[scheme] === undefined ? null : state.serverRevision[scheme];
    let r;
    try {
      r = await fetch('/api/drafts/' + encodeURIComponent(scheme) + '?lang=' + state.lang, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      });
    } catch (e) {
      $('draft-state').textContent = t('web.draft.server_failed', e.message);
      return;
    }
    if (r.ok) {
      const d = await r.json();
      state.serverRevision[scheme] = d.revision;
      $('draft-state').textContent = t('web.draft.server_saved', timeText(d.saved_at));
    } else if (r.status === 409) {
      // saved meanwhile elsewhere (another tab or browser): overwrite only if the person says so
      const answer = await r.json();
      const saved = answer.details && answer.details.saved_at;
      if (await ask(t('web.draft.server_newer', saved ? timeText(saved) : '—'))) {
        // edits made while the question was open go with this save: it reads the latest text
        q.again = false;
        await saveServerDraft(scheme, true);
      } else {
        // the server's draft replaces the editor: nothing typed before the answer is to be saved over it
        q.again = false;
        q.text = null;
        await restoreServerDraft(scheme);
      }
    } else {
      let message = r.status + '';
      try { message = (await r.json()).message || message; } catch (e) { /* not JSON */ }
      $('draft-state').textContent = t('web.draft.server_failed', message);
    }
  }

  /** The scheme's server draft, or null (none, or not signed in). */
  async function serverDraft(scheme) {
    if (!state.signedIn) return null;
    const r = await fetch('/api/drafts/' + encodeURIComponent(scheme) + '?lang=' + state.lang);
    if (r.status === 404) {
      state.serverRevision[scheme] = null;
      return null;
    }
    if (!r.ok) return null;
    const d = await r.json();
    state.serverRevision[scheme] = d.revision;
    return d;
  }

  async function restoreServerDraft(scheme) {
    const d = await serverDraft(scheme);
    if (!d) return;
    await showDraft({ text: d.text, file: d.file, loaded: false, saved: d.saved_at }, 'web.draft.server_restored');
  }

  async function showDraft(d, message) {
    $('source').value = d.text;
    state.fileName = d.file || null;
    state.loadedText = d.loaded ? d.text : null;
    $('file-name').textContent = state.fileName || '';
    state.touched = !d.loaded;
    renderLines(true);
    await readYaml();
    if (state.touched) validateSoon();
    try {
      localStorage.setItem(DRAFT + chosen().scheme, JSON.stringify(d));
    } catch (e) { /* the browser keeps no drafts: the server does */ }
    $('draft-state').textContent = t(message, timeText(d.saved));
  }

  function draftOf(scheme) {
    try {
      const d = JSON.parse(localStorage.getItem(DRAFT + scheme) || 'null');
      return d && typeof d.text === 'string' ? d : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * Opens the scheme's draft, else its blank template. Signed in, the newer of the server's draft
   * and this browser's; a newer local one is then saved over the server's (it is based on it).
   */
  async function openDraft() {
    const c = chosen();
    const local = draftOf(c.scheme);
    const server = await serverDraft(c.scheme);
    const d = local && local.text.trim() ? local : null;
    if (server && (!d || server.text === d.text || !(new Date(d.saved) > new Date(server.saved_at)))) {
      await showDraft({ text: server.text, file: server.file, loaded: false, saved: server.saved_at }, 'web.draft.server_restored');
    } else if (d) {
      await showDraft(d, 'web.draft.restored');
      if (server) saveDraft();
    } else {
      const r = await fetch(templateUrl(c.name, true));
      await setSource(await r.text(), c.name + '.blank.yaml');
      state.touched = false;
    }
  }

  // ---- the form and the YAML view, kept in step -------------------------------------------------

  /** Reads the YAML view into the model (the server reads it: POST /api/parse) and rebuilds the form. */
  async function readYaml() {
    const n = ++state.parsing;
    const r = await fetch('/api/parse?lang=' + state.lang, { method: 'POST', headers: { 'Content-Type': 'application/yaml; charset=utf-8' }, body: $('source').value });
    if (n !== state.parsing) return;
    if (!r.ok) {
      $('form-state').textContent = t('web.form.unreadable');
      return; // the live validation says where
    }
    const v = await r.json();
    state.model = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
    $('form-state').textContent = '';
    await followSubmission();
    renderForm();
  }

  /** The chooser follows what the text says: its scheme, and the edition its evaluation date picks (or it names). */
  async function followSubmission() {
    const c = chosen();
    const scheme = typeof state.model.scheme === 'string' && state.schemes.schemes.some((x) => x.scheme === state.model.scheme) ? state.model.scheme : c.scheme;
    let name = null;
    const s = state.schemes.schemes.find((x) => x.scheme === scheme);
    if (state.model.edition) {
      const tpl = s.templates.find((x) => x.edition === state.model.edition);
      name = tpl ? tpl.name : null;
    } else if (state.model.evaluation_date) {
      name = templateFor(scheme, String(state.model.evaluation_date));
    } else if (scheme !== c.scheme) {
      name = templateFor(scheme, new Date().toISOString().substring(0, 10));
    }
    if (name && name !== c.name) {
      $('scheme').value = name;
      schemeChanged();
      localStorage.setItem(CHOICE, name);
    }
    if (!state.model.scheme) state.model.scheme = scheme;
    await loadForm();
  }

  async function loadForm() {
    const c = chosen();
    const table = c.scheme === 'green-factory' && typeof state.model.indicator_table === 'string' ? state.model.indicator_table : '';
    const key = c.scheme + '|' + c.edition + '|' + table + '|' + state.lang;
    if (state.formKey === key) return;
    const p = new URLSearchParams({ scheme: c.scheme, edition: c.edition, lang: state.lang });
    if (table) p.set('table', table);
    let r = await fetch('/api/schema?' + p);
    if (!r.ok && table) {
      p.delete('table'); // an indicator table this edition lacks: the form of its default; the validation names the mistake
      r = await fetch('/api/schema?' + p);
    }
    if (!r.ok) return;
    state.form = await r.json();
    state.formKey = key;
  }

  function renderForm() {
    if (!state.form) return;
    // a rebuild (another edition, a list item added) keeps the focus where it was
    const active = document.activeElement;
    const holder = active && $('form').contains(active) ? active.closest('[data-path]') : null;
    const focusPath = holder ? holder.dataset.path : null;
    const caret = active && typeof active.selectionStart === 'number' ? active.selectionStart : null;
    VerdantForm.build($('form'), {
      form: state.form,
      model: state.model,
      lang: state.lang,
      t,
      onChange: formChanged,
      onStructure: (path) => {
        renderForm();
        const target = [...$('form').querySelectorAll('[data-path]')].find((x) => x.dataset.path === path);
        const focus = target && target.querySelector('input, select, textarea, button');
        if (focus) focus.focus();
      },
    });
    VerdantForm.showProblems($('form'), state.problems, where);
    if (focusPath) {
      const again = [...$('form').querySelectorAll('[data-path]')].find((x) => x.dataset.path === focusPath);
      const input = again && again.querySelector('input, select, textarea');
      if (input) {
        input.focus();
        if (caret !== null && typeof input.setSelectionRange === 'function') input.setSelectionRange(caret, caret);
      }
    }
  }

  /** The form changed the model: write the YAML view, keep the draft, validate shortly. */
  function formChanged(path) {
    state.model.scheme = chosen().scheme;
    $('source').value = VerdantYaml.emit(state.model);
    state.fileName = state.fileName && !/\.blank\.yaml$/.test(state.fileName) ? state.fileName : 'submission.yaml';
    $('file-name').textContent = state.fileName;
    renderLines(true);
    state.touched = true;
    saveDraft();
    if (path === 'evaluation_date' || path === 'edition' || path === 'indicator_table') {
      later('follow', 300, async () => {
        const before = state.formKey;
        await followSubmission();
        if (state.formKey !== before) renderForm();
      });
    }
    validateSoon();
  }

  function where(p) {
    return p.line ? p.file + ':' + p.line + ':' + p.column + ': ' + (p.path ? p.path + ': ' : '') : (p.path ? p.path + ': ' : '');
  }

  function validateSoon() {
    later('validate', 600, validateNow);
  }

  /** Live validation: the CLI's validate (POST /api/validate, nothing scored), each message at its field. */
  async function validateNow() {
    if (!$('source').value.trim()) return;
    const n = ++state.validation;
    $('live').textContent = t('web.live.checking');
    $('live').className = 'muted';
    let r;
    try {
      r = await post('/api/validate');
    } catch (e) {
      return;
    }
    if (n !== state.validation) return;
    if (r.status === 422) {
      const body = await r.json();
      state.problems = body.problems;
      state.errorLines = new Set(body.problems.filter((p) => p.line).map((p) => p.line));
      renderLines(true);
      VerdantForm.showProblems($('form'), state.problems, where);
      $('live').textContent = t('web.live.problems', body.problems.length);
      $('live').className = 'error';
    } else if (r.ok) {
      state.problems = [];
      state.errorLines = new Set();
      renderLines(true);
      VerdantForm.showProblems($('form'), [], where);
      $('live').textContent = t('web.live.ok');
      $('live').className = 'ok';
    } else {
      $('live').textContent = '';
    }
  }

  function showView(which) {
    const form = which === 'form';
    $('form-panel').hidden = !form;
    $('yaml-panel').hidden = form;
    $('view-form').setAttribute('aria-selected', String(form));
    $('view-yaml').setAttribute('aria-selected', String(!form));
    if (!form) {
      renderLines(true);
      syncScroll();
    }
  }

  async function schemeChosen() {
    const before = chosen();
    schemeChanged();
    const c = chosen();
    const previous = state.model.scheme;
    if (previous && previous !== c.scheme) {
      // a scheme of its own: its own draft
      state.formKey = null;
      await openDraft();
      return;
    }
    // another edition of the same scheme: named in the submission unless its evaluation date picks it anyway
    const date = state.model.evaluation_date ? String(state.model.evaluation_date) : null;
    if (date && editionOn(c.scheme, date) === c.edition) delete state.model.edition;
    else if (date) state.model.edition = c.edition;
    if (c.scheme !== 'green-factory' || c.edition !== 'GB/T 36132-2025') delete state.model.indicator_table;
    await loadForm();
    renderForm();
    if (before && state.touched) formChanged('edition'); else saveDraft();
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
    showView('yaml');
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
    for (const id of ['evaluate', 'store', 'download-json', 'download-report', 'download-pdf']) $(id).disabled = on;
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
      revealResult();
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
      revealResult();
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
      const blob = new Blob([await r.arrayBuffer()], { type });
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
    return (state.fileName || guessName()).replace(/(\.blank)?\.(ya?ml|json|txt)$/i, '');
  }

  // ---- problems -------------------------------------------------------------------------------

  function clearProblems() {
    state.problems = [];
    state.errorLines = new Set();
    $('problems').hidden = true;
    renderLines(true);
    VerdantForm.showProblems($('form'), [], where);
    $('live').textContent = '';
  }

  /** The result in view, its heading focused so that a keyboard or screen-reader user is there too. */
  function revealResult() {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    $('result-title').focus({ preventScroll: true });
    $('result').scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    showHistory();
  }

  // ---- last year's result beside this one --------------------------------------------------------

  async function showHistory() {
    const box = $('history');
    const v = state.preview && state.preview.verdict;
    box.hidden = true;
    if (!v || !v.facility || !v.facility.credit_code) return;
    let list;
    try {
      const r = await fetch('/api/facilities/' + encodeURIComponent(v.facility.credit_code) + '/history');
      if (!r.ok) return;
      list = (await r.json()).records;
    } catch (e) {
      return;
    }
    // the latest record of an earlier year under the same scheme (not this very evaluation, once archived)
    const earlier = list.filter((x) => x.scheme === v.scheme && x.reporting_year < v.reporting_year && String(x.id) !== String(state.storedId));
    if (!earlier.length) return;
    const year = Math.max(...earlier.map((x) => x.reporting_year));
    const last = earlier.filter((x) => x.reporting_year === year).sort((a, b) => b.id - a.id)[0];
    const r = await fetch('/api/evaluations/' + last.id);
    if (!r.ok) return;
    const before = (await r.json()).verdict;
    renderHistory(before, v, last);
    box.hidden = false;
  }

  function renderHistory(before, now, record) {
    $('history-intro').textContent = t('web.history.intro', record.id, before.reporting_year, now.reporting_year, before.edition);
    const head = $('history-headline').tBodies[0];
    head.replaceChildren();
    const rows = [
      ['web.score', before.score === null ? t('web.no_score') : before.score, now.score === null ? t('web.no_score') : now.score],
      ['web.grade', before.grade === null ? '—' : before.grade, now.grade === null ? '—' : now.grade],
      ['web.eligible', yesNoText(before.eligible), yesNoText(now.eligible)],
    ];
    $('history-year-before').textContent = String(before.reporting_year);
    $('history-year-now').textContent = String(now.reporting_year);
    for (const [k, a, b] of rows) {
      const tr = document.createElement('tr');
      cell(tr, t(k));
      cell(tr, String(a), 'num');
      cell(tr, String(b), 'num');
      if (String(a) !== String(b)) tr.className = 'changed';
      head.appendChild(tr);
    }
    const old = {};
    for (const c of before.criteria) old[c.id] = c;
    for (const g of before.gates) old['gate:' + g.id] = g;
    const changes = $('history-changes').tBodies[0];
    changes.replaceChildren();
    let n = 0;
    const add = (id, name, a, b) => {
      const tr = document.createElement('tr');
      cell(tr, id);
      cell(tr, name);
      cell(tr, a ? t('status.' + a.status) + (a.max ? ' · ' + num(a.points) + ' / ' + num(a.max) : '') : t('web.history.absent'));
      cell(tr, b ? t('status.' + b.status) + (b.max ? ' · ' + num(b.points) + ' / ' + num(b.max) : '') : t('web.history.absent'));
      cell(tr, b ? b.reason : a.reason);
      changes.appendChild(tr);
      n++;
    };
    for (const g of now.gates) {
      const a = old['gate:' + g.id];
      if (!a || a.status !== g.status) add(g.id, g.name, a, g);
    }
    for (const c of now.criteria) {
      const a = old[c.id];
      if (!a || a.status !== c.status || a.points !== c.points) add(c.id, c.name, a, c);
    }
    $('history-none').hidden = n > 0;
  }

  function yesNoText(value) {
    return value === true ? t('web.yes') : value === false ? t('web.no') : t('web.undetermined');
  }

  function showProblems(body) {
    state.problems = body.problems;
    state.errorLines = new Set(body.problems.filter((p) => p.line).map((p) => p.line));
    $('result').hidden = true;
    $('problems').hidden = false;
    renderProblems();
    renderLines(true);
    VerdantForm.showProblems($('form'), state.problems, where);
    $('live').textContent = '';
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
      // a workbook's problem is at its sheet and cell (申报.xlsx:企业!C3), a text's at its line
      const cellAt = p.line ? null : /:([^:]+)!([A-Z]+[0-9]+)$/.exec(p.file || '');
      where.textContent = p.line ? t('web.problems.line', p.line, p.column)
        : cellAt ? t('web.problems.cell', cellAt[1], cellAt[2]) : t('web.problems.noline');
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
    // the page's own words first, at once; then what is asked again in the new language
    // the problems shown are an uploaded workbook's, not the editor's: asked for again in the new language (they are the server's words)
    const workbookShown = Boolean(state.workbook && state.problems.length && !$('problems').hidden);
    if (workbookShown) {
      await readWorkbook(state.workbook, true);
    } else if (state.problems.length && !$('problems').hidden) {
      renderProblems();
      say(t('web.problems.title'), true);
    } else if ($('message').className !== 'error') {
      say('', false);
    }
    await loadSchemes();
    await loadForm();
    renderForm();
    // the editor's live check would put its own problems (none) in place of the workbook's
    if (state.touched && $('source').value.trim() && !workbookShown) validateSoon();
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

  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  /**
   * A filled workbook: read by the server into the YAML it stands for (POST /api/xlsx/read), which
   * then opens in the editor and is evaluated as any submission, so its verdict is the YAML's. A
   * workbook with problems shows them at their sheet and cell; it is kept (state.workbook) so that a
   * switch of language asks for them again in the new one.
   */
  async function readWorkbook(file, asked) {
    if (!asked && !(await mayOverwrite(t('web.confirm.upload', file.name)))) return;
    // the bytes are kept, not the File: the upload control is cleared for the next choice
    // (not a property "bytes": a Blob has a method of that name)
    if (!file.content) file = { name: file.name, content: await file.arrayBuffer() };
    busy(true);
    let opened = false;
    try {
      const h = { 'Content-Type': XLSX };
      const token = $('token').value.trim();
      if (token) h.Authorization = 'Bearer ' + token;
      const r = await fetch('/api/xlsx/read?' + new URLSearchParams({ lang: state.lang, file: file.name }),
        { method: 'POST', headers: h, body: file.content });
      if (!r.ok) {
        state.workbook = file;
        $('file-name').textContent = file.name;
        return failed(r);
      }
      const body = await r.json();
      state.workbook = null;
      state.touched = true;
      await setSource(body.yaml, file.name.replace(/\.xlsx$/i, '') + '.yaml');
      $('file-name').textContent = file.name;
      opened = true;
    } catch (e) {
      say(t('web.error', e.message), true);
    } finally {
      busy(false);
    }
    if (opened) evaluate();
  }

  async function readFile(file) {
    if (/\.xlsx$/i.test(file.name)) return readWorkbook(file);
    if (!(await mayOverwrite(t('web.confirm.upload', file.name)))) return;
    const reader = new FileReader();
    reader.onload = async () => {
      state.touched = true;
      showView('yaml'); // a file is text: shown as it is written, its problem lines beside it
      await setSource(reader.result, file.name);
      evaluate();
    };
    reader.onerror = () => say(t('web.error', reader.error), true);
    reader.readAsText(file, 'utf-8');
  }

  /** Whether someone is signed in to a server with accounts (then drafts are kept on the server too). */
  async function checkSignedIn() {
    try {
      const r = await fetch('/api/session');
      state.signedIn = r.ok && (await r.json()).mode === 'accounts';
    } catch (e) {
      state.signedIn = false;
    }
  }

  async function start() {
    await loadMessages('zh');
    await checkSignedIn();
    await loadSchemes();
    renderLines(true);
    await openDraft();
    $('lang-toggle').addEventListener('click', switchLanguage);
    $('scheme').addEventListener('change', schemeChosen);
    $('template-load').addEventListener('click', () => loadTemplate(false));
    $('example-load').addEventListener('click', () => loadTemplate(true));
    $('view-form').addEventListener('click', () => showView('form'));
    $('view-yaml').addEventListener('click', () => showView('yaml'));
    // the view tabs as a tab list is worked by keyboard: the arrow keys (and Home, End) move to the other tab and show it
    for (const id of ['view-form', 'view-yaml']) {
      $(id).addEventListener('keydown', (e) => {
        const to = { ArrowRight: 'yaml', ArrowDown: 'yaml', End: 'yaml', ArrowLeft: 'form', ArrowUp: 'form', Home: 'form' }[e.key];
        if (!to) return;
        e.preventDefault();
        showView(to);
        $('view-' + to).focus();
      });
    }
    $('download-pdf').addEventListener('click', () => download('/api/report', { format: 'pdf' }, baseName() + '.report.pdf', 'application/pdf'));
    $('file').addEventListener('change', (e) => {
      if (e.target.files.length) readFile(e.target.files[0]);
      e.target.value = '';
    });
    $('source').addEventListener('input', () => {
      renderLines(false);
      state.touched = true;
      saveDraft();
      later('yaml', 500, async () => {
        await readYaml();
        validateSoon();
      });
    });
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
