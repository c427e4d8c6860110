package org.verdant.plan;

import org.verdant.report.document.ReportFormat;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.PointsNotGiven;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.util.List;

/**
 * What the report's improvement section lists. {@link PointsNotGiven} is the simple version read
 * from the findings; a fuller advisor (e.g. one behind an {@code improve} command) can take its
 * place through {@link ReportDocument#render(Verdict, Messages, ReportFormat, ImprovementAdvisor)}.
 */
@FunctionalInterface
public interface ImprovementAdvisor {
    /** Blocking checks first, then the points not given, largest effect on the total first. */
    List<Improvement> advise(Verdict verdict, Messages messages);
}
