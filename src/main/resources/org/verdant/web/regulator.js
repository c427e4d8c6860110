// The regulator's page: a stored verdict, the objection against it, the re-evaluations under the
// original and the current rulebook, the criterion-by-criterion diff with causes, and the ruling.
// Everything it shows comes from the dispute API (docs/disputes.md); it loads nothing else.
"use strict";

let shown = null; // the dispute on screen
let record = null; // the record on screen
let facilityHistory = null; // the facility's history on screen: {code, answer}

const $ = (id) => document.getElementById(id);
const t = Words.t;
const { el, say, call } = Page;

/**
 * A table of {@code rows} under {@code header}. Each cell carries its column's heading
 * (data-label), so that at a phone's width the rows stand as cards, each value under its label,
 * instead of a table scrolling sideways (app.css, table.stack).
 */
function table(node, header, rows) {
  node.replaceChildren();
  node.classList.add("stack");
  const head = el("tr", null, "head");
  header.forEach((h) => head.appendChild(el("th", h)));
  node.appendChild(head);
  rows.forEach((r) => {
    const tr = el("tr");
    r.forEach((c, i) => {
      const td = el("td", c);
      td.dataset.label = header[i];
      tr.appendChild(td);
    });
    node.appendChild(tr);
  });
}

/** The rulebook's parts and their versions, as a verdict names them ("green-factory/gbt36132-2018@2026.12.1"). */
function versions(verdict) {
  return ((verdict && verdict.rulebook && verdict.rulebook.parts) || []).join(t("list_separator"));
}

/** A changed parameter of the rulebook (diff.parameters) in words: what changed, from what, to what. */
function parameter(p) {
  const named = { "rulebook digest": "param_digest", "engine": "param_engine", "scheme": "param_scheme", "edition": "param_edition",
    "grading": "param_grading" }[p.what];
  const what = named ? t(named) : p.what.includes("/") ? t("param_part", p.what) : p.what;
  return what + " " + (p.a ?? t("absent")) + " → " + (p.b ?? t("absent"));
}

function status(s) {
  return s ? t("status." + s) : t("absent");
}

/**
 * The stored verdict's items, each named in the reader's language where the dispute names it in
 * both (the stored verdict names them only in the language it was filed in); the record's own
 * language is said beside the table whenever a name is left as filed in another.
 */
function showRecord(r, fresh, names) {
  record = r;
  const v = r.verdict;
  $("original").hidden = false;
  $("original-summary").textContent = t("summary", v.facility.name, v.facility.credit_code, Words.scheme(r.scheme) + " / " + r.edition, r.reporting_year,
    v.score ?? "—", v.grade ?? t("none"));
  const items = (v.gates || []).concat(v.criteria || []);
  $("original-count").textContent = t("original_items", items.length);
  let asFiled = false;
  table($("original-items"), [t("item"), t("name"), t("finding"), t("points")], items.map((i) => {
    const n = names && names[i.id] && names[i.id][Words.lang()];
    if (!n && v.lang !== Words.lang()) asFiled = true;
    return [i.id, n || i.name, status(i.status), i.points === undefined || i.points === null ? "—" : i.points + "/" + i.max];
  }));
  $("original-language").hidden = !asFiled;
  $("original-language").textContent = asFiled ? t(v.lang === "en" ? "as_filed_en" : "as_filed_zh") : "";
  if (!facilityHistory || facilityHistory.code !== v.facility.credit_code || fresh) showHistory(v.facility.credit_code);
}

/**
 * The facility's history beside the case: its records and every dispute on them, each step kept
 * (nothing is overwritten), with a link to each dispute's report. Asked for again whenever a
 * record or dispute is shown, so a filing or a ruling appears at once.
 */
async function showHistory(code) {
  let h;
  try {
    h = await call("GET", "/api/facilities/" + encodeURIComponent(code) + "/history");
  } catch (e) {
    $("facility-history").hidden = true; // who may not read the history still works on the case
    return;
  }
  facilityHistory = { code, answer: h };
  renderHistory();
}

function renderHistory() {
  if (!facilityHistory) return;
  const h = facilityHistory.answer;
  $("facility-history").hidden = false;
  table($("history-records"), [t("col_record"), t("year"), t("scheme"), t("evaluated_at"), t("score"), t("grade")],
    (h.records || []).map((r) => [r.id, r.reporting_year, Words.scheme(r.scheme) + " / " + r.edition, Words.when(r.evaluated_at), r.score ?? "—", r.grade ?? t("none")]));
  const disputes = h.disputes || [];
  $("history-none").hidden = disputes.length > 0;
  $("history-disputes").hidden = !disputes.length;
  table($("history-disputes"), [t("col_dispute"), t("col_record"), t("criteria_column"), t("status"), t("filed_at"), t("ruled_at"), t("steps"), t("report")],
    disputes.map((d) => [d.id, d.evaluation_id, d.criteria.join(", "), t(d.status), Words.when(d.filed_at) + " · " + d.actor, Words.when(d.ruled_at),
      d.steps + " · " + (d.chain_intact ? t("chain_intact") : t("chain_broken")), ""]));
  // the last cell of each dispute: its report, in the page's language
  const rows = $("history-disputes").querySelectorAll("tr");
  disputes.forEach((d, i) => {
    const a = el("a", t("report"));
    a.href = "/api/disputes/" + d.id + "/report?lang=" + Words.lang();
    a.target = "_blank";
    a.rel = "noopener";
    rows[i + 1].lastChild.append(a);
  });
}

