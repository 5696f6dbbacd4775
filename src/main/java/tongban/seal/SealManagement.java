package tongban.seal;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.seal.internal.LongTermValidation;
import tongban.seal.internal.OfdCheck;
import tongban.seal.internal.OfdSigner;
import tongban.seal.internal.PadesSigner;
import tongban.seal.internal.PlatformCa;
import tongban.seal.internal.SealUses;
import tongban.seal.internal.SigningKeys;
import tongban.seal.internal.TimeStamps;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Hashes;

/**
 * Sealing: applies the seals of the registry ({@link SealRegistry}) to PDF (PAdES, with long-term validation data and
 * archive time-stamps) and OFD (GB/T 38540), and checks sealed files against the platform's CA. Applying a seal needs a
 * staff member of the seal's department holding the seal's allowed role in a session confirmed with TOTP; every sealing
 * and every refusal is recorded in {@code seal_use}.
 */
@Service
@Transactional
public class SealManagement {

	/** Who applies a seal: their department, roles and whether their session was confirmed with TOTP. */
	public record Sealer(UUID accountId, String name, String departmentCode, Set<String> roles, boolean totp) {
	}

	/** The answer of checking a signed PDF: valid, or the message key of what is wrong. */
	public record PdfCheck(boolean valid, String problem, String signer, Instant signedAt) {

		public static PdfCheck problem(String code, String signer) {
			return new PdfCheck(false, code, signer, null);
		}
	}

	private final JdbcClient jdbc;
	private final SigningKeys keys;
	private final PlatformCa ca;
	private final SealRegistry registry;
	private final SealUses uses;
	private final TransactionTemplate separate;
	private final TimeStamps timeStamps;

	SealManagement(JdbcClient jdbc, SigningKeys keys, PlatformCa ca, SealRegistry registry, SealUses uses, PlatformTransactionManager tx,
			TimeStamps timeStamps) {
		this.timeStamps = timeStamps;
		this.jdbc = jdbc;
		this.keys = keys;
		this.ca = ca;
		this.registry = registry;
		this.uses = uses;
		this.separate = new TransactionTemplate(tx);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * A member of staff as a sealer: their department and roles, and whether they confirmed their sign-in with TOTP
	 * ({@link StaffMember#secondFactor()}). Reads no security context, so it serves outside the request that signed in.
	 */
	public Sealer sealer(StaffMember staff) {
		return new Sealer(staff.id(), staff.name(), staff.departmentCode(), staff.roles().stream().map(Role::name).collect(Collectors.toSet()),
				staff.secondFactor());
	}

	/**
	 * Whether this sealer may apply this seal now, asked before work that will seal later (a licence is sealed after the
	 * approval commits): refused as sealing would be, and the refusal recorded, when the seal is not active or the
	 * sealer is not of its department, lacks its role or did not confirm the sign-in with TOTP.
	 */
	public void checkMayApply(UUID sealId, Sealer who, String documentRef) {
		authorise(sealId, who, documentRef);
	}

	/**
	 * Applies the seal to a PDF (PAdES signature with the seal's P-256 key). Refused, and the refusal recorded even
	 * though the caller's transaction rolls back, when the seal is not active or not valid today, or the sealer is not
	 * of its department, lacks its role, or did not confirm the session with TOTP.
	 */
	public byte[] sealPdf(UUID sealId, byte[] pdf, Sealer who, String documentRef, String reason) {
		byte[] signed = padesLongTerm(authorise(sealId, who, documentRef), pdf, reason);
		uses.record(sealId, who.accountId(), who.name(), documentRef, Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	/** The PDF signed with the seal's P-256 key (B-T), then its validation data in the document security store (B-LT). */
	private byte[] padesLongTerm(SealRegistry.SealView s, byte[] pdf, String reason) {
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
		SealRegistry.SealView s = registry.activeSeal(departmentCode, DOCUMENT_TYPES).orElseThrow(() -> new DomainException(DomainException.Kind.CONFLICT,
				"document-no-seal", "the department " + departmentCode + " has no active document seal"));
		byte[] signed = padesLongTerm(s, pdf, reason);
		uses.record(s.id(), null, "自动签章（经办：" + staffName + "）", documentRef, Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	/**
	 * Applies the seal to an OFD: a GB/T 38540 seal (the seal's SM2 certificate, its image, made by the platform's SM2
	 * issuing CA) and a signature over the whole document by the seal's SM2 key, the image at (x, y) mm on page 1.
	 * Refused and recorded like {@link #sealPdf}.
	 */
	public byte[] sealOfd(UUID sealId, byte[] ofd, Sealer who, String documentRef, double xMillimetres, double yMillimetres) {
		SealRegistry.SealView s = authorise(sealId, who, documentRef);
		String alias = jdbc.sql("select key_alias_sm2 from seal_seal where id = ?").param(sealId).query(String.class).single();
		SigningKeys.Entry key = keys.get(alias).orElseThrow(() -> new IllegalStateException("no key " + alias));
		byte[] signed = OfdSigner.sign(ofd, key, ca.issuingEntry(Family.SM2), sealId.toString(), s.name(),
				registry.image(sealId).orElseThrow(), s.validFrom(), s.validTo(), xMillimetres, yMillimetres);
		uses.record(sealId, who.accountId(), who.name(), documentRef, Hashes.sha256Hex(signed), "SEALED", null);
		return signed;
	}

	private SealRegistry.SealView authorise(UUID sealId, Sealer who, String documentRef) {
		SealRegistry.SealView s = registry.seal(sealId).orElseThrow(() -> DomainException.notFound("seal"));
		String refusal = null;
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (s.status() != SealRegistry.Status.ACTIVE || today.isBefore(s.validFrom()) || today.isAfter(s.validTo())) {
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
			separate.executeWithoutResult(t -> uses.record(sealId, who.accountId(), who.name(), documentRef, null, "REFUSED", code));
			throw new DomainException(DomainException.Kind.FORBIDDEN, code, "sealing refused: " + code);
		}
		return s;
	}

	/** The platform's own check of the GB/T 38540 seals on an OFD against its SM2 CA. */
	public PdfCheck checkOfd(byte[] ofd) {
		return OfdCheck.check(ofd, ca.issuing(Family.SM2), ca.root(Family.SM2));
	}

	/** The platform's own check of a signed PDF against its root (P-256 family). */
	public PdfCheck checkPdf(byte[] pdf) {
		return PadesSigner.check(pdf, ca.root(Family.P256));
	}

	public X509Certificate root(Family family) {
		return ca.root(family);
	}

	public X509Certificate issuingCa(Family family) {
		return ca.issuing(family);
	}

	/** The current CRL of the family's root (which revokes nothing so far) or issuing CA (listing revoked seals). */
	@Transactional(readOnly = true)
	public byte[] crl(Family family, boolean root) {
		List<BigInteger> revoked = root ? List.of() : registry.revokedSerials(family);
		return ca.crl(family, root, revoked);
	}
}
