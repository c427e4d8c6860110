package org.verdant.cli;

import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.serve.VerdantServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the JSON API and the web page: evaluate, store, report, trace, diff, cohort and verify over HTTP, "
                + "with one compiled rulebook and the archive of --data (docs/serve.md).",
                "With accounts in the archive (verdant users add) everyone signs in and sees what their role allows; "
                        + "without, only the local single-user mode on loopback (--local). Listens on 127.0.0.1 unless --bind says otherwise, "
                        + "and beyond loopback only with accounts. Stops on Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Local mode only: a file holding one line, the shared API token required for writes (POST); "
                    + "default: $VERDANT_API_TOKEN, else none. Reads stay open to whoever reaches the address.")
    Path tokenFile;

    @Option(names = "--local", description = "The local single-user mode: one person on this machine plays every role (loopback only). "
            + "Never the default: without it nobody gets in without an account.")
    boolean local;

    @Option(names = "--allowed-host", paramLabel = "NAME", split = ",",
            description = "A further Host name a reverse proxy forwards (the bound address and the loopback names are always accepted).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--behind-proxy", description = "Trust X-Forwarded-Proto from the reverse proxy in front (cookies are Secure when it says https).")
    boolean behindProxy;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Words w = lang.words();
        if (port < 0 || port > 65535) throw new Fault(Fault.Kind.USAGE, w.get("serve.bad_port", port));
        String token = token(w);
        boolean loopback = loopback(bind, w);
        Archive a = ArchiveOptions.open(archive.data, archive.jdbcUrl, true);
        // only an explicit --local plays the local operator; otherwise nobody gets in without an account (deny by default)
        Accounts accounts = local ? null : Accounts.of(a);
        boolean noAccounts = accounts != null && !accounts.any();
        // beyond loopback the data is companies' confidential figures: only with accounts
        if (!loopback && (accounts == null || noAccounts)) throw new Fault(Fault.Kind.USAGE, w.get(local ? "serve.local_beyond_loopback" : "serve.no_accounts_beyond_loopback", bind));
        if (accounts != null && tokenFile != null) throw new Fault(Fault.Kind.USAGE, w.get("serve.token_with_accounts"));
        if (accounts != null && token != null) {
            err.println(w.get("serve.env_token_ignored"));
            token = null; // every account has its own tokens (verdant users token)
        }
        CompiledRulebook compiled = rulebook.load();
        try {
            compiled.compileAll(); // compile every edition now, so the first request is not slow
        } catch (RulebookException e) {
            Console.problems(err, e.problems(), w.get("serve.invalid_rulebook", e.problems().size()));
        }
        VerdantServer server;
        try {
            server = VerdantServer.start(new VerdantServer.Config(bind, port, compiled, a, token, Runtime.getRuntime().availableProcessors(),
                    accounts, allowedHosts, behindProxy, local), err);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new Fault(Fault.Kind.USAGE, w.get("serve.cannot_listen", bind, port, cause.getMessage()));
        }
        out.println(w.get("serve.listening", server.uri(), a.location().describe(), compiled.rulebook().digest()));
        if (accounts != null) {
            out.println(w.get("serve.accounts_mode"));
            if (noAccounts) out.println(w.get("serve.no_accounts_yet"));
        } else {
            out.println(w.get("serve.local_mode"));
            out.println(w.get(token == null ? "serve.no_token" : "serve.token_required"));
            if (token != null) out.println(w.get("serve.token_reads_open"));
        }
        out.println(w.get("serve.stop"));
        out.flush();
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "verdant-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCodes.OK;
    }

    /** --token-file, else $VERDANT_API_TOKEN, else none; surrounding whitespace (a final newline) is not part of it. */
    private String token(Words w) throws Fault {
        if (tokenFile != null) {
            String t;
            try {
                t = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new Fault(Fault.Kind.USAGE, w.get("file.not_utf8", tokenFile)); // Java says only "Input length = 1"
            } catch (IOException e) {
                throw new Fault(Fault.Kind.USAGE, w.get("serve.token_unreadable", tokenFile, e.getMessage()));
            }
            if (t.isEmpty()) throw new Fault(Fault.Kind.USAGE, w.get("serve.token_empty", tokenFile));
            // a client sends one header line: a token with a line break in it could never be sent
            if (t.contains("\n") || t.contains("\r")) throw new Fault(Fault.Kind.USAGE, w.get("serve.token_lines", tokenFile));
            if (t.length() < 16) throw new Fault(Fault.Kind.USAGE, w.get("serve.token_short", t.length()));
            return t;
        }
        String env = System.getenv("VERDANT_API_TOKEN");
        if (env == null || env.isBlank()) return null;
        if (env.strip().length() < 16) throw new Fault(Fault.Kind.USAGE, w.get("serve.env_token_short"));
        return env.strip();
    }

    private static boolean loopback(String host, Words w) throws Fault {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new Fault(Fault.Kind.USAGE, w.get("serve.unknown_address", host));
        }
    }
}
