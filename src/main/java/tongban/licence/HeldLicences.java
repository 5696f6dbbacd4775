package tongban.licence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.licence.LicenceManagement.LicenceView;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.RandomTokens;

/**
 * 卡包, the holder's side of the registry: the licences a party holds, their files (sealed PDF and OFD), their uses in
 * cases (用证), and links to a licence's verification page that expire (亮证).
 */
@Service
@Transactional
public class HeldLicences {

	/** One use of a licence in a case (用证), as its holder sees it. */
	public record Use(String itemName, String materialName, String departmentCode, String usedBy, OffsetDateTime usedAt) {
	}

	/** Longest life of a share link. */
	public static final Duration MAX_SHARE = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final FileStore files;
	private final LicenceManagement licences;
	private final RowMapper<LicenceView> view;

	HeldLicences(JdbcClient jdbc, FileStore files, LicenceManagement licences, DataKeys keys) {
		this.jdbc = jdbc;
		this.files = files;
		this.licences = licences;
		this.view = LicenceRows.view(keys);
	}

	/** The licences in a party's wallet (a citizen's own, or a company's for its agents), newest first. */
	@Transactional(readOnly = true)
	public List<LicenceView> wallet(UUID partyId) {
		return jdbc.sql("select " + LicenceRows.COLUMNS + " from licence_licence where holder_party_id = ? order by issued_on desc, created_at desc")
			.param(partyId)
			.query(view)
			.list();
	}

	/** One licence of the party's wallet; another's is "not found". */
	@Transactional(readOnly = true)
	public Optional<LicenceView> held(UUID partyId, UUID id) {
		return jdbc.sql("select " + LicenceRows.COLUMNS + " from licence_licence where id = ? and holder_party_id = ?").params(id, partyId)
			.query(view)
			.optional();
	}

	@Transactional(readOnly = true)
	public byte[] pdf(LicenceView licence) {
		return file(licence, "pdf_file_id");
	}

	/** The licence as sealed OFD (GB/T 33190 with a GB/T 38540 seal). */
	@Transactional(readOnly = true)
	public byte[] ofd(LicenceView licence) {
		return file(licence, "ofd_file_id");
	}

	private byte[] file(LicenceView licence, String column) {
		String fileId = jdbc.sql("select " + column + " from licence_licence where id = ?").param(licence.id()).query(String.class).single();
		try (InputStream in = files.open(fileId).orElseThrow(() -> DomainException.notFound("file"))) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Transactional(readOnly = true)
	public List<Use> uses(UUID licenceId) {
		return jdbc.sql("select item_name, material_name, department_code, used_by, used_at from licence_use where licence_id = ? order by id desc")
			.param(licenceId)
			.query(Use.class)
			.list();
	}

	/** A link to the licence's verification page that works until it expires (at most {@link #MAX_SHARE}). */
	public String share(UUID partyId, UUID licenceId, Duration life) {
		held(partyId, licenceId).orElseThrow(() -> DomainException.notFound("licence"));
		if (life.isNegative() || life.isZero() || life.compareTo(MAX_SHARE) > 0) {
			throw new DomainException(DomainException.Kind.INVALID, "licence-share", "1 hour to 7 days");
		}
		String token = RandomTokens.of(24);
		jdbc.sql("insert into licence_share (token, licence_id, expires_at) values (?, ?, ?)")
			.params(token, licenceId, Timestamp.from(Instant.now().plus(life)))
			.update();
		return token;
	}

	/** The licence a share link opens, while the link has not expired. */
	@Transactional(readOnly = true)
	public Optional<LicenceView> shared(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("select l.identifier from licence_share s join licence_licence l on l.id = s.licence_id "
				+ "where s.token = ? and s.expires_at > now()")
			.param(token)
			.query(String.class)
			.optional()
			.flatMap(licences::byIdentifier);
	}
}
