package org.verdant.cli;

import picocli.CommandLine.Option;

/** --lang for the commands whose own output is words: Chinese by default, English on request. */
final class LangOption {
    @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang = EvaluateCommand.Lang.zh;

    String name() {
        return lang.name();
    }

    Words words() {
        return new Words(lang.name());
    }

    /**
     * The language a command line asks for, read before it is parsed: help and parse errors are
     * written before any option has a value. Anything but "en" is Chinese (picocli then reports a
     * bad value itself, in Chinese).
     */
    static String of(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) break;
            if (args[i].equals("--lang") && i + 1 < args.length) return "en".equals(args[i + 1]) ? "en" : "zh";
            if (args[i].startsWith("--lang=")) return "en".equals(args[i].substring(7)) ? "en" : "zh";
        }
        return "zh";
    }
}
