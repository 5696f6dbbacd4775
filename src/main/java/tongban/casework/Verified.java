package tongban.casework;

import java.util.List;
import tongban.shared.FieldProblem;

/**
 * A form value not typed by the applicant: taken from a government register with their consent (the register's name
 * as source), or the applicant's own identity from their account ({@link #ACCOUNT}, with the account's level of
 * assurance); with its MAC.
 */
public record Verified(String source, String mac, Integer assuranceLevel) {

	public static final String ACCOUNT = "ACCOUNT";

	public Verified(String source, String mac) {
		this(source, mac, null);
	}

	public boolean fromAccount() {
		return ACCOUNT.equals(source);
	}

	/** The problem a request that changes this value meets. */
	public FieldProblem refusal(String field) {
		return fromAccount() ? new FieldProblem(field, "case.error.fromAccount", List.of()) : new FieldProblem(field, "case.error.verified", List.of(source));
	}
}
