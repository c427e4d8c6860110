// The regulator's page: a stored verdict, the objection against it, the re-evaluations under the
// original and the current rulebook, the criterion-by-criterion diff with causes, and the ruling.
// Everything it shows comes from the dispute API (docs/disputes.md); it loads nothing else.
"use strict";

const WORDS = {
  zh: {
    title: "异议复核", subtitle: "原评价、异议、复核、逐项差异及原因、裁定", lang_toggle: "English",
    nav_enterprise: "企业自评", nav_evaluator: "评价机构审核", nav_regulator: "监管复核", nav_sign_in: "登录",
    open_heading: "打开", record_id: "评价记录编号", record_load: "载入评价", dispute_id: "异议编号", dispute_load: "载入异议",
    original_heading: "原评价", objection_heading: "提出异议", criteria: "有异议的条款（逗号分隔）", reason: "理由",
    evidence: "新证据（每行一份文件）", corrected: "更正后的申报材料（YAML，可不填）", file: "提出异议并复核",
    recheck_heading: "复核（原规则库 / 现行规则库）", diff_heading: "逐项差异及原因", ruling_heading: "裁定",
    ruling: "裁定", upheld: "异议成立", partly: "异议部分成立", rejected: "异议不成立", open: "待裁定",
    ruling_reason: "裁定理由", rule: "记录裁定", report: "异议复核报告",
    original: "原规则库", current: "现行规则库", same: "与现行规则库相同", unavailable: "档案库中没有原规则库的快照",
    rulebook: "规则库", digest: "摘要", score: "得分", grade: "等级", none: "无", item: "条款", name: "名称", finding: "结论",
    points: "得分", cause: "原因", objected: "有异议", no_change: "各条款均无变化", loading: "正在处理……",
    dispute: "异议", record: "记录", filed_by: "提出人", evidence_none: "无新证据", criteria_shown: "有异议的条款", evidence_shown: "新证据", by: "裁定人",
    met: "符合", partly_met: "部分符合", not_met: "不符合", not_applicable: "不适用", missing_data: "缺少数据", absent: "（无）",
    rulebook_changed: "规则库变化", inputs_changed: "申报数据变化", inputs: "申报数据的变化",
  },
  en: {
    title: "Dispute review", subtitle: "Original, objection, re-evaluation, criterion-by-criterion diff, ruling", lang_toggle: "中文",
    nav_enterprise: "Self-assessment", nav_evaluator: "Evaluator review", nav_regulator: "Regulator review", nav_sign_in: "Sign in",
    open_heading: "Open", record_id: "Evaluation record", record_load: "Load evaluation", dispute_id: "Dispute", dispute_load: "Load dispute",
    original_heading: "Original evaluation", objection_heading: "File an objection", criteria: "Criteria objected to (comma-separated)",
    reason: "Reasons", evidence: "New evidence (one document a line)", corrected: "Corrected submission (YAML, optional)",
    file: "File and re-evaluate", recheck_heading: "Re-evaluation (original rulebook / current rulebook)",
    diff_heading: "Criterion by criterion: what changed and why", ruling_heading: "Ruling", ruling: "Ruling",
    upheld: "objection upheld", partly: "objection partly upheld", rejected: "objection rejected", open: "awaiting a ruling",
    ruling_reason: "Reasons for the ruling", rule: "Record the ruling", report: "Dispute report",
    original: "Original rulebook", current: "Current rulebook", same: "same as the current rulebook",
    unavailable: "the archive holds no snapshot of the original rulebook", rulebook: "Rulebook", digest: "Digest", score: "Score",
    grade: "Grade", none: "none", item: "Criterion", name: "Name", finding: "Finding", points: "Points", cause: "Cause",
    objected: "objected", no_change: "No criterion changed", loading: "Working…", dispute: "Dispute", record: "record",
    filed_by: "filed by", evidence_none: "no new evidence", criteria_shown: "Criteria objected to", evidence_shown: "New evidence", by: "by",
    met: "met", partly_met: "partly met", not_met: "not met", not_applicable: "not applicable", missing_data: "data missing", absent: "(none)",
    rulebook_changed: "the rulebook changed", inputs_changed: "the submission's figures changed", inputs: "Submission figures that changed",
  },
};

let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
let shown = null; // the dispute on screen
let record = null; // the record on screen

const $ = (id) => document.getElementById(id);
const t = (key) => WORDS[lang][key] ?? key;

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function table(node, header, rows) {
  node.replaceChildren();
  const head = el("tr");
  header.forEach((h) => head.appendChild(el("th", h)));
  node.appendChild(head);
  rows.forEach((r) => {
    const tr = el("tr");
    r.forEach((c) => tr.appendChild(el("td", c)));
    node.appendChild(tr);
  });
}

function say(text, bad) {
  $("status").textContent = text || "";
  $("status").className = bad ? "error" : "";
}

async function call(method, url, body) {
  const opts = { method, headers: { "Accept": "application/json", "Accept-Language": lang } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const res = await fetch(url, opts);
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    // located as the CLI locates them: file:line:column: path: message
    const problems = (json.problems || []).map((p) => [p.file, p.line, p.column].filter((x) => x !== null && x !== undefined).join(":")
      + ": " + (p.path ? p.path + ": " : "") + p.message);
    throw new Error([json.message || ("HTTP " + res.status)].concat(problems).join("\n"));
  }
  return json;
}

