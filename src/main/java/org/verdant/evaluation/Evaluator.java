package org.verdant.evaluation;

import org.verdant.facts.FactBuilder;
import org.verdant.fault.Option;
import org.verdant.findings.Finding;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.session.RuleSession;
import org.verdant.submission.Submission;
import org.verdant.submission.SubmissionChecks;
import org.verdant.submission.SubmissionReader;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
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

    public Evaluator(CompiledRulebook rulebook) {
        this.rulebook = rulebook;
    }

    /**
     * What to evaluate against: an edition, an indicator table (GB/T 36132-2025: an id or a file
     * path) and a grading table; null for the defaults.
     */
    public record Options(String edition, String table, String grading) {
        public Options(String edition, String grading) {
            this(edition, null, grading);
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
            SubmissionChecks.check(s, scorecard, rulebook.rulebook(), problems);
        }
        // A broken rulebook must not hide behind a bad submission: compile before reporting either.
        if (scorecard != null && !problems.isEmpty()) rulebook.kieBase(scorecard);
        if (!problems.isEmpty()) throw new InvalidSubmissionException(problems);
        return new Validated(s, scorecard);
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

    private Verdict evaluate(Validated v, String inputDigest, Options options) throws RulebookException, UsageException {
        GradingTable grading = grading(v.scorecard(), options.grading());
        List<Object> facts = FactBuilder.facts(v.submission(), v.scorecard(), rulebook.rulebook().benchmarks());
        List<Finding> findings = RuleSession.run(rulebook, v.scorecard(), facts);
        return VerdictBuilder.build(v.submission(), v.scorecard(), findings, rulebook.rulebook(), grading, inputDigest, version());
    }

    public CompiledRulebook rulebook() {
        return rulebook;
    }

    private GradingTable grading(Scorecard scorecard, String requested) throws UsageException {
        String id = requested != null ? requested : scorecard.defaultGrading();
        if (id == null || id.equals("none")) return null;
        GradingTable table = rulebook.rulebook().gradings().get(id);
        if (table == null) {
            throw new UsageException(Option.GRADING, "unknown grading table '" + id + "'; available: "
                    + String.join(", ", rulebook.rulebook().gradings().keySet()));
        }
        if (!table.appliesTo(scorecard.scheme(), scorecard.edition())) {
            throw new UsageException(Option.GRADING, "table '" + id + "' does not apply to " + scorecard.scheme() + " " + scorecard.edition());
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
