package org.verdant.submission;

import org.verdant.yaml.Bound;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Node;
import org.verdant.units.Quantity;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a park's {@code park} section: eligibility facts, the bodies the gates ask about, raw
 * statistics per year (each with its dimension) and indicators stated directly by id. Which
 * indicators may be stated is the scorecard's business ({@link SubmissionChecks}).
 */
final class ParkReader {
    static final List<String> KEYS = List.of("level", "legal_boundary", "single_management_body", "main_function",
            "development_zone_catalogue", "park_within_park", "clear_boundary", "green_body", "key_enterprise_audits",
            "years", "enterprise_products");
    /** Keys a green industrial park may not use, and those a zero-carbon park may not. */
    private static final Map<String, Set<String>> NOT_FOR = Map.of(
            "green-park", Set.of("development_zone_catalogue", "park_within_park", "clear_boundary", "enterprise_products"),
            "zero-carbon-park", Set.of("legal_boundary", "single_management_body", "main_function", "green_body",
                    "key_enterprise_audits"));
    /** Raw statistics a year may give, with their dimensions. */
    static final Map<String, String> STATISTICS = statistics();

    private static Map<String, String> statistics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("industrial_value_added", "money");
        m.put("total_value_added", "money");
        m.put("industrial_output", "money");
        m.put("high_tech_output", "money");
        m.put("green_industry_value_added", "money");
        m.put("employees", "count");
        m.put("energy", "energy");
        m.put("renewable_energy", "energy");
        m.put("clean_energy", "energy");
        m.put("industrial_fresh_water", "volume");
        m.put("recirculated_water", "volume");
        m.put("wastewater_treated", "volume");
        m.put("reclaimed_water_reused", "volume");
        m.put("industrial_land", "area");
        m.put("solid_waste_generated", "mass");
        m.put("solid_waste_utilised", "mass");
        m.put("co2", "ghg");
        m.put("wastewater_discharged", "mass");
        m.put("good_air_days", "1");
        m.put("monitored_days", "1");
        m.put("waste_energy_available", "energy");
        m.put("waste_energy_utilised", "energy");
        return Map.copyOf(m);
    }

    /**
     * Pairs where the part cannot exceed the whole: a typo there would give a share over 100 %.
     * Renewable energy is clean energy (清洁能源 counts natural gas, nuclear and the renewables);
     * value added is what the output adds over its inputs, so never more than the output; the
     * park's solid-waste rate is utilised ÷ generated (no stock term, unlike a factory's B.11).
     */
    static final List<String[]> PARTS = List.of(
            new String[]{"renewable_energy", "energy"}, new String[]{"clean_energy", "energy"},
            new String[]{"renewable_energy", "clean_energy"},
            new String[]{"industrial_value_added", "total_value_added"}, new String[]{"industrial_value_added", "industrial_output"},
            new String[]{"high_tech_output", "industrial_output"},
            new String[]{"green_industry_value_added", "industrial_value_added"},
            new String[]{"reclaimed_water_reused", "wastewater_treated"}, new String[]{"good_air_days", "monitored_days"},
            new String[]{"solid_waste_utilised", "solid_waste_generated"},
            new String[]{"waste_energy_utilised", "waste_energy_available"});

    private final ProductReader reader;
    private final Problems problems;

    ParkReader(ProductReader reader, Problems problems) {
        this.reader = reader;
        this.problems = problems;
    }

    Submission.Park park(Node n, String scheme, Integer reportingYear) {
        if (n == null) return null;
        for (String key : scheme == null ? Set.<String>of() : NOT_FOR.getOrDefault(scheme, Set.of())) {
            if (n.has(key)) problems.say(n.mapping().entries().get(key).keyLocation(), n.mapping().path() + "." + key,
                    "problem.park.not_for_scheme", key, scheme);
        }
        Node gb = n.child("green_body", false, "name", "full_time_staff", "evidence");
        Submission.GreenBody body = gb == null ? null
                : new Submission.GreenBody(gb.text("name", false), gb.integer("full_time_staff", true, 0, 100000), Evidences.read(gb, "evidence"));
        Node au = n.child("key_enterprise_audits", false, "listed", "completed", "evidence");
        Submission.AuditList audits = null;
        if (au != null) {
            Integer listed = au.integer("listed", true, 0, 1000000);
            Integer completed = au.integer("completed", true, 0, 1000000);
            Parts.check(au, "completed", completed, "listed", listed, problems);
            audits = new Submission.AuditList(listed, completed, Evidences.read(au, "evidence"));
        }
        List<Submission.ParkYear> years = years(n, reportingYear);
        List<Submission.EnterpriseProduct> products = new ArrayList<>();
        List<YamlNode> items = n.list("enterprise_products", false);
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                List<String> keys = new ArrayList<>(ProductReader.BASIC_KEYS);
                keys.add("enterprise");
                keys.remove("main");
                Node p = Node.of(items.get(i), problems, keys);
                Submission.Product product = reader.product(p, items.get(i));
                if (product != null) {
                    if (product.energyLimit() == null) {
                        problems.say(items.get(i), "problem.park.energy_limit_missing");
                    }
                    products.add(new Submission.EnterpriseProduct(p.text("enterprise", true), product, i));
                }
            }
        }
        return new Submission.Park(n.choice("level", true, Set.of("national", "provincial", "municipal", "other")),
                n.bool("legal_boundary", false), n.bool("single_management_body", false),
                n.choice("main_function", false, Set.of("manufacturing", "energy_supply", "other")),
                n.bool("development_zone_catalogue", false), n.bool("park_within_park", false), n.bool("clear_boundary", false),
                body, audits, years, products, n.mapping().location());
    }

    private List<Submission.ParkYear> years(Node n, Integer reportingYear) {
        List<Submission.ParkYear> out = new ArrayList<>();
        List<YamlNode> items = n.list("years", true);
        if (items == null) return out;
        for (YamlNode item : items) {
            Node y = Node.of(item, problems, "year", "statistics", "indicators");
            if (y == null) continue;
            Integer year = y.integer("year", true, 1990, 2100);
            if (year == null) continue;
            if (out.stream().anyMatch(o -> o.year() == year)) {
                problems.say(y.raw("year"), "problem.reader.year_twice", year);
                continue;
            }
            if (reportingYear != null && year > reportingYear) {
                problems.say(y.raw("year"), "problem.park.year_after", year, reportingYear);
            }
            out.add(new Submission.ParkYear(year, statistics(y.child("statistics", false, STATISTICS.keySet()), year),
                    stated(y.value("indicators", false), year), item.location()));
        }
        if (reportingYear != null && out.stream().noneMatch(o -> o.year() == reportingYear)) {
            problems.say(n.raw("years"), "problem.park.reporting_year_missing", reportingYear);
        }
        out.sort((a, b) -> Integer.compare(a.year(), b.year()));
        return out;
    }

    private Map<String, Quantity> statistics(Node s, int year) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (s == null) return out;
        for (String key : s.mapping().entries().keySet()) {
            String dim = STATISTICS.get(key);
            if (dim == null) continue; // reported as an unknown key
            Quantity q = s.quantity(key, dim, false, Bound.NON_NEGATIVE);
            if (q != null) out.put(key, q);
        }
        for (String[] pair : PARTS) Parts.check(s, pair[0], out.get(pair[0]), pair[1], out.get(pair[1]), problems);
        // days are days of the year: monitored days (or, without them, good days) are some of them
        String daysKey = out.containsKey("monitored_days") ? "monitored_days" : "good_air_days";
        Quantity days = out.get(daysKey);
        int inYear = java.time.Year.of(year).length();
        if (days != null) {
            YamlNode at = s.raw(daysKey);
            Parts.check(problems, at.location(), at.path(), at.path(), days.text(), days.base(),
                    Msg.of("problem.whole.days_of_year", year), String.valueOf(inYear), inYear, null);
        }
        return out;
    }

    /** Indicators stated by id: a quantity (a percentage or a plain number) or yes/no. */
    private Map<String, Submission.StatedIndicator> stated(YamlNode node, int year) {
        Map<String, Submission.StatedIndicator> out = new LinkedHashMap<>();
        if (node == null) return out;
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.say(node, "problem.park.indicators_not_mapping", Node.kind(node));
            return out;
        }
        for (var e : m.entries().values()) {
            YamlNode v = e.value();
            if (v instanceof YamlNode.Scalar s && s.type().equals("bool")) {
                out.put(e.key(), new Submission.StatedIndicator(e.key(), year, null, Boolean.valueOf(s.text()), e.keyLocation()));
                continue;
            }
            Quantity q = statedQuantity(v);
            if (q != null) out.put(e.key(), new Submission.StatedIndicator(e.key(), year, q, null, e.keyLocation()));
        }
        return out;
    }

    /** A stated value in any unit the reader knows; its dimension is checked against the indicator's unit later. */
    private Quantity statedQuantity(YamlNode v) {
        String dim = Node.writtenDimension(v);
        return Node.quantity(v, dim == null ? "1" : dim, Bound.ANY, problems);
    }
}
