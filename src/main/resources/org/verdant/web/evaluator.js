// The evaluator's page: a stored evaluation criterion by criterion. For each claim the applicant
// made it shows the finding and the evidence cited (digests linked to the stored files); the
// evaluator accepts or rejects it with a note (and a degree for graded items), may upload further
// evidence, and saves the verdant.assessment/1 document (docs/assessment.md). The re-evaluated score
// is shown beside the stored one. It loads nothing from elsewhere.
"use strict";

let record = null; // GET /api/evaluations/{id}
let assessments = null; // GET /api/evaluations/{id}/assessment
let decisions = {}; // criterion id → {decision, degree, note, files}, kept across re-renders
let uploaded = null; // the digest of the file last uploaded, which a claim's assessment may cite

const $ = (id) => document.getElementById(id);
const t = Words.t;
const { el, say, call } = Page;
const DIGEST = /sha256:[0-9a-f]{64}/;

function scoreText(v) {
  if (!v) return t("not_assessed");
  return t("score") + " " + (v.score ?? "—") + " · " + t("grade") + " " + (v.grade ?? t("none"));
}

/** The criteria an evaluator may assess: those the verdict decided by the applicant's claim. */
function claimItems(verdict) {
  return (verdict.gates || []).concat(verdict.criteria || []).filter((i) => String(i.reason_code || "").startsWith("claim."));
}

function evidenceItem(text) {
  const li = el("li");
  const shown = typeof text === "string" ? text : JSON.stringify(text);
  li.append(shown);
  const m = shown.match(DIGEST);
  if (m) {
    const a = el("a", t("open_file"));
    a.href = "/api/evidence/" + m[0].slice("sha256:".length) + "?evaluation=" + encodeURIComponent(record.id);
    li.append(" ", a);
  }
  return li;
}

/** " 8/10" for a scored item; nothing for a gate, which scores no points. */
function points(item) {
  return item.max === undefined || item.max === null ? "" : " " + (item.points ?? "—") + "/" + item.max;
}

function claimCard(item, assessedItem) {
  const box = el("div", null, "claim");
  box.id = "claim-" + item.id;
  const h = el("h3", item.id + " " + (item.name || ""));
  h.append(el("span", item.clause || "", "clause"));
  box.append(h);
  const finding = el("p", null, "finding");
  finding.append(t("claimed"), el("span", t("status." + item.status), "status " + item.status), points(item) + " · " + (item.reason || ""));
  box.append(finding);
  box.append(el("div", t("evidence"), "muted"));
  const list = el("ul");
  (item.evidence || []).forEach((e) => list.append(evidenceItem(e)));
  if (!(item.evidence || []).length) list.append(el("li", t("evidence_none")));
  box.append(list);

  const d = decisions[item.id] || (decisions[item.id] = { decision: "", degree: "", note: "", files: [] });
  const set = el("fieldset");
  set.append(el("legend", t("decision")));
  [["", "undecided"], ["accept", "accept"], ["reject", "reject"]].forEach(([value, word]) => {
    const label = el("label");
    const radio = el("input");
    radio.type = "radio";
    radio.name = "decision-" + item.id;
    radio.value = value;
    radio.id = "decision-" + item.id + "-" + (value || "none");
    radio.checked = d.decision === value;
    radio.addEventListener("change", () => { d.decision = value; preview(); });
    label.append(radio, " " + t(word));
    set.append(label);
  });
  box.append(set);
  if (item.type === "graded" || (item.values && item.values.degree !== undefined)) {
    const row = el("div", null, "row");
    const label = el("label", t("degree"));
    label.htmlFor = "degree-" + item.id;
    const input = el("input");
    input.id = "degree-" + item.id;
    input.size = 8;
    input.value = d.degree;
    input.addEventListener("input", () => { d.degree = input.value; preview(); });
    row.append(label, input);
    box.append(row);
  }
  const noteLabel = el("label", t("note"));
  noteLabel.htmlFor = "note-" + item.id;
  const note = el("textarea");
  note.id = "note-" + item.id;
  note.rows = 2;
  note.value = d.note;
  note.addEventListener("input", () => { d.note = note.value; preview(); });
  box.append(noteLabel, note);
  // the files the evaluator's judgement rests on, cited by digest in the assessment (criteria.ID.evidence)
  const files = el("ul", null, "digest");
  files.id = "files-" + item.id;
  d.files.forEach((sha) => files.append(evidenceItem(sha)));
  const attach = el("button", t("attach"), "secondary");
  attach.type = "button";
  attach.id = "attach-" + item.id;
  attach.addEventListener("click", () => {
    if (!uploaded) { say(t("upload_first"), true); return; }
    if (!d.files.includes(uploaded)) { d.files.push(uploaded); files.append(evidenceItem(uploaded)); }
    preview();
  });
  box.append(el("div", t("attached"), "muted"), files, attach);
  // the assessed finding only where the assessment changed something, so the changes stand out
  if (assessedItem && (assessedItem.status !== item.status || assessedItem.points !== item.points || assessedItem.reason !== item.reason)) {
    const now = el("p", null, "assessed");
    now.append(t("now"), el("span", t("status." + assessedItem.status), "status " + assessedItem.status), points(assessedItem) + " · " + (assessedItem.reason || ""));
    box.append(now);
  }
  return box;
}

