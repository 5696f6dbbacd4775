package tongban.seal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.seal.internal.PlatformCa;
import tongban.seal.internal.SealImage;
import tongban.seal.internal.SealUses;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FileTypes;
import tongban.shared.Hashes;

/**
 * The seal registry: each department's seals with a red round image drawn by the platform (or a scan uploaded in its
 * place), a P-256 certificate (for PAdES on PDF) and an SM2 certificate (for OFD), both issued by the platform's CA, a
 * validity and a status (suspension, restoration, revocation with a reason); each seal's uses and refusals.
 * {@link SealManagement} applies the seals.
 */
@Service
@Transactional
public class SealRegistry {

	public enum Status { ACTIVE, SUSPENDED, REVOKED }

	/** The seal types of the registry. */
	public static final List<String> TYPES = List.of("公章", "业务专用章", "行政许可专用章", "婚姻登记专用章", "户口专用章", "出生医学证明专用章");

	public record SealView(UUID id, String departmentCode, String name, String type, String allowedRole, Status status,
			LocalDate validFrom, LocalDate validTo, OffsetDateTime createdAt) {
	}

	/** One use of a seal (sealing, refusal, a new image, a change of status), as its registry page lists it. */
	public record Use(UUID sealId, String actorName, String documentRef, String documentSha256, String outcome, String reason,
			OffsetDateTime at) {
	}

	static final Duration SEAL_VALIDITY = Duration.ofDays(365L * 5);

	private static final String COLUMNS = "id, department_code, name, type, allowed_role, status, valid_from, valid_to, created_at";

	private final JdbcClient jdbc;
	private final PlatformCa ca;
	private final DirectoryManagement directory;
	private final SealUses sealUses;

	SealRegistry(JdbcClient jdbc, PlatformCa ca, DirectoryManagement directory, SealUses uses) {
		this.jdbc = jdbc;
		this.ca = ca;
		this.directory = directory;
		this.sealUses = uses;
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
		catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
		return seal(id).orElseThrow();
	}

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
		String sha256 = Hashes.sha256Hex(png);
		sealUses.record(id, null, actorName, "image:" + sha256.substring(0, 16), sha256, "IMAGE", null);
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
		if (!FileTypes.detect(png).filter(FileTypes.PNG::equals).isPresent()) {
			return "seal.image.error.type";
		}
		BufferedImage img;
		try {
			img = ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException | RuntimeException e) {
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
		sealUses.record(id, null, actorName, "status:" + status, null, "STATUS", reason);
	}

	@Transactional(readOnly = true)
	public List<Use> uses(UUID sealId, int limit) {
		return jdbc.sql("select seal_id, actor_name, document_ref, document_sha256, outcome, reason, at from seal_use where seal_id = ? order by id desc limit ?")
			.params(sealId, limit)
			.query(Use.class)
			.list();
	}

	/** The P-256 certificate of a seal. */
	@Transactional(readOnly = true)
	public X509Certificate certificate(UUID sealId) {
		return parse(jdbc.sql("select cert_p256 from seal_seal where id = ?").param(sealId).query(byte[].class).single());
	}

	/** The serial numbers of the certificates of the family that belong to revoked seals (for the issuing CA's CRL). */
	@Transactional(readOnly = true)
	public List<BigInteger> revokedSerials(Family family) {
		return jdbc.sql("select " + (family == Family.P256 ? "cert_p256" : "cert_sm2") + " from seal_seal where status = 'REVOKED'")
			.query(byte[].class)
			.list()
			.stream()
			.map(SealRegistry::parse)
			.map(X509Certificate::getSerialNumber)
			.toList();
	}

	private static X509Certificate parse(byte[] der) {
		try {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException e) {
			throw new IllegalStateException(e);
		}
	}
}
