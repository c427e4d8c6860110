package org.verdant.cli;

import org.verdant.yaml.Problem;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** UTF-8 output whatever the terminal's locale, so Chinese text is never mangled into '?'. */
final class Console {
    static final PrintWriter OUT = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8), true);
    static final PrintWriter ERR = new PrintWriter(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), true);

    private Console() {
    }

    static void problems(PrintWriter err, List<Problem> problems, String summary) {
        for (Problem p : problems) err.println(p);
        err.println(summary);
    }
}
