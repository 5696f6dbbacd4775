package tongban.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tongban.audit.AuditTrail;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.notification.NotificationManagement;
import tongban.privacy.DataExports;
import tongban.privacy.ExportFailed;
import tongban.privacy.ExportReady;
import tongban.privacy.ExportRequested;
import tongban.privacy.ExportStarted;
import tongban.privacy.ExportStatus;
import tongban.shared.Clocks;
import tongban.shared.FileStore;

/**
 * Prepares a requested copy in the background, after the request committed: REQUESTED → PREPARING, gathers the data
 * ({@link ExportContents}), writes the archive ({@link ExportArchive}) to the file store (so any node, or S3, serves it),
 * then READY with its seven days, an audit entry (the copy is a read of the person's data, made for them) and a
 * notification; FAILED when anything breaks, so the person can ask again. Each step commits on its own, so the page
 * shows PREPARING while the archive is written.
 */
@Component
public class ExportPreparation {

	private static final Logger log = LoggerFactory.getLogger(ExportPreparation.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	/** The notification's event (its template is in notification_template). */
	static final String READY_EVENT = "PRIVACY_EXPORT_READY";

	private final ExportRows rows;
	private final ExportContents contents;
	private final ExportArchive archive;
	private final FileStore files;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate step;
	private final Clock clock;

	ExportPreparation(ExportRows rows, ExportContents contents, ExportArchive archive, FileStore files, IdentityManagement identity,
			NotificationManagement notifications, AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			Clock clock) {
		this.rows = rows;
		this.contents = contents;
		this.archive = archive;
		this.files = files;
		this.identity = identity;
		this.notifications = notifications;
		this.audit = audit;
		this.events = events;
		this.step = new TransactionTemplate(transactions);
		this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ExportRequested requested) {
		prepare(requested.exportId());
	}

	/** The listener's work, for tests: prepares the copy if it is still only requested (a redelivered event does nothing). */
	public void prepare(UUID exportId) {
		Optional<ExportRows.Row> found = inStep(() -> rows.find(exportId).filter(r -> r.status() == ExportStatus.REQUESTED));
		if (found.isEmpty()) {
			return;
		}
		ExportRows.Row row = found.get();
		boolean started = inStep(() -> {
			boolean moved = rows.move(exportId, ExportStatus.REQUESTED, ExportStatus.PREPARING);
			if (moved) {
				events.publishEvent(new ExportStarted(exportId, row.accountId()));
			}
			return moved;
		});
		if (!started) {
			return;
		}
		try {
			Actor self = identity.selfActor(row.accountId()).orElseThrow(() -> new IllegalStateException("no open citizen account"));
			Instant now = clock.instant();
			ExportContents.Gathered gathered = inStep(() -> contents.gather(self, now))
				.orElseThrow(() -> new IllegalStateException("no open citizen account"));
			byte[] zip = archive.build(gathered, now, contents::file);
			FileStore.Stored stored = files.put(zip, "application/zip", "tongban-personal-data.zip");
			Instant expires = now.plus(DataExports.VALID);
			inStep(() -> {
				rows.ready(exportId, stored.id(), stored.size(), stored.sha256(), now, expires);
				rows.move(exportId, ExportStatus.PREPARING, ExportStatus.READY);
				events.publishEvent(new ExportReady(exportId, row.accountId()));
				String counts = ExportContents.KINDS.stream().map(k -> k + "=" + gathered.items(k).size()).collect(Collectors.joining(", "));
				audit.record(AuditTrail.DATA_READ, row.accountId().toString(), "account:" + row.accountId(),
						"copy of the person's own data prepared at their request (PIPL Art. 45): " + counts + ", files=" + gathered.files().size());
				identity.record(self, "PRIVACY_EXPORT_READY", "个人信息副本已生成，" + WHEN.format(LocalDateTime.ofInstant(expires, Clocks.ZONE)) + " 前可下载");
				identity.contact(row.accountId()).ifPresent(contact -> notifications.notify(contact.recipient(), READY_EVENT,
						Map.of("expires", WHEN.format(LocalDateTime.ofInstant(expires, Clocks.ZONE))), "/account/privacy#export"));
				return null;
			});
		}
		catch (RuntimeException e) {
			log.warn("privacy export {} failed: {}", exportId, e.toString());
			inStep(() -> {
				if (rows.move(exportId, ExportStatus.PREPARING, ExportStatus.FAILED)) {
					events.publishEvent(new ExportFailed(exportId, row.accountId()));
				}
				return null;
			});
		}
	}

	private <T> T inStep(Supplier<T> work) {
		return step.execute(status -> work.get());
	}
}
