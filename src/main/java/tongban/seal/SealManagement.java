package tongban.seal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.seal.internal.LongTermValidation;
import tongban.seal.internal.PadesSigner;
import tongban.seal.internal.PlatformCa;
import tongban.seal.internal.SealImage;
import tongban.seal.internal.SigningKeys;
import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * The seal registry and sealing. A seal belongs to a department, has a red round image drawn by the platform, a
 * P-256 certificate (for PAdES on PDF) and an SM2 certificate (for OFD), both issued by the platform's CA, a validity
 * and a status. Applying a seal needs a staff member of the seal's department holding the seal's allowed role in a
 * session confirmed with TOTP; every sealing and every refusal is recorded in {@code seal_use}.
 */
@Service
@Transactional
public class SealManagement {

	public enum Status { ACTIVE, SUSPENDED, REVOKED }

	/** The seal types of the registry. */
	public static final List<String> TYPES = List.of("公章", "业务专用章", "行政许可专用章", "婚姻登记专用章", "户口专用章", "出生医学证明专用章");

	public record SealView(UUID id, String departmentCode, String name, String type, String allowedRole, Status status,
			LocalDate validFrom, LocalDate validTo, OffsetDateTime createdAt) {
	}

	/** Who applies a seal: their department, roles and whether their session was confirmed with TOTP. */
	public record Sealer(UUID accountId, String name, String departmentCode, Set<String> roles, boolean totp) {
	}

	/** The answer of checking a signed PDF: valid, or the message key of what is wrong. */
	public record PdfCheck(boolean valid, String problem, String signer, Instant signedAt) {

		public static PdfCheck problem(String code, String signer) {
			return new PdfCheck(false, code, signer, null);
		}
	}

	public record Use(UUID sealId, String actorName, String documentRef, String documentSha256, String outcome, String reason,
			OffsetDateTime at) {
	}

	static final Duration SEAL_VALIDITY = Duration.ofDays(365L * 5);

	private final JdbcClient jdbc;
	private final SigningKeys keys;
	private final PlatformCa ca;
	private final DirectoryManagement directory;
	private final TransactionTemplate separate;

	private final tongban.identity.IdentityManagement identity;
	private final tongban.seal.internal.TimeStamps timeStamps;

	private final tongban.audit.AuditTrail audit;

	SealManagement(tongban.audit.AuditTrail audit, JdbcClient jdbc, SigningKeys keys, PlatformCa ca, DirectoryManagement directory, PlatformTransactionManager tx,
			tongban.identity.IdentityManagement identity, tongban.seal.internal.TimeStamps timeStamps) {
		this.audit = audit;
		this.identity = identity;
		this.timeStamps = timeStamps;
		this.jdbc = jdbc;
		this.keys = keys;
		this.ca = ca;
		this.directory = directory;
		this.separate = new TransactionTemplate(tx);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The signed-in staff member as a sealer: roles and TOTP confirmation from the session's authorities, department
	 * from the account. Nobody signed in (or a token without TOTP) makes a sealer every seal refuses.
	 */
	@Transactional(readOnly = true)
	public Sealer currentSealer() {
		var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated()) {
			return new Sealer(null, "", null, Set.of(), false);
		}
		Set<String> roles = new java.util.HashSet<>();
		boolean totp = false;
		for (var a : auth.getAuthorities()) {
			String name = a.getAuthority();
			if (name.startsWith("ROLE_")) {
				roles.add(name.substring(5));
			}
			totp |= "FACTOR_TOTP".equals(name);
		}
		UUID accountId;
		try {
			accountId = UUID.fromString(auth.getName());
		}
		catch (IllegalArgumentException e) {
			return new Sealer(null, auth.getName(), null, Set.of(), false);
		}
		var staff = identity.staffMember(accountId);
		return new Sealer(accountId, staff.map(tongban.identity.StaffMember::name).orElse(""),
				staff.map(tongban.identity.StaffMember::departmentCode).orElse(null), roles, totp);
	}

