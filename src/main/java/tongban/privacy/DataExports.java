package tongban.privacy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tongban.audit.AuditTrail;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.privacy.internal.ExportRows;
import tongban.shared.DomainException;
import tongban.shared.FileStore;

/**
 * Copies of a person's data (查阅、复制, 个人信息保护法 Art. 45): asked for from the privacy centre, prepared in the
 * background ({@code internal.ExportPreparation}), downloadable by the person alone for {@link #VALID} from when it was
 * ready, by the one clock, then expired and deleted ({@code internal.ExportExpiry}). One copy is under way per person
 * at a time: asking again while it is prepared answers that one. Another account's copy, an expired one and an unknown
 * id are all "not found".
 */
@Service
public class DataExports {

	/** How long a ready copy may be downloaded. */
	public static final Duration VALID = Duration.ofDays(7);

	/** A copy as the person sees it. */
	public record ExportView(UUID id, ExportStatus status, Instant requestedAt, Instant readyAt, Instant expiresAt, long sizeBytes) {

		/** Ready and within its download period at {@code now}. */
		public boolean downloadable(Instant now) {
			return status == ExportStatus.READY && expiresAt != null && expiresAt.isAfter(now);
		}
	}

	/** A copy's archive, opened for download. */
	public record Download(InputStream content, long size, String fileName) {
	}

	private final ExportRows rows;
	private final FileStore files;
	private final IdentityManagement identity;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	DataExports(ExportRows rows, FileStore files, IdentityManagement identity, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.files = files;
		this.identity = identity;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for a copy of the actor's own data; answers the copy under way when there is one (a second request starts
	 * nothing). Only the person for themself: a proxy or agent is refused as "not found".
	 */
	@Transactional
	public ExportView request(Actor actor) {
		requireSelf(actor);
		Optional<ExportRows.Row> underWay = rows.underWay(actor.accountId());
		if (underWay.isPresent()) {
			return view(underWay.get());
		}
		Optional<UUID> created = rows.insert(actor.accountId(), clock.instant());
		if (created.isEmpty()) {
			// another request of the same person won the race: theirs is the one under way
			return rows.underWay(actor.accountId()).map(DataExports::view).orElseThrow();
		}
		events.publishEvent(new ExportRequested(created.get(), actor.accountId()));
		identity.record(actor, "PRIVACY_EXPORT_REQUESTED", "申请导出个人信息副本");
		return rows.find(created.get()).map(DataExports::view).orElseThrow();
	}

	/** The person's latest copy, if they ever asked for one. */
	@Transactional(readOnly = true)
	public Optional<ExportView> latest(UUID accountId) {
		return rows.latest(accountId).map(DataExports::view);
	}

	/**
	 * The copy's archive for the person who asked for it, while it may be downloaded; recorded in the audit trail. Any
	 * other case is "not found" (another's copy, an expired or unfinished one, an unknown id).
	 */
	@Transactional
	public Download download(Actor actor, UUID exportId) {
		requireSelf(actor);
		Instant now = clock.instant();
		ExportRows.Row row = rows.find(exportId)
			.filter(r -> r.accountId().equals(actor.accountId()) && view(r).downloadable(now) && r.fileId() != null)
			.orElseThrow(() -> DomainException.notFound("export"));
		InputStream content = files.open(row.fileId()).orElseThrow(() -> DomainException.notFound("export"));
		audit.record(AuditTrail.DATA_READ, actor.accountId().toString(), "account:" + actor.accountId(),
				"copy of the person's own data downloaded by them (PIPL Art. 45), export " + exportId);
		return new Download(content, row.sizeBytes(), "tongban-personal-data-" + exportId.toString().substring(0, 8) + ".zip");
	}

	/** Expires the copies whose download period ended by the one clock: their files are deleted. Answers how many. */
	@Transactional
	public int expire() {
		int n = 0;
		for (ExportRows.Row row : rows.expiredBy(clock.instant())) {
			if (rows.move(row.id(), ExportStatus.READY, ExportStatus.EXPIRED)) {
				if (row.fileId() != null) {
					files.delete(row.fileId());
					rows.forgetFile(row.id());
				}
				events.publishEvent(new ExportExpired(row.id(), row.accountId()));
				n++;
			}
		}
		return n;
	}

	/** Deletes every copy of a closed account, files and rows: nothing requires keeping them. Answers how many. */
	@Transactional
	public int forget(UUID accountId) {
		int n = 0;
		for (ExportRows.Row row : rows.of(accountId)) {
			if (row.fileId() != null) {
				files.delete(row.fileId());
			}
			rows.delete(row.id());
			n++;
		}
		return n;
	}

	private static void requireSelf(Actor actor) {
		if (!actor.actingForSelf()) {
			throw DomainException.notFound("account");
		}
	}

	private static ExportView view(ExportRows.Row r) {
		return new ExportView(r.id(), r.status(), r.requestedAt(), r.readyAt(), r.expiresAt(), r.sizeBytes());
	}
}
