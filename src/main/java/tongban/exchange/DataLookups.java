package tongban.exchange;

import static tongban.exchange.Texts.blank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.exchange.internal.ReadRecorder;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;

/**
 * Lookups and the record of every read. A lookup is served only under a grant in force for the reading department, only
 * with granted fields, and only with a purpose and the case it serves; each read is written (who, whose data by blind
 * index, which fields, why, for which case) in the same statement as the answer, and sealed into the audit trail. A
 * refused lookup is written to the audit trail in a transaction of its own.
 */
@Service
public class DataLookups {

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final AuditTrail audit;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final ReadRecorder recorder;
	private final TransactionTemplate separate;

	DataLookups(JdbcClient jdbc, JsonMapper json, DataKeys keys, AuditTrail audit, ResourceCatalogue catalogue, SharingGrants grants,
			ReadRecorder recorder, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.audit = audit;
		this.catalogue = catalogue;
		this.grants = grants;
		this.recorder = recorder;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Serves a lookup and records the read. Refused (and the refusal audited) without purpose or case number (INVALID), for
	 * an unknown resource (NOT_FOUND), without a grant in force, or for a field outside the grant (FORBIDDEN, naming it).
	 * A subject with no record, or none at all, gets an empty list: whether a person is registered is not revealed.
	 * Not a transaction of its own: the read is recorded by the statement that reads the data
	 * ({@link ReadRecorder}), committed with it.
	 */
	public Served lookup(Reader reader, Lookup lookup, boolean recordRead) {
		return serve(reader, lookup, recordRead ? "SERVED" : null);
	}

	/** Serves a lookup; records the read with this outcome (SERVED, PREFILL), or not at all when null. */
	Served serve(Reader reader, Lookup lookup, String outcome) {
		if (blank(lookup.purpose())) {
			throw refuse(reader, lookup, new Refusal(DomainException.Kind.INVALID, "exchange-purpose-missing", null, "purpose missing"));
		}
		if (blank(lookup.caseNumber())) {
			throw refuse(reader, lookup, new Refusal(DomainException.Kind.INVALID, "exchange-case-missing", null, "case number missing"));
		}
		if (blank(lookup.subject())) {
			throw refuse(reader, lookup, new Refusal(DomainException.Kind.INVALID, "exchange-subject-missing", null, "subject missing"));
		}
		Resource resource = catalogue.resource(lookup.resourceCode()).orElseThrow(() -> refuse(reader, lookup,
				new Refusal(DomainException.Kind.NOT_FOUND, "exchange-resource-unknown", null, "unknown resource")));
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<Grant> decided = grants.decidedGrants(reader.departmentCode(), resource.code());
		Optional<Grant> inForce = decided.stream().filter(g -> g.inForce(today)).findFirst();
		if (inForce.isEmpty()) {
			String code = decided.isEmpty() ? "exchange-no-grant"
					: decided.getFirst().status().equals("REVOKED") ? "exchange-grant-revoked" : "exchange-grant-expired";
			throw refuse(reader, lookup, new Refusal(DomainException.Kind.FORBIDDEN, code, null, code));
		}
		Grant grant = inForce.get();
		List<String> fields = lookup.fields() == null || lookup.fields().isEmpty() ? grant.fields() : lookup.fields();
		for (String field : fields) {
			if (!grant.fields().contains(field)) {
				throw refuse(reader, lookup,
						new Refusal(DomainException.Kind.FORBIDDEN, "exchange-field-not-granted", field, "field not granted: " + field, field));
			}
		}
		String index = keys.blindIndex(lookup.subject());
		// the read's record is written by the statement that reads the data, so the data leaves only with its record
		String query = "select data from exchange_record where resource_code = ? and subject_index = ?";
		Optional<String> data = outcome == null ? jdbc.sql(query).params(resource.code(), index).query(String.class).optional()
				: recorder.recordWhile(readRecord(reader, resource.code(), index, fields, lookup.purpose().strip(), lookup.caseNumber().strip(), outcome),
						query, resource.code(), index);
		List<Map<String, String>> records = new ArrayList<>();
		data.ifPresent(encrypted -> {
			Map<String, String> all = json.readValue(keys.decrypt(encrypted), VALUES);
			Map<String, String> served = new LinkedHashMap<>();
			fields.forEach(field -> served.put(field, all.getOrDefault(field, "")));
			records.add(served);
		});
		return new Served(resource, fields, records, Instant.now());
	}

	private static ReadRecorder.Read readRecord(Reader reader, String resourceCode, String index, List<String> fields, String purpose, String caseNumber,
			String outcome) {
		return new ReadRecorder.Read(reader.actor(), index, resourceCode, reader.departmentCode(), reader.clientId(), reader.staffId(),
				reader.staffName(), List.copyOf(fields), purpose, caseNumber, outcome);
	}

	private Refusal refuse(Reader reader, Lookup lookup, Refusal refusal) {
		separate.executeWithoutResult(s -> audit.record(AuditTrail.DATA_REFUSED, reader.actor(),
				blank(lookup.subject()) ? null : "subject:" + keys.blindIndex(lookup.subject()),
				lookup.resourceCode() + " refused (" + refusal.code() + (refusal.field() == null ? "" : " " + refusal.field()) + ") for "
						+ reader.departmentCode()));
		return refusal;
	}

	/** A staff member shows an ID number or address unmasked: recorded (like every read) as a read of its own. */
	public void recordReveal(Reader reader, String resourceCode, String subject, String field, String purpose, String caseNumber) {
		String index = keys.blindIndex(subject);
		recorder.record(readRecord(reader, resourceCode, index, List.of(field), purpose, caseNumber, "REVEALED"));
		// a reveal is also an entry of its own in the trail, beside the sealed batch that holds its record
		separate.executeWithoutResult(s -> audit.record(AuditTrail.DATA_REVEAL, reader.actor(), "subject:" + index,
				resourceCode + " " + field + " for " + caseNumber));
	}
}