	/** Makes a seal for a department: image, keys and certificates of both families. */
	public SealView create(String departmentCode, String type, String allowedRole, String createdBy) {
		DepartmentView d = directory.departmentByCode(departmentCode).orElseThrow(() -> DomainException.notFound("department"));
		if (!TYPES.contains(type)) {
			throw new DomainException(DomainException.Kind.INVALID, "seal-type", "unknown seal type " + type);
		}
		UUID id = UUID.randomUUID();
		String name = d.name() + (type.equals("公章") ? "" : type);
		var p256 = ca.issueSeal("seal-" + id + "-p256", Family.P256, d.name(), d.uscc(), type, SEAL_VALIDITY);
		var sm2 = ca.issueSeal("seal-" + id + "-sm2", Family.SM2, d.name(), d.uscc(), type, SEAL_VALIDITY);
		LocalDate from = LocalDate.now(Clocks.ZONE);
		try {
			jdbc.sql("""
					insert into seal_seal (id, department_code, name, type, allowed_role, status, image, key_alias_p256, key_alias_sm2,
					  cert_p256, cert_sm2, valid_from, valid_to, created_by)
					values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, departmentCode, name, type, allowedRole, SealImage.draw(d.name(), type.equals("公章") ? "" : type),
						"seal-" + id + "-p256", "seal-" + id + "-sm2", p256.certificate().getEncoded(), sm2.certificate().getEncoded(), from,
						from.plusDays(SEAL_VALIDITY.toDays() - 1), createdBy)
				.update();
		}
		catch (java.security.cert.CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
		return seal(id).orElseThrow();
	}

	private static final String COLUMNS = "id, department_code, name, type, allowed_role, status, valid_from, valid_to, created_at";

	@Transactional(readOnly = true)
	public Optional<SealView> seal(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from seal_seal where id = ?").param(id).query(SealView.class).optional();
	}

	@Transactional(readOnly = true)
	public List<SealView> seals(String departmentCode) {
		return jdbc.sql("select " + COLUMNS + " from seal_seal where department_code = ? order by created_at")
			.param(departmentCode)
			.query(SealView.class)
			.list();
	}

	/** The department's active seal of one of the types, the newest first. */
	@Transactional(readOnly = true)
	public Optional<SealView> activeSeal(String departmentCode, List<String> types) {
		return seals(departmentCode).stream().filter(s -> s.status() == Status.ACTIVE && types.contains(s.type()))
			.reduce((a, b) -> b);
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> image(UUID id) {
		return jdbc.sql("select image from seal_seal where id = ?").param(id).query(byte[].class).optional();
	}

	/** The limits of an uploaded seal image. */
	public static final int IMAGE_MAX_BYTES = 1024 * 1024;
	public static final int IMAGE_MIN_SIDE = 120;
	public static final int IMAGE_MAX_SIDE = 2000;

	/**
	 * Replaces a seal's image by an uploaded one (a scan of the physical seal, prepared by the department): a PNG of at most
	 * 1 MiB, each side 120–2,000 pixels, no more than twice as wide as high or the reverse (round and oval seals), with
	 * a transparent background (an alpha channel with transparent pixels) so that the seal lies over the issuer's name as
	 * on paper. Answers the problem's message code, or null when the image was taken; recorded in the seal's uses.
	 */
	public String replaceImage(UUID id, byte[] png, String actorName) {
		SealView s = seal(id).orElseThrow(() -> DomainException.notFound("seal"));
		if (s.status() == Status.REVOKED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "seal-revoked", "a revoked seal stays revoked");
		}
		String problem = imageProblem(png);
		if (problem != null) {
			return problem;
		}
		jdbc.sql("update seal_seal set image = ? where id = ?").params(png, id).update();
		String sha256 = tongban.shared.Hashes.sha256Hex(png);
		record(id, null, actorName, "image:" + sha256.substring(0, 16), sha256, "IMAGE", null);
		return null;
	}

	/** Why an uploaded seal image cannot be used (a message code), or null. */
	static String imageProblem(byte[] png) {
		if (png == null || png.length == 0) {
			return "seal.image.error.empty";
		}
		if (png.length > IMAGE_MAX_BYTES) {
			return "seal.image.error.size";
		}
		if (!tongban.shared.FileTypes.detect(png).filter(tongban.shared.FileTypes.PNG::equals).isPresent()) {
			return "seal.image.error.type";
		}
		java.awt.image.BufferedImage img;
		try {
			img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
		}
		catch (java.io.IOException | RuntimeException e) {
			img = null;
		}
		if (img == null) {
			return "seal.image.error.type";
		}
		int w = img.getWidth();
		int h = img.getHeight();
		if (Math.min(w, h) < IMAGE_MIN_SIDE || Math.max(w, h) > IMAGE_MAX_SIDE || w > 2 * h || h > 2 * w) {
			return "seal.image.error.dimensions";
		}
		if (!img.getColorModel().hasAlpha() || (img.getRGB(0, 0) >>> 24) != 0 && (img.getRGB(w - 1, h - 1) >>> 24) != 0) {
			return "seal.image.error.background";
		}
		return null;
	}

	/** Suspends, reactivates or revokes a seal (a revoked seal stays revoked). */
	public void setStatus(UUID id, Status status, String reason, String actorName) {
		SealView s = seal(id).orElseThrow(() -> DomainException.notFound("seal"));
		if (s.status() == Status.REVOKED) {
			throw new DomainException(DomainException.Kind.CONFLICT, "seal-revoked", "a revoked seal stays revoked");
		}
		jdbc.sql("update seal_seal set status = ?, status_reason = ? where id = ?").params(status.name(), reason, id).update();
		record(id, null, actorName, "status:" + status, null, "STATUS", reason);
	}

	/**
	 * Applies the seal to a PDF (PAdES signature with the seal's P-256 key). Refused, and the refusal recorded even
	 * though the caller's transaction rolls back, when the seal is not active or not valid today, or the sealer is not
	 * of its department, lacks its role, or did not confirm the session with TOTP.
	 */
	public byte[] sealPdf(UUID sealId, byte[] pdf, Sealer who, String documentRef, String reason) {
		byte[] signed = padesLongTerm(authorise(sealId, who, documentRef), pdf, reason);
		record(sealId, who.accountId(), who.name(), documentRef, tongban.shared.Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	/** The PDF signed with the seal's P-256 key (B-T), then its validation data in the document security store (B-LT). */
	private byte[] padesLongTerm(SealView s, byte[] pdf, String reason) {
		String alias = jdbc.sql("select key_alias_p256 from seal_seal where id = ?").param(s.id()).query(String.class).single();
		SigningKeys.Entry key = keys.get(alias).orElseThrow(() -> new IllegalStateException("no key " + alias));
		return LongTermValidation.addValidationData(PadesSigner.sign(pdf, key, s.name(), reason, s.departmentCode(), timeStamps),
				validationData(key.chain()));
	}

	/** The certificates of a chain and of the time-stamp unit, with the current CRLs of the P-256 CAs. */
	private LongTermValidation.ValidationData validationData(List<X509Certificate> chain) {
		Set<X509Certificate> certificates = new LinkedHashSet<>(chain);
		certificates.addAll(timeStamps.chain());
		return new LongTermValidation.ValidationData(List.copyOf(certificates), List.of(crl(Family.P256, false), crl(Family.P256, true)));
	}

	/**
	 * PAdES B-LTA: the current validation data and a document time-stamp over a sealed PDF, which keeps its seals
	 * provable after the certificates of its earlier time-stamps expire. Needs no sealer: it adds evidence, not a seal.
	 */
	public byte[] addArchiveTimeStamp(byte[] pdf) {
		byte[] withData = LongTermValidation.addValidationData(pdf, validationData(List.of(ca.issuing(Family.P256), ca.root(Family.P256))));
		return LongTermValidation.addDocumentTimeStamp(withData, timeStamps);
	}

	/** A time-stamp unit's certificate: its serial number and when it expires. */
	public record StampingUnit(BigInteger serial, Instant expires) {
	}

	/** The unit of the newest time-stamp in a sealed PDF; empty for a PDF without one. */
	public Optional<StampingUnit> newestTimeStamp(byte[] pdf) {
		return LongTermValidation.newestTimeStampCertificate(pdf)
			.map(c -> new StampingUnit(c.getSerialNumber(), c.getNotAfter().toInstant()));
	}

	/**
	 * The platform's time-stamp unit: a new archive time-stamp lasts until its certificate expires. A unit with less
	 * than two years left is replaced first, so that renewed archive time-stamps outlast the ones they renew.
	 */
	public StampingUnit currentTimeStampUnit() {
		timeStamps.renewIfDue();
		X509Certificate unit = timeStamps.chain().getFirst();
		return new StampingUnit(unit.getSerialNumber(), unit.getNotAfter().toInstant());
	}

	/** The seal types that may seal the written documents of a case (the department's newest active one is used). */
	public static final List<String> DOCUMENT_TYPES = List.of("业务专用章", "行政许可专用章", "公章");

	/**
	 * Seals a document the department issues to an applicant in the course of a case (受理通知书, 补正材料通知书,
	 * decision letter) with the department's active document seal, at PAdES B-LT. The platform applies it for the
	 * department when the step that issues the document is taken by staff allowed to take it (自动签章, decision 0016):
	 * no TOTP is asked of the step (department systems take steps through the API), and each use is recorded with the
	 * member of staff who took the step. Refused with {@code document-no-seal} when the department has no such seal.
	 */
	public byte[] sealIssuedDocument(String departmentCode, byte[] pdf, String documentRef, String reason, String staffName) {
		SealView s = activeSeal(departmentCode, DOCUMENT_TYPES).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT,
				"document-no-seal", "the department " + departmentCode + " has no active document seal"));
		byte[] signed = padesLongTerm(s, pdf, reason);
		record(s.id(), null, "自动签章（经办：" + staffName + "）", documentRef, tongban.shared.Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	/**
	 * Applies the seal to an OFD: a GB/T 38540 seal (the seal's SM2 certificate, its image, made by the platform's SM2
	 * issuing CA) and a signature over the whole document by the seal's SM2 key, the image at (x, y) mm on page 1.
	 * Refused and recorded like {@link #sealPdf}.
	 */
	public byte[] sealOfd(UUID sealId, byte[] ofd, Sealer who, String documentRef, double x, double y) {
		SealView s = authorise(sealId, who, documentRef);
		String alias = jdbc.sql("select key_alias_sm2 from seal_seal where id = ?").param(sealId).query(String.class).single();
		SigningKeys.Entry key = keys.get(alias).orElseThrow(() -> new IllegalStateException("no key " + alias));
		byte[] signed = tongban.seal.internal.OfdSigner.sign(ofd, key, ca.issuingEntry(Family.SM2), sealId.toString(), s.name(),
				image(sealId).orElseThrow(), s.validFrom(), s.validTo(), x, y);
		record(sealId, who.accountId(), who.name(), documentRef, tongban.shared.Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	private SealView authorise(UUID sealId, Sealer who, String documentRef) {
		SealView s = seal(sealId).orElseThrow(() -> DomainException.notFound("seal"));
		String refusal = null;
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (s.status() != Status.ACTIVE || today.isBefore(s.validFrom()) || today.isAfter(s.validTo())) {
			refusal = "seal-inactive";
		}
		else if (!who.totp()) {
			refusal = "seal-totp";
		}
		else if (!s.departmentCode().equals(who.departmentCode()) || !who.roles().contains(s.allowedRole())) {
			refusal = "seal-forbidden";
		}
		if (refusal != null) {
			String code = refusal;
			separate.executeWithoutResult(t -> record(sealId, who.accountId(), who.name(), documentRef, null, "REFUSED", code));
			throw new DomainException(DomainException.Kind.FORBIDDEN, code, "sealing refused: " + code);
		}
		return s;
	}

	private void record(UUID sealId, UUID accountId, String actor, String ref, String sha256, String outcome, String reason) {
		jdbc.sql("insert into seal_use (seal_id, account_id, actor_name, document_ref, document_sha256, outcome, reason) values (?, ?, ?, ?, ?, ?, ?)")
			.params(sealId, accountId, actor == null ? "" : actor, ref, sha256, outcome, reason)
			.update();
		audit.record(tongban.audit.AuditTrail.SEAL_USE, actor, "seal:" + sealId,
				outcome + " " + ref + (sha256 == null ? "" : " sha256=" + sha256) + (reason == null ? "" : " (" + reason + ")"));
	}

	@Transactional(readOnly = true)
	public List<Use> uses(UUID sealId, int limit) {
		return jdbc.sql("select seal_id, actor_name, document_ref, document_sha256, outcome, reason, at from seal_use where seal_id = ? order by id desc limit ?")
			.params(sealId, limit)
			.query(Use.class)
			.list();
	}

	/** The platform's own check of the GB/T 38540 seals on an OFD against its SM2 CA. */
	public PdfCheck checkOfd(byte[] ofd) {
		return tongban.seal.internal.OfdCheck.check(ofd, ca.issuing(Family.SM2), ca.root(Family.SM2));
	}

	/** The platform's own check of a signed PDF against its root (P-256 family). */
	public PdfCheck checkPdf(byte[] pdf) {
		return PadesSigner.check(pdf, ca.root(Family.P256));
	}

	public X509Certificate root(Family f) {
		return ca.root(f);
	}

	public X509Certificate issuingCa(Family f) {
		return ca.issuing(f);
	}

	/** The current CRL of the family's root (which revokes nothing so far) or issuing CA (listing revoked seals). */
	@Transactional(readOnly = true)
	public byte[] crl(Family f, boolean root) {
		java.util.List<java.math.BigInteger> revoked = root ? List.of()
				: jdbc.sql("select " + (f == Family.P256 ? "cert_p256" : "cert_sm2") + " from seal_seal where status = 'REVOKED'")
					.query(byte[].class)
					.list()
					.stream()
					.map(SealManagement::parse)
					.map(X509Certificate::getSerialNumber)
					.toList();
		return ca.crl(f, root, revoked);
	}

	private static X509Certificate parse(byte[] der) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The P-256 certificate of a seal. */
	@Transactional(readOnly = true)
	public X509Certificate certificate(UUID sealId) {
		return parse(jdbc.sql("select cert_p256 from seal_seal where id = ?").param(sealId).query(byte[].class).single());
	}
}
