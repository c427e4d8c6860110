package org.verdant.rulebook;

import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.verdant.text.Location;
import org.verdant.yaml.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rulebook whose DRL is compiled once per process: one knowledge base per scorecard (edition),
 * built on first use and shared by every evaluation after.
 */
public final class CompiledRulebook {
    private final Rulebook rulebook;
    private final Map<String, KieBase> bases = new ConcurrentHashMap<>();
    private final KieBaseCache cache;
    private final ClassLoader models;

    public CompiledRulebook(Rulebook rulebook) {
        this(rulebook, null);
    }

    /**
     * With {@code cache} (may be null), compiled rules are read from and kept on disk between runs,
     * and the jar's executable models of the bundled rules are used where they match the rule files
     * (with or without the cache; {@code VERDANT_MODEL=off} turns them off).
     */
    public CompiledRulebook(Rulebook rulebook, KieBaseCache cache) {
        this(rulebook, cache, ExecutableModel.enabled() ? CompiledRulebook.class.getClassLoader() : null);
    }

    /** {@code models}: where to look for executable models ({@link ExecutableModel}), or null for none. */
    CompiledRulebook(Rulebook rulebook, KieBaseCache cache, ClassLoader models) {
        this.rulebook = rulebook;
        this.cache = cache;
        this.models = models;
    }

    public Rulebook rulebook() {
        return rulebook;
    }

    /** Tables read from files (--table FILE), by path, size and time: a batch reads one once, an edit is read again. */
    private final Map<String, IndicatorTable> tableFiles = new ConcurrentHashMap<>();

    /** An indicator table given as a file, read and checked once per process while the file stays the same. */
    public IndicatorTable tableFile(java.nio.file.Path path) throws RulebookException {
        String key;
        try {
            key = path.toAbsolutePath().normalize() + "\0" + java.nio.file.Files.size(path) + "\0" + java.nio.file.Files.getLastModifiedTime(path).toMillis();
        } catch (java.io.IOException e) {
            return Rulebook.tableFromFile(path); // reports the file it cannot read
        }
        IndicatorTable known = tableFiles.get(key);
        if (known != null) return known;
        IndicatorTable read = Rulebook.tableFromFile(path);
        tableFiles.put(key, read);
        return read;
    }

    /** One lock per rule set: a batch's two threads load two editions' models at once instead of one waiting for the other. */
    private final Map<String, Object> compiling = new ConcurrentHashMap<>();

    public KieBase kieBase(Scorecard scorecard) throws RulebookException {
        KieBase base = bases.get(scorecard.id());
        if (base != null) return base;
        synchronized (compiling.computeIfAbsent(scorecard.id(), k -> new Object())) {
            base = bases.get(scorecard.id());
            if (base == null) {
                base = compile(scorecard);
                bases.put(scorecard.id(), base);
            }
            return base;
        }
    }

    /**
     * The pool of sessions of one of this rulebook's knowledge bases ({@code RuleSession} takes a
     * session from it for each evaluation and resets it after). Kept here, so the pools live as
     * long as their rulebook, and read without a lock once made.
     */
    public KieSessionsPool sessions(KieBase base) {
        KieSessionsPool pool = pools.get(base);
        return pool != null ? pool : pools.computeIfAbsent(base, b -> b.newKieSessionsPool(1));
    }

    private final Map<KieBase, KieSessionsPool> pools = new ConcurrentHashMap<>();

    /** Compiles every edition; used by {@code rules check}. */
    public void compileAll() throws RulebookException {
        List<Problem> problems = new ArrayList<>();
        for (Scorecard s : rulebook.scorecards().values()) {
            if (s.isOverlay()) continue;
            try {
                kieBase(s.withOverlays(rulebook.overlays(s.scheme(), null)));
            } catch (RulebookException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new RulebookException(problems);
    }

    private KieBase compile(Scorecard scorecard) throws RulebookException {
        List<SourceFile> files = rulebook.rulesFor(scorecard);
        if (models != null) { // the build's model of exactly these files, if it has one
            KieBase model = ExecutableModel.load(files, models);
            if (model != null) return model;
        }
        if (cache != null) {
            KieBase cached = cache.load(files, CompiledRulebook.class.getClassLoader());
            if (cached != null) return cached;
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (SourceFile f : files) {
            builder.add(ResourceFactory.newByteArrayResource(f.bytes()).setSourcePath(f.logicalPath()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<Problem> problems = new ArrayList<>();
            for (KnowledgeBuilderError e : builder.getErrors()) {
                String display = displayPath(files, e.getResource() == null ? null : e.getResource().getSourcePath());
                int[] lines = e.getLines();
                int line = lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0;
                problems.add(new Problem(new Location(display, line, line > 0 ? 1 : 0), "",
                        e.getMessage().strip().replaceAll("\\s+", " ")));
            }
            // Drools adds an unlocated "Parser returned a null Package" beside the located parse error: keep the located one.
            problems.removeIf(p -> p.location().line() == 0 && problems.stream()
                    .anyMatch(q -> q.location().line() > 0 && q.location().file().equals(p.location().file())));
            problems.sort(null);
            throw new RulebookException(problems);
        }
        if (cache != null) cache.store(files, builder.getKnowledgePackages());
        return builder.newKieBase();
    }

    private static String displayPath(List<SourceFile> files, String logical) {
        if (logical == null) return "rules";
        return files.stream().filter(f -> f.logicalPath().equals(logical)).map(SourceFile::displayPath).findFirst().orElse(logical);
    }
}
