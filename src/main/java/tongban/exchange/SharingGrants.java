package tongban.exchange;

import static tongban.exchange.Texts.blank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.shared.Clocks;
import tongban.shared.ClusterSignals;
import tongban.shared.DomainException;

/**
 * Grants between departments: a consumer asks for fields of a resource; 无条件共享 is granted at once, 有条件共享 waits
 * for the provider to approve or deny, 不予共享 is refused; the provider may revoke a grant in force. Lookups ask for the
 * grants in force here, kept for a second.
 */
@Service
public class SharingGrants {

	private static final String GRANT_COLUMNS = "id, resource_code, consumer_department_code, fields, purpose, legal_basis, status, valid_until, "
			+ "requested_by, decided_by, decided_at, reason, created_at";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final ResourceCatalogue catalogue;
	private final Map<String, CachedGrants> grantCache = new ConcurrentHashMap<>();

	/** Signal that grants changed: every node forgets the grants it read. */
	private static final String GRANTS_CHANGED = "exchange_grants";

	private final ClusterSignals signals;

	SharingGrants(JdbcClient jdbc, AuditTrail audit, ResourceCatalogue catalogue, ClusterSignals signals) {
		this.signals = signals;
		signals.listen(GRANTS_CHANGED, payload -> grantCache.clear());
		this.jdbc = jdbc;
		this.audit = audit;
		this.catalogue = catalogue;
	}

	private static Grant grant(ResultSet rs) throws SQLException {
		return new Grant(rs.getObject("id", UUID.class), rs.getString("resource_code"), rs.getString("consumer_department_code"),
				Arrays.asList((String[]) rs.getArray("fields").getArray()), rs.getString("purpose"), rs.getString("legal_basis"), rs.getString("status"),
				rs.getObject("valid_until", LocalDate.class), rs.getString("requested_by"), rs.getString("decided_by"),
				rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant());
	}

	public Optional<Grant> grant(UUID id) {
		return jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where id = ?").param(id).query((rs, n) -> grant(rs)).optional();
	}

	/** The grants a department holds (as consumer), newest first. */
	public List<Grant> grantsHeldBy(String departmentCode) {
		return jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where consumer_department_code = ? order by created_at desc")
			.param(departmentCode)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/** The grants of a department's resources (as provider), requests first. */
	public List<Grant> grantsGivenBy(String departmentCode) {
		return jdbc.sql("select " + GRANT_COLUMNS.replace(", ", ", g.").replaceFirst("^", "g.")
				+ " from exchange_grant g join exchange_resource r on r.code = g.resource_code where r.provider_department_code = ?"
				+ " order by (g.status = 'REQUESTED') desc, g.created_at desc")
			.param(departmentCode)
			.query((rs, n) -> grant(rs))
			.list();
	}

	/**
	 * A department asks for a resource: granted at once for 无条件共享, waiting for the provider for 有条件共享, refused for
	 * 不予共享. Answers the problems by field (message codes), or the grant.
	 */
	@Transactional
	public Object requestGrant(String consumerDepartmentCode, String resourceCode, List<String> fields, String purpose, String legalBasis,
			LocalDate validUntil, String requestedBy) {
		Map<String, String> problems = new LinkedHashMap<>();
		Optional<Resource> resource = catalogue.resource(resourceCode == null ? "" : resourceCode);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (resource.isEmpty()) {
			problems.put("resource", "exchange.grant.error.resource");
		}
		else if (resource.get().sharingClass().equals("NONE")) {
			problems.put("resource", "exchange.grant.error.notShared");
		}
		else if (resource.get().providerDepartmentCode().equals(consumerDepartmentCode)) {
			problems.put("resource", "exchange.grant.error.own");
		}
		if (fields == null || fields.isEmpty() || resource.isPresent() && !resource.get().fieldNames().containsAll(fields)) {
			problems.put("fields", "exchange.grant.error.fields");
		}
		if (blank(purpose) || purpose.length() > 200) {
			problems.put("purpose", "exchange.grant.error.purpose");
		}
		if (blank(legalBasis) || legalBasis.length() > 300) {
			problems.put("legalBasis", "exchange.grant.error.legalBasis");
		}
		if (validUntil == null || !validUntil.isAfter(today) || validUntil.isAfter(today.plusYears(3))) {
			problems.put("validUntil", "exchange.grant.error.validUntil");
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		UUID id = UUID.randomUUID();
		boolean atOnce = resource.get().sharingClass().equals("UNCONDITIONAL");
		jdbc.sql("insert into exchange_grant (id, resource_code, consumer_department_code, fields, purpose, legal_basis, status, valid_until, requested_by,"
				+ " decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, resourceCode, consumerDepartmentCode, fields.toArray(String[]::new), purpose.strip(), legalBasis.strip(),
					atOnce ? "GRANTED" : "REQUESTED", validUntil, requestedBy, atOnce ? "无条件共享" : null, atOnce ? Timestamp.from(Instant.now()) : null)
			.update();
		signals.send(GRANTS_CHANGED, "");
		audit.record(AuditTrail.GRANT, requestedBy, "grant:" + id,
				(atOnce ? "granted at once (unconditional) " : "requested ") + resourceCode + " for " + consumerDepartmentCode + " " + fields);
		return grant(id).orElseThrow();
	}

	/**
	 * For demo data: a grant requested and, where the register is shared on conditions, approved in its provider's name,
	 * both recorded as done by {@code by}. Refused with the request's problems.
	 */
	@Transactional
	public Grant requestApproved(String consumerDepartmentCode, String resourceCode, List<String> fields, String purpose, String legalBasis,
			LocalDate validUntil, String by) {
		Object answer = requestGrant(consumerDepartmentCode, resourceCode, fields, purpose, legalBasis, validUntil, by);
		if (!(answer instanceof Grant grant)) {
			throw new IllegalStateException("grant of " + resourceCode + " for " + consumerDepartmentCode + " refused: " + answer);
		}
		if (!grant.status().equals("REQUESTED")) {
			return grant;
		}
		decide(grant.id(), catalogue.resource(resourceCode).orElseThrow().providerDepartmentCode(), true, null, by);
		return grant(grant.id()).orElseThrow();
	}

	/** The provider approves or denies a request; a reason is required to deny. */
	@Transactional
	public void decide(UUID id, String providerDepartmentCode, boolean approve, String reason, String decidedBy) {
		Grant grant = providedGrant(id, providerDepartmentCode);
		if (!grant.status().equals("REQUESTED")) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-grant-decided", "already decided");
		}
		if (!approve && blank(reason)) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-grant-reason", "a reason is required");
		}
		jdbc.sql("update exchange_grant set status = ?, decided_by = ?, decided_at = now(), reason = ? where id = ?")
			.params(approve ? "GRANTED" : "DENIED", decidedBy, blank(reason) ? null : reason.strip(), id)
			.update();
		signals.send(GRANTS_CHANGED, "");
		audit.record(AuditTrail.GRANT, decidedBy, "grant:" + id, (approve ? "approved " : "denied ") + grant.resourceCode() + " for "
				+ grant.consumerDepartmentCode() + (blank(reason) ? "" : ": " + reason));
	}

