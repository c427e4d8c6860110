package org.verdant.bench.shape;

import org.verdant.facts.Parameter;
import org.verdant.facts.PerformanceIndicator;
import org.verdant.facts.ReferenceSpec;
import org.verdant.facts.Requirement;
import org.verdant.rulebook.Scorecard;
import org.verdant.rulebook.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The GB/T 36132-2018 rulebook specialised to one scorecard, in which no rule matches a scorecard
 * fact: each rule of the five files below that joins a Requirement, Parameter, PerformanceIndicator,
 * ReferenceSpec or EnergyLimitRow is copied once per criterion (or reference tier) it can decide,
 * with the join's key written in as a literal and the fact itself read from the global {@code sc}
 * ({@link ScorecardView}). Each copy lives in a package of its own criterion (and tier), so it keeps
 * the real rule's name: findings name the same rule, and a trace finds it at the same place in the
 * real file. The templates are the real rules with those patterns taken out, written by hand;
 * which copies exist is read from the scorecard's facts.
 *
 * <p>Kept as they are (their files passed through): 5.7-performance-indicators.drl (it matches no
 * scorecard fact) and rules/cultivation (not covered; it is given the Requirement and Parameter
 * facts it names, see {@link #keptConstants}).
 */
public final class ShapedRules {
    /** The real files this replaces, by logical path. */
    static final Set<String> REPLACED = Set.of(
            "rules/common/claims.drl",
            "rules/green-factory/gbt36132-2018/5.1-basic-requirements.drl",
            "rules/green-factory/gbt36132-2018/5.3-management-systems.drl",
            "rules/green-factory/gbt36132-2018/5.7-performance-references.drl",
            "rules/green-factory/gbt36132-2018/5.7-performance-tiers.drl");

    /** The parameters only replaced rules read; every other parameter is still inserted. */
    static final Set<String> READ_THROUGH_SC = Set.of("accident_lookback_years", "accident_veto_severity", "accident_veto_kinds",
            "csr_period_years");

    private ShapedRules() {
    }

    /** Whether this scorecard's rule files are the ones the shape covers (the 2018 edition, with or without overlays). */
    public static boolean covers(Scorecard scorecard) {
        return scorecard.ruleSets().contains("green-factory/gbt36132-2018");
    }

    /** The rule files of the shaped rulebook: the generated ones, then the real files not replaced. */
    public static List<SourceFile> files(List<SourceFile> real, List<Object> constants) {
        List<SourceFile> out = new ArrayList<>();
        generate(constants).forEach((name, text) -> out.add(new SourceFile("shape/" + name, "shape/" + name,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        for (SourceFile f : real) if (!REPLACED.contains(f.logicalPath())) out.add(f);
        return out;
    }

    /** The scorecard facts the shaped session still inserts: those the kept files match (the cultivation gates'). */
    public static boolean keptConstant(Object fact) {
        if (fact instanceof Requirement r) return !isReplaced(r);
        if (fact instanceof Parameter p) return !READ_THROUGH_SC.contains(p.name());
        return !(fact instanceof PerformanceIndicator || fact instanceof ReferenceSpec
                || fact instanceof org.verdant.rulebook.Benchmarks.EnergyLimitRow);
    }

    private static boolean isReplaced(Requirement r) {
        return r.id().equals("B2") || Set.of("claim", "management_system", "csr_reports").contains(r.decidedBy());
    }

    /**
     * With {@code -Dshape.claims=generic}, the claim rules are not copied per criterion: the nine
     * generic rules stay, with the Requirement pattern turned into {@code sc} lookups on the
     * claim's id (and "no claim" walking {@code sc.claimIds()}). The other files stay per criterion.
     */
    static boolean genericClaims() {
        return "generic".equals(System.getProperty("shape.claims"));
    }

    /** Generated DRL files by name, one per criterion (and per reference tier). */
    public static Map<String, String> generate(List<Object> constants) {
        Map<String, String> files = new LinkedHashMap<>();
        if (genericClaims()) files.put("claims_generic.drl", header("claims") + GENERIC_CLAIMS);
        for (Object o : constants) {
            if (o instanceof Requirement r && genericClaims() && "claim".equals(r.decidedBy())) continue;
            if (o instanceof Requirement r) {
                // B2's rules name it by id (CUL-02 is decided_by accidents too, by the cultivation rules, which are kept)
                String body = r.id().equals("B2") ? accidents() : switch (r.decidedBy()) {
                    case "claim" -> claim(r);
                    case "management_system" -> managementSystem(r);
                    case "csr_reports" -> csr(r);
                    default -> null;
                };
                if (body != null) files.put(pkg(r.id()) + ".drl", header(pkg(r.id())) + body);
            } else if (o instanceof PerformanceIndicator p) {
                files.put(pkg(p.id()) + ".drl", header(pkg(p.id())) + tiers(p));
            } else if (o instanceof ReferenceSpec s) {
                String name = pkg(s.criterionId()) + "_" + s.tier();
                files.put(name + ".drl", header(name) + reference(s));
            }
        }
        return files;
    }

    private static String pkg(String id) {
        return "c_" + id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    private static String header(String pkg) {
        return """
                package verdant.shape.%s;

                import java.util.List;
                import org.verdant.assessment.ClaimAssessment;
                import org.verdant.facts.AccidentRules;
                import org.verdant.facts.Derive;
                import org.verdant.facts.EvaluationContext;
                import org.verdant.facts.IndicatorValue;
                import org.verdant.facts.MainProduct;
                import org.verdant.facts.Parameter;
                import org.verdant.facts.ReferenceLevel;
                import org.verdant.facts.References;
                import org.verdant.facts.YearlyPeriod;
                import org.verdant.submission.Submission.Accident;
                import org.verdant.submission.Submission.AccidentHistory;
                import org.verdant.submission.Submission.Claim;
                import org.verdant.submission.Submission.ClaimStatus;
                import org.verdant.submission.Submission.CsrReports;
                import org.verdant.submission.Submission.Facility;
                import org.verdant.submission.Submission.ManagementSystem;
                import org.verdant.submission.Submission.StatedReference;

                global org.verdant.findings.FindingCollector findings;
                global org.verdant.bench.shape.ScorecardView sc;

                """.formatted(pkg);
    }

    /** A template's ${ID}, ${SYSTEM}, … replaced by the criterion's own literals (Java string literals: ids and keys are plain). */
    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) out = out.replace("${" + e.getKey() + "}", e.getValue());
        if (out.contains("${")) throw new IllegalStateException("unfilled template: " + out);
        return out;
    }

    // rules/common/claims.drl, per criterion decided by claim (the not-applicable rule that fits its type only)
    private static String claim(Requirement r) {
        String text = """
                rule "Qualitative requirement met, with evidence"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.MET, !evidence.isEmpty(), degree == null )
                    not ClaimAssessment( criterionId == "${ID}", accepted == false || degree != null )
                then
                    findings.met(sc.requirement("${ID}")).because("claim.met", $c.evidence().size()).evidence($c.evidence()).note($c.note());
                end

                rule "Qualitative item met to an assessed degree, with evidence"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.MET, !evidence.isEmpty(), degree != null )
                    not ClaimAssessment( criterionId == "${ID}", accepted == false || degree != null )
                then
                    findings.metToDegree(sc.requirement("${ID}"), $c.degree()).because("claim.degree", $c.degree(), $c.evidence().size())
                        .evidence($c.evidence()).note($c.note());
                end

                rule "Qualitative item met to the degree the evaluator assessed"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.MET, !evidence.isEmpty() )
                    $a : ClaimAssessment( criterionId == "${ID}", accepted == true, degree != null )
                then
                    findings.metToDegree(sc.requirement("${ID}"), $a.degree()).because("claim.assessed_degree", $a.degree(), $c.evidence().size(), $a.note())
                        .evidence($c.evidence()).note($c.note());
                end

                rule "Claim not accepted by the evaluator"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met != ClaimStatus.NOT_MET )
                    $a : ClaimAssessment( criterionId == "${ID}", accepted == false )
                then
                    findings.notMet(sc.requirement("${ID}")).because("claim.rejected", $a.note()).evidence($c.evidence()).note($c.note());
                end

                rule "Qualitative requirement claimed met without evidence"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.MET, evidence.isEmpty() )
                    not ClaimAssessment( criterionId == "${ID}", accepted == false )
                then
                    findings.missingData(sc.requirement("${ID}")).because("claim.no_evidence").note($c.note());
                end

                rule "Qualitative requirement declared not met"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.NOT_MET )
                then
                    findings.notMet(sc.requirement("${ID}")).because("claim.not_met").evidence($c.evidence()).note($c.note());
                end

                rule "Qualitative requirement with no claim"
                    agenda-group "judge"
                when
                    not Claim( criterionId == "${ID}" )
                then
                    findings.missingData(sc.requirement("${ID}")).because("claim.absent");
                end

                """;
        String notApplicable = r.isGate() ? """
                rule "Basic requirement declared not applicable"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.NOT_APPLICABLE )
                    not ClaimAssessment( criterionId == "${ID}", accepted == false )
                then
                    findings.notMet(sc.requirement("${ID}")).because("claim.gate_not_applicable", $c.reason());
                end
                """ : """
                rule "Scored requirement declared not applicable"
                    agenda-group "judge"
                when
                    $c : Claim( criterionId == "${ID}", met == ClaimStatus.NOT_APPLICABLE )
                    not ClaimAssessment( criterionId == "${ID}", accepted == false )
                then
                    findings.notApplicable(sc.requirement("${ID}")).because("claim.not_applicable", $c.reason()).evidence($c.evidence()).note($c.note());
                end
                """;
        return fill(text + notApplicable, Map.of("ID", r.id()));
    }

    // rules/common/claims.drl, generic: the Requirement pattern read through sc by the claim's id
    private static final String GENERIC_CLAIMS = """
            rule "Qualitative requirement met, with evidence"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met == ClaimStatus.MET, !evidence.isEmpty(), degree == null )
                not ClaimAssessment( criterionId == $id, accepted == false || degree != null )
            then
                findings.met(sc.requirement($id)).because("claim.met", $c.evidence().size()).evidence($c.evidence()).note($c.note());
            end

            rule "Qualitative item met to an assessed degree, with evidence"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met == ClaimStatus.MET, !evidence.isEmpty(), degree != null )
                not ClaimAssessment( criterionId == $id, accepted == false || degree != null )
            then
                findings.metToDegree(sc.requirement($id), $c.degree()).because("claim.degree", $c.degree(), $c.evidence().size())
                    .evidence($c.evidence()).note($c.note());
            end

            rule "Qualitative item met to the degree the evaluator assessed"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met == ClaimStatus.MET, !evidence.isEmpty() )
                $a : ClaimAssessment( criterionId == $id, accepted == true, degree != null )
            then
                findings.metToDegree(sc.requirement($id), $a.degree()).because("claim.assessed_degree", $a.degree(), $c.evidence().size(), $a.note())
                    .evidence($c.evidence()).note($c.note());
            end

            rule "Claim not accepted by the evaluator"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met != ClaimStatus.NOT_MET )
                $a : ClaimAssessment( criterionId == $id, accepted == false )
            then
                findings.notMet(sc.requirement($id)).because("claim.rejected", $a.note()).evidence($c.evidence()).note($c.note());
            end

            rule "Qualitative requirement claimed met without evidence"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met == ClaimStatus.MET, evidence.isEmpty() )
                not ClaimAssessment( criterionId == $id, accepted == false )
            then
                findings.missingData(sc.requirement($id)).because("claim.no_evidence").note($c.note());
            end

            rule "Qualitative requirement declared not met"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimDecided(criterionId), met == ClaimStatus.NOT_MET )
            then
                findings.notMet(sc.requirement($id)).because("claim.not_met").evidence($c.evidence()).note($c.note());
            end

            rule "Scored requirement declared not applicable"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimScored(criterionId), met == ClaimStatus.NOT_APPLICABLE )
                not ClaimAssessment( criterionId == $id, accepted == false )
            then
                findings.notApplicable(sc.requirement($id)).because("claim.not_applicable", $c.reason()).evidence($c.evidence()).note($c.note());
            end

            rule "Basic requirement declared not applicable"
                agenda-group "judge"
            when
                $c : Claim( $id : criterionId, sc.claimGate(criterionId), met == ClaimStatus.NOT_APPLICABLE )
                not ClaimAssessment( criterionId == $id, accepted == false )
            then
                findings.notMet(sc.requirement($id)).because("claim.gate_not_applicable", $c.reason());
            end

            rule "Qualitative requirement with no claim"
                agenda-group "judge"
            when
                $id : String() from sc.claimIds()
                not Claim( criterionId == $id )
            then
                findings.missingData(sc.requirement($id)).because("claim.absent");
            end

            """;

    // 5.1-basic-requirements.drl (B2 only): the three parameters read through sc
    private static String accidents() {
        return """
                rule "B2 5.1.1 b) a serious or worse accident within the look-back window vetoes"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $h : AccidentHistory()
                    $vetoing : List( size > 0 ) from accumulate(
                        $a : Accident( AccidentRules.vetoesOfKind(this, $ctx, sc.parameter("accident_lookback_years"),
                            sc.parameter("accident_veto_severity"), sc.parameter("accident_veto_kinds")) ),
                        collectList( $a ) )
                then
                    Parameter $years = sc.parameter("accident_lookback_years");
                    Parameter $severity = sc.parameter("accident_veto_severity");
                    Parameter $kinds = sc.parameter("accident_veto_kinds");
                    findings.notMet(sc.requirement("B2"))
                        .because("b2.vetoed_named", $vetoing.size(), $years.intValue(), $severity.word(),
                            $ctx.window($years.intValue()).from().toString(), $ctx.window($years.intValue()).to().toString(),
                            AccidentRules.named($vetoing),
                            AccidentRules.othersAfterVeto(AccidentRules.notCounted($h.events(), $ctx, $years, $severity, $kinds)))
                        .value("accidents", AccidentRules.describe($vetoing))
                        .value("events", AccidentRules.events($h.events(), $ctx, $years, $severity, $kinds))
                        .value("window_from", $ctx.window($years.intValue()).from().toString())
                        .value("window_to", $ctx.window($years.intValue()).to().toString())
                        .figures(List.of($years.figure(), $severity.figure(), $kinds.figure()));
                end

                rule "B2 5.1.1 b) no serious accident within the look-back window, with evidence"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $h : AccidentHistory( !evidence.isEmpty() )
                    not Accident( AccidentRules.vetoesOfKind(this, $ctx, sc.parameter("accident_lookback_years"),
                        sc.parameter("accident_veto_severity"), sc.parameter("accident_veto_kinds")) )
                then
                    Parameter $years = sc.parameter("accident_lookback_years");
                    Parameter $severity = sc.parameter("accident_veto_severity");
                    Parameter $kinds = sc.parameter("accident_veto_kinds");
                    findings.met(sc.requirement("B2"))
                        .because("b2.clear_named", $years.intValue(), $severity.word(),
                            $ctx.window($years.intValue()).from().toString(), $ctx.window($years.intValue()).to().toString(),
                            AccidentRules.othersClause(AccidentRules.notCounted($h.events(), $ctx, $years, $severity, $kinds)))
                        .value("events", AccidentRules.events($h.events(), $ctx, $years, $severity, $kinds))
                        .value("window_from", $ctx.window($years.intValue()).from().toString())
                        .value("window_to", $ctx.window($years.intValue()).to().toString())
                        .evidence($h.evidence())
                        .figures(List.of($years.figure(), $severity.figure(), $kinds.figure()));
                end

                rule "B2 5.1.1 b) accident history stated without evidence"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $h : AccidentHistory( evidence.isEmpty() )
                    not Accident( AccidentRules.vetoesOfKind(this, $ctx, sc.parameter("accident_lookback_years"),
                        sc.parameter("accident_veto_severity"), sc.parameter("accident_veto_kinds")) )
                then
                    findings.missingData(sc.requirement("B2")).because("b2.no_evidence");
                end

                rule "B2 5.1.1 b) no accident history in the submission"
                    agenda-group "judge"
                when
                    not AccidentHistory()
                then
                    findings.missingData(sc.requirement("B2")).because("b2.absent");
                end

                """;
    }

    // 5.3-management-systems.drl, per criterion: its aspect's three rules and "not described"
    private static String managementSystem(Requirement r) {
        String established = """
                rule "5.3 management system established and run, with evidence"
                    agenda-group "judge"
                when
                    $m : ManagementSystem( system == "${SYSTEM}", established == true, !evidence.isEmpty() )
                then
                    findings.met(sc.requirement("${ID}")).because("ms.established", "${SYSTEM}").evidence($m.evidence());
                end

                rule "5.3 management system said to be established, without evidence"
                    agenda-group "judge"
                when
                    $m : ManagementSystem( system == "${SYSTEM}", established == true, evidence.isEmpty() )
                then
                    findings.missingData(sc.requirement("${ID}")).because("ms.no_evidence", "${SYSTEM}");
                end

                rule "5.3 management system not established"
                    agenda-group "judge"
                when
                    $m : ManagementSystem( system == "${SYSTEM}", established == false )
                then
                    findings.notMet(sc.requirement("${ID}")).because("ms.not_established", "${SYSTEM}");
                end

                """;
        String certified = """
                rule "5.3 management system certified, certificate valid on the evaluation date"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $m : ManagementSystem( system == "${SYSTEM}", certificateValidOn($ctx.evaluationDate()) )
                then
                    findings.met(sc.requirement("${ID}")).because("ms.certified", "${SYSTEM}", $m.certificate().body(), $m.certificate().number(),
                            $m.certificate().validUntil().toString())
                        .value("certificate", $m.certificate().number())
                        .value("valid_until", $m.certificate().validUntil().toString());
                end

                rule "5.3 management system certificate expired before the evaluation date"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $m : ManagementSystem( system == "${SYSTEM}", certificate != null, !certificateValidOn($ctx.evaluationDate()) )
                then
                    findings.notMet(sc.requirement("${ID}")).because("ms.certificate_expired", "${SYSTEM}", $m.certificate().number(),
                            $m.certificate().validUntil().toString(), $ctx.evaluationDate().toString())
                        .value("certificate", $m.certificate().number())
                        .value("valid_until", $m.certificate().validUntil().toString());
                end

                rule "5.3 management system without a third-party certificate"
                    agenda-group "judge"
                when
                    $m : ManagementSystem( system == "${SYSTEM}", certificate == null )
                then
                    findings.notMet(sc.requirement("${ID}")).because("ms.no_certificate", "${SYSTEM}");
                end

                """;
        String absent = """
                rule "5.3 management system not described"
                    agenda-group "judge"
                when
                    not ManagementSystem( system == "${SYSTEM}" )
                then
                    findings.missingData(sc.requirement("${ID}")).because("ms.absent", "${SYSTEM}");
                end

                """;
        String aspect = switch (String.valueOf(r.aspect())) {
            case "established" -> established;
            case "certified" -> certified;
            default -> ""; // the real rules decide only these two aspects; "not described" still applies
        };
        return fill(aspect + absent, Map.of("ID", r.id(), "SYSTEM", r.system()));
    }

    // 5.3-management-systems.drl, MGT-09: csr_period_years read through sc
    private static String csr(Requirement r) {
        return fill("""
                rule "MGT-09 5.3.4 social-responsibility report published for every year of the period"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $f : Facility()
                    $c : CsrReports( YearlyPeriod.of($ctx, $f, sc.parameter("csr_period_years")).missing(years).isEmpty(), !evidence.isEmpty() )
                then
                    Parameter $years = sc.parameter("csr_period_years");
                    findings.met(sc.requirement("${ID}")).because("csr.met", YearlyPeriod.of($ctx, $f, $years).span())
                        .value("years", $c.years()).value("period", YearlyPeriod.of($ctx, $f, $years).years())
                        .evidence($c.evidence()).figures(List.of($years.figure()));
                end

                rule "MGT-09 5.3.4 social-responsibility reports said to be published, without evidence"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $f : Facility()
                    $c : CsrReports( YearlyPeriod.of($ctx, $f, sc.parameter("csr_period_years")).missing(years).isEmpty(), evidence.isEmpty() )
                then
                    Parameter $years = sc.parameter("csr_period_years");
                    findings.missingData(sc.requirement("${ID}")).because("csr.no_evidence", YearlyPeriod.of($ctx, $f, $years).span())
                        .value("period", YearlyPeriod.of($ctx, $f, $years).years()).figures(List.of($years.figure()));
                end

                rule "MGT-09 5.3.4 a year of the period without a social-responsibility report"
                    agenda-group "judge"
                when
                    $ctx : EvaluationContext()
                    $f : Facility()
                    $c : CsrReports( !YearlyPeriod.of($ctx, $f, sc.parameter("csr_period_years")).missing(years).isEmpty() )
                then
                    Parameter $years = sc.parameter("csr_period_years");
                    findings.notMet(sc.requirement("${ID}"))
                        .because("csr.not_published", YearlyPeriod.of($ctx, $f, $years).span(),
                            YearlyPeriod.join(YearlyPeriod.of($ctx, $f, $years).missing($c.years())))
                        .value("years", $c.years()).value("period", YearlyPeriod.of($ctx, $f, $years).years())
                        .value("missing_years", YearlyPeriod.of($ctx, $f, $years).missing($c.years()))
                        .figures(List.of($years.figure()));
                end

                rule "MGT-09 5.3.4 social-responsibility reporting not described"
                    agenda-group "judge"
                when
                    not CsrReports()
                then
                    findings.missingData(sc.requirement("${ID}")).because("csr.absent");
                end

                """, Map.of("ID", r.id()));
    }

    // 5.7-performance-references.drl, per criterion and tier: the rules of the tier's form only
    private static String reference(ReferenceSpec s) {
        String text = switch (s.form()) {
            case "fixed" -> """
                    rule "Reference level fixed in the scorecard"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                    then
                        insert( References.fixed(sc.spec("${ID}", "${TIER}"), $value) );
                    end

                    """;
            case "submission" -> """
                    rule "Reference level stated by the submission"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                        $stated : StatedReference( indicator == "${INDICATOR}" )
                    then
                        insert( References.stated(sc.spec("${ID}", "${TIER}"), $stated, $value) );
                    end

                    rule "Reference level the submission does not state"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                        not StatedReference( indicator == "${INDICATOR}" )
                    then
                        insert( References.missing(sc.spec("${ID}", "${TIER}"), $value, "references." + "${INDICATOR}" + "." + "${TIER}") );
                    end

                    """;
            case "factor_of_basic" -> """
                    rule "Advanced level as a factor of the basic level"
                        agenda-group "reference"
                    when
                        $basic : ReferenceLevel( criterionId == "${ID}", tier == "basic", available )
                    then
                        insert( References.factorOfBasic(sc.spec("${ID}", "${TIER}"), $basic) );
                    end

                    rule "Advanced level cannot be derived without the basic level"
                        agenda-group "reference"
                    when
                        $basic : ReferenceLevel( criterionId == "${ID}", tier == "basic", !available )
                    then
                        insert( References.missingBecauseBasicMissing(sc.spec("${ID}", "${TIER}"), $basic) );
                    end

                    """;
            case "energy_limit" -> """
                    rule "Reference level from the main product's energy-limit standard"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                        $product : MainProduct( $row : energyLimit != null, sc.limit(energyLimit) != null )
                    then
                        insert( References.energyLimit(sc.spec("${ID}", "${TIER}"), sc.limit($row), $value, $product) );
                    end

                    rule "No energy-limit standard covers the product: the level the submission states"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                        MainProduct( energyLimit == null )
                        $stated : StatedReference( indicator == "${INDICATOR}" )
                    then
                        insert( References.stated(sc.spec("${ID}", "${TIER}"), $stated, $value) );
                    end

                    rule "No energy-limit standard covers the product and the submission states no level"
                        agenda-group "reference"
                    when
                        $value : IndicatorValue( indicator == "${INDICATOR}" )
                        MainProduct( energyLimit == null )
                        not StatedReference( indicator == "${INDICATOR}" )
                    then
                        insert( References.missing(sc.spec("${ID}", "${TIER}"), $value, References.limitOrStated("${INDICATOR}", "${TIER}")) );
                    end

                    """;
            default -> ""; // a form the 2018 rules do not resolve: no reference level, as with the real rules
        };
        return fill(text, Map.of("ID", s.criterionId(), "TIER", s.tier(), "INDICATOR", s.indicator()));
    }

    // 5.7-performance-tiers.drl, per performance criterion
    private static String tiers(PerformanceIndicator p) {
        return fill("""
                rule "5.7 performance indicator cannot be computed"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", !available )
                then
                    findings.missingData(sc.indicator("${ID}"), $v, null, null).because("perf.no_value", $v.missingInputs().isEmpty()
                        ? $v.computation() : String.join(", ", $v.missingInputs()));
                end

                rule "5.7 performance indicator without a basic reference level"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", available )
                    $b : ReferenceLevel( criterionId == "${ID}", tier == "basic", !available )
                    $a : ReferenceLevel( criterionId == "${ID}", tier == "advanced" )
                then
                    findings.missingData(sc.indicator("${ID}"), $v, $b, $a).because("perf.no_reference", Derive.show($v.value(), $v.unit()), $b.missing());
                end

                rule "5.7 performance indicator at the advanced level"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", available )
                    $b : ReferenceLevel( criterionId == "${ID}", tier == "basic", isReachedBy($v, sc.indicator("${ID}")) )
                    $a : ReferenceLevel( criterionId == "${ID}", tier == "advanced", isReachedBy($v, sc.indicator("${ID}")) )
                then
                    findings.advancedTier(sc.indicator("${ID}"), $v, $b, $a).because("perf.advanced", Derive.show($v.value(), $v.unit()),
                        Derive.show($a.value(), $v.unit()));
                end

                rule "5.7 performance indicator at the basic level, short of the advanced level"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", available )
                    $b : ReferenceLevel( criterionId == "${ID}", tier == "basic", isReachedBy($v, sc.indicator("${ID}")) )
                    $a : ReferenceLevel( criterionId == "${ID}", tier == "advanced", available, !isReachedBy($v, sc.indicator("${ID}")) )
                then
                    findings.basicTier(sc.indicator("${ID}"), $v, $b, $a).because("perf.basic_only", Derive.show($v.value(), $v.unit()),
                        Derive.show($b.value(), $v.unit()), Derive.show($a.value(), $v.unit()));
                end

                rule "5.7 performance indicator at the basic level, advanced level unknown"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", available )
                    $b : ReferenceLevel( criterionId == "${ID}", tier == "basic", isReachedBy($v, sc.indicator("${ID}")) )
                    $a : ReferenceLevel( criterionId == "${ID}", tier == "advanced", !available )
                then
                    findings.basicTier(sc.indicator("${ID}"), $v, $b, $a).because("perf.basic_no_advanced", Derive.show($v.value(), $v.unit()),
                        Derive.show($b.value(), $v.unit()), $a.missing());
                end

                rule "5.7 performance indicator short of the basic level"
                    agenda-group "judge"
                when
                    $v : IndicatorValue( indicator == "${INDICATOR}", available )
                    $b : ReferenceLevel( criterionId == "${ID}", tier == "basic", available, !isReachedBy($v, sc.indicator("${ID}")) )
                    $a : ReferenceLevel( criterionId == "${ID}", tier == "advanced" )
                then
                    findings.belowBasicTier(sc.indicator("${ID}"), $v, $b, $a).because("perf.below_basic", Derive.show($v.value(), $v.unit()),
                        Derive.show($b.value(), $v.unit()), sc.indicator("${ID}").direction());
                end

                """, Map.of("ID", p.id(), "INDICATOR", p.indicator()));
    }
}
