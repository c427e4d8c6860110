package org.verdant.app;

import org.verdant.access.Access;
import org.verdant.access.Actor;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.AssessmentRevision;
import org.verdant.archive.AssessmentRevisions;
import org.verdant.archive.EvidenceAssessment;
import org.verdant.assessment.Assessment;
import org.verdant.fault.Fault;

import java.util.List;

/**
 * Evaluators' assessments of stored evaluations (docs/assessment.md, "Assessing a stored
 * evaluation"): an evaluator gives a verdant.assessment/1 document, the stored submission is
 * re-evaluated with it and both are appended to the archive as the evaluation's next revision;
 * nothing given earlier is overwritten. Who may assess or read is {@link Access}'s to say.
 */
public final class Assessments {
    private final Application application;
    private final Archive archive;

    public Assessments(Application application, Archive archive) {
        this.application = application;
        this.archive = archive;
    }

    /** The stored evaluation and what was assessed of it so far. */
    public record Assessed(ArchivedEvaluation evaluation, List<AssessmentRevision> revisions) {
        public AssessmentRevision latest() {
            return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        }
    }

    /**
     * Reads the document (problems located in {@code file}), re-evaluates record {@code recordId}
     * with it and appends it; a document that does not read or does not fit the submission is
     * refused before anything is stored.
     */
    public Assessed assess(Actor actor, long recordId, String file, byte[] bytes) throws Fault {
        ArchivedEvaluation a = record(recordId);
        Access.require(actor, Access.Action.ASSESS, a.entry().creditCode());
        Assessment assessment = Application.assessment(file, bytes);
        // the files the assessment cites must be in this archive, as a submission's must be when stored
        Evaluation assessed = application.assess(a, assessment, archive);
        AssessmentRevisions.append(archive, recordId, a.entry().creditCode(), actor.id(), new EvidenceAssessment(file, bytes), assessed.json());
        return new Assessed(a, AssessmentRevisions.of(archive, recordId));
    }

    /** Record {@code recordId} and its assessments, for anyone who may read the facility's records. */
    public Assessed show(Actor actor, long recordId) throws Fault {
        ArchivedEvaluation a = record(recordId);
        Access.require(actor, Access.Action.READ, a.entry().creditCode());
        return new Assessed(a, AssessmentRevisions.of(archive, recordId));
    }

    private ArchivedEvaluation record(long id) throws Fault {
        return archive.get(id).orElseThrow(() -> new TextFault(Fault.Kind.NOT_FOUND, null, "档案库中没有记录 " + id, "no record " + id + " in the archive"));
    }
}
