package tongban.licence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.seal.SealManagement;
import tongban.shared.FileStore;

/**
 * PAdES B-LTA for licences (ETSI EN 319 142-1 5.5): every night, each licence PDF whose newest time-stamp's
 * certificate expires within a year gets fresh validation data and a document time-stamp from the current unit, so a
 * licence still verifies offline when the certificates under it have long expired. Safe to run twice, at once or one
 * after the other: rows are taken with {@code for update skip locked}, and a file is stamped only when the current
 * unit is another one that outlasts its newest time-stamp (a second run finds the file renewed and leaves it).
 */
@Component
public class ArchiveTimeStamping {

	private static final Logger log = LoggerFactory.getLogger(ArchiveTimeStamping.class);

	/** How long before its newest time-stamp's certificate expires a file is renewed. */
	public static final Duration MARGIN = Duration.ofDays(365);
	static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final FileStore files;
	private final SealManagement seals;

	private final TransactionTemplate transactions;

	ArchiveTimeStamping(JdbcClient jdbc, FileStore files, SealManagement seals, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.files = files;
		this.seals = seals;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(cron = "${tongban.licence.archive-cron:0 20 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "licence.archive-time-stamping", lockAtMostFor = "PT23H", lockAtLeastFor = "PT23H")
	void nightly() {
		int stamped = renew(Instant.now());
		if (stamped > 0) {
			log.info("archive time-stamps added to {} licence PDFs", stamped);
		}
	}

	private record Due(UUID id, String fileId, String identifier) {
	}

	private record Batch(int rows, int stamped) {
	}

	/**
	 * Renews, as of the given time, the licence PDFs due within {@link #MARGIN}, in batches of {@value #BATCH} each in
	 * its own transaction until none is left; answers how many were stamped. Files not read before have the expiry of
	 * their newest time-stamp recorded first. Every row a batch takes leaves the selection (its expiry is then not
	 * due, or not before the current unit's), so the loop ends.
	 */
	public int renew(Instant asOf) {
		SealManagement.StampingUnit unit = seals.currentTimeStampUnit();
		int stamped = 0;
		Batch batch;
		do {
			batch = transactions.execute(status -> batch(asOf.plus(MARGIN), unit));
			stamped += batch.stamped();
		}
		while (batch.rows() == BATCH);
		return stamped;
	}

	private Batch batch(Instant horizon, SealManagement.StampingUnit unit) {
		List<Due> due = jdbc.sql("""
				select id, pdf_file_id as file_id, identifier from licence_licence
				where pdf_stamp_expires is null or (pdf_stamp_expires < ? and pdf_stamp_expires < ?)
				order by pdf_stamp_expires nulls first limit ? for update skip locked""")
			.params(Timestamp.from(horizon), Timestamp.from(unit.expires()), BATCH)
			.query(Due.class)
			.list();
		int stamped = 0;
		for (Due d : due) {
			byte[] pdf = read(d.fileId());
			Optional<SealManagement.StampingUnit> newest = seals.newestTimeStamp(pdf);
			if (newest.isEmpty()) {
				log.warn("licence {} has no time-stamp to renew", d.identifier());
				jdbc.sql("update licence_licence set pdf_stamp_expires = 'infinity' where id = ?").param(d.id()).update();
				continue;
			}
			Instant expires = newest.get().expires();
			if (!expires.isBefore(horizon) || newest.get().serial().equals(unit.serial()) || unit.expires().isBefore(expires)) {
				// not due, or the current unit would not outlast what the file has: nothing gained by stamping
				record(d.id(), expires);
				continue;
			}
			byte[] renewed = seals.addArchiveTimeStamp(pdf);
			FileStore.Stored stored = files.put(renewed, "application/pdf", d.identifier() + ".pdf");
			jdbc.sql("update licence_licence set pdf_file_id = ?, pdf_sha256 = ?, pdf_size = ?, pdf_stamp_expires = ? where id = ?")
				.params(stored.id(), stored.sha256(), stored.size(), Timestamp.from(unit.expires()), d.id())
				.update();
			stamped++;
		}
		return new Batch(due.size(), stamped);
	}

	private void record(UUID id, Instant expiry) {
		jdbc.sql("update licence_licence set pdf_stamp_expires = ? where id = ?").params(Timestamp.from(expiry), id).update();
	}

	private byte[] read(String fileId) {
		try (InputStream in = files.open(fileId).orElseThrow(() -> new IllegalStateException("no file " + fileId))) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
