package tongban.exchange;

import static tongban.exchange.Texts.blank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.internal.ReadRecorder;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;

/**
 * Reads of whole registers for work the government does of its own accord (主动服务, 免申即享, matching policies to
 * companies): like a lookup, only under a grant in force for the reading department and only granted fields, but over
 * every record of a resource, a page at a time. Each record's read is written (outcome SERVED, with the purpose and a
 * reference such as the batch or rule) in the page's transaction, and the page is handed to the caller only after that
 * transaction commits, so no record leaves without its read on the person's 谁查询了我的数据 page.
 */
@Service
public class RegisterScan {

	/** Records read, decrypted and recorded per page. */
	public static final int PAGE = 1000;

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final ResourceCatalogue catalogue;
	private final SharingGrants grants;
	private final ReadRecorder recorder;
	private final TransactionTemplate tx;

	RegisterScan(JdbcClient jdbc, JsonMapper json, DataKeys keys, ResourceCatalogue catalogue, SharingGrants grants, ReadRecorder recorder,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.catalogue = catalogue;
		this.grants = grants;
		this.recorder = recorder;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Hands every record of the resource to {@code each}, a page at a time, each read recorded first. Refused (INVALID)
	 * without purpose or reference, NOT_FOUND for an unknown resource, FORBIDDEN without a grant in force or for a
	 * field outside it. Answers how many records were read. Not to be called inside a transaction: each page commits
	 * its reads on its own.
	 */
	public long scan(Reader reader, String resourceCode, List<String> fields, String purpose, String reference, Consumer<RegisterRecord> each) {
		List<String> asked = allowed(reader, resourceCode, fields, purpose, reference);
		String after = "";
		long read = 0;
		while (true) {
			String from = after;
			List<RegisterRecord> page = tx.execute(status -> page(reader, resourceCode, asked, purpose, reference, from));
			if (page == null || page.isEmpty()) {
				return read;
			}
			page.forEach(each);
			read += page.size();
			after = page.getLast().subjectIndex();
		}
	}

	/**
	 * Reads one subject's record by its blind index (as {@link RegisterRecordChanged} names it), the read recorded in the
	 * caller's transaction (or a statement of its own). Empty when there is no such record.
	 */
	public Optional<RegisterRecord> read(Reader reader, String resourceCode, String subjectIndex, List<String> fields, String purpose, String reference) {
		List<String> asked = allowed(reader, resourceCode, fields, purpose, reference);
		Optional<String> data = jdbc.sql("select data from exchange_record where resource_code = ? and subject_index = ?")
			.params(resourceCode, subjectIndex)
			.query(String.class)
			.optional();
		if (data.isEmpty()) {
			return Optional.empty();
		}
		recorder.recordAll(List.of(readOf(reader, resourceCode, subjectIndex, asked, purpose, reference)));
		return Optional.of(new RegisterRecord(subjectIndex, values(data.get(), asked)));
	}

	/**
	 * Reads one subject's record by the subject's ID number or USCC, the read recorded (the subject then sees it).
	 * Empty when there is no such record.
	 */
	public Optional<RegisterRecord> readSubject(Reader reader, String resourceCode, String subject, List<String> fields, String purpose,
			String reference) {
		return read(reader, resourceCode, keys.blindIndex(subject), fields, purpose, reference);
	}

	/** The fields a reader may read of a resource for this purpose, or the refusal. */
	private List<String> allowed(Reader reader, String resourceCode, List<String> fields, String purpose, String reference) {
		if (blank(purpose)) {
			throw new Refusal(DomainException.Kind.INVALID, "exchange-purpose-missing", null, "purpose missing");
		}
		if (blank(reference)) {
			throw new Refusal(DomainException.Kind.INVALID, "exchange-case-missing", null, "reference missing");
		}
		Resource resource = catalogue.resource(resourceCode).orElseThrow(() -> new Refusal(DomainException.Kind.NOT_FOUND, "exchange-resource-unknown", null, "unknown resource"));
		List<Grant> inForce = grants.decidedGrants(reader.departmentCode(), resource.code())
			.stream()
			.filter(g -> g.inForce(LocalDate.now(Clocks.ZONE)))
			.toList();
		if (inForce.isEmpty()) {
			throw new Refusal(DomainException.Kind.FORBIDDEN, "exchange-no-grant", null,
					"no grant in force for " + reader.departmentCode() + " on " + resourceCode);
		}
		// a department may hold several grants on one register for different work: any one that covers the fields serves
		List<String> asked = fields == null || fields.isEmpty() ? inForce.getFirst().fields() : List.copyOf(fields);
		if (inForce.stream().noneMatch(g -> g.fields().containsAll(asked))) {
			String field = asked.stream().filter(f -> inForce.stream().noneMatch(g -> g.fields().contains(f))).findFirst().orElse(asked.getFirst());
			throw new Refusal(DomainException.Kind.FORBIDDEN, "exchange-field-not-granted", field, "field not granted: " + field, field);
		}
		return asked;
	}

	private List<RegisterRecord> page(Reader reader, String resourceCode, List<String> asked, String purpose, String reference, String after) {
		List<RegisterRecord> page = new ArrayList<>(PAGE);
		List<ReadRecorder.Read> reads = new ArrayList<>(PAGE);
		jdbc.sql("select subject_index, data from exchange_record where resource_code = ? and subject_index > ? order by subject_index limit ?")
			.params(resourceCode, after, PAGE)
			.query((rs, n) -> new RegisterRecord(rs.getString("subject_index"), values(rs.getString("data"), asked)))
			.list()
			.forEach(row -> {
				page.add(row);
				reads.add(readOf(reader, resourceCode, row.subjectIndex(), asked, purpose, reference));
			});
		recorder.recordAll(reads);
		return page;
	}

	private Map<String, String> values(String encrypted, List<String> asked) {
		Map<String, String> all = json.readValue(keys.decrypt(encrypted), VALUES);
		Map<String, String> served = new LinkedHashMap<>();
		asked.forEach(field -> served.put(field, all.getOrDefault(field, "")));
		return served;
	}

	private static ReadRecorder.Read readOf(Reader reader, String resourceCode, String subjectIndex, List<String> fields, String purpose,
			String reference) {
		return new ReadRecorder.Read(reader.actor(), subjectIndex, resourceCode, reader.departmentCode(), reader.clientId(), reader.staffId(),
				reader.staffName(), fields, purpose.strip(), reference.strip(), "SERVED");
	}
}
