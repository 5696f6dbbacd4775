package tongban.casework;

import tongban.shared.FieldProblem;

/** What kind of problem with an application a {@link FieldProblem} is, where the pages treat kinds differently. */
public final class ApplicationProblems {

	private ApplicationProblems() {
	}

	/** A problem of an uploaded file itself (size, type, unreadable or active content), reported even on a draft save. */
	public static boolean aboutFile(FieldProblem problem) {
		return problem.code().startsWith("case.error.file") || problem.code().startsWith("upload.error");
	}

	/**
	 * A refused change to a value the applicant may not change (one taken from a register, or from the account), also
	 * reported on a draft save: the saved draft kept the old value, so the page must say why.
	 */
	public static boolean aboutLockedValue(FieldProblem problem) {
		return problem.code().equals("case.error.verified") || problem.code().equals("case.error.fromAccount");
	}
}
