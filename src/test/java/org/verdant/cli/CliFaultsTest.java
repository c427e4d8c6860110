package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.text.Location;
import org.verdant.yaml.Problem;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's one mapping of faults to messages and the README's exit codes. */
class CliFaultsTest {
    private record Printed(int code, String err) {
    }

    /** In English: the assertions below name the English texts; {@link #chineseByDefault} the Chinese ones. */
    private static Printed report(Throwable t, Object command) {
        return report(t, command, "en");
    }

    private static Printed report(Throwable t, Object command, String lang) {
        StringWriter err = new StringWriter();
        int code = CliFaults.report(new PrintWriter(err, true), t, command, new Words(lang));
        return new Printed(code, err.toString());
    }

    @Test
    void chineseByDefault() {
        CliFaults.OfSubmission command = () -> Path.of("f.yaml");
        assertThat(report(new Fault(Fault.Kind.USAGE, Option.GRADING, "x"), null, "zh").err()).isEqualTo("用法错误：--grading: x\n");
        assertThat(report(new Fault(Fault.Kind.INVALID_SUBMISSION, null, "", List.of(PROBLEM), 1), command, "zh").err())
                .isEqualTo("f.yaml:3:5: site.area: must be a number\nf.yaml：申报材料无效（1 个问题），未评分\n");
        assertThat(report(new Fault(Fault.Kind.INVALID_SUBMISSION, null, "", List.of(PROBLEM), 1), null, "zh").err())
                .endsWith("输入：申报材料无效（1 个问题），未评分\n");
        assertThat(report(new Fault(Fault.Kind.INVALID_SUBMISSION, Option.SET, "", List.of(PROBLEM), 1), command, "zh").err())
                .endsWith("f.yaml 按 --set 修改后：申报材料无效（1 个问题），未评分\n");
        assertThat(report(new org.verdant.rulebook.RulebookException(List.of(PROBLEM)), null, "zh").err()).endsWith("规则库无效（1 个问题）\n");
        assertThat(report(new org.verdant.archive.ArchiveException("database is locked"), null, "zh").err())
                .isEqualTo("用法错误：档案：database is locked\n");
        assertThat(report(new IllegalStateException("boom"), null, "zh").err())
                .isEqualTo("内部错误：java.lang.IllegalStateException: boom（请连同引发它的输入一起报告此问题）\n");
        CliTest.Run r = CliTest.run(CliTest.withRulebook("evaluate", "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml",
                "--grading", "nope"));
        assertThat(r.err()).startsWith("用法错误：--grading: ");
    }

    private static final Problem PROBLEM = new Problem(new Location("f.yaml", 3, 5), "site.area", "must be a number");

    @Test
    void usageNamesTheOptionAsItsFlag() {
        Printed p = report(new Fault(Fault.Kind.USAGE, Option.GRADING, "unknown grading table 'x'"), null);
        assertThat(p.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(p.err()).isEqualTo("usage error: --grading: unknown grading table 'x'\n");
        assertThat(report(new Fault(Fault.Kind.NOT_FOUND, "no criterion 'X'"), null).err()).isEqualTo("usage error: no criterion 'X'\n");
        assertThat(report(new Fault(Fault.Kind.USAGE, Option.TABLE, "no table 'y'"), null).err()).startsWith("usage error: --table: ");
    }

    @Test
    void anInvalidSubmissionIsNamedByTheCommandsFile() {
        CliFaults.OfSubmission command = () -> Path.of("f.yaml");
        Printed p = report(new Fault(Fault.Kind.INVALID_SUBMISSION, null, "1 problem(s)", List.of(PROBLEM), 1), command);
        assertThat(p.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(p.err()).isEqualTo("f.yaml:3:5: site.area: must be a number\nf.yaml: invalid submission (1 problem(s)); nothing was scored\n");
        assertThat(report(new Fault(Fault.Kind.INVALID_SUBMISSION, null, "", List.of(PROBLEM), 1), null).err())
                .endsWith("input: invalid submission (1 problem(s)); nothing was scored\n");
        assertThat(report(new Fault(Fault.Kind.INVALID_SUBMISSION, Option.SET, "", List.of(PROBLEM), 1), command).err())
                .endsWith("f.yaml with the --set changes: invalid submission (1 problem(s)); nothing was scored\n");
    }

    @Test
    void theOtherKindsHaveTheirExitCodes() {
        Printed rulebook = report(new org.verdant.rulebook.RulebookException(List.of(PROBLEM)), null);
        assertThat(rulebook.code()).isEqualTo(ExitCodes.INVALID_RULEBOOK);
        assertThat(rulebook.err()).endsWith("invalid rulebook (1 problem(s))\n");
        Printed archive = report(new org.verdant.archive.ArchiveException("database is locked"), null);
        assertThat(archive.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(archive.err()).isEqualTo("usage error: archive: database is locked\n");
        Printed differs = report(new Fault(Fault.Kind.NOT_REPRODUCED, "record 3 is not reproduced",
                List.of(new Fault.Difference("score", "98", "99"))), null);
        assertThat(differs.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(differs.err()).isEqualTo("record 3 is not reproduced\n  score: 98 → 99\n");
        Printed bug = report(new IllegalStateException("boom"), null);
        assertThat(bug.code()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(bug.err()).isEqualTo("internal error: java.lang.IllegalStateException: boom (please report this with the input that caused it)\n");
    }

    /** A read or write that failed is no usage error: the message of ours names the file (code 2, as the README's table says); a closed reader is 141, silent. */
    @Test
    void aFailedReadOrWriteIsNamedAndAClosedReaderIsSilent() {
        Printed io = report(new java.nio.file.NoSuchFileException("in/a.yaml"), null);
        assertThat(io.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(io.err()).isEqualTo("cannot read or write in/a.yaml: no such file or folder\n");
        assertThat(report(new java.io.IOException("Broken pipe"), null, "zh").err()).isEqualTo("读写失败：Broken pipe\n");
        Printed closed = report(new StreamOutput.Closed(new java.io.IOException("Broken pipe")), null);
        assertThat(closed.code()).isEqualTo(ExitCodes.OUTPUT_CLOSED).isEqualTo(141);
        assertThat(closed.err()).isEmpty();
    }

    @Test
    void everyCommandReportsThroughTheOneMapping() {
        CliTest.Run r = CliTest.run(CliTest.withRulebook("evaluate", "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml",
                "--grading", "nope", "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("usage error: --grading: unknown grading table 'nope'; available: ");
        CliTest.Run explain = CliTest.run(CliTest.withRulebook("explain", "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml",
                "PRF-111", "--lang", "en"));
        assertThat(explain.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(explain.err()).startsWith("usage error: no criterion 'PRF-111'");
    }

    @Test
    void theTableOptionIsSharedByTheEvaluatingCommands() {
        for (String command : List.of("evaluate", "explain", "report", "improve", "what-if")) {
            CliTest.Run help = CliTest.run(command, "--help", "--lang", "en"); // the annotations' English; Chinese is the default
            assertThat(help.out()).as(command).contains("--table=ID|FILE").contains("Indicator table for GB/T 36132-2025");
        }
    }
}
