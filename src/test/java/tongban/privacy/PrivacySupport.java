package tongban.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tongban.exchange.ReadHistory;
import tongban.support.IntegrationTest;

/** What the privacy tests share: unzipping a copy, validating its JSON against the schemas it carries, a read to find. */
final class PrivacySupport {

	private PrivacySupport() {
	}

	/** The entries of a ZIP by path. */
	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return entries;
	}

	/**
	 * Every {@code <kind>.json} of the archive validated against the {@code schema/<kind>.json} beside it (JSON Schema
	 * 2020-12, formats asserted): the problems by kind, empty when every document is valid. A kind without its schema is
	 * a problem too.
	 */
	static Map<String, List<String>> invalidDocuments(Map<String, byte[]> entries) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		Map<String, List<String>> problems = new LinkedHashMap<>();
		entries.keySet().stream().filter(p -> p.endsWith(".json") && !p.contains("/")).forEach(path -> {
			byte[] schema = entries.get("schema/" + path);
			if (schema == null) {
				problems.put(path, List.of("no schema"));
				return;
			}
			List<Error> errors = registry.getSchema(new String(schema, StandardCharsets.UTF_8), InputFormat.JSON)
				.validate(new String(entries.get(path), StandardCharsets.UTF_8), InputFormat.JSON,
						context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
			if (!errors.isEmpty()) {
				problems.put(path, errors.stream().map(Error::toString).toList());
			}
		});
		return problems;
	}

	/** A read of the citizen's household record by a member of 区人力社保局's staff for a case, as the access log keeps it. */
	static ReadHistory.HistoricRead readOf(IntegrationTest.Citizen c, String purpose, String caseNumber) {
		return new ReadHistory.HistoricRead(OffsetDateTime.now().minusDays(1), c.idNumber(), "XH-GA-RK", List.of("name", "householdAddress"),
				"XH-RLSB", "staff-" + c.id(), "王审核", purpose, caseNumber, "SERVED");
	}
}
