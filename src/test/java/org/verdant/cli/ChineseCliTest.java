package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.TestRulebook;
import org.verdant.text.DisplayWidth;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** The command line in Chinese by default and English with --lang en: output, help, errors, alignment and encoding. */
class ChineseCliTest {
    /**
     * Four or more Latin words in a row: an English phrase. Ids (PRF-02), codes (green-factory),
     * standard numbers, units, file paths, digests, option names and CSV headers (a,b,c,d) are single tokens and pass.
     */
    private static final Pattern ENGLISH = Pattern.compile("(?<![\\w./-])[A-Za-z]{2,}(?:[,;]?[ ]+[A-Za-z]{2,}){3,}(?![\\w./-])");

    static List<String> englishPhrases(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    @TempDir
    Path tmp;

    private Path submission() throws IOException {
        Path f = tmp.resolve("f.yaml");
        Files.writeString(f, TestRulebook.base(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theLatinRunCheckFindsAnEnglishSentenceAndPassesCodes() {
        assertThat(englishPhrases("ok  every reason the rules give reads in zh and en")).isNotEmpty();
        assertThat(englishPhrases("通过  指标表 national-general@2026.12.0（GB/T 36132-2025，国家通用表）PRF-02 rules/green-factory/x.drl --rules=DIR"))
                .isEmpty();
    }

    @Test
    void schemesRulesCheckAndValidateAreChineseByDefaultAndEnglishOnRequest() throws IOException {
        CliTest.Run schemes = run(withRulebook("schemes"));
        assertThat(schemes.code()).as(schemes.err()).isZero();
        assertThat(schemes.out()).contains("评价体系").contains("评价指标表").contains("国家通用表").contains("分级表");
        assertThat(englishPhrases(schemes.out())).isEmpty();
        assertThat(run(withRulebook("schemes", "--lang", "en")).out()).contains("SCHEME").contains("INDICATOR TABLES OF").contains("national form");

        CliTest.Run check = run(withRulebook("rules", "check"));
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.out()).contains("通过  规则给出的每条理由都有中文和英文").contains("规则库摘要 sha256:")
                .contains("一份评价结论的摘要只覆盖它用到的文件");
        assertThat(englishPhrases(check.out())).isEmpty();
        assertThat(run(withRulebook("rules", "check", "--lang", "en")).out()).contains("ok  every reason the rules give reads in zh and en")
                .contains("a verdict's digest covers only the files it used");

        Path f = submission();
        CliTest.Run valid = run(withRulebook("validate", f.toString()));
        assertThat(valid.out()).isEqualTo(f + "：申报材料有效，适用 绿色工厂 GB/T 36132-2018\n");
        assertThat(run(withRulebook("validate", f.toString(), "--lang", "en")).out()).isEqualTo(f + ": valid submission for green factory GB/T 36132-2018\n");
    }

    @Test
    void verifyAndBatchSummaryAreChineseByDefault() throws IOException {
        Path f = submission();
        Path record = tmp.resolve("r.json");
        assertThat(run(withRulebook("evaluate", f.toString(), "--record", record.toString())).code()).isZero();
        CliTest.Run verify = run(withRulebook("verify", record.toString()));
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("记录        " + record).contains("个文件未改动").contains("相同：逐字节复现了记录中的结论");
        assertThat(englishPhrases(verify.out())).isEmpty();
        assertThat(run(withRulebook("verify", record.toString(), "--lang", "en")).out()).contains("identical: the recorded verdict is reproduced byte for byte");

        CliTest.Run batch = run(withRulebook("batch", f.toString(), "--out", tmp.resolve("out.jsonl").toString()));
        assertThat(batch.code()).as(batch.err()).isZero();
        assertThat(batch.err()).contains("1 份输入").contains("状态       有效 1 · 无效 0 · 内部错误 0").contains("得分");
        assertThat(englishPhrases(batch.err())).isEmpty();
        assertThat(run(withRulebook("batch", f.toString(), "--out", tmp.resolve("out2.jsonl").toString(), "--lang", "en")).err())
                .contains("1 input(s) in").contains("status     valid 1 · invalid 0 · error 0");
    }

    @Test
    void cohortTextIsChineseByDefault() throws IOException {
        Path f = submission();
        Path data = tmp.resolve("data");
        assertThat(run(withRulebook("evaluate", f.toString(), "--archive", data.toString())).code()).isZero();
        String year = TestRulebook.base().lines().filter(l -> l.startsWith("reporting_year:")).findFirst()
                .map(l -> l.replaceAll("\\D", "")).orElse("2024");
        CliTest.Run cohort = run("cohort", "--year", year, "--data", data.toString());
        assertThat(cohort.code()).as(cohort.err()).isZero();
        assertThat(cohort.out()).contains("样本：green-factory").contains("规则：按得分排名").contains("拟退出候选");
        assertThat(englishPhrases(cohort.out())).isEmpty();
        assertThat(run("cohort", "--year", year, "--data", data.toString(), "--lang", "en").out()).contains("Cohort: green-factory");
    }

    @Test
    void archiveCommandsAreChineseByDefaultAndEnglishOnRequest() throws IOException {
        String code = org.verdant.archive.Stored.creditCode(31);
        Path f = tmp.resolve("a.yaml");
        Files.writeString(f, org.verdant.archive.Stored.factory(2023, code, List.of("INF-05")), StandardCharsets.UTF_8);
        Path data = tmp.resolve("data");
        CliTest.Run stored = run(withRulebook("evaluate", f.toString(), "--archive", data.toString()));
        assertThat(stored.err()).startsWith("已存档为记录 1，位于 ");
        assertThat(run(withRulebook("evaluate", f.toString(), "--archive", data.toString())).err()).startsWith("已存档为记录 2（重新评价记录 1），位于 ");

        CliTest.Run list = run("archive", "list", "--data", data.toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("编号  前次  年度").contains("共 2 条记录");
        List<String> rows = list.out().lines().toList();
        assertThat(column(rows.get(1), code)).isEqualTo(column(rows.get(0), "信用代码"));
        CliTest.Run show = run("archive", "show", "2", "--data", data.toString());
        assertThat(show.out()).contains("记录 2（重新评价记录 1）").contains("评价时间").contains("--lang zh").contains("按当前规则库重新运行");
        CliTest.Run history = run("archive", "history", code, "--data", data.toString());
        assertThat(history.out()).contains(code + "：共 2 次评价");
        CliTest.Run none = run("archive", "history", org.verdant.archive.Stored.creditCode(32), "--data", data.toString());
        CliTest.Run same = run(withRulebook("archive", "verify", "1", "--data", data.toString()));
        assertThat(same.out()).contains("相同：重新运行得到的 JSON 评价结论与存档的逐字节相同");
        Path changed = org.verdant.archive.Stored.changedScorecards(tmp);
        CliTest.Run differs = run("archive", "verify", "1", "--data", data.toString(), "--rules", "rules", "--scorecards", changed.toString());
        assertThat(differs.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(differs.out()).contains("不同（").contains("得分：98 → 99").contains("规则库摘要：sha256:").contains("指标 INF-05 满分：10 → 5");
        CliTest.Run noRecord = run("archive", "show", "9", "--data", data.toString());
        assertThat(noRecord.err()).isEqualTo("用法错误：档案中没有记录 9\n");
        for (CliTest.Run r : List.of(list, show, history, none, same, differs, noRecord)) {
            assertThat(englishPhrases(r.out() + r.err())).as(r.out() + r.err()).isEmpty();
        }
        assertThat(run("archive", "list", "--data", data.toString(), "--lang", "en").out()).contains("2 record(s)");
        assertThat(run("archive", "verify", "1", "--data", data.toString(), "--rules", "rules", "--scorecards", changed.toString(), "--lang", "en")
                .out()).contains("DIFFERS").contains("criterion INF-05 max: 10 → 5");
    }

    @Test
    void serveGenerateAndTableAreChineseByDefaultAndEnglishOnRequest() throws IOException {
        CliTest.Run port = run("serve", "--port", "70000");
        assertThat(port.err()).isEqualTo("用法错误：--port: 70000 不是端口（0 到 65535）\n");
        assertThat(run("serve", "--port", "70000", "--lang", "en").err()).contains("is not a port (0 to 65535)");

        Path out = tmp.resolve("generated");
        CliTest.Run generate = run(withRulebook("generate", "--scheme", "green-factory", "--count", "2", "--out", out.toString()));
        assertThat(generate.code()).as(generate.err()).isZero();
        assertThat(generate.err()).isEqualTo("已写出 2 份申报材料到 " + out + "\n");
        assertThat(run(withRulebook("generate", "--scheme", "green-factory", "--count", "1", "--out", out.toString(), "--lang", "en")).err())
                .isEqualTo("wrote 1 submission(s) to " + out + "\n");
        CliTest.Run negative = run(withRulebook("generate", "--scheme", "green-factory", "--count", "-1"));
        assertThat(negative.err()).isEqualTo("用法错误：--count 不能为负数\n");

        CliTest.Run list = run(withRulebook("table", "list"));
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("national-general").contains("（默认）");
        assertThat(run(withRulebook("table", "list", "--lang", "en")).out()).contains(" (default)");
        CliTest.Run missing = run("table", "import", tmp.resolve("none.xlsx").toString());
        assertThat(missing.err()).isEqualTo("用法错误：" + tmp.resolve("none.xlsx") + "：没有此文件\n");
        CliTest.Run calibrate = run("table", "calibrate", "src/test/resources/tables/test-general.yaml", "-o", tmp.resolve("c.yaml").toString());
        assertThat(calibrate.err()).startsWith("用法错误：请给出评价结论");
        CliTest.Run noSubcommand = run("table");
        assertThat(noSubcommand.err()).contains("请给出一个子命令：list, export, import, calibrate");
        // (noSubcommand lists the subcommands' names: codes, left out)
        for (CliTest.Run r : List.of(port, generate, negative, list, missing, calibrate)) {
            assertThat(englishPhrases(r.out() + r.err())).as(r.out() + r.err()).isEmpty();
        }
    }

    @Test
    void testCommandIsChineseByDefault() throws IOException {
        Path dir = tmp.resolve("fixtures/green-factory/gbt36132-2018");
        Files.createDirectories(dir);
        Path source = Path.of("fixtures/green-factory/gbt36132-2018");
        String name = "cement-jiangsu-high-scorer";
        try (Stream<Path> files = Files.list(source)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        CliTest.Run test = run(withRulebook("test", tmp.resolve("fixtures").toString()));
        assertThat(test.code()).as(test.out()).isZero();
        assertThat(test.out()).contains("通过    ").contains("次样例评价").contains("覆盖：").contains("合计：覆盖");
        assertThat(englishPhrases(test.out())).isEmpty();
    }

    /** Every command's --help, in Chinese by default: no English phrase anywhere; English with --lang en. */
    @Test
    void everyCommandsHelpIsChineseByDefault() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new VerdantCli()), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliTest.Run zh = run(args.toArray(String[]::new));
            assertThat(zh.code()).as(String.join(" ", args)).isZero();
            assertThat(zh.out()).as(String.join(" ", args)).contains("用法：").contains("显示本帮助并退出");
            assertThat(englishPhrases(zh.out())).as(String.join(" ", args) + "\n" + zh.out()).isEmpty();
            // before the command: the commands with no words of their own (archive show, table export) have no --lang
            args.addAll(0, List.of("--lang", "en"));
            CliTest.Run en = run(args.toArray(String[]::new));
            assertThat(en.out()).as(String.join(" ", args)).contains("Usage:").contains("Show this help message and exit.");
        }
        assertThat(run("--help").out()).contains("退出码：0 已给出评价结论").contains("命令名拼写错误，会提示最接近的命令");
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, out);
        }
    }

    @Test
    void aMistypedCommandGetsTheNearestOne() {
        CliTest.Run zh = run("evalute", "x.yaml");
        assertThat(zh.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(zh.err()).contains("用法错误：无法识别的参数：evalute").contains("您是不是要输入：evaluate").contains("用法见 'verdant --help'");
        CliTest.Run en = run("evalute", "x.yaml", "--lang", "en");
        assertThat(en.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(en.err()).contains("did you mean: evaluate").contains("run 'verdant --help' for usage");
        CliTest.Run option = run("evaluate", "--formt", "json", "x.yaml");
        assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("您是不是要输入：--format");
        assertThat(run("evaluate", "--lang", "fr", "x.yaml").err()).contains("--lang 的值 'fr' 无效；可选：zh, en");
    }

    @Test
    void displayWidthCountsChineseAsTwoColumns() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("评价体系")).isEqualTo(8);
        assertThat(DisplayWidth.of("（GB/T）")).isEqualTo(8);
        assertThat(DisplayWidth.padRight("版本", 6)).isEqualTo("版本  ");
        assertThat(DisplayWidth.padLeft("得分", 6)).isEqualTo("  得分");
        assertThat(DisplayWidth.padRight("很长的名称", 4)).isEqualTo("很长的名称");
    }

    /** The column a text starts at, counted as a terminal shows it. */
    private static int column(String line, String text) {
        int i = line.indexOf(text);
        assertThat(i).as(line + " has " + text).isNotNegative();
        return DisplayWidth.of(line.substring(0, i));
    }

    @Test
    void chineseColumnsAlignByDisplayWidth() throws IOException {
        List<String> schemes = run(withRulebook("schemes")).out().lines().toList();
        String header = schemes.get(0);
        String row = schemes.stream().filter(l -> l.startsWith("green-factory ")).findFirst().orElseThrow();
        assertThat(column(row, "GB/T 36132")).isEqualTo(column(header, "版本"));
        assertThat(column(row, "green-factory/")).isEqualTo(column(header, "评分卡"));

        Path f = submission();
        List<String> whatIf = run(withRulebook("what-if", f.toString(), "--set", "claims.INF-05.met=false")).out().lines().toList();
        String head = whatIf.stream().filter(l -> l.contains("修改前")).findFirst().orElseThrow();
        String score = whatIf.stream().filter(l -> l.startsWith("  指标得分")).findFirst().orElseThrow();
        assertThat(column(score, "100")).isEqualTo(column(head, "修改前"));
        assertThat(column(score, "98")).isEqualTo(column(head, "修改后"));
    }

    @Test
    void standardErrorAloneDecidesWhetherItIsATerminal() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("pipe:[12345]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/var/log/verdant-err.log")).isFalse();
    }

    /** Standard output is UTF-8 with no locale at all (LANG unset, as in containers and cron). */
    @Test
    void outputIsUtf8WithTheLocaleUnset() throws Exception {
        Process p = java(List.of("schemes", "--rules", "rules", "--scorecards", "scorecards"), false);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).contains("评价体系").contains("绿色工厂评价通则").doesNotContain("?");

        Path chinese = tmp.resolve("申报材料.yaml");
        Files.writeString(chinese, TestRulebook.base(), StandardCharsets.UTF_8);
        Process q = java(List.of("validate", chinese.toString(), "--rules", "rules", "--scorecards", "scorecards"), false);
        String qErr = new String(q.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // Java cannot decode the name without a UTF-8 locale: it says so, in Chinese-safe UTF-8
        assertThat(q.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(qErr).contains("LC_ALL=C.UTF-8");
    }

    /** The launcher's way: LC_ALL=C.UTF-8 when no UTF-8 locale is set; a Chinese file name then opens. */
    @Test
    void aChineseFileNameOpensUnderTheLaunchersLocale() throws Exception {
        Path chinese = tmp.resolve("绿色工厂申报.yaml");
        Files.writeString(chinese, TestRulebook.base(), StandardCharsets.UTF_8);
        Process p = java(List.of("validate", chinese.toString(), "--rules", "rules", "--scorecards", "scorecards"), true);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out).isEqualTo(chinese + "：申报材料有效，适用 绿色工厂 GB/T 36132-2018\n");
    }

    /** This test's classes in a new JVM with no locale variables (or with the launcher's C.UTF-8). */
    private static Process java(List<String> args, boolean launcherLocale) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), VerdantCli.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_") || k.equals("LANGUAGE") || k.startsWith("JAVA_TOOL"));
        if (launcherLocale) env.put("LC_ALL", "C.UTF-8");
        env.put("VERDANT_CACHE", "off");
        return pb.start();
    }

    @SuppressWarnings("unused")
    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
