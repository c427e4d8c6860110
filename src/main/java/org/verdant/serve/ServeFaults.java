package org.verdant.serve;

import io.javalin.http.Context;
import org.verdant.app.Application;
import org.verdant.app.Faults;
import org.verdant.app.TextFault;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.text.Text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a failure of the application layer into the service's answer: an HTTP
 * status, the {@code error} code and the message of {@code verdant.error/1}; an option is named
 * as the request parameter (or envelope field) that sets it.
 */
final class ServeFaults {
    private ServeFaults() {
    }

    static ApiException answer(Fault f, Context ctx, PrintWriter log) {
        return switch (f.kind()) {
            // a fault written in both languages answers in the request's; one with a single message (a bug's) as it wrote it
            case USAGE -> ApiException.badRequest(parameter(f.option()) + TextFault.message(f, "zh"), parameter(f.option()) + TextFault.message(f, "en"));
            case NOT_FOUND -> ApiException.notFound(parameter(f.option()) + TextFault.message(f, "zh"), parameter(f.option()) + TextFault.message(f, "en"));
            case INVALID_SUBMISSION -> new ApiException(422, "invalid_submission", new Text("申报材料无效（" + f.count() + " 个问题），未评分",
                    "invalid submission (" + f.count() + " problem(s)); nothing was scored"), f.problems(), null);
            case INVALID_RULEBOOK -> new ApiException(500, "invalid_rulebook", new Text(
                    "规则库无效（" + f.problems().size() + " 个问题）：服务器的规则库在此版本下无法编译",
                    "invalid rulebook (" + f.problems().size() + " problem(s)): the server's rulebook does not compile for this edition"),
                    f.problems(), null);
            case ARCHIVE -> new ApiException(500, "archive", new Text("档案：" + TextFault.message(f, "zh"), "archive: " + TextFault.message(f, "en")));
            case IO -> new ApiException(500, "io", new Text(TextFault.message(f, "zh"), TextFault.message(f, "en"))); // the server's file, not the request's fault
            case FORBIDDEN -> new ApiException(403, "forbidden", new Text(TextFault.message(f, "zh"), TextFault.message(f, "en")));
            case NOT_REPRODUCED -> notReproduced(f);
            case INTERNAL -> internal(f instanceof Faults.Internal i ? i.bug() : f, ctx, log);
        };
    }

    /** An option as the request names it (a query parameter or an envelope field), followed by ": ". */
    static String parameter(Option option) {
        return option == null ? "" : option.word() + ": ";
    }

    private static ApiException notReproduced(Fault f) {
        List<Map<String, String>> differences = new ArrayList<>();
        for (Fault.Difference d : f.details()) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("what", d.what());
            m.put("archived", d.recorded());
            m.put("now", d.now());
            differences.add(m);
        }
        String id = f instanceof Application.NotReproduced n ? String.valueOf(n.recordId()) : "?";
        return new ApiException(409, "not_reproduced", new Text("本服务器的规则库和引擎不能复现记录 " + id
                + "，因此这里无法生成其报告和推理过程；POST /api/evaluations/" + id
                + "/verify 显示不同之处，用当时的规则库（--rules、--scorecards）启动的服务器可以生成",
                "record " + id + " is not reproduced by this server's rulebook and engine, "
                + "so its report and trace cannot be rendered here; POST /api/evaluations/" + id
                + "/verify shows what differs, and a server started with the rulebook it was made with (--rules, --scorecards) renders it"),
                null, differences);
    }

    private static ApiException internal(Throwable bug, Context ctx, PrintWriter log) {
        if (log != null) {
            log.println("internal error on " + ctx.method() + " " + ctx.path() + ": " + bug);
            if (System.getenv("VERDANT_DEBUG") != null) bug.printStackTrace(log);
            log.flush();
        }
        String name = bug.getClass().getSimpleName();
        return new ApiException(500, "internal", new Text("内部错误：" + name + "（请连同引发它的输入一起报告此问题）",
                "internal error: " + name + " (please report it with the input that caused it)"));
    }
}
