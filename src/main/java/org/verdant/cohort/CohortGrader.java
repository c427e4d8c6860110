package org.verdant.cohort;

import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveQuery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Grades a cohort of archived evaluations with {@link CohortRule}. The cohort of a reporting
 * year is the latest record (highest id) of each facility for that year, among the records of
 * one scheme whose industry code starts with the given prefix (if any).
 */
public final class CohortGrader {
    public static final String GREEN_PARK = "green-park";

    private static final Comparator<ArchiveEntry> LATEST = Comparator.comparingInt(ArchiveEntry::reportingYear)
            .thenComparingLong(ArchiveEntry::id);

    private CohortGrader() {
    }

    public static CohortReport grade(Archive archive, int year, String scheme, String industry) {
        return grade(archive, year, scheme, industry, null);
    }

    /** As {@link #grade(Archive, int, String, String)}, limited to the records of one edition when it is not null. */
    public static CohortReport grade(Archive archive, int year, String scheme, String industry, String edition) {
        return grade(archive.list(new ArchiveQuery(null, null, scheme, industry)), year, scheme, industry, edition);
    }

    /** Grades from the records of one scheme (any years); {@code industry} is only reported. */
    public static CohortReport grade(List<ArchiveEntry> records, int year, String scheme, String industry) {
        return grade(records, year, scheme, industry, null);
    }

    public static CohortReport grade(List<ArchiveEntry> all, int year, String scheme, String industry, String edition) {
        List<ArchiveEntry> records = edition == null ? all : all.stream().filter(e -> edition.equals(e.edition())).toList();
        Map<Integer, Map<String, ArchiveEntry>> byYear = latestPerFacility(records);
        Map<String, ArchiveEntry> current = byYear.getOrDefault(year, Map.of());
        java.util.SortedMap<String, Integer> editions = new TreeMap<>();
        current.values().forEach(e -> editions.merge(e.edition(), 1, Integer::sum));

        // The three years of the dynamic-management window, each placed on its own.
        List<CohortReport.WindowYear> window = new ArrayList<>();
        List<Map<String, CohortRule.Placement>> placements = new ArrayList<>();
        for (int y = year - 2; y <= year; y++) {
            List<ArchiveEntry> ranked = byYear.getOrDefault(y, Map.of()).values().stream().filter(ArchiveEntry::rankable).toList();
            List<CohortRule.Placement> placed = CohortRule.place(ranked.stream().map(ArchiveEntry::score).toList());
            Map<String, CohortRule.Placement> m = new HashMap<>();
            for (int i = 0; i < ranked.size(); i++) m.put(ranked.get(i).creditCode(), placed.get(i));
            placements.add(m);
            window.add(new CohortReport.WindowYear(y, ranked.size(), CohortRule.small(ranked.size())));
        }

        Map<String, CohortRule.Placement> now = placements.get(2);
        int n = now.size();
        List<CohortReport.GradedUnit> graded = new ArrayList<>();
        List<CohortReport.NotGraded> notGraded = new ArrayList<>();
        int aPlus = 0, a = 0, b = 0;
        for (ArchiveEntry e : current.values()) {
            CohortRule.Placement p = now.get(e.creditCode());
            if (p == null) {
                notGraded.add(new CohortReport.NotGraded(reason(e), e));
                continue;
            }
            List<Boolean> bottom = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CohortRule.Placement q = placements.get(i).get(e.creditCode());
                bottom.add(q == null || window.get(i).small() ? null : q.bottom());
            }
            boolean candidate = bottom.stream().allMatch(Boolean.TRUE::equals);
            graded.add(new CohortReport.GradedUnit(p.rank(), p.grade(), e, java.util.Collections.unmodifiableList(bottom), candidate));
            switch (p.grade()) {
                case CohortRule.A_PLUS -> aPlus++;
                case CohortRule.A -> a++;
                default -> b++;
            }
        }
        graded.sort(Comparator.comparingInt(CohortReport.GradedUnit::rank).thenComparing(g -> g.entry().creditCode()));

        // Listed units that did not file: an eligible record for an earlier year, none for this one.
        Map<String, ArchiveEntry> earlierListed = new TreeMap<>();
        for (ArchiveEntry e : records) {
            if (e.reportingYear() < year && Boolean.TRUE.equals(e.eligible()) && !current.containsKey(e.creditCode())) {
                earlierListed.merge(e.creditCode(), e, (x, y) -> LATEST.compare(x, y) >= 0 ? x : y);
            }
        }
        earlierListed.values().forEach(e -> notGraded.add(new CohortReport.NotGraded(CohortReport.Reason.NOT_FILED, e)));
        notGraded.sort(Comparator.comparing((CohortReport.NotGraded u) -> u.reason().ordinal()).thenComparing(u -> u.entry().creditCode()));

