package org.verdant.rulebook;

/**
 * A rulebook file: {@code logicalPath} is relative to the rulebook ("rules/…", "scorecards/…"),
 * {@code displayPath} is what error messages show.
 */
public record SourceFile(String logicalPath, String displayPath, byte[] bytes) {
}
