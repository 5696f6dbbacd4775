package tongban.licence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.IdentityManagement;
import tongban.licence.internal.LicenceOfd;
import tongban.licence.internal.LicencePdf;
import tongban.notification.NotificationManagement;
import tongban.seal.SealManagement;
import tongban.seal.SealRegistry;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.FileTypes;
import tongban.shared.Hashes;
import tongban.shared.Masking;
import tongban.shared.Uscc;

/**
 * The licence registry: types, issuance (a PDF sealed by the issuing department's seal, its data attached as XML and a
 * QR code to {@code /verify/{identifier}}), public status by identifier or by file, revocation and cancellation by the
 * issuing department, reminders of expiry. The holder's side is {@link HeldLicences}.
 */
@Service
@Transactional
public class LicenceManagement {

	public enum Status { VALID, REVOKED, CANCELLED }

	/** A licence as its holder and the registry see it. */
	public record LicenceView(UUID id, String identifier, String typeCode, String name, String number, String holderName,
			String holderCode, String holderCodeType, UUID holderPartyId, String issuerName, String issuerCode, String departmentCode,
			String jurisdictionCode, LocalDate issuedOn, LocalDate validFrom, LocalDate validTo, Status status, String statusReason,
			OffsetDateTime statusChangedAt, UUID caseId, String pdfSha256) {

		public boolean expired() {
			return validTo != null && validTo.isBefore(LocalDate.now(Clocks.ZONE));
		}

		/** VALID, EXPIRED, REVOKED or CANCELLED, as verification shows it. */
		public String state() {
			return status != Status.VALID ? status.name() : expired() ? "EXPIRED" : "VALID";
		}

		LicenceView withHolderCode(String code) {
			return new LicenceView(id, identifier, typeCode, name, number, holderName, code, holderCodeType, holderPartyId, issuerName, issuerCode,
					departmentCode, jurisdictionCode, issuedOn, validFrom, validTo, status, statusReason, statusChangedAt, caseId, pdfSha256);
		}

		public String maskedHolderCode() {
			return "111".equals(holderCodeType) ? Masking.idNumber(holderCode) : holderCode;
		}

		/** The holder's name masked for the public page: the first character and the rest as *. */
		public String maskedHolderName() {
			if ("001".equals(holderCodeType) || holderName.length() < 2) {
				return holderName;
			}
			return holderName.charAt(0) + "*".repeat(holderName.length() - 1);
		}
	}

	/** What a case's approval puts on a licence. */
	public record Issue(UUID caseId, String itemCode, String departmentCode, String regionCode, UUID holderPartyId,
			Map<String, Object> values, UUID applicantAccountId) {
	}

	/** The answer of verifying a file: the seal check and, when the file names a licence, its registry status. */
	public record FileCheck(SealManagement.PdfCheck seal, LicenceView licence, boolean sameAsIssued) {
	}

	public static final String VERSION = "001";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DirectoryManagement directory;
	private final SealManagement seals;
	private final SealRegistry sealRegistry;
	private final FileStore files;
	private final ApplicationEventPublisher events;
	private final String publicUrl;

	private final IdentityManagement identity;
	private final NotificationManagement notifications;

	private final DataKeys keys;
	private final RowMapper<LicenceView> view;