function show() {
  const v = record.verdict;
  const latest = assessments && assessments.latest;
  $("scores").hidden = $("assessor").hidden = $("claims-card").hidden = $("upload-card").hidden = $("save-card").hidden = false;
  $("facility").textContent = t("facility", v.facility.name, v.facility.credit_code, Words.scheme(record.scheme) + " / " + record.edition,
    record.reporting_year, record.id);
  $("original-score").textContent = scoreText(assessments ? assessments.original : v);
  $("assessed-score").textContent = scoreText(latest);
  $("assessed-score").className = latest ? "" : "none";
  $("history").textContent = assessments && assessments.history.length
    ? t("history", assessments.history.map((h) => t("revision", h.revision) + " " + Words.when(h.recorded_at) + " " + t("by") + " " + h.actor
      + " · " + scoreText(h)).join(t("history_separator"))) : "";
  const assessed = {};
  if (latest) claimItems(latest.verdict).forEach((i) => { assessed[i.id] = i; });
  const items = claimItems(v);
  const box = $("claims");
  box.replaceChildren();
  if (!items.length) box.append(el("p", t("no_claims")));
  items.forEach((i) => box.append(claimCard(i, assessed[i.id])));
  preview();
}

/** The document as YAML, every text in JSON quotes (valid YAML), so problems are located by line. */
function documentText() {
  const q = (s) => JSON.stringify(String(s));
  const lines = ["format: verdant.assessment/1"];
  const lead = $("lead").value.trim();
  lines.push("evaluator: {organisation: " + q($("organisation").value.trim()) + (lead ? ", lead: " + q(lead) : "") + "}");
  lines.push("date: " + ($("date").value || q("")));
  lines.push("criteria:");
  Object.entries(decisions).filter(([, d]) => d.decision).forEach(([id, d]) => {
    const parts = ["accepted: " + (d.decision === "accept")];
    if (d.decision === "accept" && d.degree.trim()) {
      const g = d.degree.trim();
      parts.push("degree: " + (/^[0-9]+(\.[0-9]+)?$/.test(g) ? g : q(g)));
    }
    if (d.note.trim()) parts.push("note: " + q(d.note.trim()));
    if (d.files.length) parts.push("evidence: [" + d.files.map(q).join(", ") + "]");
    lines.push("  " + q(id) + ": {" + parts.join(", ") + "}");
  });
  return lines.join("\n") + "\n";
}

function preview() {
  $("document").textContent = documentText();
}

