package org.verdant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the repository itself must hold to be followed by a domain expert on another machine: no absolute path of a
 * developer's machine, and scorecards that cite each provenance by an id of their {@code sources:}, whose
 * {@code see} names a page and a section that exist.
 */
class RepositoryTest {
    /** The parts of the repository a reader follows: the rulebook, fixtures, documentation and code. */
    private static final List<String> CHECKED = List.of("rules", "scorecards", "fixtures", "docs", "src", "README.md", "BENCHMARKS.md");

    /**
     * Files another developer is rewriting at the time this test was written; they still cite the criteria notes by
     * text and by a machine path. Remove each entry when its file is converted to {@code sources:}.
     */
    private static final Set<String> BEING_CONVERTED_ELSEWHERE = Set.of();

    /**
     * A home, work, mount or temporary directory at the root of a Unix or macOS file system, or a Windows drive. The
     * look-behind keeps relative paths ({@code target/tmp/…}) and URLs ({@code https://host/home/…}) out.
     */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "(?<![\\w.~-])/(?:work|root|home|tmp|Users|mnt)/|(?<![\\w\\\\])[A-Za-z]:\\\\{1,2}(?=\\w)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void noTrackedFileHoldsAnAbsolutePathOfAMachine() throws IOException {
        List<String> found = new ArrayList<>();
        for (String file : trackedFiles()) {
            if (BEING_CONVERTED_ELSEWHERE.contains(file) || !isText(file)) continue;
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MACHINE_PATH.matcher(lines.get(i));
                if (m.find()) found.add(file + ":" + (i + 1) + ":" + (m.start() + 1) + ": " + lines.get(i).strip());
            }
        }
        assertThat(found).as("cite a path relative to the repository (docs/criteria/…) instead").isEmpty();
    }

    @Test
    void theMachinePathPatternCatchesMachinePathsAndNothingElse() {
        String root = "/";
        for (String path : List.of(root + "work/shared/criteria/x.md", "(" + root + "tmp/zcp/hand.py)", root + "home/dev/verdant",
                root + "Users/dev/x", "file://" + root + "home/dev/x", "C:" + "\\" + "Users\\dev", "\"D:" + "\\\\" + "data\"")) {
            assertThat(MACHINE_PATH.matcher(path).find()).as(path).isTrue();
        }
        for (String text : List.of("docs/criteria/green-factory-2018.md#reference-levels", "target/tmp/x", "https://example.org/" + "home/x",
                "bad\\.yaml:\\d+:\\d+: site", "tce/tmp")) {
            assertThat(MACHINE_PATH.matcher(text).find()).as(text).isFalse();
        }
    }

    @Test
    void everyScorecardCitesItsSourcesByIdAndEverySeeNamesAnExistingSection() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scorecards"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int cited = 0;
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            if (BEING_CONVERTED_ELSEWHERE.contains(name)) continue;
            JsonNode top = YAML.readTree(file.toFile());
            JsonNode sources = top.path("sources");
            if (!sources.isObject() || sources.isEmpty()) {
                problems.add(name + ": no sources: map");
                continue;
            }
            Set<String> used = new TreeSet<>();
            List<String> ids = new ArrayList<>();
            collectSources(top, ids);
            for (String id : ids) {
                if (sources.has(id)) used.add(id);
                else problems.add(name + ": source '" + id + "' is not a key of sources:");
            }
            cited += ids.size();
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) sources::fields) {
                if (!used.contains(e.getKey())) problems.add(name + ": source '" + e.getKey() + "' is never cited");
                if ((e.getValue().path("title").isObject() ? e.getValue().path("title").path("zh") : e.getValue().path("title")).asText("").isBlank()) problems.add(name + ": source '" + e.getKey() + "' has no title");
                String see = e.getValue().path("see").asText(null);
                if (see == null) continue;
                String[] parts = see.split("#", 2);
                Path page = Path.of(parts[0]);
                if (page.isAbsolute() || !Files.isRegularFile(page)) {
                    problems.add(name + ": source '" + e.getKey() + "' sees '" + parts[0] + "', not a file of the repository");
                } else if (parts.length == 2 && !anchors.computeIfAbsent(page, RepositoryTest::anchorsOf).contains(parts[1])) {
                    problems.add(name + ": source '" + e.getKey() + "' sees '" + see + "', but " + parts[0] + " has no heading with anchor '"
                            + parts[1] + "' (it has " + anchors.get(page) + ")");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(cited).as("figures citing a source").isGreaterThan(100);
    }

    @Test
    void theCommonRulesReadmeListsTheCriteriaEachScorecardLeavesToClaims() throws IOException {
        Map<String, List<String>> listed = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(scorecards/[^`]+\\.yaml)` \\| ([^|]+) \\|$")
                .matcher(Files.readString(Path.of("rules/common/README.md"), StandardCharsets.UTF_8));
        while (row.find()) listed.put(row.group(1), List.of(row.group(2).strip().split(", ")));
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scorecards"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int checked = 0;
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            if (BEING_CONVERTED_ELSEWHERE.contains(name)) continue;
            JsonNode top = YAML.readTree(file.toFile());
            List<String> claims = new ArrayList<>();
            top.path("gates").forEach(g -> { if (g.path("decided_by").asText().equals("claim")) claims.add(g.path("id").asText()); });
            top.path("categories").forEach(c -> c.path("criteria").forEach(k -> {
                if (k.path("decided_by").asText().equals("claim")) claims.add(k.path("id").asText());
            }));
            // an indicator table's qualitative indicators (and bonus items) are claims too
            top.path("dimensions").forEach(d -> d.path("indicators").forEach(i -> {
                if (i.path("type").asText().endsWith("_qualitative")) claims.add(i.path("id").asText());
            }));
            top.path("bonus").path("items").forEach(i -> {
                if (i.path("type").asText().endsWith("_qualitative")) claims.add(i.path("id").asText());
            });
            if (claims.isEmpty()) {
                assertThat(listed).as(name + " decides nothing by claim").doesNotContainKey(name);
            } else {
                assertThat(listed.get(name)).as("rules/common/README.md, row of " + name).isEqualTo(claims);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theCriteriaPagesAndRuleReadmesLinkToFilesAndSectionsThatExist() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("docs/criteria")), Files.walk(Path.of("rules")))) {
            pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(14);
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            List<String> targets = new ArrayList<>();
            Parser.builder().build().parse(Files.readString(page, StandardCharsets.UTF_8)).accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    targets.add(link.getDestination());
                    visitChildren(link);
                }
            });
            for (String target : targets) {
                if (target.matches("^[a-z]+:.*")) continue; // a web address
                String[] parts = target.split("#", 2);
                Path file = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
                if (!Files.exists(file)) broken.add(page + ": " + target + " (no such file)");
                else if (parts.length == 2 && !anchors.computeIfAbsent(file, RepositoryTest::anchorsOf).contains(parts[1])) {
                    broken.add(page + ": " + target + " (no such section)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(slug("Basic requirements (基本要求)")).isEqualTo("basic-requirements-基本要求");
        assertThat(slug("Table C.1 example (示例)")).isEqualTo("table-c1-example-示例");
        assertThat(slug("Baseline and leading values 4.4.3 (基准值与引领值)")).isEqualTo("baseline-and-leading-values-443-基准值与引领值");
    }

    /** Every {@code source:} value anywhere in a scorecard: a figure's, a gate's, a row's, the file's own. */
    private static void collectSources(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("sources")) return;
                if (e.getKey().equals("source") && e.getValue().isValueNode()) out.add(e.getValue().asText());
                else collectSources(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSources(n, out));
        }
    }

    /** The anchors GitHub gives a Markdown file's headings. */
    private static Set<String> anchorsOf(Path page) {
        String text;
        try {
            text = Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Parser.builder().build().parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder b = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override public void visit(Text t) { b.append(t.getLiteral()); }
                    @Override public void visit(Code c) { b.append(c.getLiteral()); }
                });
                String s = slug(b.toString());
                int n = seen.merge(s, 1, Integer::sum);
                out.add(n == 1 ? s : s + "-" + (n - 1));
            }
        });
        return out;
    }

    /** GitHub's heading anchor: lower case, punctuation and symbols dropped, each space a hyphen; CJK characters stay. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    private static boolean isText(String file) {
        return !file.matches(".*\\.(png|jpg|jpeg|gif|ico|pdf|jar|class|zip|gz|woff2?|ttf|sqlite|db)$");
    }

    /** The files git tracks under {@link #CHECKED}; a checkout without git (a source archive) has every file tracked. */
    private static List<String> trackedFiles() throws IOException {
        try {
            Process p = new ProcessBuilder(Stream.concat(Stream.of("git", "ls-files", "-z", "--"), CHECKED.stream()).toList())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.length > 0) {
                List<String> files = new ArrayList<>();
                for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
                    if (!f.isEmpty() && Files.isRegularFile(Path.of(f))) files.add(f);
                }
                return files;
            }
        } catch (IOException | InterruptedException e) {
            // no git here: read the file system instead
        }
        List<String> files = new ArrayList<>();
        for (String c : CHECKED) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) files.add(c);
            else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).map(x -> x.toString().replace('\\', '/')).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }
}
