package tongban.hotline;

import java.util.List;

import tongban.shared.FieldProblem;

/** A submission's answer: the refused fields, or the new ticket's id, number and Open311 token. */
public record Submitted(List<FieldProblem> problems, TicketId id, String number, String token) {

	public static Submitted refused(List<FieldProblem> problems) {
		return new Submitted(problems, null, null, null);
	}

	public boolean ok() {
		return problems.isEmpty();
	}
}