/** Starts from the assessment in force, so a second one revises rather than retypes it. */
function adopt(latest) {
  decisions = {};
  if (!latest) return;
  const a = latest.verdict.assessment || {};
  $("organisation").value = a.organisation || "";
  $("lead").value = a.lead || "";
  if (a.date) $("date").value = a.date;
  (a.claims || []).forEach((c) => {
    decisions[c.id] = { decision: c.accepted ? "accept" : "reject", degree: c.degree === undefined ? "" : String(c.degree), note: c.note || "",
      files: c.evidence || [] };
  });
}

async function load() {
  const id = $("record-id").value.trim();
  if (!id) { say(t("pick"), true); return; }
  say(t("loading"));
  try {
    record = await call("GET", "/api/evaluations/" + encodeURIComponent(id));
    assessments = await call("GET", "/api/evaluations/" + encodeURIComponent(id) + "/assessment");
    adopt(assessments.latest);
    if (!$("date").value) $("date").value = new Date().toISOString().slice(0, 10);
    show();
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function save() {
  if (!$("organisation").value.trim()) { say(t("need_org"), true); $("organisation").focus(); return; }
  if (!$("date").value) { say(t("need_date"), true); $("date").focus(); return; }
  const missing = Object.entries(decisions).find(([, d]) => (d.decision === "reject" || (d.decision === "accept" && d.degree.trim())) && !d.note.trim());
  if (missing) { say(t("need_note", missing[0]), true); $("note-" + missing[0]).focus(); return; }
  say(t("loading"));
  $("save").disabled = true;
  try {
    assessments = await call("PUT", "/api/evaluations/" + encodeURIComponent(record.id) + "/assessment?file=assessment.yaml",
      documentText(), "application/yaml");
    show();
    say(t("saved", assessments.latest.revision));
    $("scores").scrollIntoView();
  } catch (e) {
    say(e.message, true);
  } finally {
    $("save").disabled = false;
  }
}

async function upload() {
  const f = $("upload-file").files[0];
  if (!f) { say(t("pick"), true); return; }
  say(t("loading"));
  try {
    const stored = await call("POST", "/api/evidence?name=" + encodeURIComponent(f.name) + "&credit_code="
      + encodeURIComponent(record.verdict.facility.credit_code), await f.arrayBuffer(), "application/octet-stream");
    $("uploaded").textContent = t("uploaded", f.name + " · " + stored.sha256 + " · " + stored.type);
    // the file's name without its extension stands for the document's, as a workbook's evidence cell cites it
    $("uploaded-cite").textContent = t("uploaded_cite", f.name.replace(/\.[^.]*$/, "") + " | " + stored.sha256);
    uploaded = stored.sha256;
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function listStored() {
  try {
    const list = await call("GET", "/api/evaluations");
    const records = (list.records || []).slice().reverse();
    if (!records.length) return;
    const select = $("stored");
    select.replaceChildren(el("option", "— " + t("pick") + " —"));
    select.firstChild.value = "";
    records.forEach((r) => {
      const o = el("option", r.id + " · " + r.facility + " · " + r.reporting_year + " · " + (r.score ?? "—"));
      o.value = r.id;
      select.append(o);
    });
    $("stored-row").hidden = false;
  } catch (e) {
    // who may not list every record still opens one by its id
  }
}

async function words(lang) {
  await Words.load(lang, "evaluator");
  if (record) show();
}

document.addEventListener("DOMContentLoaded", async () => {
  $("record-load").addEventListener("click", load);
  $("record-id").addEventListener("keydown", (e) => { if (e.key === "Enter") load(); });
  $("stored").addEventListener("change", () => { if ($("stored").value) { $("record-id").value = $("stored").value; load(); } });
  $("save").addEventListener("click", save);
  $("upload").addEventListener("click", upload);
  ["organisation", "lead", "date"].forEach((id) => $(id).addEventListener("input", preview));
  $("lang-toggle").addEventListener("click", () => words(Words.lang() === "en" ? "zh" : "en"));
  await words(new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh");
  listStored();
  const q = new URLSearchParams(location.search);
  if (q.get("record")) { $("record-id").value = q.get("record"); load(); }
});
