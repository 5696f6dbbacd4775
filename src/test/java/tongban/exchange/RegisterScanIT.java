package tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.support.IntegrationTest;

/**
 * A register scan hands out every record of a resource, page by page, only under a grant in force and only granted
 * fields, and every record's read is written before it leaves, so each person finds it on their own page.
 */
class RegisterScanIT extends IntegrationTest {

	@Autowired
	ResourceCatalogue catalogue;

	@Autowired
	SharingGrants grants;

	@Autowired
	RegisterScan scan;

	@Test
	void everyRecordLeavesWithItsReadAndOnlyUnderAGrant() {
		String provider = "XH-WJ";
		String consumer = "XH-MZ";
		String code = "T-SCAN-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
		var saved = catalogue.saveResource(new Resource(code, "测试登记", provider, "PERSON", "CONDITIONAL", "实时", "测试依据", "测试系统",
				List.of(new Resource.Field("name", "姓名", "string", "PERSONAL"), new Resource.Field("birthDate", "出生日期", "date", "PERSONAL"))),
				"测试");
		assertThat(saved).isEmpty();
		int records = RegisterScan.PAGE + 7;
		for (int n = 0; n < records; n++) {
			catalogue.putRecord(code, "S" + n, Map.of("name", "居民" + n, "birthDate", "1946-01-0" + (n % 9 + 1)));
		}
		Reader reader = new Reader(consumer, null, UUID.randomUUID().toString(), "测试员");

		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> scan.scan(reader, code, List.of("name"), "主动服务", "batch-1", row -> {
				}));
		assertThat(refused.code()).isEqualTo("exchange-no-grant");

		var grant = (Grant) grants.requestGrant(consumer, code, List.of("name"), "测试", "测试依据", LocalDate.now(Clocks.ZONE).plusDays(1), "测试");
		grants.decide(grant.id(), provider, true, null, "测试");
		DomainException notGranted = catchThrowableOfType(DomainException.class,
				() -> scan.scan(reader, code, List.of("birthDate"), "主动服务", "batch-1", row -> {
				}));
		assertThat(notGranted.code()).isEqualTo("exchange-field-not-granted");

		List<RegisterRecord> seen = new ArrayList<>();
		long read = scan.scan(reader, code, List.of("name"), "主动服务", "batch-1", row -> {
			long recorded = jdbc.sql("select count(*) from exchange_access where resource_code = ? and subject_index = ? and purpose = '主动服务'")
				.params(code, row.subjectIndex())
				.query(Long.class)
				.single();
			assertThat(recorded).as("the read is recorded before the record leaves").isEqualTo(1);
			seen.add(row);
		});
		assertThat(read).isEqualTo(records);
		assertThat(seen).hasSize(records).allSatisfy(row -> assertThat(row.values()).containsOnlyKeys("name"));
		assertThat(seen.stream().map(RegisterRecord::subjectIndex).distinct()).hasSize(records);

		assertThat(scan.readSubject(reader, code, "S3", List.of("name"), "主动服务", "rule-x")).get()
			.extracting(row -> row.value("name"))
			.isEqualTo("居民3");
		assertThat(scan.readSubject(reader, code, "nobody", List.of("name"), "主动服务", "rule-x")).isEmpty();
		assertThat(jdbc.sql("select count(*) from exchange_access where resource_code = ? and case_number = 'rule-x'").param(code).query(Long.class).single())
			.isEqualTo(1);
	}
}
