package org.verdant.cli;

import org.verdant.access.Role;
import org.verdant.accounts.Account;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage the accounts people sign in to `verdant serve` with, kept in the archive: add, list, passwd, token, remove.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Passwd.class, UsersCommand.Token.class,
                UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
    /** Where a password is read when there is no console (tests set it; null: standard input). */
    static InputStream passwordInput;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                new Words(LangOption.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)))
                        .get("usage.name_a_subcommand", "add, list, passwd, token, remove"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account. The password is read from the console (twice), or as the first line of standard input; never an argument.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "account-name", description = "The account name (letters, digits, . _ @ -).")
        String name;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "enterprise (its own credit codes), evaluator (its assigned applicants), regulator (reads everything, rules on disputes), "
                        + "administrator (manages accounts); repeat or separate with commas.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--credit-code", split = ",", paramLabel = "CODE",
                description = "An enterprise's own, or an evaluator's assigned, unified social credit code; repeat or separate with commas.")
        List<String> creditCodes = new ArrayList<>();

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String r : roles) parsed.add(Accounts.role(r));
            Accounts accounts = accounts(archive);
            char[] password = password(w, spec);
            Account a = accounts.add(name, parsed, new TreeSet<>(creditCodes), password);
            java.util.Arrays.fill(password, '\0');
            say(spec, w.get("users.added", a.name(), roles(a), String.join(", ", a.creditCodes())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts with their roles and credit codes.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            var out = spec.commandLine().getOut();
            List<Account> all = accounts(archive).list();
            if (all.isEmpty()) out.println(w.get("users.none"));
            for (Account a : all) {
                out.println(a.name() + "\t" + roles(a) + "\t" + String.join(",", new TreeSet<>(a.creditCodes())) + "\t" + a.createdAt());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** What passwd, token and remove share: the account named, the archive holding it, the reader's language. */
    abstract static class OneAccount implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "account-name", description = "The account name.")
        String name;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Set an account's password (a forgotten one reset, or one's own changed), end all its sessions and revoke all its API tokens. "
                    + "The password is read as for add, never an argument.")
    static final class Passwd extends OneAccount {

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            Accounts accounts = accounts(archive);
            // whoever can open the archive's database administers it: no old password asked, as for add
            accounts.existing(name); // an unknown name is said before a password is asked
            char[] password = password(w, spec);
            int revoked;
            try {
                revoked = accounts.setPassword(name, password);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            say(spec, w.get("users.password_set", name));
            say(spec, w.get("users.tokens_revoked", revoked));
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Make a new API token for an account's scripts (Authorization: Bearer TOKEN); it is printed once and stored only as its digest.")
    static final class Token extends OneAccount {

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            String token = accounts(archive).newToken(name);
            say(spec, token);
            spec.commandLine().getErr().println(w.get("users.token_once", name));
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an account with its tokens and sessions (what it did stays in the access log).")
    static final class Remove extends OneAccount {

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            accounts(archive).remove(name);
            say(spec, w.get("users.removed", name));
            return ExitCodes.OK;
        }
    }

    /** A line of the command's report, written at once (a password prompt may follow on the console). */
    private static void say(CommandSpec spec, String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }

    private static Accounts accounts(ArchiveOptions options) throws Fault {
        Archive a = ArchiveOptions.open(options.data, options.jdbcUrl, true);
        return Accounts.of(a);
    }

    private static String roles(Account a) {
        return String.join(",", a.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
    }

    /** From the console, typed twice without echo; else the first line of standard input. */
    private static char[] password(Words w, CommandSpec spec) throws Fault {
        Console console = passwordInput == null ? System.console() : null;
        if (console != null) {
            char[] first = console.readPassword("%s", w.get("users.password_prompt"));
            char[] again = console.readPassword("%s", w.get("users.password_again"));
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new Fault(Fault.Kind.USAGE, w.get("users.password_mismatch"));
            }
            return first;
        }
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(passwordInput != null ? passwordInput : System.in, StandardCharsets.UTF_8));
            String line = r.readLine();
            if (line == null || line.isEmpty()) throw new Fault(Fault.Kind.USAGE, w.get("users.password_missing"));
            return line.toCharArray();
        } catch (IOException e) {
            throw new Fault(Fault.Kind.USAGE, w.get("users.password_missing"));
        }
    }
}
