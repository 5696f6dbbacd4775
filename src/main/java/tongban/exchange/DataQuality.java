package tongban.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.Masking;
import tongban.shared.Uscc;

/**
 * Data quality of the shared registers: rules per resource (format by the field's type, completeness, agreement of a
 * field with another register's, e.g. an address that differs between the real-estate and the population register),
 * shipped in data/exchange/quality.json, run every night at 02:00 and on demand. Each finding names its subject masked;
 * the providing department sees its findings and marks them fixed. A finding whose record is right again is closed by
 * the next run.
 */
@Service
@Order(45)
public class DataQuality implements ApplicationRunner {

	private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataKeys keys;
	private final ResourceCatalogue catalogue;
	private final TransactionTemplate tx;

	DataQuality(JdbcClient jdbc, JsonMapper json, DataKeys keys, ResourceCatalogue catalogue, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.json = json;
		this.keys = keys;
		this.catalogue = catalogue;
		this.tx = tx;
	}

	public record Rule(String id, String resource, String name, String kind, String field, String otherResource, String otherField) {
	}

	public record Finding(long id, String ruleId, String ruleName, String resourceName, String subjectMasked, String status, Instant foundAt,
			String fixedBy, Instant fixedAt, String note) {
	}

	/** Ships the rules of data/exchange/quality.json whose resources exist (once each). */
	@Override
	public void run(ApplicationArguments args) {
		try (InputStream in = getClass().getResourceAsStream("/data/exchange/quality.json")) {
			for (Rule r : json.readValue(in, new TypeReference<List<Rule>>() {
			})) {
				if (catalogue.resource(r.resource()).isPresent()) {
					jdbc.sql("insert into exchange_quality_rule (id, resource_code, name, kind, field, other_resource, other_field) values (?, ?, ?, ?, ?, ?, ?)"
							+ " on conflict (id) do nothing")
						.params(r.id(), r.resource(), r.name(), r.kind(), r.field(), r.otherResource(), r.otherField())
						.update();
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public List<Rule> rules() {
		return jdbc.sql("select id, resource_code as resource, name, kind, field, other_resource, other_field from exchange_quality_rule order by id")
			.query(Rule.class)
			.list();
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #runAll()}, unlocked. */
	@Scheduled(cron = "0 0 2 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "exchange.data-quality", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void nightly() {
		runAll();
	}

	/** Every night; answers how many findings are open after the run. */
	public long runAll() {
		// each register is read and decrypted once per run, however many rules look at it
		Map<String, Map<String, Map<String, String>>> loaded = new HashMap<>();
		for (Rule r : rules()) {
			tx.executeWithoutResult(s -> check(r, loaded));
		}
		return jdbc.sql("select count(*) from exchange_quality_finding where status = 'OPEN'").query(Long.class).single();
	}

	private void check(Rule r, Map<String, Map<String, Map<String, String>>> loaded) {
		Map<String, Map<String, String>> records = loaded.computeIfAbsent(r.resource(), this::records);
		Map<String, Map<String, String>> others = r.kind().equals("AGREEMENT") ? loaded.computeIfAbsent(r.otherResource(), this::records) : Map.of();
		String type = catalogue.resource(r.resource()).flatMap(x -> x.field(r.field())).map(Resource.Field::type).orElse("string");
		Set<String> failing = new HashSet<>();
		records.forEach((index, rec) -> {
			String v = rec.get(r.field());
			boolean bad = switch (r.kind()) {
				case "COMPLETENESS" -> v == null || v.isBlank();
				case "FORMAT" -> v != null && !v.isBlank() && !wellFormed(type, v);
				case "AGREEMENT" -> {
					Map<String, String> other = others.get(index);
					String w = other == null ? null : other.get(r.otherField());
					yield v != null && w != null && !normal(v).equals(normal(w));
				}
				default -> false;
			};
			if (bad) {
				failing.add(index);
				String masked = masked(rec, others.get(index), index);
				jdbc.sql("""
						insert into exchange_quality_finding (rule_id, subject_index, subject_masked, status) values (?, ?, ?, 'OPEN')
						on conflict (rule_id, subject_index) where status = 'OPEN' do nothing""")
					.params(r.id(), index, masked)
					.update();
			}
		});
		// open findings whose record is right again are closed by the run
		for (var open : jdbc.sql("select id, subject_index from exchange_quality_finding where rule_id = ? and status = 'OPEN'").param(r.id())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list()) {
			if (!failing.contains((String) open[1])) {
				jdbc.sql("update exchange_quality_finding set status = 'FIXED', fixed_by = '质量检查（已不再出现）', fixed_at = now() where id = ?")
					.param(open[0])
					.update();
			}
		}
	}

	private static boolean wellFormed(String type, String v) {
		return switch (type) {
			case "idNumber" -> IdNumber.check(v).isEmpty();
			case "uscc" -> Uscc.check(v).isEmpty();
			case "date" -> {
				try {
					LocalDate.parse(v);
					yield true;
				}
				catch (DateTimeParseException e) {
					yield false;
				}
			}
			case "number" -> v.matches("-?\\d+(\\.\\d+)?");
			default -> true;
		};
	}

	/** Addresses compared without spaces and full-width digits. */
	private static String normal(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			if (c >= '０' && c <= '９') {
				c = (char) ('0' + (c - '０'));
			}
			if (!Character.isWhitespace(c) && c != '\u3000') {
				b.append(c);
			}
		}
		return b.toString();
	}

	private static String masked(Map<String, String> rec, Map<String, String> other, String index) {
		for (Map<String, String> m : Arrays.asList(rec, other)) {
			if (m == null) {
				continue;
			}
			if (m.get("idNumber") != null) {
				return Masking.idNumber(m.get("idNumber"));
			}
			if (m.get("uscc") != null) {
				return m.get("uscc");
			}
		}
		return "索引 " + index.substring(0, 8);
	}

	private Map<String, Map<String, String>> records(String resource) {
		Map<String, Map<String, String>> out = new HashMap<>();
		jdbc.sql("select subject_index, data from exchange_record where resource_code = ?").param(resource)
			.query((rs, n) -> out.put(rs.getString(1), json.readValue(keys.decrypt(rs.getString(2)), VALUES)))
			.list();
		return out;
	}

	/** The findings of a department's resources, open ones first. */
	@Transactional(readOnly = true)
	public List<Finding> findings(String departmentCode) {
		return jdbc.sql("""
				select f.id, f.rule_id, q.name as rule_name, r.name as resource_name, f.subject_masked, f.status, f.found_at, f.fixed_by, f.fixed_at, f.note
				from exchange_quality_finding f join exchange_quality_rule q on q.id = f.rule_id join exchange_resource r on r.code = q.resource_code
				where r.provider_department_code = ? order by (f.status = 'OPEN') desc, f.found_at desc limit 500""")
			.param(departmentCode)
			.query(Finding.class)
			.list();
	}

	/** The providing department marks a finding fixed, saying what it did. */
	@Transactional
	public void fix(long findingId, String departmentCode, String note, String by) {
		if (note == null || note.isBlank() || note.length() > 500) {
			throw new DomainException(DomainException.Kind.INVALID, "exchange-quality-note", "say what was done");
		}
		int n = jdbc.sql("""
				update exchange_quality_finding f set status = 'FIXED', fixed_by = ?, fixed_at = now(), note = ?
				from exchange_quality_rule q, exchange_resource r
				where f.id = ? and f.status = 'OPEN' and q.id = f.rule_id and r.code = q.resource_code and r.provider_department_code = ?""")
			.params(by, note.strip(), findingId, departmentCode)
			.update();
		if (n == 0) {
			throw DomainException.notFound("finding");
		}
	}
}
