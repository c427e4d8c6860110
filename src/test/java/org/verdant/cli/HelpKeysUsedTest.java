package org.verdant.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key of a help bundle is read by some command's help: a key no option, parameter or command
 * asks for (a typo, an option renamed or removed) is text no user ever sees. The bundle is wrapped
 * so that rendering every command's help records each key picocli reads.
 */
class HelpKeysUsedTest {
    /** A bundle that remembers the keys read from it. */
    private static final class Recording extends ResourceBundle {
        private final ResourceBundle delegate;
        final Set<String> read = ConcurrentHashMap.newKeySet();

        Recording(ResourceBundle delegate) {
            this.delegate = delegate;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (!delegate.containsKey(key)) return null;
            read.add(key);
            return delegate.getObject(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return delegate.getKeys();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void everyHelpKeyIsReadBySomeCommandsHelp(String lang) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.verdant.cli.Help", "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Recording recording = new Recording(bundle);
        CommandLine cli = VerdantCli.commandLine();
        cli.setResourceBundle(recording);
        render(cli);
        Set<String> unread = new TreeSet<>(Collections.list(bundle.getKeys()));
        unread.removeAll(recording.read);
        assertThat(unread).as("keys of Help_" + lang + ".properties no command's help reads").isEmpty();
    }

    private static void render(CommandLine cli) {
        cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (CommandLine sub : cli.getSubcommands().values()) render(sub);
    }
}
