package org.verdant.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream is a terminal, for what only a person watching should see (a progress bar). */
final class Terminal {
    private Terminal() {
    }

    /**
     * Standard error is a terminal. Java can only ask about standard input and output together
     * (System.console()); on Linux the descriptor's link names the device, which answers for
     * standard error alone whatever standard input is.
     */
    static boolean isStandardError() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString());
        } catch (Exception e) { // no /proc (macOS, Windows): the one question Java can ask
            return System.console() != null;
        }
    }

    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
