package org.verdant.submission;

import org.verdant.rulebook.Vocabulary;

import org.verdant.yaml.Bound;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Node;
import org.verdant.units.Quantity;
import org.verdant.text.Location;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1: submission YAML to a {@link Submission}. Checks structure, types, units and ranges,
 * and collects every problem. Checks that need the edition's scorecard (claim ids, benchmark
 * rows) are done by {@link SubmissionChecks}.
 */
public final class SubmissionReader {
    /** The longest facility name and province the archive stores on every database (its columns' VARCHAR sizes, in characters). */
    public static final int MAX_NAME = 500;
    public static final int MAX_PROVINCE = 64;

    /** Sections every scheme's submission may have. */
    static final List<String> COMMON = List.of("format", "scheme", "edition", "indicator_table", "evaluation_date", "reporting_year",
            "evaluator", "facility", "accidents", "claims");
    /** Sections that describe a factory (green-factory only). */
    static final List<String> FACTORY = List.of("site", "economics", "products", "energy", "materials", "water", "solid_waste",
            "emissions", "management_systems", "social_responsibility_reports", "references",
            "energy_carbon_management", "cleaner_production", "carbon_footprint", "application", "standing");
    /**
     * The sections each scheme adds to the common ones. A green park and a green supply chain state
     * their standing and tier as a factory does: the cultivation measures (2024) give all three one veto list.
     */
    static final Map<String, List<String>> SECTIONS = Map.of(
            "green-factory", FACTORY,
            "green-park", List.of("park", "application", "standing"),
            "zero-carbon-park", List.of("park"),
            "green-supply-chain", List.of("supply_chain", "application", "standing"));
    /** Schemes whose facility is not an enterprise of one industry (no GB/T 4754 class required). */
    static final Set<String> PARK_SCHEMES = Set.of("green-park", "zero-carbon-park");
    static final List<String> TOP = allSections();

    /** Whether the scheme evaluates parks (null, when the file names no scheme, is not). */
    static boolean isPark(String scheme) {
        return scheme != null && PARK_SCHEMES.contains(scheme);
    }

    private static List<String> allSections() {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(FACTORY);
        all.addAll(List.of("park", "supply_chain"));
        return List.copyOf(all);
    }

    private final Problems problems;
    private final String file;
    /** The checks of dates against the evaluation date (set once that date is read). */
    private DateChecks dates = new DateChecks(null, new Problems());

    private SubmissionReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Reads and checks a submission; returns null when there were problems. */
    public static Submission read(String file, byte[] bytes, Problems problems) {
        YamlNode root = YamlReader.read(file, bytes, problems);
        if (root == null) return null;
        Submission s = new SubmissionReader(file, problems).submission(root);
        return problems.isEmpty() ? s : null;
    }

    /**
     * Reads as far as the file allows and returns what it could, even with problems recorded, so
     * that checks needing the scorecard can report theirs in the same run; null only when the
     * file is not a mapping at all.
     */
    public static Submission readPartial(String file, byte[] bytes, Problems problems) {
        YamlNode root = YamlReader.read(file, bytes, problems);
        if (root == null) return null;
        return readPartial(file, root, problems);
    }

    /** As {@link #readPartial(String, byte[], Problems)}, from a tree already read (and possibly edited: what-if). */
    public static Submission readPartial(String file, YamlNode root, Problems problems) {
        return new SubmissionReader(file, problems).submission(root);
    }

