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
    /** The scheme the cached rulebook was read for (perhaps only its part of the scorecards); null: all of them. */
    private static String cachedScheme;

    /** The application layer over the rulebook these options name. */
    Application application() throws RulebookException {
        CompiledRulebook r = load();
        synchronized (RulebookOptions.class) {
            if (cachedApplication == null || cachedApplication.rulebook() != r) cachedApplication = new Application(r);
            return cachedApplication;
        }
    }

    /**
     * The application layer over the part of the rulebook an evaluation of a submission of
     * {@code scheme} reads (the whole rulebook when scheme is null; see RulebookLoader).
     */
    Application application(String scheme) throws RulebookException {
        CompiledRulebook r = load(scheme);
        synchronized (RulebookOptions.class) {
            if (cachedApplication == null || cachedApplication.rulebook() != r) cachedApplication = new Application(r);
            return cachedApplication;
        }
    }

    /** Loads (once per process) the rulebook these options name. */
    CompiledRulebook load() throws RulebookException {
        return load(null);
    }

    /**
     * Loads (once per process) the rulebook these options name. The first load of a process for a
     * submission of {@code scheme}, with a cache directory, may parse only that scheme's scorecards
     * (RulebookLoader: when the cache holds a note that this very rulebook was checked in full); a
     * later load for another scheme (the fixtures of 'verdant test') reads the whole rulebook,
     * which then serves every scheme.
     */
    private CompiledRulebook load(String scheme) throws RulebookException {
        Path r = rules != null ? rules : env("VERDANT_RULES");
        Path s = scorecards != null ? scorecards : env("VERDANT_SCORECARDS");
        String key = r + "|" + s;
        synchronized (RulebookOptions.class) {
            if (cached == null || !key.equals(cachedKey) || (cachedScheme != null && !cachedScheme.equals(scheme))) {
                KieBaseCache cache = KieBaseCache.fromEnvironment();
                String only = cached == null && cache != null ? scheme : null;
                cached = new CompiledRulebook(only == null ? RulebookLoader.load(r, s)
                        : RulebookLoader.load(r, s, only, cache.dir(), cache.code()), cache);
                cachedKey = key;
                cachedScheme = only;
            }
            return cached;
        }
    }

    private static Path env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
