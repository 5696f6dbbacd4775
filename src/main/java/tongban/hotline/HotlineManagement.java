package tongban.hotline;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DirectoryManagement;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Hashes;
import tongban.shared.WorkingCalendars;

/**
 * Complaint and suggestion tickets (12345, 国办发〔2020〕53号; GB/T 33358 and GB/T 33357 for the hotline's service):
 * intake from the web (signed in, or anonymous with a phone confirmed by an SMS code), from a hotline operator, or from
 * Open311 clients; dispatch by the dispatch catalogue with manual override; return and reassignment; merging of
 * duplicates; handling against time limits by type and urgency; reply; supervision (督办) when overdue; close; revisit
 * and satisfaction; publication of suggestions and answers with the submitter's consent. Every step is an event the
 * submitter sees. Personal data (name, phone, address) is stored encrypted; the phone also as a blind index.
 */
@Service
public class HotlineManagement {

	public static final List<String> TYPES = List.of("CONSULT", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "PRAISE");
	public static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "GENERAL");
	public static final List<String> SATISFACTIONS = List.of("SATISFIED", "BASIC", "UNSATISFIED");
	public static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	/** A caller's number at the hotline may be a landline. */
	public static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
	static final int MAX_CODE_ATTEMPTS = 5;
	/** The shortest description that says what the matter is. */
	public static final int MIN_DESCRIPTION = 5;
	/** The longest description: Open311 GeoReport v2 allows "up to 4,000 characters", and so do the platform's forms. */
	public static final int MAX_DESCRIPTION = 4000;
	static final Set<String> OPEN = Set.of("NEW", "DISPATCHED", "RETURNED", "REPLIED");
	/** Patterns a published text must not contain: mobile and landline numbers, ID numbers. */
	static final Pattern PERSONAL = Pattern.compile("1[3-9]\\d{9}|\\d{17}[\\dXx]|\\d{15}|0\\d{2,3}-?\\d{7,8}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final JdbcClient jdbc;
	private final DataKeys keys;
	private final FileStore files;
	private final HotlineCatalogue catalogue;
	private final HotlineSettings settings;
	private final WorkingCalendars calendars;
	private final DirectoryManagement directory;
	private final NotificationManagement notifications;
	private final SubmissionReceipts receipts;
	private final SecureRandom random = new SecureRandom();

	HotlineManagement(JdbcClient jdbc, DataKeys keys, FileStore files, HotlineCatalogue catalogue, HotlineSettings settings,
			WorkingCalendars calendars, DirectoryManagement directory, NotificationManagement notifications,
			SubmissionReceipts receipts) {
		this.receipts = receipts;
		this.jdbc = jdbc;
		this.keys = keys;
		this.files = files;
		this.catalogue = catalogue;
		this.settings = settings;
		this.calendars = calendars;
		this.directory = directory;
		this.notifications = notifications;
	}

	// ---- records

	/** What a person (or an operator for them) tells us. {@code urgency} null: the category's default. */
	public record NewTicket(String type, String categoryCode, String urgency, String regionCode, String address,
			BigDecimal lat, BigDecimal lon, String description, String contactName, String phone, String phoneCode,
			boolean publishConsent, List<Upload> attachments) {

		/** The same ticket with the urgency left to the category (the public does not choose it). */
		public NewTicket withCategoryUrgency() {
			return new NewTicket(type, categoryCode, null, regionCode, address, lat, lon, description, contactName, phone, phoneCode,
					publishConsent, attachments);
		}

		/** The same ticket from a signed-in account: its name and mobile, no code needed. */
		public NewTicket withContact(String name, String mobile) {
			return new NewTicket(type, categoryCode, urgency, regionCode, address, lat, lon, description, name, mobile, null,
					publishConsent, attachments);
		}
	}

	public record Upload(String name, byte[] bytes) {
	}

	/**
	 * Who submits: a channel, the signed-in account if any, a name for the record, whether the phone is already
	 * confirmed (signed-in account, operator on the call, trusted Open311 client) and the Open311 client.
	 */
	public record Source(String channel, UUID accountId, String actorName, boolean phoneConfirmed, String apiClient) {

		public static Source anonymous() {
			return new Source("WEB", null, "群众", false, null);
		}

		public static Source account(UUID accountId, String name) {
			return new Source("WEB", accountId, name, true, null);
		}

		public static Source operator(String name) {
			return new Source("PHONE", null, name, true, null);
		}

		public static Source open311(String client, boolean verifiesPhone) {
			return new Source("OPEN311", null, client, verifiesPhone, client);
		}
	}

	/** A refused field: {@code field} names the form field, {@code code} the message key. */
	public record Problem(String field, String code, Object... args) {
	}

	public record Submitted(List<Problem> problems, UUID id, String number, String token) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	public record Event(OffsetDateTime at, String action, String actor, String department, String note, boolean visible) {
	}

	public record Attachment(long id, String fileId, String name, String contentType, long size) {
	}

	/** A ticket in full, for staff (who see personal data masked on screen) and for the submitter. */
	public record Ticket(UUID id, String number, String token, String type, String categoryCode, String urgency,
			boolean complex, String channel, String regionCode, String address, BigDecimal lat, BigDecimal lon,
			String description, UUID accountId, String contactName, String phone, boolean publishConsent,
			String apiClient, String status, String leadDepartment, List<String> assisting, OffsetDateTime dispatchDue,
			OffsetDateTime dispatchedAt, OffsetDateTime answerDue, OffsetDateTime repliedAt, String reply,
			OffsetDateTime supervisedAt, OffsetDateTime closedAt, String satisfaction, boolean reopened,
			UUID mergedInto, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

		public boolean open() {
			return OPEN.contains(status);
		}

		/** The clock that runs now: dispatch while waiting for a department, answer while one handles it. */
		public OffsetDateTime due() {
			return switch (status) {
				case "NEW", "RETURNED" -> dispatchDue;
				case "DISPATCHED" -> answerDue;
				default -> null;
			};
		}

		public boolean overdue(OffsetDateTime now) {
			OffsetDateTime due = due();
			return due != null && due.isBefore(now);
		}

		public boolean overdue() {
			return overdue(OffsetDateTime.now(Clocks.ZONE));
		}
	}

	// ---- intake

	/** Sends an SMS code that confirms an anonymous submitter's phone; refuses a resend within a minute. */
	@Transactional
	public Optional<Problem> sendPhoneCode(String phone) {
		String p = trim(phone);
		if (!MOBILE.matcher(p).matches()) {
			return Optional.of(new Problem("phone", p.isEmpty() ? "hotline.error.phone.empty" : "hotline.error.phone.format"));
		}
		String index = keys.blindIndex(p);
		boolean recent = jdbc.sql("select count(*) from hotline_phone_code where phone_index = ? and created_at > now() - interval '60 seconds'")
			.param(index)
			.query(Long.class)
			.single() > 0;
		if (recent) {
			return Optional.of(new Problem("phone", "hotline.error.code.tooSoon"));
		}
		String code = String.format("%06d", random.nextInt(1_000_000));
		jdbc.sql("insert into hotline_phone_code (phone_index, code_mac, expires_at) values (?, ?, ?)")
			.params(index, keys.mac("hotline-code:" + p + ":" + code), OffsetDateTime.now(Clocks.ZONE).plus(settings.codeValidity()))
			.update();
		notifications.sendSms(p, "【12345】您的诉求提交验证码为 " + code + "，" + settings.codeValidity().toMinutes()
				+ " 分钟内有效。如非本人操作，请忽略。");
		return Optional.empty();
	}

	/** Checks everything first; saves the ticket, its first event and its files together, or nothing. */
	@Transactional
	public Submitted submit(NewTicket t, Source source) {
		List<Problem> problems = new ArrayList<>();
		String type = trim(t.type());
		if (!TYPES.contains(type)) {
			problems.add(new Problem("type", "hotline.error.type"));
		}
		Optional<HotlineCatalogue.Category> category = catalogue.category(trim(t.categoryCode()));
		if (category.isEmpty()) {
			problems.add(new Problem("categoryCode", trim(t.categoryCode()).isEmpty() ? "hotline.error.category.empty"
					: "hotline.error.category.unknown"));
		}
		String urgency = t.urgency() == null || t.urgency().isBlank() ? category.map(HotlineCatalogue.Category::urgency).orElse("GENERAL")
				: t.urgency().strip();
		if (!URGENCIES.contains(urgency)) {
			problems.add(new Problem("urgency", "hotline.error.urgency"));
		}
		String region = trim(t.regionCode());
		if (!region.matches("\\d{6}") || !directory.isKnownDivision(region)) {
			problems.add(new Problem("regionCode", "hotline.error.region"));
		}
		String address = trim(t.address());
		if (address.length() > 200) {
			problems.add(new Problem("address", "hotline.error.address.long"));
		}
		if ((t.lat() == null) != (t.lon() == null)) {
			problems.add(new Problem("lat", "hotline.error.coordinates"));
		}
		else if (t.lat() != null && (t.lat().abs().compareTo(BigDecimal.valueOf(90)) > 0
				|| t.lon().abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
			problems.add(new Problem("lat", "hotline.error.coordinates"));
		}
		String description = trim(t.description());
		if (description.length() < MIN_DESCRIPTION) {
			problems.add(new Problem("description", description.isEmpty() ? "hotline.error.description.empty"
					: "hotline.error.description.short"));
		}
		else if (description.length() > MAX_DESCRIPTION) {
			problems.add(new Problem("description", "hotline.error.description.long"));
		}
		String name = trim(t.contactName());
		if (name.length() > 30) {
			problems.add(new Problem("contactName", "hotline.error.name.long"));
		}
		String phone = trim(t.phone()).replace(" ", "");
		Pattern phonePattern = "PHONE".equals(source.channel()) ? PHONE : MOBILE;
		if (phone.isEmpty()) {
			problems.add(new Problem("phone", "hotline.error.phone.empty"));
		}
		else if (!phonePattern.matcher(phone).matches()) {
			problems.add(new Problem("phone", "hotline.error.phone.format"));
		}
		List<Upload> uploads = t.attachments() == null ? List.of()
				: t.attachments().stream().filter(u -> u != null && u.bytes() != null && u.bytes().length > 0).toList();
		List<String> contentTypes = new ArrayList<>();
		if (uploads.size() > settings.maxAttachments()) {
			problems.add(new Problem("attachments", "hotline.error.attachment.count", settings.maxAttachments()));
		}
		else {
			for (Upload u : uploads) {
				Optional<String> ct = attachmentType(u.bytes());
				if (ct.isEmpty()) {
					problems.add(new Problem("attachments", "hotline.error.attachment.type", u.name()));
				}
				else if (u.bytes().length > settings.maxAttachmentBytes()) {
					problems.add(new Problem("attachments", "hotline.error.attachment.size", u.name(),
							settings.maxAttachmentBytes() / (1024 * 1024)));
				}
				contentTypes.add(ct.orElse(null));
			}
		}
		if (!problems.isEmpty()) {
			return new Submitted(problems, null, null, null);
		}
		// the phone is checked last: a wrong code counts as an attempt only for an otherwise complete ticket
		if (!source.phoneConfirmed()) {
			Optional<Problem> code = consumeCode(phone, t.phoneCode());
			if (code.isPresent()) {
				return new Submitted(List.of(code.get()), null, null, null);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		UUID id = UUID.randomUUID();
		String token = HexFormat.of().formatHex(randomBytes(16));
		OffsetDateTime dispatchDue = HotlineSettings.due(now, settings.dispatchLimit(type, urgency), calendars.current());
		List<FileStore.Stored> stored = new ArrayList<>();
		String number;
		try {
			// the number: GD, the day in Shanghai, and the next serial (at least six digits)
			number = jdbc.sql("""
					insert into hotline_ticket (id, number, token, type, category_code, urgency, channel, region_code, address,
					  lat, lon, description, account_id, contact_name, phone, phone_index, publish_consent, api_client, status,
					  dispatch_due, created_at, updated_at)
					values (?, ? || (select case when length(v) < 6 then lpad(v, 6, '0') else v end from (select nextval('hotline_ticket_seq')::text v) n), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?)
					returning number""")
				.params(id, "GD" + now.format(DAY), token, type, category.get().code(), urgency, source.channel(), region,
						address.isEmpty() ? null : keys.encrypt(address), t.lat(), t.lon(), description, source.accountId(),
						name.isEmpty() ? null : keys.encrypt(name), keys.encrypt(phone), keys.blindIndex(phone),
						t.publishConsent() && !"REPORT".equals(type), source.apiClient(), dispatchDue, now, now)
				.query(String.class)
				.single();
			for (int i = 0; i < uploads.size(); i++) {
				Upload u = uploads.get(i);
				FileStore.Stored s = files.put(u.bytes(), contentTypes.get(i), safeName(u.name()));
				stored.add(s);
				jdbc.sql("insert into hotline_attachment (ticket_id, file_id, name, content_type, size, sha256) values (?, ?, ?, ?, ?, ?)")
					.params(id, s.id(), safeName(u.name()), s.contentType(), s.size(), s.sha256())
					.update();
			}
			event(id, "SUBMITTED", source.actorName(), null, channelNote(source.channel()), true);
			receipts.send(phone, number);
		}
		catch (RuntimeException e) {
			stored.forEach(s -> files.delete(s.id()));
			throw e;
		}
		return new Submitted(List.of(), id, number, token);
	}

	private byte[] randomBytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	private static String channelNote(String channel) {
		return switch (channel) {
			case "PHONE" -> "12345热线来电";
			case "OPEN311" -> "开放接口提交";
			default -> "网上提交";
		};
	}

	private Optional<Problem> consumeCode(String phone, String code) {
		String c = trim(code);
		if (c.isEmpty()) {
			return Optional.of(new Problem("phoneCode", "hotline.error.phone.unconfirmed"));
		}
		record Pending(long id, String mac, OffsetDateTime expiresAt, int attempts) {
		}
		Optional<Pending> p = jdbc.sql("""
				select id, code_mac, expires_at, attempts from hotline_phone_code
				where phone_index = ? and used_at is null order by created_at desc limit 1 for update""")
			.param(keys.blindIndex(phone))
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getInt(4)))
			.optional();
		if (p.isEmpty()) {
			return Optional.of(new Problem("phoneCode", "hotline.error.phone.unconfirmed"));
		}
		if (p.get().attempts() >= MAX_CODE_ATTEMPTS) {
			return Optional.of(new Problem("phoneCode", "hotline.error.code.tooMany"));
		}
		if (p.get().expiresAt().isBefore(OffsetDateTime.now(Clocks.ZONE))) {
			return Optional.of(new Problem("phoneCode", "hotline.error.code.expired"));
		}
		if (!c.matches("\\d{6}") || !java.security.MessageDigest.isEqual(p.get().mac().getBytes(java.nio.charset.StandardCharsets.UTF_8),
				keys.mac("hotline-code:" + phone + ":" + c).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
			jdbc.sql("update hotline_phone_code set attempts = attempts + 1 where id = ?").param(p.get().id()).update();
			return Optional.of(new Problem("phoneCode", "hotline.error.code.wrong"));
		}
		jdbc.sql("update hotline_phone_code set used_at = now() where id = ?").param(p.get().id()).update();
		return Optional.empty();
	}

	/** The content type of an acceptable attachment (PDF, JPEG, PNG, read from the content); empty for any other. */
	static Optional<String> attachmentType(byte[] bytes) {
		return FileTypes.detect(bytes).filter(c -> !c.equals(FileTypes.OFD));
	}

	static String safeName(String name) {
		String n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
		return n.isEmpty() ? "附件" : n.length() > 100 ? n.substring(n.length() - 100) : n;
	}

	// ---- reading

	private static final String COLUMNS = """
			id, number, token, type, category_code, urgency, complex, channel, region_code, address, lat, lon, description,
			account_id, contact_name, phone, publish_consent, api_client, status, lead_department, assisting, dispatch_due,
			dispatched_at, answer_due, replied_at, reply, supervised_at, closed_at, satisfaction, reopened, merged_into,
			created_at, updated_at""";

	private Ticket map(ResultSet rs, int n) throws SQLException {
		return new Ticket(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("token"), rs.getString("type"),
				rs.getString("category_code"), rs.getString("urgency"), rs.getBoolean("complex"), rs.getString("channel"),
				rs.getString("region_code"), decrypt(rs.getString("address")), rs.getBigDecimal("lat"), rs.getBigDecimal("lon"),
				rs.getString("description"), rs.getObject("account_id", UUID.class), decrypt(rs.getString("contact_name")),
				decrypt(rs.getString("phone")), rs.getBoolean("publish_consent"), rs.getString("api_client"),
				rs.getString("status"), rs.getString("lead_department"),
				Arrays.asList((String[]) rs.getArray("assisting").getArray()), rs.getObject("dispatch_due", OffsetDateTime.class),
				rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("answer_due", OffsetDateTime.class),
				rs.getObject("replied_at", OffsetDateTime.class), rs.getString("reply"),
				rs.getObject("supervised_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
				rs.getString("satisfaction"), rs.getBoolean("reopened"), rs.getObject("merged_into", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

	private String decrypt(String stored) {
		return stored == null ? null : keys.decrypt(stored);
	}

	public Optional<Ticket> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where id = ?").param(id).query(this::map).optional();
	}

	public Optional<Ticket> byNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where number = ?").param(trim(number)).query(this::map).optional();
	}

	public Optional<Ticket> byToken(String token) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where token = ?").param(trim(token)).query(this::map).optional();
	}

	/** The submitter follows a ticket with its number and the phone it was submitted with; a mismatch finds nothing. */
	public Optional<Ticket> follow(String number, String phone) {
		String p = trim(phone).replace(" ", "");
		if (p.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where number = ? and phone_index = ?")
			.params(trim(number), keys.blindIndex(p))
			.query(this::map)
			.optional();
	}

	public List<Ticket> ofAccount(UUID accountId) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where account_id = ? order by created_at desc limit 200")
			.param(accountId)
			.query(this::map)
			.list();
	}

	/** Waiting for a dispatcher: new and returned tickets, the most pressing first. */
	public List<Ticket> dispatchQueue() {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where status in ('NEW', 'RETURNED') order by dispatch_due limit 500")
			.query(this::map)
			.list();
	}

	/** Recent tickets in a region, for operators (any status). */
	public List<Ticket> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket order by created_at desc limit ?").param(limit).query(this::map).list();
	}

	/** A department's tickets: where it leads or assists, open ones first. */
	public List<Ticket> ofDepartment(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where (lead_department = ? or ? = any(assisting)) "
				+ "and status <> 'MERGED' order by (status in ('DISPATCHED')) desc, answer_due nulls last limit 500")
			.params(departmentCode, departmentCode)
			.query(this::map)
			.list();
	}

	/** Open tickets past their limit in a region (by prefix), for supervisors. */
	public List<Ticket> overdue(String regionPrefix) {
		return jdbc.sql("select " + COLUMNS + " from hotline_ticket where region_code like ? and ((status in ('NEW', 'RETURNED') "
				+ "and dispatch_due < now()) or (status = 'DISPATCHED' and answer_due < now())) order by created_at limit 500")
			.param(regionPrefix + "%")
			.query(this::map)
			.list();
	}

	public List<Event> events(UUID ticketId, boolean visibleOnly) {
		return jdbc.sql("select at, action, actor, department, note, visible from hotline_ticket_event where ticket_id = ? "
				+ (visibleOnly ? "and visible " : "") + "order by id")
			.param(ticketId)
			.query((rs, n) -> new Event(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBoolean(6)))
			.list();
	}

	public List<Attachment> attachments(UUID ticketId) {
		return jdbc.sql("select id, file_id, name, content_type, size from hotline_attachment where ticket_id = ? order by id")
			.param(ticketId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
			.list();
	}

	public Optional<String> numberOf(UUID id) {
		return id == null ? Optional.empty()
				: jdbc.sql("select number from hotline_ticket where id = ?").param(id).query(String.class).optional();
	}

	// ---- handling

	private void event(UUID ticketId, String action, String actor, String department, String note, boolean visible) {
		jdbc.sql("insert into hotline_ticket_event (ticket_id, action, actor, department, note, visible) values (?, ?, ?, ?, ?, ?)")
			.params(ticketId, action, actor, department, note, visible)
			.update();
	}

	private Ticket require(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("ticket"));
	}

	private static DomainException conflict(String code) {
		return new DomainException(DomainException.Kind.CONFLICT, code, code);
	}

	private static DomainException invalid(String code) {
		return new DomainException(DomainException.Kind.INVALID, code, code);
	}

	/** The catalogue's suggestion for a ticket, if the catalogue covers its category and region. */
	public Optional<HotlineCatalogue.Assignment> suggestion(Ticket t) {
		return catalogue.assignment(t.categoryCode(), t.regionCode());
	}

	/** 派单 (or 重新派单 after a return): the answer clock starts at dispatch. */
	@Transactional
	public void dispatch(UUID id, String operatorName, String lead, List<String> assisting) {
		Ticket t = require(id);
		if (!Set.of("NEW", "RETURNED").contains(t.status())) {
			throw conflict("hotline-not-dispatchable");
		}
		if (lead == null || directory.departmentByCode(lead).isEmpty()) {
			throw invalid("hotline-department-unknown");
		}
		List<String> assist = assisting == null ? List.of()
				: assisting.stream().filter(a -> a != null && !a.isBlank() && !a.equals(lead)).distinct().toList();
		for (String a : assist) {
			if (directory.departmentByCode(a).isEmpty()) {
				throw invalid("hotline-department-unknown");
			}
		}
		OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
		OffsetDateTime answerDue = HotlineSettings.due(now, t.complex() ? settings.complexLimit()
				: settings.answerLimit(t.type(), t.urgency()), calendars.current());
		int n = jdbc.sql("update hotline_ticket set status = 'DISPATCHED', lead_department = ?, assisting = ?, dispatched_at = ?, "
				+ "answer_due = ?, updated_at = now() where id = ? and status = ?")
			.params(lead, assist.toArray(String[]::new), now, answerDue, id, t.status())
			.update();
		if (n == 0) {
			throw conflict("hotline-not-dispatchable");
		}
		String names = departmentName(lead) + (assist.isEmpty() ? ""
				: "；协办：" + String.join("、", assist.stream().map(this::departmentName).toList()));
		event(id, "RETURNED".equals(t.status()) ? "REASSIGNED" : "DISPATCHED", operatorName, lead, "承办：" + names, true);
	}

	public String departmentName(String code) {
		return code == null ? "" : directory.departmentNames().getOrDefault(code, code);
	}

	/** The lead department objects to a dispatch: the ticket goes back to the dispatcher with the reason. */
	@Transactional
	public void returnTicket(UUID id, String department, String staffName, String reason) {
		Ticket t = require(id);
		if (!department.equals(t.leadDepartment())) {
			throw DomainException.notFound("ticket");
		}
		String r = trim(reason);
		if (r.length() < 4 || r.length() > 500) {
			throw invalid("hotline-reason-required");
		}
		int n = jdbc.sql("update hotline_ticket set status = 'RETURNED', lead_department = null, assisting = '{}', "
				+ "updated_at = now() where id = ? and status = 'DISPATCHED'")
			.param(id)
			.update();
		if (n == 0) {
			throw conflict("hotline-not-returnable");
		}
		event(id, "RETURNED", staffName, department, r, true);
	}

	/** An assisting department's opinion for the lead department (staff only). */
	@Transactional
	public void assist(UUID id, String department, String staffName, String opinion) {
		Ticket t = require(id);
		if (!t.assisting().contains(department)) {
			throw DomainException.notFound("ticket");
		}
		String o = trim(opinion);
		if (o.length() < 2 || o.length() > 2000) {
			throw invalid("hotline-opinion-required");
		}
		event(id, "ASSISTED", staffName, department, o, false);
	}

	/** The lead department marks a matter complex (疑难): the answer limit becomes the complex one, from dispatch. */
	@Transactional
	public void markComplex(UUID id, String department, String staffName, String reason) {
		Ticket t = require(id);
		if (!department.equals(t.leadDepartment())) {
			throw DomainException.notFound("ticket");
		}
		String r = trim(reason);
		if (r.length() < 4) {
			throw invalid("hotline-reason-required");
		}
		if (!"DISPATCHED".equals(t.status()) || t.complex()) {
			throw conflict("hotline-not-open");
		}
		OffsetDateTime due = HotlineSettings.due(t.dispatchedAt(), settings.complexLimit(), calendars.current());
		jdbc.sql("update hotline_ticket set complex = true, answer_due = ?, updated_at = now() where id = ?").params(due, id).update();
		event(id, "COMPLEX", staffName, department, r, true);
	}

	/** The lead department answers the person; the person is told by SMS. */
	@Transactional
	public void reply(UUID id, String department, String staffName, String text) {
		Ticket t = require(id);
		if (!department.equals(t.leadDepartment())) {
			throw DomainException.notFound("ticket");
		}
		String r = trim(text);
		if (r.length() < 4 || r.length() > 4000) {
			throw invalid("hotline-reply-required");
		}
		int n = jdbc.sql("update hotline_ticket set status = 'REPLIED', reply = ?, replied_at = now(), updated_at = now() "
				+ "where id = ? and status = 'DISPATCHED'")
			.params(r, id)
			.update();
		if (n == 0) {
			throw conflict("hotline-not-open");
		}
		event(id, "REPLIED", staffName, department, r, true);
		if (MOBILE.matcher(t.phone()).matches()) {
			notifications.sendSms(t.phone(), "【12345】您的诉求（编号 " + t.number() + "）已有答复，请在通办网站“诉求查询”中凭编号和手机号查看。");
		}
	}

	/** 督办 of every open ticket past its limit that was not yet supervised; returns how many. */
	@Transactional
	public int superviseOverdue(OffsetDateTime now) {
		List<UUID> ids = jdbc.sql("update hotline_ticket set supervised_at = ?, updated_at = now() where supervised_at is null and "
				+ "((status in ('NEW', 'RETURNED') and dispatch_due < ?) or (status = 'DISPATCHED' and answer_due < ?)) returning id")
			.params(now, now, now)
			.query(UUID.class)
			.list();
		for (UUID id : ids) {
			event(id, "SUPERVISED", "12345督办", null, "超过办理时限，已督办", true);
		}
		return ids.size();
	}

	/** A supervisor's written urging (督办意见) on an open ticket. */
	@Transactional
	public void urge(UUID id, String supervisorName, String note) {
		Ticket t = require(id);
		if (!t.open()) {
			throw conflict("hotline-not-open");
		}
		String n = trim(note);
		if (n.length() < 4 || n.length() > 1000) {
			throw invalid("hotline-note-required");
		}
		if (t.supervisedAt() == null) {
			jdbc.sql("update hotline_ticket set supervised_at = now(), updated_at = now() where id = ?").param(id).update();
		}
		event(id, "URGED", supervisorName, t.leadDepartment(), n, true);
	}

	/** 办结: the operator closes an answered ticket. */
	@Transactional
	public void close(UUID id, String operatorName, String note) {
		int n = jdbc.sql("update hotline_ticket set status = 'CLOSED', closed_at = now(), updated_at = now() where id = ? and status = 'REPLIED'")
			.param(id)
			.update();
		if (n == 0) {
			require(id);
			throw conflict("hotline-not-closable");
		}
		event(id, "CLOSED", operatorName, null, trim(note).isEmpty() ? "已办结" : trim(note), true);
	}

	/**
	 * 回访 and 评价: the operator records what the person said on the revisit call, or the person rates on the follow
	 * page; once per ticket. An unsatisfied answer sends the ticket back to the same department once (重办).
	 */
	@Transactional
	public void revisit(UUID id, String actorName, String satisfaction, String note, boolean byOperator) {
		if (!SATISFACTIONS.contains(satisfaction == null ? "" : satisfaction)) {
			throw invalid("hotline-satisfaction-required");
		}
		Ticket t = require(id);
		if (!"CLOSED".equals(t.status()) || t.satisfaction() != null) {
			throw conflict("hotline-not-ratable");
		}
		String note2 = trim(note);
		if (note2.length() > 1000) {
			throw invalid("hotline-note-long");
		}
		boolean reopen = "UNSATISFIED".equals(satisfaction) && !t.reopened() && t.leadDepartment() != null;
		if (reopen) {
			OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
			OffsetDateTime due = HotlineSettings.due(now, settings.answerLimit(t.type(), t.urgency()), calendars.current());
			jdbc.sql("update hotline_ticket set status = 'DISPATCHED', reopened = true, closed_at = null, dispatched_at = ?, "
					+ "answer_due = ?, supervised_at = null, updated_at = now() where id = ? and status = 'CLOSED'")
				.params(now, due, id)
				.update();
		}
		else {
			int n = jdbc.sql("update hotline_ticket set satisfaction = ?, updated_at = now() where id = ? and status = 'CLOSED' and satisfaction is null")
				.params(satisfaction, id)
				.update();
			if (n == 0) {
				throw conflict("hotline-not-ratable");
			}
		}
		event(id, byOperator ? "REVISITED" : "RATED", actorName, null,
				satisfactionName(satisfaction) + (note2.isEmpty() ? "" : "：" + note2), true);
		if (reopen) {
			event(id, "REOPENED", "12345", t.leadDepartment(), "群众不满意，退回承办单位重新办理", true);
		}
	}

	static String satisfactionName(String s) {
		return switch (s) {
			case "SATISFIED" -> "满意";
			case "BASIC" -> "基本满意";
			default -> "不满意";
		};
	}

	/** Merges a duplicate into an open ticket: the duplicate closes as 已合并 and follows the other's answer. */
	@Transactional
	public void merge(UUID id, String intoNumber, String operatorName) {
		Ticket dup = require(id);
		Ticket into = byNumber(intoNumber).orElseThrow(() -> invalid("hotline-merge-target"));
		if (into.id().equals(dup.id()) || !into.open() || "MERGED".equals(into.status())) {
			throw invalid("hotline-merge-target");
		}
		if (!Set.of("NEW", "RETURNED", "DISPATCHED").contains(dup.status())) {
			throw conflict("hotline-not-mergeable");
		}
		jdbc.sql("update hotline_ticket set status = 'MERGED', merged_into = ?, closed_at = now(), updated_at = now() where id = ?")
			.params(into.id(), id)
			.update();
		event(id, "MERGED", operatorName, null, "与诉求 " + into.number() + " 重复，合并办理", true);
		event(into.id(), "MERGED_IN", operatorName, null, "合并了重复诉求 " + dup.number(), false);
	}

	// ---- public replies

	public record PublicReply(String number, String title, String question, String answer, String department,
			OffsetDateTime publishedAt) {
	}

	/**
	 * Publishes a closed suggestion or consultation and its answer, anonymised by the publisher: only with the
	 * submitter's consent, and never with a phone or ID number left in the text.
	 */
	@Transactional
	public List<Problem> publish(UUID id, String publisherName, String title, String question, String answer) {
		Ticket t = require(id);
		if (!t.publishConsent()) {
			throw conflict("hotline-no-consent");
		}
		if (!"CLOSED".equals(t.status()) || !Set.of("SUGGESTION", "CONSULT").contains(t.type())) {
			throw conflict("hotline-not-publishable");
		}
		List<Problem> problems = new ArrayList<>();
		String ti = trim(title), q = trim(question), a = trim(answer);
		check(problems, "title", ti, 4, 60);
		check(problems, "question", q, 5, 2000);
		check(problems, "answer", a, 5, 4000);
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("insert into hotline_public_reply (ticket_id, title, question, answer, department, published_by) values (?, ?, ?, ?, ?, ?) "
				+ "on conflict (ticket_id) do update set title = excluded.title, question = excluded.question, answer = excluded.answer, "
				+ "published_by = excluded.published_by, published_at = now()")
			.params(id, ti, q, a, departmentName(t.leadDepartment()), publisherName)
			.update();
		event(id, "PUBLISHED", publisherName, null, "已公开答复（匿名）", true);
		return List.of();
	}

	private static void check(List<Problem> problems, String field, String value, int min, int max) {
		if (value.length() < min || value.length() > max) {
			problems.add(new Problem(field, "hotline.error.publish.length", min, max));
		}
		else if (PERSONAL.matcher(value).find()) {
			problems.add(new Problem(field, "hotline.error.publish.personal"));
		}
	}

	/** A first anonymised draft for the publisher: numbers that look like phones or ID numbers masked. */
	public static String anonymised(String text) {
		return text == null ? "" : PERSONAL.matcher(text).replaceAll(m -> "*".repeat(m.group().length()));
	}

	public List<PublicReply> publicReplies(int limit) {
		return jdbc.sql("select t.number, r.title, r.question, r.answer, r.department, r.published_at from hotline_public_reply r "
				+ "join hotline_ticket t on t.id = r.ticket_id order by r.published_at desc limit ?")
			.param(limit)
			.query((rs, n) -> new PublicReply(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	// ---- Open311 clients and queries

	public record ApiClient(String name, boolean verifiesPhone) {
	}

	/** Registers an Open311 client and returns its key, shown once; only its hash is kept. */
	@Transactional
	public String registerClient(String name, boolean verifiesPhone) {
		String key = HexFormat.of().formatHex(randomBytes(24));
		jdbc.sql("insert into hotline_api_client (name, key_hash, verifies_phone) values (?, ?, ?)")
			.params(name, Hashes.sha256Hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), verifiesPhone)
			.update();
		return key;
	}

	/** Registers a client with a key chosen by the caller (demo data only). */
	@Transactional
	public void registerClient(String name, String key, boolean verifiesPhone) {
		jdbc.sql("insert into hotline_api_client (name, key_hash, verifies_phone) values (?, ?, ?) on conflict (name) do nothing")
			.params(name, Hashes.sha256Hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), verifiesPhone)
			.update();
	}

	public Optional<ApiClient> client(String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("select name, verifies_phone from hotline_api_client where key_hash = ? and revoked_at is null")
			.param(Hashes.sha256Hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.query((rs, n) -> new ApiClient(rs.getString(1), rs.getBoolean(2)))
			.optional();
	}

	/** Filters of Open311's GET requests: ids, service codes, period, statuses (open/closed). */
	public record Query(List<String> numbers, List<String> categories, OffsetDateTime start, OffsetDateTime end,
			List<String> statuses, int limit) {
	}

	public List<Ticket> search(Query q) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from hotline_ticket where status <> 'MERGED'");
		List<Object> params = new ArrayList<>();
		if (!q.numbers().isEmpty()) {
			sql.append(" and number = any(?)");
			params.add(q.numbers().toArray(String[]::new));
		}
		if (!q.categories().isEmpty()) {
			sql.append(" and category_code = any(?)");
			params.add(q.categories().toArray(String[]::new));
		}
		if (q.start() != null) {
			sql.append(" and created_at >= ?");
			params.add(q.start());
		}
		if (q.end() != null) {
			sql.append(" and created_at <= ?");
			params.add(q.end());
		}
		boolean open = q.statuses().contains("open"), closed = q.statuses().contains("closed");
		if (open && !closed) {
			sql.append(" and status in ('NEW', 'DISPATCHED', 'RETURNED', 'REPLIED')");
		}
		else if (closed && !open) {
			sql.append(" and status = 'CLOSED'");
		}
		sql.append(" order by created_at desc limit ?");
		params.add(q.limit());
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private static String trim(String s) {
		return s == null ? "" : s.strip();
	}
}
