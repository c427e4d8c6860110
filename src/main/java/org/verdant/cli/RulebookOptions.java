package org.verdant.cli;

import org.verdant.app.Application;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.KieBaseCache;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.RulebookLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the rulebook comes from: --rules/--scorecards, else VERDANT_RULES/VERDANT_SCORECARDS
 * (the ./verdant launcher points them at the checkout), else the copy inside the jar. Compiled rules
 * are kept between runs in the {@link KieBaseCache} (keyed by the rules' digest; VERDANT_CACHE=off
 * turns it off).
 */
public class RulebookOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules directory (DRL). Default: $VERDANT_RULES, else the built-in rulebook.")
    Path rules;

    @Option(names = "--scorecards", paramLabel = "DIR", description = "Scorecards directory (YAML). Default: $VERDANT_SCORECARDS, else the built-in scorecards.")
    Path scorecards;

    private static CompiledRulebook cached;
    private static Application cachedApplication;
    private static String cachedKey;

    /** The application layer over the rulebook these options name. */
    Application application() throws RulebookException {
        CompiledRulebook r = load();
        synchronized (RulebookOptions.class) {
            if (cachedApplication == null || cachedApplication.rulebook() != r) cachedApplication = new Application(r);
            return cachedApplication;
        }
    }

    /** Loads (once per process) the rulebook these options name. */
    CompiledRulebook load() throws RulebookException {
        Path r = rules != null ? rules : env("VERDANT_RULES");
        Path s = scorecards != null ? scorecards : env("VERDANT_SCORECARDS");
        String key = r + "|" + s;
        synchronized (RulebookOptions.class) {
            if (cached == null || !key.equals(cachedKey)) {
                cached = new CompiledRulebook(RulebookLoader.load(r, s), KieBaseCache.fromEnvironment());
                cachedKey = key;
            }
            return cached;
        }
    }

    private static Path env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
