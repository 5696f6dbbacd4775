package tongban.licence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.directory.DepartmentView;
import tongban.licence.LicenceManagement.LicenceView;
import tongban.shared.DomainException;
import tongban.shared.Masking;

/**
 * Licence verification for department systems (client credentials, scope {@code licence.verify}): a system bound to its
 * department asks for one licence or up to {@value #MAX_BULK} at once and gets, for each, the licence type, issuer,
 * validity, the status as the public verification page computes it ({@link LicenceView#state()}) and the holder's name
 * masked. Every call is recorded (client, department, each identifier in order, time, outcome) in the call's
 * transaction, and each licence's holder sees on the wallet page which department verified it and when.
 */
@Service
@Transactional
public class LicenceVerifications {

	public static final int MAX_BULK = 100;

	/** A licence as a verifying system sees it. */
	public record Verified(String identifier, String licenceName, String licenceTypeCode, String issuingDepartment, String issuerCode,
			LocalDate validFrom, LocalDate validUntil, String status, String holderName) {
	}

	/** One identifier's answer in a bulk check: FOUND with the licence, or NOT_FOUND or MALFORMED without. */
	public record Checked(String identifier, String outcome, Verified licence) {
	}

	/** A verification the holder sees: the department (by name) and when. */
	public record Verification(String departmentName, OffsetDateTime at) {
	}

	private final JdbcClient jdbc;
	private final LicenceManagement licences;
	private final DirectoryManagement directory;

	LicenceVerifications(JdbcClient jdbc, LicenceManagement licences, DirectoryManagement directory) {
		this.jdbc = jdbc;
		this.licences = licences;
		this.directory = directory;
	}

	/** Binds a department system (an OAuth2 client with the scope {@code licence.verify}) to the department it verifies for. */
	public void bindClient(String clientId, String departmentCode) {
		if (directory.departmentByCode(departmentCode).isEmpty()) {
			throw DomainException.notFound("department");
		}
		jdbc.sql("""
				insert into licence_verification_client (client_id, department_code) values (?, ?)
				on conflict (client_id) do update set department_code = excluded.department_code""")
			.params(clientId, departmentCode)
			.update();
	}

	/**
	 * One licence for the client's system: MALFORMED (an identifier of the wrong shape or check character, INVALID),
	 * NOT_FOUND, or the licence. The call is recorded whatever the answer, so a refusal commits its record too.
	 */
	@Transactional(noRollbackFor = DomainException.class)
	public Verified verify(String clientId, String identifier) {
		String department = department(clientId, "SINGLE", 1);
		Answer answer = check(identifier);
		Checked checked = answer.checked();
		long call = call(clientId, department, "SINGLE", 1, checked.outcome());
		checkRow(call, 0, answer);
		return switch (checked.outcome()) {
			case "MALFORMED" -> throw new DomainException(DomainException.Kind.INVALID, "licence-verification-malformed", "malformed identifier");
			case "NOT_FOUND" -> throw DomainException.notFound("licence");
			default -> checked.licence();
		};
	}

	/** Up to {@value #MAX_BULK} licences, each answered in the order asked; more, or none, is refused (INVALID) and recorded. */
	@Transactional(noRollbackFor = DomainException.class)
	public List<Checked> verifyAll(String clientId, List<String> identifiers) {
		int asked = identifiers == null ? 0 : identifiers.size();
		String department = department(clientId, "BULK", asked);
		if (asked == 0 || asked > MAX_BULK) {
			call(clientId, department, "BULK", asked, asked == 0 ? "EMPTY" : "TOO_MANY");
			throw new DomainException(DomainException.Kind.INVALID, asked == 0 ? "licence-verification-empty" : "licence-verification-too-many",
					"between 1 and " + MAX_BULK + " identifiers", MAX_BULK);
		}
		List<Answer> answers = new ArrayList<>(asked);
		identifiers.forEach(identifier -> answers.add(check(identifier)));
		long call = call(clientId, department, "BULK", asked, "ANSWERED");
		for (int position = 0; position < asked; position++) {
			checkRow(call, position, answers.get(position));
		}
		return answers.stream().map(Answer::checked).toList();
	}

	/** Who verified the licence, newest first: the department and the time of each check that found it. */
	@Transactional(readOnly = true)
	public List<Verification> verificationsOf(UUID licenceId, int limit) {
		return jdbc.sql("""
				select c.department_code, c.called_at from licence_verification_check k join licence_verification_call c on c.id = k.call_id
				where k.licence_id = ? order by c.called_at desc, c.id desc limit ?""")
			.params(licenceId, limit)
			.query((rs, row) -> new Verification(directory.departmentByCode(rs.getString("department_code")).map(DepartmentView::name)
				.orElse(rs.getString("department_code")), rs.getObject("called_at", OffsetDateTime.class)))
			.list();
	}

	/** The department a client verifies for; a client bound to none is refused (FORBIDDEN), and the refusal recorded. */
	private String department(String clientId, String kind, int asked) {
		Optional<String> department = jdbc.sql("select department_code from licence_verification_client where client_id = ?")
			.param(clientId)
			.query(String.class)
			.optional();
		if (department.isEmpty()) {
			call(clientId, null, kind, asked, "UNBOUND");
			throw new DomainException(DomainException.Kind.FORBIDDEN, "licence-verification-unbound", "client not bound to a department");
		}
		return department.get();
	}

	/** One identifier's answer and the licence it found (for the holder's record). */
	private record Answer(Checked checked, UUID licenceId) {
	}

	private Answer check(String identifier) {
		if (identifier == null || identifier.length() > 200 || LicenceIdentifier.problem(identifier) != null) {
			return new Answer(new Checked(identifier, "MALFORMED", null), null);
		}
		return licences.byIdentifier(identifier)
			.map(l -> new Answer(new Checked(identifier, "FOUND", verified(l)), l.id()))
			.orElseGet(() -> new Answer(new Checked(identifier, "NOT_FOUND", null), null));
	}

	private static Verified verified(LicenceView licence) {
		String holder = "001".equals(licence.holderCodeType()) ? licence.holderName() : Masking.name(licence.holderName());
		return new Verified(licence.identifier(), licence.name(), licence.typeCode(), licence.issuerName(), licence.issuerCode(), licence.validFrom(),
				licence.validTo(), licence.state(), holder);
	}

	private long call(String clientId, String department, String kind, int asked, String outcome) {
		return jdbc.sql("insert into licence_verification_call (client_id, department_code, kind, asked, outcome) values (?, ?, ?, ?, ?) returning id")
			.params(clientId.length() > 100 ? clientId.substring(0, 100) : clientId, department, kind, asked, outcome)
			.query(Long.class)
			.single();
	}

	private void checkRow(long call, int position, Answer answer) {
		Checked checked = answer.checked();
		String identifier = checked.identifier();
		String kept = identifier == null ? "" : identifier.length() > 200 ? identifier.substring(0, 200) : identifier;
		jdbc.sql("insert into licence_verification_check (call_id, position, identifier, licence_id, outcome) values (?, ?, ?, ?, ?)")
			.params(call, position, kept, answer.licenceId(), checked.licence() == null ? checked.outcome() : checked.licence().status())
			.update();
	}
}
