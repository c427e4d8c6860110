package org.verdant.cli;

import org.verdant.yaml.Problem;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** UTF-8 output whatever the terminal's locale, so Chinese text is never mangled into '?'. */
final class Console {
    // The writer does the encoding: a PrintWriter over a PrintStream would encode with the platform
    // charset (ASCII when LANG is unset) before the stream's own UTF-8 setting is ever used.
    static final OutputWriter OUT = new OutputWriter(StreamOutput.standardOutput()); // tells a closed pipe (| head) from a failed write
    static final PrintWriter ERR = utf8(FileDescriptor.err);

    private Console() {
    }

    static PrintWriter utf8(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
    }

    /**
     * Whether Java decodes file names and arguments as UTF-8 (sun.jnu.encoding, fixed by the locale
     * at start-up): under no locale it is ASCII, and a Chinese file name arrives as '?'s.
     */
    static boolean namesAreUtf8() {
        return "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"));
    }

    static void problems(PrintWriter err, List<Problem> problems, String summary) {
        problems(err, problems, summary, "zh");
    }

    /** Each problem in {@code lang}, its location as it is, then the summary line. */
    static void problems(PrintWriter err, List<Problem> problems, String summary, String lang) {
        for (Problem p : problems) err.println(p.toString(lang));
        err.println(summary);
    }
}