        CohortReport.ParkComparison parks = GREEN_PARK.equals(scheme) ? parks(records, year, current) : null;
        return new CohortReport(year, scheme, industry, edition, java.util.Collections.unmodifiableSortedMap(editions), n, CohortRule.small(n), CohortRule.aPlusLimit(n), CohortRule.aLimit(n),
                aPlus, a, b, graded, notGraded, window, parks);
    }

    private static CohortReport.Reason reason(ArchiveEntry e) {
        if (Boolean.FALSE.equals(e.eligible())) return CohortReport.Reason.INELIGIBLE;
        if (e.eligible() == null) return CohortReport.Reason.UNDETERMINED;
        return CohortReport.Reason.NO_SCORE;
    }

    /** year → credit code → the facility's latest record for that year. */
    private static Map<Integer, Map<String, ArchiveEntry>> latestPerFacility(List<ArchiveEntry> records) {
        Map<Integer, Map<String, ArchiveEntry>> out = new HashMap<>();
        for (ArchiveEntry e : records) {
            out.computeIfAbsent(e.reportingYear(), y -> new HashMap<>())
                    .merge(e.creditCode(), e, (x, y) -> x.id() >= y.id() ? x : y);
        }
        return out;
    }

    /**
     * Existing park (for year Y): one with an eligible, scored record for a reporting year before
     * Y. It counts in its region's average with its latest record for a year up to Y, if that
     * record is eligible with a score. A new applicant: a park with a record for Y and no
     * eligible, scored record for an earlier year. Region: the province of the record used.
     */
    private static CohortReport.ParkComparison parks(List<ArchiveEntry> records, int year, Map<String, ArchiveEntry> current) {
        Map<String, ArchiveEntry> latestUpToYear = new HashMap<>();
        Map<String, Boolean> existing = new HashMap<>();
        for (ArchiveEntry e : records) {
            if (e.reportingYear() > year) continue;
            latestUpToYear.merge(e.creditCode(), e, (x, y) -> LATEST.compare(x, y) >= 0 ? x : y);
            if (e.reportingYear() < year && e.rankable()) existing.put(e.creditCode(), true);
        }
        Map<String, List<ArchiveEntry>> counted = new TreeMap<>();
        Map<String, List<ArchiveEntry>> notCounted = new TreeMap<>();
        for (String code : new TreeMap<>(existing).keySet()) {
            ArchiveEntry e = latestUpToYear.get(code);
            (e.rankable() ? counted : notCounted).computeIfAbsent(province(e), p -> new ArrayList<>()).add(e);
        }
        Map<String, CohortReport.Region> regions = new LinkedHashMap<>();
        java.util.Set<String> provinces = new java.util.TreeSet<>(counted.keySet());
        provinces.addAll(notCounted.keySet());
        for (String p : provinces) {
            List<ArchiveEntry> c = counted.getOrDefault(p, List.of());
            BigDecimal avg = c.isEmpty() ? null : sum(c).divide(BigDecimal.valueOf(c.size()), 10, RoundingMode.HALF_UP);
            regions.put(p, new CohortReport.Region(p, c, notCounted.getOrDefault(p, List.of()), avg));
        }
        List<CohortReport.Applicant> applicants = new ArrayList<>();
        current.values().stream().filter(e -> !existing.containsKey(e.creditCode()))
                .sorted(Comparator.comparing(ArchiveEntry::creditCode)).forEach(e -> {
                    String p = province(e);
                    CohortReport.Region r = regions.get(p);
                    List<ArchiveEntry> c = r == null ? List.of() : r.counted();
                    BigDecimal avg = r == null ? null : r.average();
                    if (!e.rankable()) {
                        applicants.add(new CohortReport.Applicant(e, p, avg, null, "not_compared"));
                    } else if (c.isEmpty()) {
                        applicants.add(new CohortReport.Applicant(e, p, null, null, "no_existing_park"));
                    } else {
                        // exact: score × n ≥ Σ scores
                        boolean meets = e.score().multiply(BigDecimal.valueOf(c.size())).compareTo(sum(c)) >= 0;
                        applicants.add(new CohortReport.Applicant(e, p, avg, meets, meets ? "at_or_above" : "below"));
                    }
                });
        return new CohortReport.ParkComparison(List.copyOf(regions.values()), applicants);
    }

    /** The group of the records that name no province: a code, said in words where shown (CohortRenderer). */
    public static final String NO_PROVINCE = "";

    private static String province(ArchiveEntry e) {
        return Objects.requireNonNullElse(e.province(), NO_PROVINCE);
    }

    private static BigDecimal sum(List<ArchiveEntry> entries) {
        return entries.stream().map(ArchiveEntry::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
