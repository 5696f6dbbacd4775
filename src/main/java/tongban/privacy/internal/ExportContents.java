package tongban.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tongban.casework.CaseSummary;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.MaterialView;
import tongban.exchange.Access;
import tongban.exchange.AccessRecords;
import tongban.feedback.RatingView;
import tongban.feedback.Ratings;
import tongban.hotline.Ticket;
import tongban.hotline.Tickets;
import tongban.identity.Actor;
import tongban.identity.PersonalRecords;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceManagement.LicenceView;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.FileStore;

/**
 * Everything the platform holds about a person, gathered for their copy (个人信息保护法 Art. 45) through each owning
 * module's API, never its tables: the account and consents (identity), cases with forms, history and material files
 * (casework and the file store), licences (licence), 12345 tickets (hotline), ratings (feedback), messages (notification),
 * the reads of their data (exchange) and their correction requests (this module). Each kind becomes one JSON document
 * whose shape is {@code privacy/schema/<kind>.json}; dates are ISO 8601 in Asia/Shanghai.
 */
@Component
class ExportContents {

	/** The kinds of a copy, in the order the summary lists them; each is {@code <kind>.json} with {@code schema/<kind>.json}. */
	static final List<String> KINDS = List.of("account", "consents", "cases", "licences", "tickets", "ratings", "messages", "reads",
			"corrections");

	/** At most this many of one kind: a person with more is told, and the count is in the summary. */
	static final int LIMIT = 10_000;

	/** A material's file, stored in the archive under {@code path}. */
	record MaterialFile(String path, String fileId) {
	}

	/** The documents by kind and the material files to add. */
	record Gathered(Map<String, Map<String, Object>> documents, List<MaterialFile> files) {

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items(String kind) {
			return (List<Map<String, Object>>) documents.get(kind).getOrDefault("items", List.of());
		}
	}

	private final PersonalRecords identity;
	private final Cases cases;
	private final HeldLicences licences;
	private final Tickets tickets;
	private final Ratings ratings;
	private final NotificationManagement notifications;
	private final AccessRecords reads;
	private final CorrectionRows corrections;
	private final FileStore files;

	ExportContents(PersonalRecords identity, Cases cases, HeldLicences licences, Tickets tickets, Ratings ratings,
			NotificationManagement notifications, AccessRecords reads, CorrectionRows corrections, FileStore files) {
		this.identity = identity;
		this.cases = cases;
		this.licences = licences;
		this.tickets = tickets;
		this.ratings = ratings;
		this.notifications = notifications;
		this.reads = reads;
		this.corrections = corrections;
		this.files = files;
	}

	/** The person's data now; empty when the account is no open citizen's. */
	Optional<Gathered> gather(Actor self, Instant exportedAt) {
		Optional<PersonalRecords.AccountRecord> account = identity.of(self.accountId());
		if (account.isEmpty()) {
			return Optional.empty();
		}
		PersonalRecords.AccountRecord a = account.get();
		Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
		List<MaterialFile> materialFiles = new ArrayList<>();
		Map<String, Object> accountItem = map("id", a.id().toString(), "name", a.name(), "idNumber", a.idNumber(), "mobile", a.mobile(),
				"email", a.email(), "assuranceLevel", a.assuranceLevel(), "createdAt", time(a.createdAt()));
		documents.put("account", document("account", exportedAt, "account", accountItem));
		documents.put("consents", items("consents", exportedAt, a.consents().stream()
			.map(c -> map("purpose", c.purpose(), "noticeVersion", c.noticeVersion(), "consentedAt", time(c.consentedAt()), "channel", c.channel()))
			.toList()));
		List<CaseView> views = cases.mine(self).stream().limit(LIMIT).map(CaseSummary::id)
			.map(id -> cases.find(self, id)).flatMap(Optional::stream).toList();
		documents.put("cases", items("cases", exportedAt, views.stream().map(c -> caseItem(c, materialFiles)).toList()));
		documents.put("licences", items("licences", exportedAt, licences.wallet(self.party().id()).stream().map(ExportContents::licence).toList()));
		documents.put("tickets", items("tickets", exportedAt, tickets.ofAccount(self.accountId()).stream().limit(LIMIT).map(ExportContents::ticket).toList()));
		List<Map<String, Object>> rated = new ArrayList<>();
		for (CaseView c : views) {
			for (RatingView r : ratings.ofCase(c.id().value())) {
				if (self.accountId().equals(r.raterAccountId())) {
					rated.add(rating(c, r));
				}
			}
		}
		documents.put("ratings", items("ratings", exportedAt, rated));
		documents.put("messages", items("messages", exportedAt, notifications.messages(self.accountId(), LIMIT).stream()
			.map(m -> map("subject", m.subject(), "body", m.body(), "createdAt", time(m.createdAt()), "readAt", time(m.readAt())))
			.toList()));
		documents.put("reads", items("reads", exportedAt, reads.readsOf(a.idNumber(), self.accountId(), LIMIT).stream()
			.map(ExportContents::read)
			.toList()));
		documents.put("corrections", items("corrections", exportedAt, corrections.of(self.accountId()).stream()
			.map(c -> map("register", c.resourceName(), "field", c.fieldLabel(), "correctedValue", c.corrected(), "caseNumber", c.caseNumber(),
					"requestedAt", time(c.requestedAt())))
			.toList()));
		return Optional.of(new Gathered(documents, materialFiles));
	}