function status(s) {
  return s ? t(s) : t("absent");
}

function showRecord(r) {
  record = r;
  const v = r.verdict;
  $("original").hidden = false;
  $("original-summary").textContent = v.facility.name + "（" + v.facility.credit_code + "） · " + r.scheme + " / " + r.edition + " · "
    + r.reporting_year + " · " + t("score") + " " + (v.score ?? "—") + " · " + t("grade") + " " + (v.grade ?? t("none"));
  const items = (v.gates || []).concat(v.criteria || []);
  table($("original-items"), [t("item"), t("name"), t("finding"), t("points")],
    items.map((i) => [i.id, i.name, status(i.status), i.points === undefined || i.points === null ? "—" : i.points + "/" + i.max]));
}

function showDispute(d) {
  shown = d;
  showRecord(d.original);
  $("objection-form").hidden = true;
  $("dispute").hidden = false;
  $("dispute-heading").textContent = t("dispute") + " " + d.id + " · " + t("record") + " " + d.evaluation_id + " · " + t(d.status);
  const o = d.objection;
  $("dispute-objection").textContent = t("criteria_shown") + "：" + o.criteria.join(", ") + " · " + t("reason") + "：" + o.reason + " · "
    + (o.evidence.length ? t("evidence_shown") + "：" + o.evidence.join("、") : t("evidence_none")) + " · " + t("filed_by") + " " + o.actor;
  table($("rechecks"), [t("rulebook"), t("digest"), t("score"), t("grade")], d.reevaluations.map((r) => r.available
    ? [t(r.rulebook) + (r.same_rulebook ? "（" + t("same") + "）" : ""), r.rulebook_digest, r.verdict.score ?? "—", r.verdict.grade ?? t("none")]
    : [t(r.rulebook), r.rulebook_digest, t("unavailable"), "—"]));
  const diffs = $("diffs");
  diffs.replaceChildren();
  d.reevaluations.filter((r) => r.available).forEach((r) => {
    diffs.appendChild(el("h4", t(r.rulebook)));
    const items = r.diff.items;
    if (!items.length) {
      diffs.appendChild(el("p", t("no_change")));
    } else {
      const tbl = el("table");
      tbl.className = "diff";
      const rulebookChanged = r.diff.parameters && r.diff.parameters.some((p) => p.what !== "engine");
      table(tbl, [t("item"), t("name"), t("objected"), t("finding"), t("points"), t("cause")], items.map((i) => [
        i.id, i.name, o.criteria.includes(i.id) ? t("objected") : "", status(i.a.status) + " → " + status(i.b.status),
        i.gate ? "—" : (i.a.points ?? "—") + " → " + (i.b.points ?? "—"),
        i.values.length ? i.values.slice(0, 6).map((l) => l.path + ": " + (l.a ?? t("absent")) + " → " + (l.b ?? t("absent"))).join("; ")
          : rulebookChanged ? t("rulebook_changed") : t("inputs_changed"),
      ]));
      diffs.appendChild(tbl);
    }
    if (r.diff.inputs && r.diff.inputs.length) {
      diffs.appendChild(el("p", t("inputs") + "：" + r.diff.inputs.map((l) => l.path + ": " + (l.a ?? t("absent")) + " → " + (l.b ?? t("absent"))).join("; ")));
    }
  });
  if (d.ruling) {
    $("ruling-shown").textContent = t(d.ruling.ruling) + " · " + d.ruling.reason + " · " + t("by") + " " + d.ruling.actor + " · " + d.ruling.at;
    $("ruling-form").hidden = true;
  } else {
    $("ruling-shown").textContent = t("open");
    $("ruling-form").hidden = false;
  }
  $("report-link").href = "/api/disputes/" + d.id + "/report?lang=" + lang;
}

async function loadRecord() {
  const id = $("record-id").value.trim();
  say(t("loading"));
  try {
    showRecord(await call("GET", "/api/evaluations/" + encodeURIComponent(id)));
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
    showDispute(await call("GET", "/api/disputes/" + encodeURIComponent(n)));
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

async function file() {
  say(t("loading"));
  const body = {
    criteria: $("criteria").value.split(/[,，\s]+/).filter((s) => s),
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
    showDispute(d);
    say("");
    $("dispute").scrollIntoView();
  } catch (e) {
    say(e.message, true);
  }
}

async function rule() {
  say(t("loading"));
  try {
    showDispute(await call("POST", "/api/disputes/" + shown.id + "/ruling", { ruling: $("ruling").value, reason: $("ruling-reason").value }));
    say("");
  } catch (e) {
    say(e.message, true);
  }
}

function words() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  document.querySelectorAll("[data-t]").forEach((e) => { e.textContent = t(e.dataset.t); });
  if (shown) showDispute(shown); else if (record) showRecord(record);
}

document.addEventListener("DOMContentLoaded", () => {
  $("record-load").addEventListener("click", loadRecord);
  $("dispute-load").addEventListener("click", loadDispute);
  $("file").addEventListener("click", file);
  $("rule").addEventListener("click", rule);
  $("lang-toggle").addEventListener("click", () => { lang = lang === "en" ? "zh" : "en"; words(); });
  words();
  const q = new URLSearchParams(location.search);
  if (q.get("dispute")) { $("dispute-id").value = q.get("dispute"); loadDispute(); }
  else if (q.get("record")) { $("record-id").value = q.get("record"); loadRecord(); }
});
