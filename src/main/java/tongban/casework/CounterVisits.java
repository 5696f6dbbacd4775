package tongban.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.identity.Actor;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * 跑动次数 as measured (not as the catalogue declares it): each time the applicant had to come to a window for a case is
 * one row of {@code casework_visit}, written by the step that needed them there, in the same transaction: a case
 * submitted at the counter (intake), a promised or requested material handed in at the counter (supplement), a result
 * collected in person (collection, recorded by {@link Handling#deliver} unless the result was posted).
 */
@Service
@Transactional
public class CounterVisits {

	/** Why the applicant came to the window. */
	public enum Kind {
		INTAKE, SUPPLEMENT, COLLECTION
	}

	private final Applying applying;
	private final CounterIntake intake;
	private final JdbcClient jdbc;

	CounterVisits(Applying applying, CounterIntake intake, JdbcClient jdbc) {
		this.applying = applying;
		this.intake = intake;
		this.jdbc = jdbc;
	}

	/**
	 * {@link Applying#submit} at a window, counted as the intake visit. A second submission with the same token (double
	 * click) returns the same case and counts no second visit.
	 */
	public List<FieldProblem> submit(Actor visitor, CaseId caseId, UUID token, String clerkName) {
		List<FieldProblem> problems = applying.submit(visitor, caseId, token);
		if (problems.isEmpty() && count(caseId, Kind.INTAKE) == 0) {
			record(caseId, Kind.INTAKE, clerkName);
		}
		return problems;
	}

	/** {@link CounterIntake#deliverDeferred} at a window: the applicant came with the material, one supplement visit. */
	public List<FieldProblem> deliverDeferred(Actor visitor, CaseId caseId, Map<Integer, Upload> uploads, String clerkName) {
		List<FieldProblem> problems = intake.deliverDeferred(visitor, caseId, uploads);
		if (problems.isEmpty()) {
			record(caseId, Kind.SUPPLEMENT, clerkName);
		}
		return problems;
	}

	/** The visits measured for a case, of one kind. */
	@Transactional(readOnly = true)
	public int count(CaseId caseId, Kind kind) {
		return jdbc.sql("select count(*) from casework_visit where case_id = ? and kind = ?")
			.params(caseId.value(), kind.name())
			.query(Integer.class)
			.single();
	}

	void record(CaseId caseId, Kind kind, String staffName) {
		jdbc.sql("insert into casework_visit (id, case_id, kind, at, staff_name) values (?, ?, ?, now(), ?)")
			.params(UUID.randomUUID(), caseId.value(), kind.name(), staffName)
			.update();
	}
}
