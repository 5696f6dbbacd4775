package tongban.hotline;

import static tongban.hotline.internal.domain.TicketRepository.trim;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.hotline.TicketEvents.TicketSubmitted;
import tongban.hotline.internal.domain.AttachmentRules;
import tongban.hotline.internal.domain.TicketRepository;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.FieldProblem;
import tongban.shared.FileStore;
import tongban.shared.MobileNumber;
import tongban.shared.Upload;
import tongban.shared.WorkingCalendars;

/**
 * Taking tickets in (12345, 国办发〔2020〕53号; GB/T 33358 for the hotline's service): from the web (signed in, or
 * anonymous with a phone confirmed by an SMS code), from a hotline operator, or from Open311 clients. Everything is
 * checked first; the ticket, its first history line and its files are saved together, or nothing. Personal data (name,
 * phone, address) is stored encrypted; the phone also as a blind index.
 */
@Service
public class TicketIntake {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final FileStore files;
	private final HotlineCatalogue catalogue;
	private final HotlineSettings settings;
	private final WorkingCalendars calendars;
	private final DirectoryManagement directory;
	private final PhoneConfirmation phones;
	private final SubmissionReceipts receipts;
	private final TicketRepository tickets;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	TicketIntake(JdbcClient jdbc, DataKeys keys, FileStore files, HotlineCatalogue catalogue, HotlineSettings settings,
			WorkingCalendars calendars, DirectoryManagement directory, PhoneConfirmation phones, SubmissionReceipts receipts,
			TicketRepository tickets, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.files = files;
		this.catalogue = catalogue;
		this.settings = settings;
		this.calendars = calendars;
		this.directory = directory;
		this.phones = phones;
		this.receipts = receipts;
		this.tickets = tickets;
		this.events = events;
	}

