package tongban.privacy.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import tongban.exchange.Resource;
import tongban.identity.Role;
import tongban.exchange.ResourceCatalogue;
import tongban.shared.EncryptedColumns;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;

/**
 * Issue 23 §2, the classification test: the live schema (information_schema after every Flyway migration, on the
 * embedded PostgreSQL with the demo data; a partition is classified by its partitioned table) against {@code data-classification.yaml}. A column whose name suggests
 * personal data ({@link PersonalColumns}), that a module encrypts ({@link EncryptedColumns}), or whose values are ID
 * numbers or mobiles in plain text, must be classified or exempted with a reason; an entry for a column that no longer
 * exists fails too; and every resource of the exchange catalogue carries a classification.
 */
class DataClassificationIT extends IntegrationTest {

	@Autowired
	List<EncryptedColumns> encrypted;

	@Autowired
	ResourceCatalogue catalogue;

	private final DataClassification classification = DataClassification.load();

	record Found(String table, String column, String dataType) {
	}

	@Test
	void everyColumnThatMayHoldPersonalDataIsClassified() throws IOException {
		List<Found> columns = columns();
		Set<String> encryptedColumns = new HashSet<>();
		encrypted.forEach(e -> e.columns().forEach(c -> encryptedColumns.add(e.table() + "." + c)));
		List<String> unclassified = new ArrayList<>();
		for (Found found : columns) {
			Optional<String> why = PersonalColumns.suggested(found.column());
			if (why.isEmpty() && encryptedColumns.contains(found.table() + "." + found.column())) {
				why = Optional.of("encrypted under the data keys");
			}
			if (why.isEmpty() && List.of("text", "character varying").contains(found.dataType()) && holdsPlainIdOrMobile(found)) {
				why = Optional.of("holds ID numbers or mobiles in plain text");
			}
			if (why.isPresent() && classification.column(found.table(), found.column()).isEmpty()
					&& classification.exemption(found.table(), found.column()).isEmpty()) {
				unclassified.add(found.table() + "." + found.column() + " (" + why.get() + ")");
			}
		}
		Files.write(Path.of("target", "unclassified-columns.txt"), unclassified);
		assertThat(unclassified).as("columns that may hold personal data with no entry in %s", DataClassification.LOCATION).isEmpty();
	}

	@Test
	void noEntryNamesAColumnThatIsGone() {
		Set<String> live = new HashSet<>();
		columns().forEach(found -> live.add(found.table() + "." + found.column()));
		List<String> stale = new ArrayList<>();
		classification.columns().stream().map(c -> c.table() + "." + c.column()).filter(name -> !live.contains(name)).forEach(stale::add);
		classification.exemptions().stream().map(e -> e.table() + "." + e.column()).filter(name -> !live.contains(name)).forEach(stale::add);
		assertThat(stale).as("entries of %s for columns the schema no longer has", DataClassification.LOCATION).isEmpty();
	}

	@Test
	void everyResourceOfTheExchangeCatalogueIsClassified() throws IOException {
		// the catalogue the platform ships; a resource a department registers while it runs (other tests do) is shown
		// as 尚未定级 in the console until the file grades it (ADR 0053)
		Set<String> shipped = new HashSet<>();
		try (InputStream in = getClass().getResourceAsStream("/data/exchange/resources.json")) {
			JsonMapper.builder().build().readTree(in).forEach(resource -> shipped.add(resource.get("code").asString()));
		}
		List<Resource> resources = catalogue.resources().stream().filter(resource -> shipped.contains(resource.code())).toList();
		assertThat(resources).hasSize(shipped.size());
		List<String> unclassified = resources.stream().map(Resource::code).filter(code -> classification.resource(code).isEmpty()).toList();
		assertThat(unclassified).as("catalogue resources with no entry in %s", DataClassification.LOCATION).isEmpty();
		// a resource with an ID number or a field its department marked SENSITIVE is 敏感个人信息 in the file too
		for (Resource resource : resources) {
			boolean sensitiveFields = resource.fields()
				.stream()
				.anyMatch(field -> field.type().equals("idNumber") || field.sensitivity().equals("SENSITIVE"));
			if (sensitiveFields && "PERSON".equals(resource.subjectKind())) {
				assertThat(classification.resource(resource.code()).orElseThrow().sensitive()).as(resource.code() + " holds sensitive fields").isTrue();
			}
		}
	}

	@Test
	void administratorsSeeTheClassificationInTheConsoleAndClerksDoNot() {
		FormSession deptAdmin = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.DEPT_ADMIN, "分级查看员"));
		var page = deptAdmin.get("/console/data-classification");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("数据分类分级", "identity_account", "id_number_enc", "敏感个人信息", "重要数据", "XH-GA-RK",
				"data-testid=\"resource-XH-WJ-CS\"");
		FormSession platform = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "平台分级员"));
		assertThat(platform.get("/console/data-classification").statusCode()).isEqualTo(200);
		FormSession clerk = FormSession.staff(url(""), newStaff("XH-ZWFW", Role.COUNTER_CLERK, "窗口分级"));
		assertThat(clerk.get("/console/data-classification").statusCode()).isEqualTo(403);
	}

	private List<Found> columns() {
		return jdbc.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				  join pg_class k on k.relname = c.table_name and k.relnamespace = 'public'::regnamespace
				where c.table_schema = 'public' and k.relkind in ('r', 'p') and not k.relispartition
				order by c.table_name, c.ordinal_position""")
			.query((rs, n) -> new Found(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private boolean holdsPlainIdOrMobile(Found found) {
		// identifiers from information_schema, quoted: not user input
		return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from \"" + found.table() + "\" where \"" + found.column() + "\" ~ ?)")
			.param(PersonalColumns.PLAIN_ID_OR_MOBILE)
			.query(Boolean.class)
			.single());
	}
}
