package tongban.licence;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licences issued on a case, for a module that revokes the case's decision (a false 告知承诺 found by the
 * post-approval check): each valid one is revoked with the reason, through {@link LicenceManagement#changeStatus} (the
 * issuing department only), and {@link LicenceRevoked} is published for each.
 */
@Service
@Transactional
public class CaseLicences {

	private final JdbcClient jdbc;
	private final LicenceManagement licences;
	private final ApplicationEventPublisher events;

	CaseLicences(JdbcClient jdbc, LicenceManagement licences, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.licences = licences;
		this.events = events;
	}

	/** Whether any licence, of whatever status, was issued on the case. */
	public boolean anyIssuedOn(UUID caseId) {
		return jdbc.sql("select exists (select 1 from licence_licence where case_id = ?)").param(caseId).query(Boolean.class).single();
	}

	/** Revokes every valid licence the department issued on the case; answers those revoked (none is fine). */
	public List<LicenceManagement.LicenceView> revokeIssuedOn(UUID caseId, String departmentCode, String reason, String staffName) {
		List<String> identifiers = jdbc.sql("select identifier from licence_licence where case_id = ? and department_code = ? and status = 'VALID'")
			.params(caseId, departmentCode)
			.query(String.class)
			.list();
		return identifiers.stream().map(identifier -> {
			var revoked = licences.changeStatus(identifier, departmentCode, LicenceManagement.Status.REVOKED, reason, staffName);
			events.publishEvent(new LicenceRevoked(revoked.id(), revoked.identifier(), revoked.name(), revoked.holderPartyId(), caseId, reason));
			return revoked;
		}).toList();
	}
}
