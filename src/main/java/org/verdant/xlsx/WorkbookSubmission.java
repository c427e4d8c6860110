package org.verdant.xlsx;

import org.verdant.text.Location;
import org.verdant.yaml.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workbook read into a submission: the YAML text the rest of Verdant reads (so the verdict, the
 * record and its verification are those of a YAML submission) and, for every field path, the cell
 * it came from, so a problem found later in the YAML is shown at its sheet and cell.
 */
public record WorkbookSubmission(String file, byte[] yaml, Map<String, String> cells) {
    public WorkbookSubmission {
        cells = Map.copyOf(cells);
    }

    /** The cell ("能源!C7") a path was read from, or of its nearest enclosing field, sheet or row; null for none. */
    public String cellOf(String path) {
        String p = path == null ? "" : path;
        while (!p.isEmpty()) {
            String ref = cells.get(p);
            if (ref != null) return ref;
            int dot = p.lastIndexOf('.');
            int bracket = p.lastIndexOf('[');
            int cut = Math.max(dot, bracket);
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return null;
    }

    /** Where a cell is, in the CLI's located-problem form: {@code F.xlsx:能源!C7}. */
    public Location location(String ref) {
        return Location.unknown(ref == null ? file : file + ":" + ref);
    }

    /**
     * The problems with their YAML locations replaced by the cells the paths came from. A problem
     * already located in the workbook (a flow cell's own line and column) keeps its place.
     */
    public List<Problem> relocate(List<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            if (p.location().file().startsWith(file + ":")) {
                out.add(p);
            } else {
                out.add(p.at(location(cellOf(p.path()))));
            }
        }
        return out;
    }
}