// what explains one criterion's change, as the server worked it out (Comparison.causes): figures or inputs by name, else the rulebook or other inputs
function causes(list) {
  const leaf = (l) => l.path + ": " + (l.a ?? t("absent")) + " → " + (l.b ?? t("absent"));
  return list.map((c) => c.kind === "values" || c.kind === "inputs" ? c.leaves.slice(0, 6).map(leaf).join("; ")
    : c.kind === "rulebook" ? t("rulebook_changed") : c.kind === "other_inputs" ? t("inputs_changed") : t("cause_unknown")).join("; ");
}

// a criterion's name in the page's language (the dispute's JSON names each in both); else the stored verdict's
function named(d, id, stored) {
  const n = d.names && d.names[id];
  return (n && (n[Words.lang()] || n.zh)) || stored;
}

function showDispute(d, fresh) {
  shown = d;
  showRecord(d.original, fresh, d.names);
  $("objection-form").hidden = true;
  $("dispute").hidden = false;
  $("dispute-heading").textContent = t("dispute") + " " + d.id + " · " + t("record") + " " + d.evaluation_id + " · " + t(d.status);
  const o = d.objection;
  $("dispute-objection").textContent = t("objection_line", o.criteria.join(", "), o.reason,
    o.evidence.length ? t("evidence_shown", o.evidence.join(t("list_separator"))) : t("evidence_none"), o.actor);
  table($("rechecks"), [t("rulebook"), t("version"), t("digest"), t("score"), t("grade")], d.reevaluations.map((r) => r.available
    ? [(r.same_rulebook ? t("same", t(r.rulebook)) : t(r.rulebook)), versions(r.verdict), r.rulebook_digest, r.verdict.score ?? "—", r.verdict.grade ?? t("none")]
    : [t(r.rulebook), "—", r.rulebook_digest, t("unavailable"), "—"]));
  const diffs = $("diffs");
  diffs.replaceChildren();
  d.reevaluations.filter((r) => r.available).forEach((r) => {
    diffs.appendChild(el("h4", t(r.rulebook)));
    // what differs in the rulebook itself (digest, a part's version, a figure): the cause of a change no input explains
    const changed = (r.diff.parameters || []).filter((p) => p.what !== "engine");
    if (changed.length) diffs.appendChild(el("p", t("parameters", changed.map(parameter).join("; ")), "parameters"));
    const items = r.diff.items;
    if (!items.length) {
      diffs.appendChild(el("p", t("no_change")));
    } else {
      const tbl = el("table");
      tbl.className = "diff";
      table(tbl, [t("item"), t("name"), t("objected"), t("finding"), t("points"), t("cause")], items.map((i) => [
        i.id, named(d, i.id, i.name), o.criteria.includes(i.id) ? t("objected") : "", status(i.a.status) + " → " + status(i.b.status),
        i.gate ? "—" : (i.a.points ?? "—") + " → " + (i.b.points ?? "—"),
        causes(i.causes),
      ]));
      diffs.appendChild(tbl);
    }
    if (r.diff.inputs && r.diff.inputs.length) {
      diffs.appendChild(el("p", t("inputs", r.diff.inputs.map((l) => l.path + ": " + (l.a ?? t("absent")) + " → " + (l.b ?? t("absent"))).join("; "))));
    }
  });
  if (d.ruling) {
    $("ruling-shown").textContent = t(d.ruling.ruling) + " · " + d.ruling.reason + " · " + t("by") + " " + d.ruling.actor + " · " + Words.when(d.ruling.at);
    $("ruling-form").hidden = true;
  } else {
    $("ruling-shown").textContent = t("open");
    $("ruling-form").hidden = false;
  }
  $("report-link").href = "/api/disputes/" + d.id + "/report?lang=" + Words.lang();
}

async function loadRecord() {
  const id = $("record-id").value.trim();
  say(t("loading"));
  try {
    showRecord(await call("GET", "/api/evaluations/" + encodeURIComponent(id)), true);
    shown = null; // the record on its own now: a language toggle shows it, not the dispute before it
    $("dispute").hidden = true;
    $("objection-form").hidden = false;
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function loadDispute() {
  const n = $("dispute-id").value.trim();
  say(t("loading"));
  try {
    showDispute(await call("GET", "/api/disputes/" + encodeURIComponent(n)), true);
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function file() {
  say(t("loading"));
  const body = {
    criteria: $("criteria").value.split(/[,\uFF0C\s]+/).filter((s) => s),
    reason: $("reason").value,
    evidence: $("evidence").value.split("\n").map((s) => s.trim()).filter((s) => s),
  };
  if ($("corrected").value.trim()) {
    body.corrected = $("corrected").value;
    body.corrected_file = "corrected.yaml";
  }
  try {
    const d = await call("POST", "/api/evaluations/" + encodeURIComponent(record.id) + "/objections", body);
    $("dispute-id").value = d.id;
    showDispute(d, true);
    say("");
    $("dispute").scrollIntoView();
  } catch (e) {
    say(e.message, true);
  }
}

async function rule() {
  say(t("loading"));
  try {
    showDispute(await call("POST", "/api/disputes/" + shown.id + "/ruling", { ruling: $("ruling").value, reason: $("ruling-reason").value }), true);
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function words(lang) {
  await Words.load(lang, "regulator");
  if (shown) showDispute(shown); else if (record) showRecord(record);
  renderHistory();
}

document.addEventListener("DOMContentLoaded", async () => {
  $("record-load").addEventListener("click", loadRecord);
  $("dispute-load").addEventListener("click", loadDispute);
  $("file").addEventListener("click", file);
  $("rule").addEventListener("click", rule);
  $("lang-toggle").addEventListener("click", () => words(Words.lang() === "en" ? "zh" : "en"));
  await words(new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh");
  const q = new URLSearchParams(location.search);
  if (q.get("dispute")) { $("dispute-id").value = q.get("dispute"); loadDispute(); }
  else if (q.get("record")) { $("record-id").value = q.get("record"); loadRecord(); }
});
