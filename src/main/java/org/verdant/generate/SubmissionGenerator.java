package org.verdant.generate;

import org.verdant.evaluation.UsageException;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;

import java.util.List;

/**
 * Deterministic synthetic submissions: the same rulebook, scheme, edition, seed and index give the
 * same bytes, on any machine and whatever the count asked for (each submission draws from its
 * own random stream, derived from the seed and its index). Meant for load tests, benchmarks and
 * demonstrations; every generated file says in its first line that it is synthetic.
 */
public final class SubmissionGenerator {
    /** Schemes this generator can write. */
    public static final List<String> SCHEMES = List.of("green-factory");

    private final FactoryGenerator factory;
    private final long seed;
    private final double invalidShare;

    /** {@code edition} null: each submission's edition is drawn among the scheme's editions. */
    public SubmissionGenerator(Rulebook rulebook, String scheme, String edition, long seed, double invalidShare) throws UsageException {
        if (!SCHEMES.contains(scheme)) {
            throw new UsageException("--scheme: cannot generate '" + scheme + "'; this generator writes " + String.join(", ", SCHEMES));
        }
        if (invalidShare < 0 || invalidShare > 1) throw new UsageException("--invalid-share is a share between 0 and 1, found " + invalidShare);
        List<Scorecard> editions = rulebook.editions(scheme);
        if (edition != null) {
            editions = editions.stream().filter(s -> s.edition().equals(edition)).toList();
            if (editions.isEmpty()) {
                throw new UsageException("--edition: unknown edition '" + edition + "' of " + scheme + "; available: "
                        + String.join(", ", rulebook.editions(scheme).stream().map(Scorecard::edition).toList()));
            }
        }
        if (editions.isEmpty()) throw new UsageException("the rulebook has no edition of " + scheme);
        this.factory = new FactoryGenerator(rulebook, editions);
        this.seed = seed;
        this.invalidShare = invalidShare;
    }

    /** The submission number {@code index} (0-based) as YAML text. */
    public String submission(long index) {
        return factory.submission(seed, index, invalidShare);
    }
}