	LicenceManagement(JdbcClient jdbc, JsonMapper json, DirectoryManagement directory, SealManagement seals, SealRegistry sealRegistry,
			FileStore files, ApplicationEventPublisher events, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl,
			IdentityManagement identity, NotificationManagement notifications, DataKeys keys) {
		this.keys = keys;
		this.view = LicenceRows.view(keys);
		this.identity = identity;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.json = json;
		this.directory = directory;
		this.seals = seals;
		this.sealRegistry = sealRegistry;
		this.files = files;
		this.events = events;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	// ---- types ----

	/** Saves a licence type; refused with its problems (e.g. a template without the holder) and nothing saved. */
	public List<String> saveType(LicenceType type) {
		List<String> problems = type.problems();
		if (!problems.isEmpty()) {
			return problems;
		}
		jdbc.sql("""
				insert into licence_type (code, name, defining_authority, number_prefix, holder_kind, validity_years, items, fields, seal_types)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)
				on conflict (code) do update set name = excluded.name, defining_authority = excluded.defining_authority,
				  number_prefix = excluded.number_prefix, holder_kind = excluded.holder_kind, validity_years = excluded.validity_years,
				  items = excluded.items, fields = excluded.fields, seal_types = excluded.seal_types, updated_at = now()""")
			.params(type.code(), type.name(), type.definingAuthority(), type.numberPrefix(), type.holderKind(), type.validityYears(),
					json.writeValueAsString(type.items()), json.writeValueAsString(type.fields()), json.writeValueAsString(type.sealTypes()))
			.update();
		return problems;
	}

	@Transactional(readOnly = true)
	public List<LicenceType> types() {
		return jdbc.sql("select code, name, defining_authority, number_prefix, holder_kind, validity_years, items::text as items, "
				+ "fields::text as fields, seal_types::text as seal_types from licence_type order by code")
			.query((rs, n) -> new LicenceType(rs.getString("code"), rs.getString("name"), rs.getString("defining_authority"),
					rs.getString("number_prefix"), rs.getString("holder_kind"), (Integer) rs.getObject("validity_years"),
					List.of(json.readValue(rs.getString("items"), String[].class)),
					List.of(json.readValue(rs.getString("fields"), LicenceType.Field[].class)),
					List.of(json.readValue(rs.getString("seal_types"), String[].class))))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<LicenceType> typeForItem(String itemCode) {
		return types().stream().filter(t -> t.items().contains(itemCode)).findFirst();
	}

	// ---- issuance ----

	/**
	 * Whether the licence of this case could be issued and sealed by this sealer: refused as issuance would be (no
	 * active seal of the type's kinds, the sealer not allowed to apply it; the refusal recorded), so that an approval
	 * whose licence is issued after it commits is refused at once instead. Nothing to check when the item issues no
	 * licence.
	 */
	public void checkIssuable(String itemCode, String departmentCode, SealManagement.Sealer sealer, String reference) {
		Optional<LicenceType> type = typeForItem(itemCode);
		if (type.isEmpty()) {
			return;
		}
		SealRegistry.SealView seal = activeSeal(departmentCode, type.get());
		seals.checkMayApply(seal.id(), sealer, reference);
	}

	private SealRegistry.SealView activeSeal(String departmentCode, LicenceType type) {
		return sealRegistry.activeSeal(departmentCode, type.sealTypes())
			.orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT, "licence-no-seal", "no active seal for " + type.name()));
	}

	/**
	 * Issues the licence of an approved case: identifier, number, data from the form by the type's template, a PDF
	 * sealed with the issuing department's seal by the approving staff member (refused without the right or TOTP; the
	 * approval asked {@link #checkIssuable} first). Empty when the item issues no licence.
	 */
	public Optional<LicenceView> issue(Issue request, SealManagement.Sealer sealer) {
		Optional<LicenceType> type = typeForItem(request.itemCode());
		if (type.isEmpty()) {
			return Optional.empty();
		}
		LicenceType t = type.get();
		DepartmentView issuer = directory.departmentByCode(request.departmentCode()).orElseThrow(() -> DomainException.notFound("department"));
		SealRegistry.SealView seal = activeSeal(request.departmentCode(), t);
		long serial = jdbc.sql("select nextval('licence_serial')").query(Long.class).single();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		String serialText = today.getYear() + String.format("%08d", serial);
		String identifier = LicenceIdentifier.of(t.code(), issuer.uscc(), serialText, VERSION);
		String number = t.numberPrefix() + request.regionCode() + serialText;
		LocalDate validTo = t.validityYears() == null ? null : today.plusYears(t.validityYears()).minusDays(1);
		Map<String, String> printed = new LinkedHashMap<>();
		String holderName = null;
		String holderCode = null;
		for (LicenceType.Field f : t.fields()) {
			String value = value(f.source(), request.values(), number, issuer.name(), today, validTo, request.regionCode(), serial);
			printed.put(f.label(), value);
			if ("HOLDER_NAME".equals(f.role())) {
				holderName = value;
			}
			if ("HOLDER_CODE".equals(f.role())) {
				holderCode = value;
			}
		}
		if (holderName == null || holderName.isBlank() || holderCode == null || holderCode.isBlank()) {
			throw new DomainException(DomainException.Kind.CONFLICT, "licence-holder", "the case lacks the holder's name or code");
		}
		String codeType = "LEGAL_PERSON".equals(t.holderKind()) ? "001" : "111";
		UUID id = UUID.randomUUID();
		LicencePdf.Content content = new LicencePdf.Content(t.name(), identifier, number, printed, issuer.name(), today,
				publicUrl + "/verify/" + identifier, sealRegistry.image(seal.id()).orElseThrow(),
				catalogueXml(t, identifier, number, holderName, holderCode, codeType, issuer, today, validTo, request.regionCode()));
		byte[] pdf = seals.sealPdf(seal.id(), LicencePdf.render(content), sealer, identifier, "电子证照签发：" + t.name());
		byte[] ofd = seals.sealOfd(seal.id(), LicenceOfd.render(content), sealer, identifier,
				LicenceOfd.SEAL_X, LicenceOfd.SEAL_Y);
		FileStore.Stored stored = files.put(pdf, "application/pdf", identifier + ".pdf");
		FileStore.Stored storedOfd = files.put(ofd, "application/ofd", identifier + ".ofd");
		jdbc.sql("""
				insert into licence_licence (id, identifier, type_code, name, number, holder_name, holder_code, holder_code_type, holder_party_id,
				  issuer_name, issuer_code, department_code, jurisdiction_code, issued_on, valid_from, valid_to, data, case_id, seal_id,
				  pdf_file_id, pdf_sha256, status, applicant_account_id, ofd_file_id, ofd_sha256, pdf_size)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?, ?, ?)""")
			.params(id, identifier, t.code(), t.name(), number, holderName, keys.encrypt(holderCode), codeType, request.holderPartyId(), issuer.name(),
					issuer.uscc(), request.departmentCode(), request.regionCode(), today, today, validTo, keys.encrypt(json.writeValueAsString(printed)),
					request.caseId(), seal.id(), stored.id(), stored.sha256(), request.applicantAccountId(), storedOfd.id(), storedOfd.sha256(), stored.size())
			.update();
		LicenceView issued = byIdentifier(identifier).orElseThrow();
		events.publishEvent(new LicenceIssued(issued.id(), identifier, t.name(), request.holderPartyId(), request.caseId()));
		notify(request.applicantAccountId(), issued, "LICENCE_ISSUED");
		return Optional.of(issued);
	}

