package org.verdant.evaluation;

import org.verdant.assessment.Assessment;
import org.verdant.assessment.AssessmentChecks;
import org.verdant.facts.FactBuilder;
import org.verdant.facts.ScorecardFacts;
import org.verdant.fault.Option;
import org.verdant.findings.Finding;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.session.RuleSession;
import org.verdant.submission.Submission;
import org.verdant.submission.SubmissionChecks;
import org.verdant.submission.SubmissionReader;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Node;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import org.verdant.text.Location;
import org.verdant.text.Suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The whole flow, one stage after another: submission YAML → validated submission → facts →
 * rule session → findings → verdict. Rendering is the caller's.
 */
public final class Evaluator {
    private final CompiledRulebook rulebook;
    /** Each scorecard's own facts, built at its first evaluation and shared by the later ones. */
    private final ScorecardFacts scorecardFacts;

    public Evaluator(CompiledRulebook rulebook) {
        this.rulebook = rulebook;
        this.scorecardFacts = new ScorecardFacts(rulebook.rulebook().benchmarks());
    }

    /**
     * What to evaluate against: an edition, an indicator table (GB/T 36132-2025: an id or a file
     * path) and a grading table; null for the defaults.
     */
    public record Options(String edition, String table, String grading, Assessment assessment) {
        public Options(String edition, String table, String grading) {
            this(edition, table, grading, null);
        }

        public Options(String edition, String grading) {
            this(edition, null, grading);
        }

        public Options withAssessment(Assessment a) {
            return new Options(edition, table, grading, a);
        }

        public static Options defaults() {
            return new Options(null, null, null);
        }
    }

    /** A submission that passed every check, with the edition it will be evaluated under. */
    public record Validated(Submission submission, Scorecard scorecard) {
    }

    /** Stage 1: read and check; throws with every problem found. */
    public Validated validate(String file, byte[] bytes, Options options) throws InvalidSubmissionException, RulebookException {
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(file, bytes, problems);
        if (root == null) throw new InvalidSubmissionException(problems);
        return validate(file, root, problems, options);
    }

    /** Stage 1 from a YAML tree already read: each node keeps the location it came from (what-if edits carry theirs). */
    public Validated validate(String file, YamlNode root, Options options) throws InvalidSubmissionException, RulebookException {
        return validate(file, root, new Problems(), options);
    }

    /**
     * Stage 1 from a YAML tree the caller read, with the problems the reader found while reading it
     * (so one read serves the evaluation, its trace and its what-ifs).
     */
    public Validated validate(String file, YamlNode root, Problems problems, Options options)
            throws InvalidSubmissionException, RulebookException {
        Submission s = SubmissionReader.readPartial(file, root, problems);
        if (s == null) throw new InvalidSubmissionException(problems);
        // Scorecard checks run even when the reader found problems, so one run reports them all.
        boolean canPickEdition = s.scheme() != null
                && (s.evaluationDate() != null || s.edition() != null || options.edition() != null);
        Scorecard scorecard = canPickEdition ? SubmissionChecks.edition(s, options.edition(), rulebook.rulebook(), problems) : null;
        if (scorecard != null) {
            scorecard = scorecard.withOverlays(rulebook.rulebook().overlays(s.scheme(), s.evaluationDate()));
            if (scorecard.usesIndicatorTables()) scorecard = withTable(scorecard, s, root, options, problems);
        }
        if (scorecard != null) SubmissionChecks.check(s, scorecard, rulebook.rulebook(), problems);
        // A broken rulebook must not hide behind a bad submission: compile before reporting either.
        if (scorecard != null && !problems.isEmpty()) rulebook.kieBase(scorecard);
        if (!problems.isEmpty()) throw new InvalidSubmissionException(problems);
        return new Validated(s, scorecard);
    }

