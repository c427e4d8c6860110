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