	/** The bytes of a stored file (a material of the person's case). */
	byte[] file(String fileId) {
		try (InputStream in = files.open(fileId).orElseThrow(() -> new IllegalStateException("a material file is missing: " + fileId))) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Map<String, Object> caseItem(CaseView c, List<MaterialFile> materialFiles) {
		String folder = "materials/" + (c.caseNumber() == null ? "draft-" + c.id().value() : c.caseNumber()) + "/";
		List<Map<String, Object>> materials = new ArrayList<>();
		for (MaterialView m : c.materials()) {
			String path = null;
			if (m.fileId() != null) {
				path = folder + (m.index() + 1) + "-" + safeName(m.originalName() == null ? m.name() : m.originalName());
				materialFiles.add(new MaterialFile(path, m.fileId()));
			}
			materials.add(map("name", m.name(), "file", path, "sha256", m.sha256(), "size", m.size(), "contentType", m.contentType(),
					"licenceIdentifier", m.licenceIdentifier()));
		}
		List<Map<String, Object>> history = c.events().stream()
			.map(e -> map("at", time(e.at()), "action", e.action(), "actor", e.actorName(), "note", e.note()))
			.toList();
		return map("caseNumber", c.caseNumber(), "itemCode", c.itemCode(), "itemName", c.itemName(), "departmentCode", c.departmentCode(),
				"status", c.status().name(), "submittedAt", time(c.submittedAt()), "acceptedAt", time(c.acceptedAt()), "promisedDate",
				c.promisedDate() == null ? null : c.promisedDate().toString(), "form", c.values() == null ? Map.of() : c.values(),
				"materials", materials, "history", history);
	}

	private static Map<String, Object> licence(LicenceView l) {
		return map("identifier", l.identifier(), "name", l.name(), "number", l.number(), "holderName", l.holderName(), "issuerName",
				l.issuerName(), "issuedOn", date(l.issuedOn()), "validFrom", date(l.validFrom()), "validTo", date(l.validTo()), "state", l.state());
	}

	private static Map<String, Object> ticket(Ticket t) {
		return map("number", t.number(), "type", t.type(), "description", t.description(), "address", t.address(), "phone", t.phone(),
				"status", t.status().name(), "reply", t.reply(), "createdAt", time(t.createdAt()), "closedAt", time(t.closedAt()));
	}

	private static Map<String, Object> rating(CaseView c, RatingView r) {
		return map("caseNumber", c.caseNumber(), "channel", r.channel().name(), "level", r.level().name(), "tags", r.tags(), "comment",
				r.comment(), "createdAt", time(r.createdAt()));
	}

	private static Map<String, Object> read(Access r) {
		return map("at", time(r.at()), "department", r.departmentName(), "reader", r.reader(), "register", r.resourceName(), "fields",
				r.fieldLabels(), "purpose", r.purpose(), "caseNumber", r.caseNumber(), "outcome", r.outcome());
	}

	private static Map<String, Object> document(String kind, Instant exportedAt, String key, Object value) {
		return map("kind", kind, "exportedAt", time(exportedAt), key, value);
	}

	private static Map<String, Object> items(String kind, Instant exportedAt, List<Map<String, Object>> items) {
		return document(kind, exportedAt, "items", items);
	}

	/** Keys and values in turn; nulls kept (a schema says which may be null). */
	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			out.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return out;
	}

	static String time(Object at) {
		return switch (at) {
			case null -> null;
			case Instant i -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(i, Clocks.ZONE));
			case OffsetDateTime o -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(o.atZoneSameInstant(Clocks.ZONE));
			case TemporalAccessor other -> other.toString();
			default -> at.toString();
		};
	}

	private static String date(Object day) {
		return day == null ? null : day.toString();
	}

	/** A file name safe in an archive on any system: no folders, no control or reserved characters. */
	static String safeName(String name) {
		String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
		return cleaned.isEmpty() ? "file" : cleaned.length() > 80 ? cleaned.substring(cleaned.length() - 80) : cleaned;
	}

}
