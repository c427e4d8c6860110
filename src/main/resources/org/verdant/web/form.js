// The submission form, generated from the submission's JSON Schema (GET /api/schema): one section
// per top-level property the chosen scheme allows, in the order of the standard; a field per
// property with its label and help in the page's language (form-fields.yaml, answered with the form
// as "fields": what to enter, units, allowed values, what the formula needs, which evidence counts),
// and the claims as a list of the criterion ids that exist. The form edits a plain object (the submission); every change calls onChange.
// Values are put into the page as text, never as markup.
'use strict';

(function () {
  // quantities whose unit is one word of a list: a number and a unit chooser; other quantities
  // (per unit, factors) are written as text, e.g. 104.2 kgce/t
  const SIMPLE_UNITS = new Set(['area', 'mass', 'energy', 'energySigned', 'money', 'volume', 'ghg', 'ghgSigned', 'length', 'wastewater', 'percent']);
  const NUMBER_AND_UNIT = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/;

  let ctx = null; // {form, model, lang, t, onChange, onStructure, defs, excluded, required, ids}

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };

  // ---- the model -----------------------------------------------------------------------------

  function pathText(tokens) {
    let s = '';
    for (const k of tokens) s += typeof k === 'number' ? '[' + k + ']' : (s ? '.' : '') + k;
    return s;
  }

  function get(tokens) {
    let v = ctx.model;
    for (const k of tokens) {
      if (v === null || v === undefined || typeof v !== 'object') return undefined;
      v = v[k];
    }
    return v;
  }

  function set(tokens, value) {
    let v = ctx.model;
    for (let i = 0; i < tokens.length - 1; i++) {
      const k = tokens[i];
      if (v[k] === null || v[k] === undefined || typeof v[k] !== 'object') v[k] = typeof tokens[i + 1] === 'number' ? [] : {};
      v = v[k];
    }
    const last = tokens[tokens.length - 1];
    if (value === undefined || value === '') {
      v[last] = undefined; // kept in its place (the YAML leaves it out), so that a field filled again keeps its order
    } else {
      v[last] = value;
    }
    ctx.onChange(pathText(tokens));
  }

  // ---- the schema ----------------------------------------------------------------------------

  /** The schema a property stands for: references followed, an optional (… or null) unwrapped. */
  function resolve(node) {
    let ref = null;
    let title = node && node.title;
    let description = node && node.description;
    let optional = false;
    for (let guard = 0; guard < 20 && node && typeof node === 'object'; guard++) {
      if (node.$ref) {
        ref = node.$ref.replace('#/$defs/', '');
        node = ctx.defs[ref];
      } else if (node.anyOf) {
        const branches = node.anyOf.filter((b) => !(b.type === 'null'));
        if (branches.length < node.anyOf.length) optional = true;
        if (branches.length !== 1) return { s: node, ref, title: title || node.title, description: description || node.description, optional, branches };
        node = branches[0];
      } else {
        break;
      }
      title = title || (node && node.title);
      description = description || (node && node.description);
    }
    return { s: node, ref, title, description, optional };
  }

  function units(r) {
    if (!SIMPLE_UNITS.has(r.ref) || !r.s.pattern) return null;
    if (r.ref === 'percent') return ['%'];
    const m = r.s.pattern.match(/\(\?:([^()]*)\)\\s\*\$$/);
    if (!m) return null;
    const list = m[1].split('|');
    const example = (r.description || '').match(/E\.g\. \S+ ([^\s.,;]+)/);
    if (example && list.includes(example[1])) return [example[1]].concat(list.filter((u) => u !== example[1]));
    return list;
  }

  function words(key) {
    return key.replace(/_/g, ' ');
  }

  /** The key of a field's label and help (form-fields.yaml): its path without list indices, a claim's id as '*'. */
  function fieldKey(tokens) {
    const named = tokens.filter((k) => typeof k !== 'number');
    if (named[0] === 'claims' && named.length > 2) named[1] = '*';
    return named.join('.');
  }

  /** A field's own words from the server (label or help, in the page's language), or null. */
  function fieldText(tokens, part) {
    const f = ctx.form.fields && ctx.form.fields[fieldKey(tokens)];
    const text = f && f[part] && (ctx.lang === 'en' ? f[part].en : f[part].zh);
    return text || null;
  }

  function label(key, r, tokens) {
    const own = tokens ? fieldText(tokens, 'label') : null;
    if (own) return own;
    if (ctx.lang === 'en' || !r.title) return words(String(key));
    return r.title;
  }

  // ---- fields --------------------------------------------------------------------------------

  let counter = 0;

  function fieldId(tokens) {
    counter++;
    return 'f-' + pathText(tokens).replace(/[^A-Za-z0-9_-]/g, '_') + '-' + counter;
  }

  /** The wrapper of one field: its label, the input, its help, a place for its problems. */
  function wrapper(tokens, r, key, input, extraHelp) {
    const w = el('div', 'field');
    w.dataset.path = pathText(tokens);
    const lab = el('label', null, label(key, r, tokens));
    lab.htmlFor = input.id;
    if (ctx.required.has(pathText(tokens))) {
      const star = el('span', 'required', ' *');
      star.title = ctx.t('web.form.required');
      lab.appendChild(star);
      input.setAttribute('aria-required', 'true');
    }
    const code = el('code', 'key', pathText(tokens));
    w.appendChild(lab);
    w.appendChild(code);
    w.appendChild(input);
    const help = [];
    if (extraHelp) help.push(extraHelp);
    // the field's help from form-fields.yaml (both languages); else the page's older words, else the schema's description
    const own = 'web.form.help.' + pathText(tokens).replace(/\[\d+\]/g, '');
    const fieldHelp = fieldText(tokens, 'help');
    if (fieldHelp) help.unshift(fieldHelp); else if (ctx.t(own) !== own) help.push(ctx.t(own)); else if (r.description) help.push(r.description);
    if (help.length) {
      const h = el('p', 'help', help.join(' '));
      h.id = input.id + '-help';
      input.setAttribute('aria-describedby', h.id);
      w.appendChild(h);
    }
    return w;
  }

  function scalarInput(tokens, r, key) {
    const value = get(tokens);
    const s = r.s || {};
    const input = el(s.enum ? 'select' : 'input');
    input.id = fieldId(tokens);
    let help = null;
    if (s.enum) {
      input.appendChild(option('', ctx.t('web.form.choose')));
      for (const v of s.enum) input.appendChild(option(JSON.stringify(v), valueLabel(v)));
      input.value = value === undefined || value === null ? '' : JSON.stringify(value);
      help = ctx.t('web.form.allowed', s.enum.map(String).join(ctx.lang === 'en' ? ', ' : '、'));
      input.addEventListener('change', () => set(tokens, input.value === '' ? undefined : JSON.parse(input.value)));
    } else if (s.type === 'boolean') {
      const sel = el('select');
      sel.id = input.id;
      sel.appendChild(option('', ctx.t('web.form.choose')));
      sel.appendChild(option('true', ctx.t('web.yes')));
      sel.appendChild(option('false', ctx.t('web.no')));
      sel.value = value === true ? 'true' : value === false ? 'false' : '';
      sel.addEventListener('change', () => set(tokens, sel.value === '' ? undefined : sel.value === 'true'));
      return wrapper(tokens, r, key, sel, null);
    } else if (s.type === 'integer' || s.type === 'number') {
      input.type = 'text';
      input.inputMode = s.type === 'integer' ? 'numeric' : 'decimal';
      input.value = value === undefined || value === null ? '' : String(value);
      if (s.minimum !== undefined || s.maximum !== undefined) help = ctx.t('web.form.range', s.minimum === undefined ? '—' : s.minimum, s.maximum === undefined ? '—' : s.maximum);
      input.addEventListener('input', () => {
        const x = input.value.trim();
        set(tokens, x === '' ? undefined : (/^[-+]?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(x) ? Number(x) : x));
      });
    } else {
      input.type = 'text';
      input.value = value === undefined || value === null ? '' : String(value);
      if (s.format === 'date') {
        input.placeholder = 'YYYY-MM-DD';
        help = ctx.t('web.form.date');
      }
      const example = (r.description || '').match(/E\.g\. ([^;]+?)\.?$/);
      if (example && !input.placeholder) input.placeholder = example[1];
      input.addEventListener('input', () => set(tokens, input.value.trim() === '' ? undefined : input.value));
    }
    return wrapper(tokens, r, key, input, help);
  }

  function valueLabel(v) {
    const k = 'web.form.value.' + String(v);
    return ctx.t(k) === k ? String(v) : ctx.t(k) + ' (' + String(v) + ')';
  }

  function option(value, text) {
    const o = el('option', null, text);
    o.value = value;
    return o;
  }

  /** A quantity with a unit from a list: the number, and the unit chosen beside it. */
  function quantityInput(tokens, r, key, list) {
    const value = get(tokens);
    const box = el('span', 'quantity');
    const num = el('input');
    num.type = 'text';
    num.inputMode = 'decimal';
    num.id = fieldId(tokens);
    box.id = num.id + '-box';
    const unit = el('select');
    unit.id = num.id + '-unit';
    unit.setAttribute('aria-label', label(key, r, tokens) + ' · ' + ctx.t('web.form.unit'));
    for (const u of list) unit.appendChild(option(u, u));
    const m = value === undefined || value === null ? null : String(value).match(NUMBER_AND_UNIT);
    if (m) {
      num.value = m[1];
      if (m[2] && !list.includes(m[2])) unit.appendChild(option(m[2], m[2]));
      if (m[2]) unit.value = m[2];
    } else if (value !== undefined && value !== null) {
      num.value = String(value);
    }
    const update = () => set(tokens, num.value.trim() === '' ? undefined : num.value.trim() + ' ' + unit.value);
    num.addEventListener('input', update);
    unit.addEventListener('change', () => { if (num.value.trim() !== '') update(); });
    box.appendChild(num);
    box.appendChild(unit);
    const w = wrapper(tokens, r, key, box, ctx.t('web.form.units', list.join(' ')));
    w.querySelector('label').htmlFor = num.id;
    num.setAttribute('aria-describedby', box.getAttribute('aria-describedby') || '');
    return w;
  }

  /** A list of documents or values, one a line; a document with a date as "名称 | YYYY-MM-DD". */
  function linesInput(tokens, r, key, kindHelp) {
    const value = get(tokens);
    const ta = el('textarea');
    ta.id = fieldId(tokens);
    ta.rows = 2;
    const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
    ta.value = items.map((x) => (x !== null && typeof x === 'object' ? [x.document, x.date, x.id].filter((y) => y !== undefined && y !== null).join(' | ') : String(x))).join('\n');
    ta.addEventListener('input', () => {
      const list = ta.value.split('\n').map((x) => x.trim()).filter((x) => x !== '').map((x) => {
        if (!x.includes('|')) return kindHelp === 'numbers' && /^\d+$/.test(x) ? Number(x) : x;
        const [document, date, id] = x.split('|').map((y) => y.trim());
        const o = { document };
        if (date) o.date = date;
        if (id) o.id = id;
        return o;
      });
      set(tokens, list.length ? list : undefined);
    });
    return wrapper(tokens, r, key, ta, ctx.t(kindHelp === 'evidence' ? 'web.form.lines.evidence' : 'web.form.lines.values'));
  }

  function isEvidence(r) {
    return r.ref === 'evidence' || r.ref === 'evidenceItem' || (r.branches && r.branches.some((b) => b.$ref === '#/$defs/evidenceItem'));
  }

  /** Anything the form does not lay out (a free mapping, a choice of shapes): written in the YAML view. */
  function yamlOnly(tokens, r, key) {
    const w = el('div', 'field');
    w.dataset.path = pathText(tokens);
    w.appendChild(el('span', 'label', label(key, r, tokens)));
    w.appendChild(el('code', 'key', pathText(tokens)));
    const value = get(tokens);
    w.appendChild(el('p', 'help', ctx.t('web.form.yaml_only') + (value === undefined ? '' : ' ' + JSON.stringify(value))));
    const help = fieldText(tokens, 'help') || r.description;
    if (help) w.appendChild(el('p', 'help', help));
    return w;
  }

  function node(tokens, schemaNode, key, level) {
    if (schemaNode === false) return null;
    if (ctx.excluded.has(pathText(tokens).replace(/\[\d+\]/g, ''))) return null;
    const r = resolve(schemaNode);
    const s = r.s;
    if (!s || s.const !== undefined) return null;
    if (key === 'energy_limit') return energyLimitInput(tokens, r, key);
    if (key === 'indicator_table' && tokens.length === 1) return tableInput(tokens, r, key);
    if (isEvidence(r)) return linesInput(tokens, r, key, 'evidence');
    if (r.branches) {
      if (r.branches.every((b) => b.type !== 'object' && b.type !== 'array')) return scalarInput(tokens, { ...r, s: { type: 'string' } }, key);
      return yamlOnly(tokens, r, key);
    }
    if (s.type === 'object' && s.properties) return group(tokens, r, key, level);
    if (s.type === 'object') return yamlOnly(tokens, r, key);
    if (s.type === 'array') {
      const items = resolve(s.items || {});
      if (items.s && items.s.type === 'object' && items.s.properties) return list(tokens, r, key, items, level);
      if (isEvidence(items)) return linesInput(tokens, r, key, 'evidence');
      if (items.s && (items.s.type === 'integer' || items.s.type === 'number')) return linesInput(tokens, r, key, 'numbers');
      if (items.s && !items.s.type && !items.s.enum && !items.s.pattern) return yamlOnly(tokens, r, key);
      return linesInput(tokens, r, key, 'values');
    }
    const list2 = units(r);
    if (list2) return quantityInput(tokens, r, key, list2);
    return scalarInput(tokens, r, key);
  }

  function group(tokens, r, key, level) {
    const box = el(level === 0 ? 'details' : 'fieldset', level === 0 ? 'section' : 'group');
    box.dataset.path = pathText(tokens);
    const head = el(level === 0 ? 'summary' : 'legend', null, label(key, r, tokens));
    box.appendChild(head);
    if (level === 0) {
      box.open = true;
      box.appendChild(el('code', 'key', pathText(tokens)));
    }
    const help = fieldText(tokens, 'help');
    if (help) box.appendChild(el('p', 'help', help));
    for (const [k, child] of Object.entries(r.s.properties)) {
      const f = node(tokens.concat([k]), child, k, level + 1);
      if (f) box.appendChild(f);
    }
    return box;
  }

  /** A list of objects (products, energy carriers): one block each, with add and remove buttons. */
  function list(tokens, r, key, items, level) {
    const box = el(level === 0 ? 'details' : 'fieldset', level === 0 ? 'section' : 'group list');
    box.dataset.path = pathText(tokens);
    box.appendChild(el(level === 0 ? 'summary' : 'legend', null, label(key, r, tokens)));
    if (level === 0) box.open = true;
    const listHelp = fieldText(tokens, 'help') || r.description;
    if (listHelp) box.appendChild(el('p', 'help', listHelp));
    const value = get(tokens);
    const n = Array.isArray(value) ? value.length : 0;
    for (let i = 0; i < n; i++) {
      const item = el('fieldset', 'group item');
      item.dataset.path = pathText(tokens.concat([i]));
      item.appendChild(el('legend', null, label(key, r, tokens) + ' ' + (i + 1)));
      for (const [k, child] of Object.entries(items.s.properties)) {
        const f = node(tokens.concat([i, k]), child, k, level + 2);
        if (f) item.appendChild(f);
      }
      const remove = el('button', 'secondary small', ctx.t('web.form.remove', i + 1));
      remove.type = 'button';
      remove.addEventListener('click', () => {
        const arr = get(tokens);
        arr.splice(i, 1);
        if (arr.length) ctx.onChange(pathText(tokens)); else set(tokens, undefined); // none left: the list is gone, not written empty
        ctx.onStructure(pathText(tokens));
      });
      item.appendChild(remove);
      box.appendChild(item);
    }
    const add = el('button', 'secondary small', ctx.t('web.form.add', label(key, r, tokens)));
    add.type = 'button';
    add.dataset.add = pathText(tokens);
    add.addEventListener('click', () => {
      let arr = get(tokens);
      if (!Array.isArray(arr)) {
        arr = [];
        let v = ctx.model;
        for (let j = 0; j < tokens.length - 1; j++) {
          if (v[tokens[j]] === null || typeof v[tokens[j]] !== 'object') v[tokens[j]] = {};
          v = v[tokens[j]];
        }
        v[tokens[tokens.length - 1]] = arr;
      }
      arr.push({});
      ctx.onChange(pathText(tokens));
      ctx.onStructure(pathText(tokens.concat([arr.length - 1])));
    });
    box.appendChild(add);
    return box;
  }

  function energyLimitInput(tokens, r, key) {
    const value = get(tokens);
    const sel = el('select');
    sel.id = fieldId(tokens);
    sel.appendChild(option('', ctx.t('web.form.energy_limit.none')));
    for (const row of ctx.form.energy_limits) {
      const name = ctx.lang === 'en' && row.product.en ? row.product.en : row.product.zh;
      sel.appendChild(option(row.id, row.id + ' — ' + name + ' (' + row.unit + ', ' + row.standard + ')'));
    }
    if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(option(value, value));
    sel.value = value || '';
    sel.addEventListener('change', () => set(tokens, sel.value || undefined));
    return wrapper(tokens, r, key, sel, ctx.t('web.form.energy_limit.help'));
  }

  function tableInput(tokens, r, key) {
    const sel = el('select');
    sel.id = fieldId(tokens);
    sel.appendChild(option('', ctx.t('web.form.table.default')));
    for (const tbl of ctx.form.tables) sel.appendChild(option(tbl.id, tbl.id + ' — ' + (ctx.lang === 'en' ? tbl.title.en : tbl.title.zh)));
    const value = get(tokens);
    if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(option(value, value));
    sel.value = value || '';
    sel.addEventListener('change', () => {
      set(tokens, sel.value || undefined);
      ctx.onStructure(pathText(tokens));
    });
    return wrapper(tokens, r, key, sel, null);
  }

  // ---- the claims: every criterion id a claim may name -----------------------------------------

  function claims(level) {
    const box = el('details', 'section claims');
    box.dataset.path = 'claims';
    box.open = true;
    box.appendChild(el('summary', null, ctx.t('web.form.claims.title')));
    box.appendChild(el('code', 'key', 'claims'));
    box.appendChild(el('p', 'help', ctx.t('web.form.claims.help')));
    const table = el('div', 'claims-list');
    for (const c of ctx.form.criteria.filter((x) => x.claim)) {
      const tokens = ['claims', c.id];
      const row = el('fieldset', 'group claim');
      row.dataset.path = pathText(tokens);
      const name = ctx.lang === 'en' && c.name.en ? c.name.en : c.name.zh;
      row.appendChild(el('legend', null, c.id + ' ' + name));
      if (c.clause) row.appendChild(el('p', 'help', c.clause + (c.max ? ' · ' + ctx.t('web.form.claims.points', c.max) : '')));
      const met = ctx.defs.claim.properties.met;
      const metSchema = ctx.form.not_applicable_allowed ? met : { ...met, enum: met.enum.filter((v) => v !== 'not_applicable') };
      row.appendChild(scalarInput(tokens.concat(['met']), { s: metSchema, title: met.title, description: null }, 'met'));
      row.appendChild(linesInput(tokens.concat(['evidence']), { title: null, description: null }, 'evidence', 'evidence'));
      if (ctx.form.not_applicable_allowed) {
        row.appendChild(scalarInput(tokens.concat(['reason']), { s: { type: 'string' }, title: null, description: null }, 'reason'));
      }
      table.appendChild(row);
    }
    box.appendChild(table);
    // claims the text names that this edition does not have: kept, and shown so they are not lost
    const known = new Set(ctx.form.criteria.map((c) => c.id));
    const others = Object.keys(get(['claims']) || {}).filter((id) => !known.has(id));
    if (others.length) box.appendChild(el('p', 'help warning', ctx.t('web.form.claims.unknown', others.join(', '))));
    return box;
  }

  /** What the computed indicators need: each one's formula and the fields it reads. */
  function indicators() {
    const computed = ctx.form.criteria.filter((c) => !c.claim && c.kind === 'criterion');
    if (!computed.length) return null;
    const box = el('details', 'section indicators');
    box.appendChild(el('summary', null, ctx.t('web.form.indicators.title')));
    box.appendChild(el('p', 'help', ctx.t('web.form.indicators.help')));
    const ul = el('ul', 'indicator-list');
    for (const c of computed) {
      const name = ctx.lang === 'en' && c.name.en ? c.name.en : c.name.zh;
      let needs = ctx.t('web.form.indicators.decided_by', c.decided_by);
      if (c.forms) {
        needs = c.forms.map((f) => f.formula + (f.unit ? ' [' + f.unit + ']' : '') + (Object.keys(f.inputs).length ? ': ' + Object.entries(f.inputs).map(([k, v]) => k + ' = ' + v).join('; ') : '')).join(' | ');
      }
      ul.appendChild(el('li', null, c.id + ' ' + name + ' — ' + needs));
    }
    box.appendChild(ul);
    return box;
  }

  // ---- building, problems ---------------------------------------------------------------------

  /** Builds the form into {@code container} for {@code form} (an /api/schema answer) over {@code model}. */
  function build(container, options) {
    ctx = Object.assign({}, options);
    ctx.defs = options.form.schema.$defs;
    ctx.excluded = new Set(options.form.excluded);
    ctx.required = new Set(options.form.required);
    const props = options.form.schema.properties;
    const frag = document.createDocumentFragment();
    const basics = el('details', 'section basics');
    basics.open = true;
    basics.appendChild(el('summary', null, ctx.t('web.form.basics')));
    frag.appendChild(basics);
    for (const key of options.form.sections) {
      let f;
      if (key === 'claims') {
        f = claims(0);
      } else {
        f = node([key], props[key], key, 0);
      }
      if (!f) continue;
      if (f.classList.contains('field')) basics.appendChild(f); else frag.appendChild(f);
    }
    const ind = indicators();
    if (ind) frag.appendChild(ind);
    container.replaceChildren(frag);
  }

  /** Shows each problem at its field (or the nearest enclosing one); returns how many found a place. */
  function showProblems(container, problems, where) {
    for (const e of container.querySelectorAll('.field-error')) e.remove();
    for (const e of container.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
    for (const e of container.querySelectorAll('.has-error')) e.classList.remove('has-error');
    let placed = 0;
    for (const p of problems) {
      if (!p.path) continue;
      let path = p.path;
      let target = null;
      while (path) {
        target = [...container.querySelectorAll('[data-path]')].find((x) => x.dataset.path === path);
        if (target) break;
        const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        path = cut > 0 ? path.substring(0, cut) : '';
      }
      if (!target) continue;
      placed++;
      target.classList.add('has-error');
      if (target.tagName === 'DETAILS') target.open = true;
      const msg = el('p', 'field-error', where(p) + p.message);
      msg.setAttribute('role', 'alert');
      msg.dataset.problem = p.path;
      const input = target.querySelector('input, select, textarea');
      if (input && target.classList.contains('field')) {
        input.setAttribute('aria-invalid', 'true');
        msg.id = input.id + '-error';
        input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + msg.id).trim());
      }
      const anchor = target.querySelector(':scope > summary, :scope > legend');
      if (anchor) anchor.after(msg); else target.appendChild(msg);
    }
    return placed;
  }

  window.VerdantForm = { build, showProblems, pathText };
})();
