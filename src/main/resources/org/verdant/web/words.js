// The words of the evaluator's and the regulator's pages: the same /api/messages (messages_zh/en.properties)
// the enterprise page reads. A page's own words are web.<page>.<key>; the words the pages share are
// asked for by their full key (web.nav.*, web.lang_toggle, status.*).
"use strict";

const Words = (() => {
  let messages = {};
  let lang = "zh";
  let page = "";

  /** Reads the words of {@code language} for {@code pageName} ("evaluator", "regulator") and puts them on the page. */
  async function load(language, pageName) {
    if (pageName) page = pageName;
    const res = await fetch("/api/messages?lang=" + encodeURIComponent(language));
    const body = await res.json();
    messages = body.messages || {};
    lang = body.lang === "en" ? "en" : "zh";
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.title = "Verdant · " + t("title");
    document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  }

  /** The page's word for {@code key}, its {0}, {1}… filled with {@code args}; the key itself when no bundle has it. */
  function t(key, ...args) {
    const pattern = messages["web." + page + "." + key] ?? messages[key];
    if (pattern === undefined) return key;
    return pattern.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
  }

  /** A moment (ISO 8601, as the API gives it) written as the reader's language writes a date and time. */
  function when(iso) {
    if (iso === null || iso === undefined || iso === "") return "—";
    const d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(lang === "en" ? "en" : "zh-CN");
  }

  /** A scheme's name (web.scheme.<id>); its id when the bundles do not name it (a scheme added later). */
  function scheme(id) {
    return messages["web.scheme." + id] ?? id;
  }

  return { load, t, when, scheme, lang: () => lang };
})();

// What the evaluator's and the regulator's pages both do with their elements and the API, written
// once: an element with its text, the page's status line, and a call that turns a refusal into the
// CLI's located problem lines.
const Page = (() => {
  /** A new {@code tag} holding {@code text} (as text, never markup), of class {@code cls}. */
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  /** The page's status line (#status, aria-live): {@code text}, marked as an error when {@code bad}. */
  function say(text, bad) {
    const status = document.getElementById("status");
    status.textContent = text || "";
    status.className = bad ? "error" : "";
  }

  /**
   * {@code method url} with {@code body}: sent as it is with {@code type} when a type is given, else
   * as JSON. The answer's JSON; a refusal throws its message with each problem located as the CLI
   * locates it ({@code file:line:column: path: message}).
   */
  async function call(method, url, body, type) {
    const opts = { method, headers: { "Accept": "application/json", "Accept-Language": Words.lang() } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = type || "application/json";
      opts.body = type ? body : JSON.stringify(body);
    }
    const res = await fetch(url, opts);
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      const problems = (json.problems || []).map((p) => [p.file, p.line, p.column].filter((x) => x !== null && x !== undefined).join(":")
        + ": " + (p.path ? p.path + ": " : "") + p.message);
      throw new Error([json.message || ("HTTP " + res.status)].concat(problems).join("\n"));
    }
    return json;
  }

  return { el, say, call };
})();