    private Submission submission(YamlNode rootNode) {
        if (!(rootNode instanceof YamlNode.Mapping)) {
            problems.say(rootNode, "problem.reader.root_not_mapping", Node.kind(rootNode));
            return null;
        }
        Node root = Node.of(rootNode, problems, TOP);
        String format = root.text("format", false);
        if (format != null && !format.equals("verdant.submission/1")) {
            problems.say(root.raw("format"), "problem.reader.unknown_format", format);
        }
        String scheme = root.text("scheme", true);
        checkSections(root, scheme);
        String edition = root.text("edition", false);
        LocalDate evaluationDate = root.date("evaluation_date", true);
        Integer year = root.integer("reporting_year", true, 1990, 2100);
        DateChecks.evaluationAgainstReportingYear(root.raw("evaluation_date"), evaluationDate, root.raw("reporting_year"), year, problems);
        dates = new DateChecks(evaluationDate, problems);
        Submission.Evaluator evaluator = evaluator(root.child("evaluator", false, "organisation", "kind", "lead"));
        Submission.Facility facility = facility(root.child("facility", true,
                "name", "credit_code", "industry", "province", "address", "founded"), !isPark(scheme), year);
        ResourceReader resources = new ResourceReader(problems);
        Submission.Site site = resources.site(root.child("site", false, ResourceReader.SITE_KEYS));
        Submission.Economics economics = resources.economics(root.child("economics", false, "output_value", "previous_years"), year);
        List<YamlNode> productItems = root.list("products", false);
        List<Submission.Product> products = new ProductReader(problems).products(productItems);
        Node energyNode = root.child("energy", false, ResourceReader.ENERGY_KEYS);
        Submission.Energy energy = resources.energy(energyNode);
        resources.checkMultiProductMethod(energyNode, energy, products);
        Submission.Materials materials = resources.materials(root.child("materials", false, "green", "total"));
        Submission.Water water = resources.water(root.child("water", false, ResourceReader.WATER_KEYS));
        Submission.SolidWaste solidWaste = resources.solidWaste(root.child("solid_waste", false, "generated", "utilised",
                "utilised_from_stock"));
        Submission.Emissions emissions = resources.emissions(root.child("emissions", false, ResourceReader.EMISSIONS_KEYS));
        resources.checkProductsWithinFactory(productItems, products, economics, water, emissions);
        Submission.AccidentHistory accidents = accidents(root.child("accidents", false, "evidence", "events"));
        Map<String, Submission.ManagementSystem> systems = managementSystems(root.child("management_systems", false, Vocabulary.SYSTEMS));
        Node csr = root.child("social_responsibility_reports", false, "years", "evidence");
        Submission.CsrReports csrReports = csr == null ? null : new Submission.CsrReports(years(csr), Evidences.read(csr, "evidence"));
        String outputDimension = mainOutputDimension(products);
        Map<String, Submission.StatedReference> references = references(root.child("references", false,
                referenceKeys(root)), outputDimension);
        Map<String, Submission.Claim> claims = claims(root.value("claims", false));
        Node ecm = root.child("energy_carbon_management", false, "functions", "evidence");
        Submission.EnergyCarbonManagement management = ecm == null ? null
                : new Submission.EnergyCarbonManagement(ecm.has("functions") ? texts(ecm, "functions") : null, Evidences.read(ecm, "evidence"));
        Submission.CleanerProduction cleaner = cleanerProduction(root.child("cleaner_production", false,
                "catalogue_technologies", "retrofit_projects", "investment_last_3_years"), year);
        Node cf = root.child("carbon_footprint", false, "product_categories", "accounted", "evidence");
        Submission.CarbonFootprint footprint = cf == null ? null : carbonFootprint(cf);
        Submission.Application application = application(root.child("application", false, "tier", "round", "provincial_listing"));
        Submission.Standing standing = standing(root.child("standing", false, "operating_status", "production_stopped_months",
                "abnormal_operation_list", "violations", "removals", "inspection_findings", "energy_rectification",
                "dishonest_debtor", "evidence"));
        Submission.Park park = root.has("park") ? new ParkReader(new ProductReader(problems), problems).park(root.child("park", true, ParkReader.KEYS), scheme, year)
                : null;
        if (park == null && isPark(scheme)) problems.say(root.mapping().location(), "park", "problem.reader.park_missing", scheme);
        Submission.SupplyChain supplyChain = root.has("supply_chain")
                ? SupplyChainReader.read(root.child("supply_chain", true, SupplyChainReader.KEYS), problems) : null;
        return new Submission(file, scheme, edition, evaluationDate, year == null ? 0 : year, evaluator, facility, site,
                economics, products, energy, materials, water, solidWaste, emissions, accidents, systems, csrReports,
                references, claims, management, cleaner, footprint, application, standing, park, supplyChain, keyLocations(root));
    }

    private static Map<String, Location> keyLocations(Node root) {
        Map<String, Location> out = new LinkedHashMap<>();
        root.mapping().entries().forEach((key, entry) -> out.put(key, entry.keyLocation()));
        return out;
    }

