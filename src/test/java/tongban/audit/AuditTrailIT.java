package tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.identity.internal.ClientRegistrations;
import tongban.support.IntegrationTest;

/**
 * The audit chain names exactly the entry that was altered or deleted (by position), is whole again once the entry is
 * put back, keeps no entry of a rolled-back action, and answers a monitoring system with the {@code audit} scope only.
 */
class AuditTrailIT extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ClientRegistrations clients;

	record Counted(String what, long count) {
	}

	@Test
	void entriesRecordedWithFactsAreReadBackTypedAndChainedAsBefore() {
		String actor = "facts-" + UUID.randomUUID();
		tx.executeWithoutResult(s -> {
			audit.record(AuditTrail.PUBLISH, actor, "party:x", "no facts");
			audit.record(AuditTrail.PUBLISH, actor, "party:x", "counted 3 apples", new Counted("apples", 3));
			audit.record(AuditTrail.PUBLISH, actor, "party:x", "counted 5 pears", new Counted("pears", 5));
		});
		List<AuditTrail.Recorded<Counted>> read = audit.entries(AuditTrail.PUBLISH, actor, Counted.class, 0, 10);
		assertThat(read).extracting(AuditTrail.Recorded::facts).containsExactly(new Counted("apples", 3), new Counted("pears", 5));
		assertThat(read).extracting(AuditTrail.Recorded::detail).containsExactly("counted 3 apples", "counted 5 pears");
		assertThat(audit.entries(AuditTrail.PUBLISH, actor, Counted.class, read.getFirst().id(), 10)).hasSize(1);
		assertThat(audit.entries(AuditTrail.GRANT, actor, Counted.class, 0, 10)).isEmpty();
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void alteringOrDeletingOneEntryIsReportedAtThatEntry() {
		String tag = UUID.randomUUID().toString();
		tx.executeWithoutResult(s -> {
			for (int i = 0; i < 5; i++) {
				audit.record(AuditTrail.DATA_READ, "测试员", "party:" + tag, "entry " + i);
			}
		});
		tx.executeWithoutResult(s -> {
			audit.record(AuditTrail.DATA_READ, "测试员", "party:" + tag, "rolled back");
			s.setRollbackOnly();
		});
		AuditTrail.Verification whole = audit.verify();
		assertThat(whole.intact()).as(whole.toString()).isTrue();
		List<Map<String, Object>> mine = jdbc.sql("select * from audit_entry where subject = ? order by position").param("party:" + tag).query().listOfRows();
		assertThat(mine).extracting(r -> r.get("detail")).containsExactly("entry 0", "entry 1", "entry 2", "entry 3", "entry 4");
		assertThat(mine).allSatisfy(r -> assertThat(r.get("position")).isNotNull());

		Map<String, Object> third = mine.get(2);
		jdbc.sql("update audit_entry set detail = 'entry 2 (edited)' where id = ?").param(third.get("id")).update();
		AuditTrail.Verification altered = audit.verify();
		assertThat(altered.intact()).isFalse();
		assertThat(altered.problem()).isEqualTo("ALTERED");
		assertThat(altered.position()).isEqualTo(third.get("position"));
		assertThat(altered.entryId()).isEqualTo(third.get("id"));
		jdbc.sql("update audit_entry set detail = 'entry 2' where id = ?").param(third.get("id")).update();
		assertThat(audit.verify().intact()).isTrue();

		// a new hash computed without the platform's key does not pass either
		jdbc.sql("update audit_entry set actor = '别人', hash = encode(sha256(convert_to('x', 'UTF8')), 'hex') where id = ?").param(third.get("id")).update();
		assertThat(audit.verify().position()).isEqualTo(third.get("position"));
		jdbc.sql("update audit_entry set actor = ?, hash = ? where id = ?").params(third.get("actor"), third.get("hash"), third.get("id")).update();

		Map<String, Object> second = mine.get(1);
		jdbc.sql("delete from audit_entry where id = ?").param(second.get("id")).update();
		AuditTrail.Verification deleted = audit.verify();
		assertThat(deleted.intact()).isFalse();
		assertThat(deleted.problem()).isEqualTo("MISSING");
		assertThat(deleted.position()).isEqualTo(second.get("position"));
		jdbc.sql("insert into audit_entry (id, at, kind, actor, subject, detail, position, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(second.get("id"), second.get("at"), second.get("kind"), second.get("actor"), second.get("subject"), second.get("detail"),
					second.get("position"), second.get("prev_hash"), second.get("hash"))
			.update();
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theCheckIsOfferedToMonitoringSystemsWithTheAuditScopeOnly() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String auditor = clientToken(clients, "audit-" + UUID.randomUUID().toString().substring(0, 8), "audit");
		var ok = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/audit/verify"))).header("Authorization", "Bearer " + auditor).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"intact\":true").contains("\"checked\":");
		String other = clientToken(clients, "api-" + UUID.randomUUID().toString().substring(0, 8), "api");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/audit/verify"))).header("Authorization", "Bearer " + other).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		var none = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/audit/verify"))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
	}
}