    /**
     * The edition with its indicator table: --table (an id, or a table file), else the
     * submission's {@code indicator_table}, else the edition's default (the verdict says so).
     */
    private Scorecard withTable(Scorecard edition, Submission s, YamlNode root, Options options, Problems problems) throws RulebookException {
        Map<String, IndicatorTable> tables = rulebook.rulebook().tables();
        IndicatorTable table;
        String choice;
        Location at;
        if (options.table() != null) {
            choice = "option";
            at = new Location(s.file(), 1, 1);
            table = tables.get(options.table());
            if (table == null && Files.isRegularFile(Path.of(options.table()))) table = rulebook.tableFile(Path.of(options.table()));
            if (table == null) {
                problems.add(at, "--table", Msg.of("problem.table.unknown_option", options.table(), String.join(", ", tables.keySet())));
                return null;
            }
        } else if (root instanceof YamlNode.Mapping m && m.entries().get("indicator_table") != null) {
            YamlNode.Entry e = m.entries().get("indicator_table");
            choice = "submission";
            at = e.value().location();
            if (!(e.value() instanceof YamlNode.Scalar sc)) {
                problems.add(at, "indicator_table", Msg.of("problem.table.not_an_id", Node.kind(e.value()), String.join(", ", tables.keySet())));
                return null;
            }
            String id = sc.text();
            table = tables.get(id);
            if (table == null) {
                Object hint = Suggest.nearest(id, tables.keySet()).<Object>map(x -> Msg.of("problem.hint.did_you_mean", x)).orElse("");
                problems.add(at, "indicator_table", Msg.of("problem.table.unknown", id, String.join(", ", tables.keySet()), hint));
                return null;
            }
        } else {
            choice = "default";
            at = s.locationOf("scheme");
            table = tables.get(edition.defaultTable());
        }
        if (!table.edition().equals(edition.edition())) {
            problems.add(at, choice.equals("option") ? "--table" : "indicator_table", Msg.of("problem.table.other_edition", table.id(), table.edition(), edition.edition()));
            return null;
        }
        // a table's dates bind an evaluation dated by them; a re-benchmark under a named edition is not
        boolean datedByTable = options.edition() == null && s.edition() == null;
        if (datedByTable && s.evaluationDate() != null && !table.appliesOn(s.evaluationDate())) {
            problems.add(at, choice.equals("option") ? "--table" : "indicator_table", Msg.of("problem.table.not_in_force", table.id(),
                    table.appliesFrom() == null ? "" : Msg.of("problem.table.from", table.appliesFrom().toString()),
                    table.appliesUntil() == null ? "" : Msg.of("problem.table.until", table.appliesUntil().toString()), s.evaluationDate().toString()));
            return null;
        }
        return edition.withTable(table, choice);
    }

    public Verdict evaluate(String file, byte[] bytes, Options options)
            throws InvalidSubmissionException, RulebookException, UsageException {
        return evaluate(validate(file, bytes, options), sha256(bytes), options);
    }

    /** Evaluates a YAML tree already read; {@code inputDigest} names what it was built from. */
    public Verdict evaluate(String file, YamlNode root, String inputDigest, Options options)
            throws InvalidSubmissionException, RulebookException, UsageException {
        return evaluate(validate(file, root, options), inputDigest, options);
    }

    /** Evaluates a YAML tree the caller read, with the problems its reader found; {@code inputDigest} names the bytes. */
    public Verdict evaluate(String file, YamlNode root, Problems problems, String inputDigest, Options options)
            throws InvalidSubmissionException, RulebookException, UsageException {
        return evaluate(validate(file, root, problems, options), inputDigest, options);
    }

    private Verdict evaluate(Validated v, String inputDigest, Options options) throws RulebookException, UsageException, InvalidSubmissionException {
        GradingTable grading = grading(v.scorecard(), options.grading());
        Assessment assessment = options.assessment();
        if (assessment != null) {
            Problems problems = new Problems();
            AssessmentChecks.check(assessment, v.submission(), v.scorecard(), inputDigest, problems);
            if (!problems.isEmpty()) throw new InvalidSubmissionException(problems);
        }
        List<Object> facts = facts(v);
        // the evaluator's judgements are facts beside the claims they judge (rules/common/claims.drl reads them)
        if (assessment != null) facts.addAll(assessment.claims());
        List<Finding> findings = RuleSession.run(rulebook, v.scorecard(), facts);
        Verdict verdict = VerdictBuilder.build(v.submission(), v.scorecard(), findings, rulebook.rulebook(), grading, inputDigest, version());
        return assessment == null ? verdict : verdict.withAssessment(assessment);
    }

    /** Stage 2: the facts the rules match for a checked submission (the scorecard's own shared). */
    public List<Object> facts(Validated v) {
        return FactBuilder.facts(v.submission(), v.scorecard(), scorecardFacts.of(v.scorecard()));
    }

    public CompiledRulebook rulebook() {
        return rulebook;
    }

    private GradingTable grading(Scorecard scorecard, String requested) throws UsageException {
        String id = requested != null ? requested : scorecard.defaultGrading();
        if (id == null || id.equals("none")) return null;
        GradingTable table = rulebook.rulebook().gradings().get(id);
        if (table == null) {
            throw new UsageException(Option.GRADING, Msg.of("usage.grading.unknown", id, String.join(", ", rulebook.rulebook().gradings().keySet())));
        }
        if (!table.appliesTo(scorecard.scheme(), scorecard.edition())) {
            throw new UsageException(Option.GRADING, Msg.of("usage.grading.not_applicable", id, scorecard.scheme(), scorecard.edition()));
        }
        return table;
    }

    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's version (read once: every verdict carries it). */
    public static String version() {
        return Version.VALUE;
    }

    private static final class Version {
        static final String VALUE = readVersion();
    }

    private static String readVersion() {
        try (InputStream in = Evaluator.class.getResourceAsStream("/org/verdant/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