    /** A section of another scheme's submission is an error that names the scheme it belongs to. */
    private void checkSections(Node root, String scheme) {
        List<String> own = scheme == null ? null : SECTIONS.get(scheme);
        if (own == null) return; // a missing or unknown scheme is reported on its own
        for (String key : root.mapping().entries().keySet()) {
            if (COMMON.contains(key) || own.contains(key) || !TOP.contains(key)) continue;
            List<String> owners = SECTIONS.entrySet().stream().filter(e -> e.getValue().contains(key)).map(Map.Entry::getKey)
                    .sorted().toList();
            problems.say(root.mapping().entries().get(key).keyLocation(), key, "problem.reader.foreign_section", key,
                    String.join(", ", owners), scheme, String.join(", ", own));
        }
    }

    private Submission.Evaluator evaluator(Node n) {
        if (n == null) return null;
        return new Submission.Evaluator(n.text("organisation", false),
                n.choice("kind", false, Set.of("third_party", "self")), n.text("lead", false));
    }

    private Submission.Facility facility(Node n, boolean industryRequired, Integer reportingYear) {
        if (n == null) return null;
        String code = n.text("credit_code", true);
        if (code != null) {
            org.verdant.yaml.Msg error = CreditCode.problem(code);
            if (error != null) problems.say(n.raw("credit_code"), "problem.reader.credit_code", code, error);
        }
        String industry = n.text("industry", industryRequired);
        if (industry != null && !industry.matches("[A-T](\\d{2}|\\d{3}|\\d{4})?")) {
            problems.say(n.raw("industry"), "problem.reader.industry_code", industry);
        }
        LocalDate founded = n.date("founded", false);
        dates.notAfterEvaluation(n.raw("founded"), founded);
        if (founded != null && reportingYear != null && founded.getYear() > reportingYear) {
            problems.say(n.raw("founded"), "problem.founded.after_reporting_year", founded, reportingYear);
        }
        String name = n.text("name", true);
        String province = n.text("province", true);
        // the archive stores them as VARCHAR(500) and VARCHAR(64); PostgreSQL counts characters (code points), so this counts them too
        if (name != null && name.codePointCount(0, name.length()) > MAX_NAME) problems.say(n.raw("name"), "problem.reader.too_long", String.valueOf(name.codePointCount(0, name.length())), String.valueOf(MAX_NAME));
        if (province != null && province.codePointCount(0, province.length()) > MAX_PROVINCE) problems.say(n.raw("province"), "problem.reader.too_long", String.valueOf(province.codePointCount(0, province.length())), String.valueOf(MAX_PROVINCE));
        return new Submission.Facility(name, code, industry, province, n.text("address", false), founded);
    }

    private Submission.AccidentHistory accidents(Node n) {
        if (n == null) return null;
        List<Submission.Accident> events = new ArrayList<>();
        List<YamlNode> items = n.list("events", true);
        if (items != null) {
            for (YamlNode item : items) {
                Node a = Node.of(item, problems, "date", "kind", "severity", "description", "evidence");
                if (a == null) continue;
                LocalDate date = a.date("date", true);
                dates.notAfterEvaluation(a.raw("date"), date);
                String kind = a.choice("kind", true, Set.of("safety", "environmental", "quality", "network_data_security"));
                String sevText = a.text("severity", true);
                Severity severity = null;
                if (sevText != null) {
                    severity = Severity.parse(sevText).orElse(null);
                    if (severity == null) {
                        problems.say(a.raw("severity"), "problem.reader.severity", sevText);
                    }
                }
                events.add(new Submission.Accident(date, kind, severity, a.text("description", false), item.location()));
            }
        }
        return new Submission.AccidentHistory(Evidences.read(n, "evidence"), events);
    }

    private Map<String, Submission.ManagementSystem> managementSystems(Node n) {
        Map<String, Submission.ManagementSystem> out = new LinkedHashMap<>();
        if (n == null) return out;
        for (String system : Vocabulary.SYSTEMS) {
            Node s = n.child(system, false, "established", "evidence", "certificate");
            if (s == null) continue;
            Node c = s.child("certificate", false, "body", "number", "valid_until");
            Submission.Certificate cert = c == null ? null
                    : new Submission.Certificate(c.text("body", true), c.text("number", true), c.date("valid_until", true));
            out.put(system, new Submission.ManagementSystem(system, s.bool("established", true), Evidences.read(s, "evidence"),
                    cert, s.mapping().location()));
        }
        return out;
    }

