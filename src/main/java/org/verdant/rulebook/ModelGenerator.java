package org.verdant.rulebook;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step (Maven, {@code prepare-package}): compiles each edition's rules of the bundled
 * rulebook to Drools' executable model and writes the classes under
 * {@code verdant-model/<digest of the rule files>/} for {@link ExecutableModel} to load.
 * Runs with drools-model-codegen, which the jar does not carry (the release only loads models).
 * An edition the executable model cannot compile is left out, with a warning: it is compiled from
 * DRL at run time as before.
 *
 * <p>{@code ModelGenerator RULES_DIR SCORECARDS_DIR OUTPUT_DIR}
 */
public final class ModelGenerator {
    private ModelGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) throw new IllegalArgumentException("usage: ModelGenerator RULES_DIR SCORECARDS_DIR OUTPUT_DIR");
        Rulebook rulebook = RulebookLoader.load(Path.of(args[0]), Path.of(args[1]));
        Path out = Path.of(args[2]);
        int written = 0;
        for (List<SourceFile> files : ruleSets(rulebook)) {
            long start = System.nanoTime();
            int classes = generate(files, out);
            if (classes > 0) written++;
            System.out.printf("verdant model: %s: %d classes in %.1f s%n", files.get(files.size() - 1).logicalPath(), classes,
                    (System.nanoTime() - start) / 1e9);
        }
        System.out.println("verdant model: " + written + " rule set(s) written under " + out.resolve(ExecutableModel.ROOT));
    }

    /**
     * The rule files of every edition with each combination of its overlays, once each: an overlay
     * applies from its date, so a submission dated before it is evaluated without it and needs a
     * model of its own (a quarter of a generated 2018 stream did).
     */
    static List<List<SourceFile>> ruleSets(Rulebook rulebook) {
        Map<String, List<SourceFile>> sets = new LinkedHashMap<>();
        for (Scorecard s : rulebook.scorecards().values()) {
            if (s.isOverlay()) continue;
            List<Scorecard> overlays = rulebook.overlays(s.scheme(), null);
            for (List<Scorecard> chosen : subsets(overlays)) {
                List<SourceFile> files = rulebook.rulesFor(s.withOverlays(chosen));
                if (!files.isEmpty()) sets.putIfAbsent(ExecutableModel.key(files), files);
            }
        }
        return new ArrayList<>(sets.values());
    }

    /** Every subset of the overlays, each in the rulebook's order, the full set first. */
    private static List<List<Scorecard>> subsets(List<Scorecard> overlays) {
        List<List<Scorecard>> all = new ArrayList<>();
        int n = overlays.size();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Scorecard> chosen = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) chosen.add(overlays.get(i));
            all.add(chosen);
        }
        return all;
    }

    /** Writes the model of these rule files under OUT/verdant-model/KEY/; the number of classes, 0 when it could not be built. */
    static int generate(List<SourceFile> files, Path out) throws IOException {
        KieServices services = KieServices.Factory.get();
        KieFileSystem kfs = services.newKieFileSystem();
        for (SourceFile f : files) kfs.write("src/main/resources/" + f.logicalPath(), f.bytes());
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            System.out.println("verdant model: WARNING: left out (compiled from DRL at run time): " + errors.get(0).getText().strip());
            return 0;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Path folder = out.resolve(ExecutableModel.ROOT + ExecutableModel.key(files));
        int classes = 0;
        String models = null;
        for (String name : module.getFileNames()) {
            byte[] bytes = module.getBytes(name);
            if (bytes == null) continue;
            if (name.endsWith(".class")) {
                Path p = folder.resolve(name);
                Files.createDirectories(p.getParent());
                Files.write(p, bytes);
                classes++;
            } else if (name.endsWith("/" + ExecutableModel.MODELS)) {
                models = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        if (models == null) return 0;
        // written last: a folder without its list of models is never loaded
        Files.writeString(folder.resolve(ExecutableModel.MODELS), models);
        return classes;
    }
}
