// Writes the form's submission as YAML for the page's YAML view: block style, keys in the order
// the form holds them, a string quoted only where YAML would read it as something else. Reading
// YAML back is the server's (POST /api/parse, the same Jackson reader family the CLI uses), so the
// page carries no YAML parser of its own.
'use strict';

(function () {
  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  const WORDS = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
  // a plain scalar may not start with an indicator character
  const INDICATOR = /^[-?:,\[\]{}#&*!|>'"%@`\s]/;

  function quote(s) {
    return JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  }

  function scalar(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean' || typeof v === 'number') return String(v);
    const s = String(v);
    if (s === '' || NUMBER.test(s) || WORDS.test(s) || INDICATOR.test(s) || /\s$/.test(s)
      || s.includes(': ') || s.includes(' #') || s.endsWith(':') || /[\n\r\t]/.test(s)) return quote(s);
    return s;
  }

  function key(k) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.\-]*$/.test(k) && !WORDS.test(k) ? k : quote(k);
  }

  function isEmpty(v) {
    if (v === null || v === undefined || v === '') return true;
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'object') return Object.keys(v).length === 0;
    return false;
  }

  /**
   * A copy without what the form left blank: empty strings, nulls, empty mappings, list items
   * left empty, and lists that held only those. A list written empty ([]: "none", e.g.
   * accidents.events) stays, for it says something.
   */
  function prune(v) {
    if (Array.isArray(v)) {
      if (v.length === 0) return [];
      const out = v.map(prune).filter((x) => x !== undefined);
      return out.length ? out : undefined;
    }
    if (v !== null && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        const p = prune(x);
        if (p !== undefined) out[k] = p;
      }
      return Object.keys(out).length ? out : undefined;
    }
    return v === null || v === undefined || v === '' ? undefined : v;
  }

  function lines(v, indent, out) {
    const pad = ' '.repeat(indent);
    if (Array.isArray(v)) {
      for (const item of v) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
          const sub = [];
          lines(item, indent + 2, sub);
          out.push(pad + '- ' + sub[0].substring(indent + 2));
          for (let i = 1; i < sub.length; i++) out.push(sub[i]);
        } else if (Array.isArray(item)) {
          const sub = [];
          lines(item, indent + 2, sub);
          out.push(pad + '- ' + sub[0].substring(indent + 2));
          for (let i = 1; i < sub.length; i++) out.push(sub[i]);
        } else {
          out.push(pad + '- ' + scalar(item));
        }
      }
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (x !== null && typeof x === 'object') {
        if (isEmpty(x)) {
          out.push(pad + key(k) + ': ' + (Array.isArray(x) ? '[]' : '{}'));
        } else {
          out.push(pad + key(k) + ':');
          lines(x, Array.isArray(x) ? indent + 2 : indent + 2, out);
        }
      } else {
        out.push(pad + key(k) + ': ' + scalar(x));
      }
    }
  }

  /** The submission as YAML, with a first line saying where it came from. */
  function emit(value, header) {
    const out = [];
    if (header) for (const h of header.split('\n')) out.push('# ' + h);
    const v = prune(value);
    if (v !== undefined && !isEmpty(v)) lines(v, 0, out);
    return out.join('\n') + '\n';
  }

  window.VerdantYaml = { emit, prune, scalar };
})();
