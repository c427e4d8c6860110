package org.verdant.verdict;

import org.verdant.text.Numbers;
import org.verdant.findings.Finding;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A park's green index, one per reporting year: GI = 100 × Σ ratios ÷ n over the n indicators
 * assessed that year (every mandatory one, reported or not, and the optional ones reported), or,
 * with category weights switched on, the weighted mean of each category's mean ratio. The
 * switches in force are the scorecard's parameters and are listed with the result.
 */
public record GreenIndex(List<Switch> switches, List<Year> years) {

    public static final String CAP = "cap_ratio_at_one";
    public static final String WEIGHTING = "category_weighting";
    public static final String MINIMUM_OPTIONAL = "minimum_optional_indicators";
    public static final String PASS_LINE = "pass_line";

    /** A switch and the value in force, with the figure it came from. */
    public record Switch(String name, String value, Figure figure) {
    }

    /**
     * One year's index. {@code shares} gives each assessed indicator's points (its share of the
     * index) and maximum; {@code passes} is null when no pass line is set.
     */
    public record Year(int year, double gi, int assessed, int optionalReported, List<String> mandatoryMissing,
                       boolean enoughOptional, Boolean passes, Map<String, double[]> shares) {
        public boolean complete() {
            return mandatoryMissing.isEmpty() && enoughOptional;
        }
    }

    public Year year(int y) {
        return years.stream().filter(x -> x.year() == y).findFirst().orElse(null);
    }

    public Year last() {
        return years.get(years.size() - 1);
    }

    public boolean weighted() {
        return "category_weights".equals(switchValue(WEIGHTING));
    }

    public String switchValue(String name) {
        return switches.stream().filter(s -> s.name().equals(name)).map(Switch::value).findFirst().orElse(null);
    }

    static GreenIndex compute(Scorecard scorecard, Map<String, Finding> byId, List<Integer> reportingYears) {
        List<Switch> switches = new ArrayList<>();
        for (String name : List.of(CAP, WEIGHTING, MINIMUM_OPTIONAL, PASS_LINE)) {
            Figure f = scorecard.parameters().get(name);
            switches.add(new Switch(name, f == null ? "none" : f.word().replaceFirst("\\.0$", ""), f));
        }
        GreenIndex shell = new GreenIndex(switches, List.of());
        int minimumOptional = number(shell.switchValue(MINIMUM_OPTIONAL), 0.0).intValue();
        Double passLine = number(shell.switchValue(PASS_LINE), null);
        List<Year> years = new ArrayList<>();
        for (int year : reportingYears) {
            years.add(year(scorecard, byId, year, shell.weighted(), minimumOptional, passLine));
        }
        return new GreenIndex(switches, years);
    }

    private static Year year(Scorecard scorecard, Map<String, Finding> byId, int year, boolean weighted, int minimumOptional,
                             Double passLine) {
        Map<String, double[]> shares = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        int optionalReported = 0;
        int assessedAll = 0;
        double weightSum = 0;
        Map<Scorecard.CategorySpec, List<String>> assessedByCategory = new LinkedHashMap<>();
        for (Scorecard.CategorySpec cat : scorecard.categories()) {
            List<String> assessed = new ArrayList<>();
            for (Scorecard.CriterionSpec c : cat.criteria()) {
                org.verdant.facts.IndexYear y = indexYear(byId.get(c.id()), year);
                boolean reported = y != null && y.reported();
                if (!c.required() && !reported) continue;
                if (c.required() && !reported) missing.add(c.id());
                if (!c.required()) optionalReported++;
                assessed.add(c.id());
            }
            assessedByCategory.put(cat, assessed);
            assessedAll += assessed.size();
            if (weighted && !assessed.isEmpty()) weightSum += cat.weight().number();
        }
        double gi = 0;
        for (var e : assessedByCategory.entrySet()) {
            for (String id : e.getValue()) {
                org.verdant.facts.IndexYear y = indexYear(byId.get(id), year);
                double ratio = y == null || y.ratio() == null ? 0 : y.ratio();
                double max = weighted ? 100 * e.getKey().weight().number() / weightSum / e.getValue().size() : 100.0 / assessedAll;
                double points = Numbers.fourPlaces(max * ratio);
                shares.put(id, new double[]{points, max});
                gi += max * ratio;
            }
        }
        boolean enoughOptional = optionalReported >= minimumOptional;
        Boolean passes = passLine == null ? null : gi >= passLine - 1e-9;
        return new Year(year, gi, assessedAll, optionalReported, missing, enoughOptional, passes, shares);
    }

    private static org.verdant.facts.IndexYear indexYear(Finding f, int year) {
        if (f == null) return null;
        return f.indexYears().stream().filter(y -> y.year() == year).findFirst().orElse(null);
    }

    private static Double number(String text, Double otherwise) {
        if (text == null || text.equals("none")) return otherwise;
        return Double.parseDouble(text);
    }
}
