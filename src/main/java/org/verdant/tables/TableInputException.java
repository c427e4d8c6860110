package org.verdant.tables;

import java.util.List;

/**
 * A spreadsheet, CSV or table YAML that cannot be read as an indicator table: every message is
 * located, {@code FILE:SHEET!CELL: message} for a sheet, {@code FILE:line:column: message} for YAML.
 */
public class TableInputException extends Exception {
    private final List<String> problems;

    public TableInputException(List<String> problems) {
        super(problems.size() + " problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public TableInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
