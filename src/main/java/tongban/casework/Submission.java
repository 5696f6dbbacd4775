package tongban.casework;

import java.time.LocalDate;
import java.util.List;

/** What a submission answers: the problems that stopped it, or the case's number and promised date. */
public record Submission(List<Problem> problems, String caseNumber, LocalDate promisedDate) {
}
