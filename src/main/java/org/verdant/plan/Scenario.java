package org.verdant.plan;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.yaml.Msg;
import org.verdant.rulebook.RulebookException;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One submission file and the what-ifs asked of it: each set of changes is applied to the
 * file's YAML tree and evaluated again through the {@link Evaluator}, so every figure a plan or a
 * what-if shows comes from the same rules as the verdict.
 */
public final class Scenario {
    private final Evaluator evaluator;
    private final String file;
    private final byte[] bytes;
    private final YamlNode root;
    private final Evaluator.Options options;
    private final Map<List<Assignment>, Verdict> verdicts = new HashMap<>();

    private Scenario(Evaluator evaluator, String file, byte[] bytes, YamlNode root, Evaluator.Options options) {
        this.evaluator = evaluator;
        this.file = file;
        this.bytes = bytes;
        this.root = root;
        this.options = options;
    }

    /** Reads the file; a file that is not YAML is an invalid submission, located as usual. */
    public static Scenario of(Evaluator evaluator, String file, byte[] bytes, Evaluator.Options options) throws InvalidSubmissionException {
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(file, bytes, problems);
        if (root == null) throw new InvalidSubmissionException(problems);
        return new Scenario(evaluator, file, bytes, root, options);
    }

    /**
     * A file already read and evaluated: {@code root} is its YAML tree, {@code baseline} its
     * verdict, so neither is read nor evaluated again.
     */
    public static Scenario of(Evaluator evaluator, String file, byte[] bytes, YamlNode root, Evaluator.Options options, Verdict baseline) {
        Scenario s = new Scenario(evaluator, file, bytes, root, options);
        s.verdicts.put(List.of(), baseline);
        return s;
    }

    public YamlNode root() {
        return root;
    }

    public String file() {
        return file;
    }

    public Evaluator.Options options() {
        return options;
    }

    public org.verdant.rulebook.Rulebook rulebook() {
        return evaluator.rulebook().rulebook();
    }

    /** The tree with the changes applied (later changes win where they touch the same path). */
    public YamlNode edited(List<Assignment> changes) throws UsageException {
        return TreeEdit.apply(root, changes);
    }

    /** The verdict on the file as it is. */
    public Verdict baseline() throws UsageException, InvalidSubmissionException, RulebookException {
        return evaluate(List.of());
    }

    /**
     * The verdict with the changes applied. A change naming a key the submission format does not
     * have is a usage error (exit 2); any other problem makes the modified submission invalid
     * (exit 3), each problem located in the file or in the --set that brought it in.
     */
    public Verdict evaluate(List<Assignment> changes) throws UsageException, InvalidSubmissionException, RulebookException {
        List<Assignment> key = List.copyOf(changes);
        Verdict cached = verdicts.get(key);
        if (cached != null) return cached;
        Verdict v;
        if (changes.isEmpty()) {
            v = evaluator.evaluate(file, bytes, options);
        } else {
            YamlNode tree = edited(changes);
            try {
                v = evaluator.evaluate(file, tree, digest(changes), options);
            } catch (InvalidSubmissionException e) {
                List<Problem> unknownPaths = e.problems().stream()
                        .filter(p -> p.location().file().startsWith("--set ") && p.message().startsWith("unknown key")).toList();
                if (!unknownPaths.isEmpty()) {
                    throw new UsageException(null, Msg.of("set.no_such_field", new org.verdant.text.Text(
                            unknownPaths.stream().map(p -> p.location().file() + ": " + p.path() + ": " + p.message("zh")
                                    .replaceFirst("^未知的键", "申报材料格式中没有这个字段")).collect(Collectors.joining("\n")),
                            unknownPaths.stream().map(p -> p.location().file() + ": " + p.path() + ": " + p.message("en")
                                    .replaceFirst("^unknown key", "no such field in the submission format")).collect(Collectors.joining("\n")))));
                }
                throw e;
            }
        }
        verdicts.put(key, v);
        return v;
    }

    /** Names the modified input: the file's bytes and the changes, so two what-ifs never share a digest. */
    private String digest(List<Assignment> changes) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(bytes);
        for (Assignment a : changes) parts.add(("\n--set " + a.text()).getBytes(StandardCharsets.UTF_8));
        int size = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return Evaluator.sha256(all);
    }
}
