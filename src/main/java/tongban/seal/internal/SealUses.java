package tongban.seal.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tongban.audit.AuditTrail;

/** The record of every use of a seal ({@code seal_use}), each also an entry of the audit trail. */
@Component
public class SealUses {

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	SealUses(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Records a use: who, which document (its SHA-256 when sealed), the outcome and, for a refusal, why. */
	public void record(UUID sealId, UUID accountId, String actor, String documentRef, String sha256, String outcome, String reason) {
		jdbc.sql("insert into seal_use (seal_id, account_id, actor_name, document_ref, document_sha256, outcome, reason) values (?, ?, ?, ?, ?, ?, ?)")
			.params(sealId, accountId, actor == null ? "" : actor, documentRef, sha256, outcome, reason)
			.update();
		audit.record(AuditTrail.SEAL_USE, actor, "seal:" + sealId,
				outcome + " " + documentRef + (sha256 == null ? "" : " sha256=" + sha256) + (reason == null ? "" : " (" + reason + ")"));
	}
}