	private static String value(String source, Map<String, Object> values, String number, String issuer, LocalDate today,
			LocalDate validTo, String region, long serial) {
		if (source.startsWith("form:")) {
			Object v = values.get(source.substring(5));
			return v == null ? "" : v.toString();
		}
		if (source.startsWith("text:")) {
			return source.substring(5);
		}
		return switch (source) {
			case "number" -> number;
			case "issuer" -> issuer;
			case "issuedOn" -> today.toString();
			case "validTo" -> validTo == null ? "长期" : validTo.toString();
			case "newUscc" -> newUscc(region, serial);
			default -> "";
		};
	}

	/** A USCC for a newly registered individual business (registration authority 9, type 2), GB 32100 check. */
	static String newUscc(String region, long serial) {
		String first17 = "92" + region + "MA" + String.format("%07d", serial % 10_000_000L);
		return first17 + Uscc.checkCharacter(first17);
	}

	private static String catalogueXml(LicenceType t, String identifier, String number, String holder, String holderCode, String codeType,
			DepartmentView issuer, LocalDate issued, LocalDate validTo, String region) {
		StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<电子证照 标准=\"GB/T 36904-2018\">\n");
		Map<String, String> f = new LinkedHashMap<>();
		f.put("证照名称", t.name());
		f.put("证照类型名称", t.name());
		f.put("证照类型代码", t.code());
		f.put("证照编号", number);
		f.put("证照标识", identifier);
		f.put("证照颁发机构", issuer.name());
		f.put("证照颁发机构代码", issuer.uscc());
		f.put("证照颁发日期", issued.toString());
		f.put("持证主体", holder);
		f.put("持证主体代码", holderCode);
		f.put("持证主体代码类型", codeType);
		f.put("管辖区域代码", region);
		f.put("有效期起始日期", issued.toString());
		f.put("有效期截止日期", validTo == null ? "长期" : validTo.toString());
		f.put("证照定义机构", t.definingAuthority());
		f.forEach((k, v) -> x.append("  <").append(k).append('>').append(escape(v)).append("</").append(k).append(">\n"));
		return x.append("</电子证照>\n").toString();
	}

	private static String escape(String v) {
		return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	// ---- registry, verification ----

	@Transactional(readOnly = true)
	public Optional<LicenceView> byIdentifier(String identifier) {
		return jdbc.sql("select " + LicenceRows.COLUMNS + " from licence_licence where identifier = ?").param(identifier).query(view).optional();
	}

	@Transactional(readOnly = true)
	public List<LicenceView> issuedBy(String departmentCode, int limit) {
		return jdbc.sql("select " + LicenceRows.COLUMNS + " from licence_licence where department_code = ? order by created_at desc limit ?")
			.params(departmentCode, limit)
			.query(view)
			.list();
	}

	/**
	 * Checks an uploaded licence file: its seal (signature, whole file covered, chain to the platform root) and, when it
	 * names a licence of the registry, that licence's status and whether the file is the one issued.
	 */
	@Transactional(readOnly = true)
	public FileCheck checkFile(byte[] file) {
		boolean ofd = FileTypes.detect(file).map(FileTypes.OFD::equals).orElse(false);
		SealManagement.PdfCheck seal = ofd ? seals.checkOfd(file) : seals.checkPdf(file);
		String identifier = ofd ? LicenceOfd.identifierOf(file) : LicencePdf.identifierOf(file);
		LicenceView l = identifier == null || LicenceIdentifier.problem(identifier) != null ? null : byIdentifier(identifier).orElse(null);
		String issued = l == null ? null
				: jdbc.sql("select " + (ofd ? "ofd_sha256" : "pdf_sha256") + " from licence_licence where id = ?").param(l.id()).query(String.class)
					.optional().orElse(null);
		return new FileCheck(seal, l, Hashes.sha256Hex(file).equals(issued));
	}

	private void notify(UUID accountId, LicenceView l, String event) {
		if (accountId == null) {
			return;
		}
		identity.contact(accountId).ifPresent(c -> notifications.notify(
				new NotificationManagement.Recipient(c.accountId(), c.name(), c.mobile(), c.email()), event,
				Map.of("licenceName", l.name(), "number", l.number(), "validTo", l.validTo() == null ? "" : l.validTo().toString()),
				publicUrl + "/account/licences/" + l.id(), l.caseId()));
	}

	/** Days before expiry when the applicant is reminded. */
	public static final int REMIND_DAYS = 30;

	/**
	 * Reminds the applicants of valid licences that expire within {@link #REMIND_DAYS} days of {@code today}, once each.
	 * Runs every morning; returns how many were reminded.
	 */
	public int remindExpiring(LocalDate today) {
		record Due(LicenceView licence, UUID applicant) {
		}
		List<Due> due = jdbc.sql("select " + LicenceRows.COLUMNS + """
				, applicant_account_id from licence_licence where status = 'VALID' and expiry_reminded_at is null and valid_to is not null
				  and valid_to >= ? and valid_to <= ? for update skip locked""")
			.params(today, today.plusDays(REMIND_DAYS))
			.query((rs, n) -> new Due(view.mapRow(rs, n), rs.getObject("applicant_account_id", UUID.class)))
			.list();
		for (Due d : due) {
			notify(d.applicant(), d.licence(), "LICENCE_EXPIRING");
			jdbc.sql("update licence_licence set expiry_reminded_at = now() where id = ?").param(d.licence().id()).update();
		}
		return due.size();
	}

	/** Revokes (撤销, e.g. obtained by fraud) or cancels (注销) a licence of the department, with the reason. */
	public LicenceView changeStatus(String identifier, String departmentCode, Status status, String reason, String staffName) {
		LicenceView l = byIdentifier(identifier).filter(x -> x.departmentCode().equals(departmentCode))
			.orElseThrow(() -> DomainException.notFound("licence"));
		if (status == Status.VALID || reason == null || reason.isBlank()) {
			throw new DomainException(DomainException.Kind.INVALID, "licence-reason", "a reason is needed");
		}
		if (l.status() != Status.VALID) {
			throw new DomainException(DomainException.Kind.CONFLICT, "licence-state", "the licence is " + l.status());
		}
		jdbc.sql("update licence_licence set status = ?, status_reason = ?, status_changed_at = now(), status_changed_by = ? where id = ?")
			.params(status.name(), reason.strip(), staffName, l.id())
			.update();
		if (status == Status.REVOKED) {
			// a revocation from the console is as much a revocation as one of a case's licences: systems that follow
			// licences (events to Kafka) hear of both
			events.publishEvent(new LicenceRevoked(l.id(), l.identifier(), l.name(), l.holderPartyId(), l.caseId(), reason.strip()));
		}
		return byIdentifier(identifier).orElseThrow();
	}
}
