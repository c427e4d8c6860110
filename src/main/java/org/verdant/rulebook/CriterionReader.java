package org.verdant.rulebook;

import org.verdant.yaml.Node;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scorecard's gates and criteria (requirements, performance tiers, scaled forms, index and
 * threshold indicators) with the scorecard reader's figures, sources and problems.
 */
final class CriterionReader {
    private final ScorecardReader reader;

    CriterionReader(ScorecardReader reader) {
        this.reader = reader;
    }

    Scorecard.GateSpec gate(YamlNode g, Set<String> ids) {
        Node n = Node.of(g, reader.problems, "id", "name", "clause", "decided_by", "status", "source", "detail", "kind", "indicator", "direction",
                "unit", "threshold");
        if (n == null) return null;
        String gid = n.text("id", true);
        if (gid != null && !ids.add(gid)) reader.problems.add(n.raw("id"), "id '" + gid + "' is used twice");
        String decidedBy = n.choice("decided_by", true, ScorecardReader.GATE_DECIDERS);
        String kind = n.has("kind") ? n.choice("kind", true, Set.of("gate", "core", "encouraged")) : "gate";
        String indicator = null;
        String direction = null;
        String unit = null;
        Scorecard.ReferenceSpec threshold = null;
        if ("indicator".equals(decidedBy)) {
            indicator = n.text("indicator", true);
            direction = n.choice("direction", true, Set.of("higher", "lower"));
            unit = n.has("unit") ? n.text("unit", false) : "";
            threshold = scaledReference(gid + ".threshold", n.value("threshold", true));
        } else if ("core".equals(kind)) {
            reader.problems.add(n.raw("kind"), "a core gate is decided_by indicator, against a threshold");
        }
        return new Scorecard.GateSpec(gid, reader.text(n, "name", true), n.text("clause", true), decidedBy,
                n.choice("status", true, ScorecardReader.STATUSES), reader.source(n), kind, indicator, direction, unit, threshold);
    }

    Scorecard.CriterionSpec criterion(String category, YamlNode k, Set<String> ids) {
        Node n = Node.of(k, reader.problems, "id", "name", "clause", "type", "points", "decided_by", "system", "aspect",
                "indicator", "direction", "unit", "basic", "advanced", "baseline", "leading", "forms", "required", "threshold");
        if (n == null) return null;
        String id = n.text("id", true);
        if (id != null && !ids.add(id)) reader.problems.add(n.raw("id"), "id '" + id + "' is used twice");
        String type = n.choice("type", true, ScorecardReader.TYPES);
        String decidedBy = n.choice("decided_by", true, ScorecardReader.CRITERION_DECIDERS);
        Figure points = null;
        Scorecard.TierSpec basic = null;
        Scorecard.TierSpec advanced = null;
        String indicator = null;
        String direction = null;
        String unit = null;
        if ("performance".equals(type)) {
            indicator = n.text("indicator", true);
            direction = n.choice("direction", true, Set.of("higher", "lower"));
            unit = n.has("unit") ? n.text("unit", false) : null;
            if (unit == null) unit = "";
            basic = tier(id, "basic", n.child("basic", true, "points", "reference"));
            advanced = tier(id, "advanced", n.child("advanced", true, "points", "reference"));
            if (!"indicator".equals(decidedBy) && decidedBy != null) reader.problems.add(n.raw("decided_by"), "performance criteria are decided_by indicator");
        } else if ("index".equals(type) || "threshold".equals(type)) {
            if (n.has("points")) reader.problems.add(n.raw("points"), "an " + type + " criterion carries no fixed points");
        } else if (type != null) {
            points = reader.figure(id + ".points", n.value("points", true), true);
        }
        Scorecard.ReferenceSpec target = null;
        boolean required = false;
        if ("index".equals(type)) {
            direction = n.choice("direction", true, Set.of("higher", "lower", "yes_no"));
            indicator = n.has("indicator") ? n.text("indicator", false) : id;
            unit = n.has("unit") ? n.text("unit", false) : "";
            required = Boolean.TRUE.equals(n.bool("required", true));
            if (!"yes_no".equals(direction) && direction != null) target = scaledReference(id + ".leading", n.value("leading", true));
            if (decidedBy != null && !Set.of("indicator", "stated").contains(decidedBy)) {
                reader.problems.add(n.raw("decided_by"), "an index criterion is decided_by indicator (computed) or stated");
            }
        } else if ("threshold".equals(type)) {
            direction = n.choice("direction", true, Set.of("higher", "lower"));
            indicator = n.text("indicator", true);
            unit = n.has("unit") ? n.text("unit", false) : "";
            target = scaledReference(id + ".threshold", n.value("threshold", true));
        }
        if ("graded".equals(type) && decidedBy != null && !"claim".equals(decidedBy)) {
            reader.problems.add(n.raw("decided_by"), "a graded criterion is decided_by claim (with the assessed degree)");
        }
        List<Scorecard.FormSpec> forms = List.of();
        if ("scaled".equals(type)) {
            direction = n.choice("direction", true, Set.of("higher", "lower"));
            forms = forms(id, n);
            if (!"indicator".equals(decidedBy) && decidedBy != null) reader.problems.add(n.raw("decided_by"), "scaled criteria are decided_by indicator");
        }
        if ("case".equals(type) && decidedBy != null && !"claim".equals(decidedBy)) {
            reader.problems.add(n.raw("decided_by"), "a case criterion is decided_by claim (a documented case)");
        }
        String system = n.text("system", false);
        String aspect = n.text("aspect", false);
        if ("management_system".equals(decidedBy)) {
            if (system == null || !org.verdant.rulebook.Vocabulary.SYSTEMS.contains(system)) {
                reader.problems.add(k.location(), k.path() + ".system", "name the system: one of " + org.verdant.rulebook.Vocabulary.SYSTEMS);
            }
            if (aspect == null || !Set.of("established", "certified").contains(aspect)) {
                reader.problems.add(k.location(), k.path() + ".aspect", "aspect is established or certified");
            }
        }
        if (basic == null && "performance".equals(type)) return null;
        if (type == null || points == null && !Set.of("performance", "index", "threshold").contains(type)) return null;
        return new Scorecard.CriterionSpec(id, category, reader.text(n, "name", true), n.text("clause", true), type, points,
                decidedBy, system, aspect, indicator, direction, unit, basic, advanced, forms, required, target);
    }

