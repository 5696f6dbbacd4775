package tongban.casework.internal;

import java.time.OffsetDateTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.casework.CaseStatus;
import tongban.shared.Clocks;
import tongban.shared.FileStore;

/**
 * Material files follow their retention periods, checked every night at 03:30: those of drafts and withdrawn cases
 * untouched for {@code TONGBAN_RETENTION_DRAFT_MATERIALS} (default P180D: an application abandoned half-way does not
 * keep someone's ID card scan for ever), those of closed cases (concluded, denied, refused) after
 * {@code TONGBAN_RETENTION_CASE_MATERIALS} (default P30Y, the long-term keeping of administrative licensing files). The
 * case and its form stay; the purge is itself an audit entry.
 */
@Component
public class MaterialRetention {

	private final JdbcClient jdbc;
	private final FileStore files;
	private final AuditTrail audit;
	private final Period drafts;
	private final Period closed;

	MaterialRetention(JdbcClient jdbc, FileStore files, AuditTrail audit, @Value("${tongban.retention.draft-materials:P180D}") Period drafts,
			@Value("${tongban.retention.case-materials:P30Y}") Period closed) {
		this.jdbc = jdbc;
		this.files = files;
		this.audit = audit;
		this.drafts = drafts;
		this.closed = closed;
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #purge()}, unlocked. */
	@Scheduled(cron = "0 30 3 * * *", zone = "Asia/Shanghai")
	@SchedulerLock(name = "casework.material-retention", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	@Transactional
	void nightly() {
		purge();
	}

	@Transactional
	public int purge() {
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		int n = purge(EnumSet.of(CaseStatus.DRAFT, CaseStatus.WITHDRAWN), now.minus(drafts), "drafts and withdrawn cases untouched since");
		n += purge(EnumSet.of(CaseStatus.CONCLUDED, CaseStatus.DENIED, CaseStatus.REFUSED), now.minus(closed), "closed cases last changed before");
		return n;
	}

	private int purge(Set<CaseStatus> which, OffsetDateTime before, String what) {
		String[] statuses = which.stream().map(CaseStatus::name).toArray(String[]::new);
		// a material taken from a licence (用证) is the licence's file, kept by the licence registry
		List<String[]> rows = jdbc.sql("select m.id::text, m.file_id from casework_material m join casework_case c on c.id = m.case_id "
				+ "where c.status = any(?) and c.updated_at < ? and m.licence_identifier is null")
			.params(statuses, before)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		for (String[] r : rows) {
			jdbc.sql("delete from casework_material where id = ?::uuid").param(r[0]).update();
			// delete the file only when nothing else refers to it
			if (jdbc.sql("select count(*) from casework_material where file_id = ?").param(r[1]).query(Long.class).single() == 0) {
				files.delete(r[1]);
			}
		}
		audit.record(AuditTrail.PURGE, "system", "casework_material", rows.size() + " material files of " + what + " " + before.toLocalDate() + " deleted");
		return rows.size();
	}
}