    private List<Integer> years(Node csr) {
        List<Integer> out = new ArrayList<>();
        List<YamlNode> items = csr.list("years", true);
        if (items == null) return out;
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s) {
                Integer y = Node.integer(s, problems, 1990, 2100);
                dates.yearNotAfterEvaluation(s, y);
                if (y != null) out.add(y);
            } else {
                problems.say(item, "problem.expected_found", Msg.of("problem.expect.year"), Node.kind(item));
            }
        }
        return out;
    }

    private String mainOutputDimension(List<Submission.Product> products) {
        return products.stream().filter(p -> p.main() || products.size() == 1).findFirst()
                .map(Submission.Product::output).map(q -> q.unit().dimension()).orElse("mass");
    }

    /** An indicator id of a GB/T 36132-2025 indicator table (E2, C1-2, JS-B1): its levels are checked against the table. */
    static final java.util.regex.Pattern TABLE_INDICATOR = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");

    /** The named reference indicators, and the table indicator ids the file uses (checked against the table later). */
    private static java.util.Collection<String> referenceKeys(Node root) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(ReferenceIndicators.ALL.keySet());
        if (root.value("references", false) instanceof YamlNode.Mapping m) {
            m.entries().keySet().stream().filter(k -> TABLE_INDICATOR.matcher(k).matches()).forEach(keys::add);
        }
        return keys;
    }

    private Map<String, Submission.StatedReference> references(Node n, String outputDimension) {
        Map<String, Submission.StatedReference> out = new LinkedHashMap<>();
        if (n == null) return out;
        for (var entry : n.mapping().entries().values()) {
            if (TABLE_INDICATOR.matcher(entry.key()).matches()) {
                tableReference(entry).ifPresent(r -> out.put(entry.key(), r));
                continue;
            }
            ReferenceIndicators.Spec spec = ReferenceIndicators.ALL.get(entry.key());
            if (spec == null) continue; // reported as an unknown key
            Node r = Node.of(entry.value(), problems, "basic", "advanced", "source", "note");
            if (r == null) continue;
            String dim = spec.dimension(outputDimension);
            Bound bound = spec.percent() ? Bound.PERCENT : spec.mayBeNegative() ? Bound.ANY : Bound.NON_NEGATIVE;
            Quantity basic = r.quantity("basic", dim, false, bound);
            Quantity advanced = r.quantity("advanced", dim, false, bound);
            if (!r.has("basic") && !r.has("advanced")) {
                problems.say(entry.value(), "problem.reader.reference_levels");
            }
            String source = r.text("source", true);
            out.put(entry.key(), new Submission.StatedReference(entry.key(), basic, advanced, source, entry.value().location()));
        }
        return out;
    }

    /**
     * The industry levels of one indicator of an indicator table (4.4.3): {@code industry_average}
     * (the baseline; {@code basic} is read the same) and {@code industry_advanced} (the leading
     * value; or {@code advanced}), in the indicator's unit, with their source.
     */
    private java.util.Optional<Submission.StatedReference> tableReference(YamlNode.Entry entry) {
        Node r = Node.of(entry.value(), problems, "industry_average", "industry_advanced", "basic", "advanced", "source", "note");
        if (r == null) return java.util.Optional.empty();
        for (String[] pair : new String[][]{{"industry_average", "basic"}, {"industry_advanced", "advanced"}}) {
            if (r.has(pair[0]) && r.has(pair[1])) problems.say(r.raw(pair[1]), "problem.reader.same_level", pair[0], pair[1]);
        }
        Quantity average = level(r, r.has("industry_average") ? "industry_average" : "basic");
        Quantity advanced = level(r, r.has("industry_advanced") ? "industry_advanced" : "advanced");
        if (average == null && advanced == null && !r.has("industry_average") && !r.has("industry_advanced") && !r.has("basic") && !r.has("advanced")) {
            problems.say(entry.value(), "problem.reader.industry_levels");
        }
        String source = r.text("source", true);
        return java.util.Optional.of(new Submission.StatedReference(entry.key(), average, advanced, source, entry.value().location()));
    }

    /** A level in whatever unit it is written in (the table's unit is checked when it is used); a bare number is a ratio. */
    private Quantity level(Node r, String key) {
        YamlNode v = r.value(key, false);
        if (v == null) return null;
        String dim = Node.writtenDimension(v);
        return Node.quantity(v, dim == null ? "1" : dim, Bound.ANY, problems);
    }

    private Map<String, Submission.Claim> claims(YamlNode node) {
        Map<String, Submission.Claim> out = new LinkedHashMap<>();
        if (node == null) return out;
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.say(node, "problem.reader.claims_not_mapping", Node.kind(node), "{met, evidence}");
            return out;
        }
        for (var entry : m.entries().values()) {
            Node c = Node.of(entry.value(), problems, "met", "evidence", "reason", "note", "degree");
            if (c == null) continue;
            YamlNode metNode = c.value("met", true);
            Submission.ClaimStatus status = null;
            if (metNode instanceof YamlNode.Scalar s) {
                status = switch (s.text().strip()) {
                    case "true" -> Submission.ClaimStatus.MET;
                    case "false" -> Submission.ClaimStatus.NOT_MET;
                    case "not_applicable" -> Submission.ClaimStatus.NOT_APPLICABLE;
                    default -> null;
                };
                if (status == null) problems.say(s, "problem.reader.met_value", "'" + s.text() + "'");
            } else if (metNode != null) {
                problems.say(metNode, "problem.reader.met_value", Node.kind(metNode));
            }
            String reason = c.text("reason", false);
            if (status == Submission.ClaimStatus.NOT_APPLICABLE && reason == null) {
                problems.say(entry.value(), "problem.reader.reason_missing");
            }
            Double degree = degree(c, status);
            out.put(entry.key(), new Submission.Claim(entry.key(), status, Evidences.read(c, "evidence"), reason,
                    c.text("note", false), degree, entry.keyLocation()));
        }
        return out;
    }

    /** An assessed degree of fulfilment in (0, 1], as a fraction or a percentage; only with met: true. */
    private Double degree(Node c, Submission.ClaimStatus status) {
        if (!c.has("degree")) return null;
        Quantity q = c.quantity("degree", "1", false, Bound.ANY);
        if (q == null) return null;
        double d = q.base();
        if (d <= 0 || d > 1) {
            problems.say(c.raw("degree"), "problem.reader.degree_range", q.text());
            return null;
        }
        if (status != Submission.ClaimStatus.MET) {
            problems.say(c.raw("degree"), "problem.reader.degree_with_met");
            return null;
        }
        return d;
    }

    private List<String> texts(Node n, String key) {
        List<String> out = new ArrayList<>();
        List<YamlNode> items = n.list(key, false);
        if (items == null) return out;
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && s.type().equals("string") && !s.text().isBlank()) {
                if (out.contains(s.text().strip())) problems.say(item, "problem.reader.listed_twice", s.text());
                else out.add(s.text().strip());
            } else {
                problems.say(item, "problem.expected_found", Msg.of("problem.expect.name"), Node.kind(item));
            }
        }
        return out;
    }

    private Submission.CleanerProduction cleanerProduction(Node n, Integer year) {
        if (n == null) return null;
        List<Submission.CatalogueTechnology> technologies = new ArrayList<>();
        List<YamlNode> items = n.list("catalogue_technologies", false);
        if (items != null) {
            for (YamlNode item : items) {
                Node t = Node.of(item, problems, "name", "catalogue", "evidence");
                if (t != null) technologies.add(new Submission.CatalogueTechnology(t.text("name", true), t.text("catalogue", true),
                        Evidences.read(t, "evidence")));
            }
        }
        List<Submission.RetrofitProject> projects = new ArrayList<>();
        items = n.list("retrofit_projects", false);
        if (items != null) {
            for (YamlNode item : items) {
                Node r = Node.of(item, problems, "name", "year", "investment", "evidence");
                if (r == null) continue;
                Integer y = r.integer("year", true, 1990, 2100);
                if (y != null && year != null && y > year) {
                    problems.say(r.raw("year"), "problem.reader.project_year_late", y, year);
                }
                projects.add(new Submission.RetrofitProject(r.text("name", true), y == null ? 0 : y,
                        r.quantity("investment", "money", false, Bound.NON_NEGATIVE), Evidences.read(r, "evidence")));
            }
        }
        Node inv = n.child("investment_last_3_years", false, "green_retrofit", "total");
        Quantity retrofit = inv == null ? null : inv.quantity("green_retrofit", "money", true, Bound.NON_NEGATIVE);
        Quantity total = inv == null ? null : inv.quantity("total", "money", true, Bound.POSITIVE);
        if (inv != null) Parts.check(inv, "green_retrofit", retrofit, "total", total, problems);
        return new Submission.CleanerProduction(n.has("catalogue_technologies") ? technologies : null,
                n.has("retrofit_projects") ? projects : null, retrofit, total);
    }

    private Submission.CarbonFootprint carbonFootprint(Node n) {
        Integer categories = n.integer("product_categories", true, 1, 100000);
        Integer accounted = n.integer("accounted", true, 0, 100000);
        Parts.check(n, "accounted", accounted, "product_categories", categories, problems);
        return new Submission.CarbonFootprint(categories, accounted, Evidences.read(n, "evidence"));
    }

    private Submission.Application application(Node n) {
        if (n == null) return null;
        Node l = n.child("provincial_listing", false, "year", "document");
        Submission.Listing listing = null;
        if (l != null) {
            Integer listed = l.integer("year", true, 1990, 2100);
            dates.yearNotAfterEvaluation(l.raw("year"), listed);
            listing = new Submission.Listing(listed, l.text("document", false));
        }
        return new Submission.Application(n.choice("tier", true, Set.of("national", "provincial", "municipal")),
                n.integer("round", false, 2016, 2100), listing);
    }

    private Submission.Standing standing(Node n) {
        if (n == null) return null;
        List<Submission.Violation> violations = new ArrayList<>();
        for (YamlNode item : orEmpty(n.list("violations", false))) {
            Node v = Node.of(item, problems, "date", "kind", "description");
            if (v != null) violations.add(new Submission.Violation(dated(v),
                    v.choice("kind", true, Set.of("tax_evasion", "tax_fraud", "safety", "quality", "environmental", "other")), v.text("description", false), item.location()));
        }
        List<Submission.Removal> removals = new ArrayList<>();
        for (YamlNode item : orEmpty(n.list("removals", false))) {
            Node r = Node.of(item, problems, "date", "list");
            if (r != null) removals.add(new Submission.Removal(dated(r), r.text("list", true), item.location()));
        }
        List<Submission.InspectionFinding> findings = new ArrayList<>();
        for (YamlNode item : orEmpty(n.list("inspection_findings", false))) {
            Node f = Node.of(item, problems, "date", "inspection", "serious", "description");
            if (f != null) findings.add(new Submission.InspectionFinding(dated(f), f.text("inspection", true),
                    Boolean.TRUE.equals(f.bool("serious", true)), f.text("description", false), item.location()));
        }
        Node r = n.child("energy_rectification", false, "listed", "completed");
        Submission.Rectification rectification = null;
        if (r != null) {
            Boolean listed = r.bool("listed", true);
            Boolean completed = r.bool("completed", false);
            if (Boolean.TRUE.equals(listed) && completed == null) {
                problems.say(r.mapping(), "problem.reader.rectification_completed");
            }
            rectification = new Submission.Rectification(Boolean.TRUE.equals(listed), completed);
        }
        // An absent list is "not stated" (the gate lacks data); an empty one states there is nothing to report.
        return new Submission.Standing(n.choice("operating_status", false, Set.of("normal", "suspended", "deregistered")),
                n.integer("production_stopped_months", false, 0, 1200), n.bool("abnormal_operation_list", false),
                n.has("violations") ? violations : null, n.has("removals") ? removals : null,
                n.has("inspection_findings") ? findings : null, rectification, n.bool("dishonest_debtor", false), Evidences.read(n, "evidence"),
                n.mapping().location());
    }

    /** An event's required date, which must not be after the evaluation date. */
    private LocalDate dated(Node event) {
        LocalDate date = event.date("date", true);
        dates.notAfterEvaluation(event.raw("date"), date);
        return date;
    }

    private static List<YamlNode> orEmpty(List<YamlNode> l) {
        return l == null ? List.of() : l;
    }

    static Location at(YamlNode n) {
        return n.location();
    }
}