    /** A scaled criterion's forms: a {@code forms} list, or one form given inline. */
    private List<Scorecard.FormSpec> forms(String id, Node n) {
        List<Scorecard.FormSpec> out = new ArrayList<>();
        if (n.has("forms")) {
            for (YamlNode f : reader.list(n, "forms")) {
                Node fn = Node.of(f, reader.problems, "form", "indicator", "unit", "baseline", "leading");
                if (fn != null) out.add(form(id, fn, fn.text("form", true)));
            }
            if (out.isEmpty()) reader.problems.add(n.raw("forms"), "list at least one form");
        } else {
            out.add(form(id, n, "single"));
        }
        return out;
    }

    private Scorecard.FormSpec form(String id, Node n, String form) {
        String unit = n.has("unit") ? n.text("unit", false) : "";
        if (unit == null) unit = "";
        String ref = id + (form.equals("single") ? "" : "." + form);
        return new Scorecard.FormSpec(form, n.text("indicator", true), unit,
                scaledReference(ref + ".baseline", n.value("baseline", true)),
                scaledReference(ref + ".leading", n.value("leading", true)));
    }

    Scorecard.ReferenceSpec scaledReference(String ref, YamlNode node) {
        if (node == null) return null;
        Node r = Node.of(node, reader.problems, "value", "unit", "status", "source", "detail", "clause", "from", "level", "quota", "fallback", "tiers");
        if (r == null) return null;
        if (r.has("value")) return Scorecard.ReferenceSpec.of("fixed", reader.figure(ref, r.mapping(), true), null, null);
        String from = r.choice("from", true, Set.of("submission", "energy_limit", "water_quota", "annual_energy"));
        if (from == null) return null;
        return switch (from) {
            case "submission" -> new Scorecard.ReferenceSpec("submission",
                    r.has("fallback") ? reader.figure(ref + ".fallback", r.value("fallback", true), true) : null, null, null, null, List.of());
            case "energy_limit" -> Scorecard.ReferenceSpec.of("energy_limit", null, null, r.integer("level", true, 1, 3));
            case "water_quota" -> new Scorecard.ReferenceSpec("water_quota", null, null, null,
                    r.choice("quota", true, Set.of("general", "advanced")), List.of());
            default -> {
                List<Scorecard.EnergyTier> tiers = new ArrayList<>();
                for (YamlNode t : reader.list(r, "tiers")) {
                    Node tn = Node.of(t, reader.problems, "at_least", "value", "unit", "status", "source", "detail", "clause");
                    if (tn == null) continue;
                    YamlNode atLeast = tn.value("at_least", true);
                    var q = atLeast == null ? null : Node.quantityOf(atLeast, "energy", reader.problems);
                    Figure f = reader.figureFrom(ref + "[" + (q == null ? "?" : q.text()) + "]", tn, true);
                    if (q != null && f != null) tiers.add(new Scorecard.EnergyTier(q.base(), q.unit().symbol(), f));
                }
                if (tiers.isEmpty()) reader.problems.add(r.mapping(), "list the tiers: [{at_least: 10000 tce, value: …, status, source}, …]");
                tiers.sort((a, b) -> Double.compare(b.atLeast(), a.atLeast()));
                yield new Scorecard.ReferenceSpec("annual_energy", null, null, null, null, tiers);
            }
        };
    }

    private Scorecard.TierSpec tier(String id, String tier, Node n) {
        if (n == null) return null;
        Figure points = reader.figure(id + "." + tier + ".points", n.value("points", true), true);
        Node r = n.child("reference", true, "value", "unit", "status", "source", "detail", "clause", "from", "factor", "level");
        if (points == null || r == null) return null;
        String ref = id + "." + tier + ".reference";
        Scorecard.ReferenceSpec spec;
        if (r.has("value")) {
            spec = Scorecard.ReferenceSpec.of("fixed", reader.figure(ref, r.mapping(), true), null, null);
        } else {
            String from = r.choice("from", true, Set.of("submission", "basic", "energy_limit"));
            if (from == null) return null;
            spec = switch (from) {
                case "submission" -> Scorecard.ReferenceSpec.of("submission", null, null, null);
                case "basic" -> {
                    if (!"advanced".equals(tier)) reader.problems.add(r.raw("from"), "only the advanced tier can derive from the basic level");
                    yield Scorecard.ReferenceSpec.of("factor_of_basic", null, reader.figure(ref + ".factor", r.value("factor", true), true), null);
                }
                default -> Scorecard.ReferenceSpec.of("energy_limit", null, null, r.integer("level", true, 1, 3));
            };
        }
        return new Scorecard.TierSpec(points, spec);
    }
}