	/** Checks everything first; saves the ticket, its first event and its files together, or nothing. */
	@Transactional
	public Submitted submit(NewTicket ticket, TicketSource source) {
		List<FieldProblem> problems = new ArrayList<>();
		String type = trim(ticket.type());
		if (!NewTicket.TYPES.contains(type)) {
			problems.add(FieldProblem.of("type", "hotline.error.type"));
		}
		Optional<HotlineCatalogue.Category> category = catalogue.category(trim(ticket.categoryCode()));
		if (category.isEmpty()) {
			problems.add(FieldProblem.of("categoryCode", trim(ticket.categoryCode()).isEmpty() ? "hotline.error.category.empty"
					: "hotline.error.category.unknown"));
		}
		String urgency = ticket.urgency() == null || ticket.urgency().isBlank()
				? category.map(HotlineCatalogue.Category::urgency).orElse("GENERAL") : ticket.urgency().strip();
		if (!NewTicket.URGENCIES.contains(urgency)) {
			problems.add(FieldProblem.of("urgency", "hotline.error.urgency"));
		}
		String region = trim(ticket.regionCode());
		// a district (6 digits) or, where the caller names it, a township (9: 街道/乡镇), which hot-topic monitoring counts by
		if (!region.matches("\\d{6}(\\d{3})?") || !directory.isKnownDivision(region)) {
			problems.add(FieldProblem.of("regionCode", "hotline.error.region"));
		}
		String address = trim(ticket.address());
		if (address.length() > 200) {
			problems.add(FieldProblem.of("address", "hotline.error.address.long"));
		}
		if (!coordinatesValid(ticket.lat(), ticket.lon())) {
			problems.add(FieldProblem.of("lat", "hotline.error.coordinates"));
		}
		String description = trim(ticket.description());
		if (description.length() < NewTicket.MIN_DESCRIPTION) {
			problems.add(FieldProblem.of("description", description.isEmpty() ? "hotline.error.description.empty"
					: "hotline.error.description.short"));
		}
		else if (description.length() > NewTicket.MAX_DESCRIPTION) {
			problems.add(FieldProblem.of("description", "hotline.error.description.long"));
		}
		String name = trim(ticket.contactName());
		if (name.length() > 30) {
			problems.add(FieldProblem.of("contactName", "hotline.error.name.long"));
		}
		String phone = trim(ticket.phone()).replace(" ", "");
		// a caller's number at the hotline may be a landline
		boolean phoneValid = TicketSource.PHONE.equals(source.channel()) ? MobileNumber.phone(phone) : MobileNumber.valid(phone);
		if (phone.isEmpty()) {
			problems.add(FieldProblem.of("phone", "hotline.error.phone.empty"));
		}
		else if (!phoneValid) {
			problems.add(FieldProblem.of("phone", "hotline.error.phone.format"));
		}
		List<Upload> uploads = ticket.attachments() == null ? List.of()
				: ticket.attachments().stream().filter(u -> u != null && u.bytes() != null && u.bytes().length > 0).toList();
		List<String> contentTypes = checkAttachments(uploads, problems);
		if (!problems.isEmpty()) {
			return Submitted.refused(problems);
		}
		// the phone is checked last: a wrong code counts as an attempt only for an otherwise complete ticket
		if (!source.phoneConfirmed()) {
			Optional<FieldProblem> code = phones.confirm(phone, ticket.phoneCode(), source.codePurpose());
			if (code.isPresent()) {
				return Submitted.refused(List.of(code.get()));
			}
		}
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		TicketId id = new TicketId(UUID.randomUUID());
		byte[] tokenBytes = new byte[16];
		random.nextBytes(tokenBytes);
		String token = HexFormat.of().formatHex(tokenBytes);
		OffsetDateTime dispatchDue = HotlineSettings.due(now, settings.dispatchLimit(type, urgency), calendars.current());
		List<FileStore.Stored> stored = new ArrayList<>();
		String number;
		try {
			// the number: GD, the day in Shanghai, and the next serial (at least six digits)
			number = jdbc.sql("""
					insert into hotline_ticket (id, number, token, type, category_code, urgency, channel, region_code, address,
					  lat, lon, description, account_id, contact_name, phone, phone_index, publish_consent, api_client, status,
					  dispatch_due, created_at, updated_at, addressee)
					values (?, ? || (select case when length(v) < 6 then lpad(v, 6, '0') else v end from (select nextval('hotline_ticket_seq')::text v) n), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					returning number""")
				.params(id.value(), "GD" + now.format(DAY), token, type, category.get().code(), urgency, source.channel(), region,
						address.isEmpty() ? null : keys.encrypt(address), ticket.lat(), ticket.lon(), description, source.accountId(),
						name.isEmpty() ? null : keys.encrypt(name), keys.encrypt(phone), keys.blindIndex(phone),
						ticket.publishConsent() && !"REPORT".equals(type), source.apiClient(), TicketStatus.NEW.name(), dispatchDue, now, now,
						source.addressee())
				.query(String.class)
				.single();
			for (int i = 0; i < uploads.size(); i++) {
				Upload upload = uploads.get(i);
				String fileName = AttachmentRules.safeName(upload.name());
				FileStore.Stored file = files.put(upload.bytes(), contentTypes.get(i), fileName);
				stored.add(file);
				jdbc.sql("insert into hotline_attachment (ticket_id, file_id, name, content_type, size, sha256) values (?, ?, ?, ?, ?, ?)")
					.params(id.value(), file.id(), fileName, file.contentType(), file.size(), file.sha256())
					.update();
			}
			tickets.log(id, "SUBMITTED", source.actorName(), null, source.note(), true);
			receipts.send(id, phone, number);
		}
		catch (RuntimeException e) {
			stored.forEach(file -> files.delete(file.id()));
			throw e;
		}
		events.publishEvent(new TicketSubmitted(id, number, region));
		return new Submitted(List.of(), id, number, token);
	}

	private static boolean coordinatesValid(BigDecimal lat, BigDecimal lon) {
		if ((lat == null) != (lon == null)) {
			return false;
		}
		return lat == null || lat.abs().compareTo(BigDecimal.valueOf(90)) <= 0 && lon.abs().compareTo(BigDecimal.valueOf(180)) <= 0;
	}

	/** The content type of each upload (null where refused), adding a problem for each refused one. */
	private List<String> checkAttachments(List<Upload> uploads, List<FieldProblem> problems) {
		List<String> contentTypes = new ArrayList<>();
		if (uploads.size() > settings.maxAttachments()) {
			problems.add(FieldProblem.of("attachments", "hotline.error.attachment.count", settings.maxAttachments()));
			return contentTypes;
		}
		for (Upload upload : uploads) {
			Optional<String> contentType = AttachmentRules.attachmentType(upload.bytes());
			if (contentType.isEmpty()) {
				problems.add(FieldProblem.of("attachments", "hotline.error.attachment.type", upload.name()));
			}
			else if (upload.bytes().length > settings.maxAttachmentBytes()) {
				problems.add(FieldProblem.of("attachments", "hotline.error.attachment.size", upload.name(),
						settings.maxAttachmentBytes() / (1024 * 1024)));
			}
			contentTypes.add(contentType.orElse(null));
		}
		return contentTypes;
	}
}
