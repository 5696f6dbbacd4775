package tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.shared.Upload;
import tongban.casework.CaseId;
import tongban.casework.Applying;
import tongban.casework.Cases;
import tongban.casework.internal.MaterialRetention;
import tongban.exchange.internal.AccessRetention;
import tongban.support.IntegrationTest;
import tongban.support.TestCases;
import tongban.casework.ApplyOnlineJourneyIT;
import java.util.Map;

/**
 * Retention: read records older than the period are deleted (a reported one is kept), newer ones stay; the material
 * files of a draft untouched for longer than its period are deleted from the file store while a recent draft's stay;
 * each purge is an audit entry.
 */
class RetentionIT extends IntegrationTest {

	@Autowired
	AccessRetention access;

	@Autowired
	MaterialRetention materials;

	@Autowired
	Cases cases;

	@Autowired
	Applying applying;

	@Autowired
	FileStore files;

	long read(String index, String interval) {
		return jdbc.sql("insert into exchange_access (at, subject_index, resource_code, consumer_department_code, fields, purpose, case_number, outcome)"
				+ " values (now() - ?::interval, ?, 'XH-GA-RK', 'XH-YB', '{name}', '保留期测试', 'R1', 'SERVED') returning id")
			.params(interval, index)
			.query(Long.class)
			.single();
	}

	@Test
	void oldReadsAndAbandonedMaterialsArePurgedAndThePurgeIsRecorded() {
		String index = "retention-" + UUID.randomUUID();
		long old = read(index, "4 years");
		long reported = read(index, "4 years");
		long recent = read(index, "10 days");
		jdbc.sql("insert into exchange_report (id, access_id, reporter_account, region_code, reason, status) values (?, ?, ?, '330106', '测试', 'OPEN')")
			.params(UUID.randomUUID(), reported, UUID.randomUUID())
			.update();
		assertThat(access.purge()).isPositive();
		assertThat(jdbc.sql("select id from exchange_access where subject_index = ? order by id").param(index).query(Long.class).list())
			.containsExactly(reported, recent).doesNotContain(old);

		Citizen c = newCitizen("保留期", 2);
		var a = TestCases.actor(c);
		CaseId abandoned = applying.startDraft(a, "330106-GG-0001-01");
		applying.saveDraft(a, abandoned, cases.find(a, abandoned).orElseThrow().lockVersion(), Map.of("name", c.name()),
				Map.of(1, new Upload("p.png", ApplyOnlineJourneyIT.PNG)), Map.of());
		String file = jdbc.sql("select file_id from casework_material where case_id = ?").param(abandoned.value()).query(String.class).single();
		assertThat(files.open(file)).isPresent();
		jdbc.sql("update casework_case set updated_at = now() - interval '200 days' where id = ?").param(abandoned.value()).update();
		Citizen d = newCitizen("保留期二", 2);
		CaseId fresh = TestCases.submittedSocialSecurityCard(applying, d);
		assertThat(materials.purge()).isPositive();
		assertThat(jdbc.sql("select count(*) from casework_material where case_id = ?").param(abandoned.value()).query(Long.class).single()).isZero();
		assertThat(files.open(file)).isEmpty();
		assertThat(jdbc.sql("select count(*) from casework_material where case_id = ?").param(fresh.value()).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'PURGE' and subject = 'casework_material'").query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from audit_entry where kind = 'PURGE' and subject = 'exchange_access'").query(Long.class).single()).isPositive();
		// the reads above were written by hand, unsealed: removed, so that the audit trail of later tests is whole
		jdbc.sql("delete from exchange_report where access_id in (select id from exchange_access where subject_index = ?)").param(index).update();
		jdbc.sql("delete from exchange_access where subject_index = ?").param(index).update();
	}
}
