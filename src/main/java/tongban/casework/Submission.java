package tongban.casework;

import java.time.LocalDate;
import java.util.List;
import tongban.shared.FieldProblem;

/** What a submission answers: the problems that stopped it, or the case's number and promised date. */
public record Submission(List<FieldProblem> problems, String caseNumber, LocalDate promisedDate) {
}
