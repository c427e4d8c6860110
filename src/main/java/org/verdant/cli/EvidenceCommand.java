package org.verdant.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.verdant.app.EvidenceFiles;
import org.verdant.archive.Archive;
import org.verdant.archive.EvidenceFile;
import org.verdant.fault.Fault;
import org.verdant.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence files in the archive (PDF, PNG, JPEG, xlsx, CSV; see docs/evidence.md): add, list.",
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.ListFiles.class})
final class EvidenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    enum Format { text, json }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                new Words(LangOption.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))).get("usage.name_a_subcommand", "add, list"));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Store evidence files in the archive (once each, by sha256) and print their digests.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", descriptionKey = "evidence-file", description = "PDF, PNG, JPEG, xlsx or CSV files of at most 20 MiB each.")
        List<Path> files;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            Words w = lang.words();
            List<byte[]> contents = new ArrayList<>();
            for (Path f : files) {
                if (!Files.isRegularFile(f)) throw new Fault(Fault.Kind.USAGE, w.get("file.no_such_file", f));
                contents.add(Files.readAllBytes(f));
            }
            var out = spec.commandLine().getOut();
            try (Archive a = ArchiveOptions.open(archive.data, archive.jdbcUrl, true)) {
                for (int i = 0; i < files.size(); i++) {
                    EvidenceFile e = EvidenceFiles.add(a, files.get(i).getFileName().toString(), contents.get(i));
                    out.println(e.sha256() + "  " + e.type().mediaType() + "  " + w.get("evidence.size", e.size()) + "  " + files.get(i));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the evidence files in the archive, in the order stored.")
    static final class ListFiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        ArchiveOptions archive = new ArchiveOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            List<EvidenceFile> found;
            try (Archive a = archive.open()) {
                found = EvidenceFiles.list(a);
            }
            var out = spec.commandLine().getOut();
            Words w = lang.words();
            if (format == Format.json) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                for (EvidenceFile e : found) {
                    list.addObject().put("sha256", e.sha256()).put("media_type", e.type().mediaType()).put("size", e.size())
                            .put("stored_at", e.storedAt().toString());
                }
                out.print(Json.PRETTY.writeValueAsString(JsonNodeFactory.instance.objectNode().put("format", "verdant.evidence-list/1").set("files", list)) + "\n");
                return ExitCodes.OK;
            }
            if (found.isEmpty()) out.println(w.get("evidence.none"));
            boolean zh = "zh".equals(lang.lang.name());
            for (EvidenceFile e : found) {
                out.println(e.sha256() + "  " + (zh ? e.type().zh() : e.type().en()) + "  " + w.get("evidence.size", e.size()) + "  " + e.storedAt());
            }
            return ExitCodes.OK;
        }
    }
}
