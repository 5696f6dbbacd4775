package tongban.casework;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the indicators need to know about one submitted case, read from casework's own records: where it belongs
 * (department, region, item), how it came in ({@code channel}: {@link Applying#ONLINE} or {@link Applying#COUNTER}),
 * when it was submitted and concluded (null while open) and how ({@code outcome}: null while open), its due date, the
 * item version's statutory and promised limits and declared 跑动次数 from the catalogue, the 补正 rounds it had, the
 * counter visits measured for it ({@code casework_visit}), the form fields filled from shared data (免提交) and the
 * materials taken from the licence wallet (用证).
 */
public record CaseFact(CaseId caseId, String departmentCode, String regionCode, String itemCode, String itemName, String channel,
		Instant submittedAt, Instant concludedAt, String outcome, LocalDate dueDate, int statutoryLimit, int promisedLimit,
		int declaredVisits, int supplementRounds, int visits, int fieldsPrefilled, int licencesUsed) {

	public boolean online() {
		return Applying.ONLINE.equals(channel);
	}

	public boolean concluded() {
		return concludedAt != null;
	}
}