	/** The provider revokes a grant in force, with a reason; lookups under it are refused at once. */
	@Transactional
	public void revoke(UUID id, String providerDepartmentCode, String reason, String revokedBy) {
		Grant grant = providedGrant(id, providerDepartmentCode);
		if (!grant.status().equals("GRANTED")) {
			throw new DomainException(DomainException.Kind.CONFLICT, "exchange-grant-not-granted", "not in force");
		}
		if (blank(reason)) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-grant-reason", "a reason is required");
		}
		jdbc.sql("update exchange_grant set status = 'REVOKED', decided_by = ?, decided_at = now(), reason = ? where id = ?")
			.params(revokedBy, reason.strip(), id)
			.update();
		signals.send(GRANTS_CHANGED, "");
		audit.record(AuditTrail.GRANT, revokedBy, "grant:" + id,
				"revoked " + grant.resourceCode() + " for " + grant.consumerDepartmentCode() + ": " + reason);
	}

	private Grant providedGrant(UUID id, String providerDepartmentCode) {
		Grant grant = grant(id).orElseThrow(() -> DomainException.notFound("grant"));
		if (!catalogue.resource(grant.resourceCode()).orElseThrow().providerDepartmentCode().equals(providerDepartmentCode)) {
			throw DomainException.notFound("grant");
		}
		return grant;
	}

	/**
	 * The department's granted and revoked grants of a resource, newest first. Kept for a second between reads (a lookup
	 * runs on every request); any change of a grant on this node clears them at once, other nodes see it within the second.
	 */
	List<Grant> decidedGrants(String departmentCode, String resourceCode) {
		String key = departmentCode + "|" + resourceCode;
		long now = System.nanoTime();
		CachedGrants cached = grantCache.get(key);
		if (cached != null && now - cached.at() < 1_000_000_000L) {
			return cached.grants();
		}
		List<Grant> grants = jdbc.sql("select " + GRANT_COLUMNS + " from exchange_grant where consumer_department_code = ? and resource_code = ?"
				+ " and status in ('GRANTED', 'REVOKED') order by created_at desc")
			.params(departmentCode, resourceCode)
			.query((rs, n) -> grant(rs))
			.list();
		grantCache.put(key, new CachedGrants(now, grants));
		return grants;
	}

	private record CachedGrants(long at, List<Grant> grants) {
	}
}
