package org.verdant.xlsx;

import java.util.List;
import java.util.Map;

/**
 * What a template needs from the rulebook beyond the schema, handed in by the application layer
 * so this reading stage needs no rulebook: the values to prefill ("scheme" → green-factory), extra
 * choice lists by layout key ("products[].energy_limit" → the energy-limit rows' ids), the
 * criteria that are decided by a claim, and a reference table to show (the energy-limit rows).
 */
public record Guide(String title, Map<String, String> prefill, Map<String, List<String>> choices, List<Claim> claims,
                    Reference reference) {
    public Guide {
        prefill = Map.copyOf(prefill);
        choices = Map.copyOf(choices);
        claims = List.copyOf(claims);
    }

    /** A criterion decided by a claim: its id, its name in the template's language, its clause. */
    public record Claim(String id, String name, String clause) {
    }

    /** A sheet of reference rows (not read back): its name, header and rows. */
    public record Reference(String sheet, List<String> header, List<List<String>> rows) {
        public Reference {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }
}
