package tongban.hall.kiosk;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.directory.ServicePoints;
import tongban.shared.DomainException;
import tongban.shared.Hashes;
import tongban.shared.RandomTokens;

/**
 * The register of kiosks. A platform admin registers a kiosk for a point and is shown its enrolment code once; the
 * kiosk's browser enrols with the code and gets a device token (a long-lived cookie) of 256 random bits. Only SHA-256
 * hashes of the code and the token are stored, so a copy of the database enrols nothing. A revoked kiosk's token is
 * refused on its next request.
 */
@Service
@Transactional
public class Kiosks {

	/** How long an enrolment code stays valid. */
	static final Duration ENROL_VALIDITY = Duration.ofHours(24);

	/** Letters and digits that cannot be mistaken for each other when read off a screen and typed on a kiosk. */
	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final int NAME_MAX = 60;

	private static final String SELECT = """
			select id, name, point_id, printer, registered_at, registered_by, enrolled_at, revoked_at from hall_kiosk""";

	/** What registering gives: the kiosk and its enrolment code, shown once. */
	public record Registered(Kiosk kiosk, String enrolmentCode) implements Serializable {
	}

	private final JdbcClient jdbc;
	private final ServicePoints points;
	private final AuditTrail audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Kiosks(JdbcClient jdbc, ServicePoints points, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.points = points;
		this.audit = audit;
		this.clock = clock;
	}

	/** Registers a kiosk at a point with a printer; {@code by} is the admin's user name, recorded and audited. */
	public Registered register(String name, UUID pointId, String printer, String by) {
		return register(name, pointId, printer, by, newCode(), false);
	}

	/** The demo kiosk: its published code enrols any browser (the newest one wins) and never runs out. */
	public Registered registerDemo(String name, UUID pointId, String printer, String code) {
		return register(name, pointId, printer, "demo", code, true);
	}

	private Registered register(String name, UUID pointId, String printer, String by, String code, boolean reusable) {
		ServicePoints.ServicePoint point = points.point(pointId).orElseThrow(() -> DomainException.notFound("service point"));
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into hall_kiosk (id, name, point_id, printer, enrol_hash, enrol_expires, enrol_reusable, registered_at, registered_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, name, point.id(), printer, hash(normalise(code)), reusable ? null : Timestamp.from(now.plus(ENROL_VALIDITY)),
					reusable, Timestamp.from(now), by)
			.update();
		audit.record("HALL_KIOSK", by, "kiosk:" + id, "registered " + name + " at " + point.code() + " (printer " + printer + ")");
		return new Registered(kiosk(id).orElseThrow(), code);
	}

	/**
	 * Enrols the browser that brings a valid code: answers the new device token (for the cookie), empty for a wrong,
	 * used or expired code or a revoked kiosk. A new enrolment replaces the kiosk's previous device.
	 */
	public Optional<String> enrol(String code) {
		String normalised = normalise(code);
		if (normalised.isEmpty() || normalised.length() > 32) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		String token = token();
		List<UUID> enrolled = jdbc.sql("""
				update hall_kiosk set device_hash = ?, enrolled_at = ?,
				  enrol_hash = case when enrol_reusable then enrol_hash else null end
				where enrol_hash = ? and revoked_at is null and (enrol_expires is null or enrol_expires > ?)
				returning id""")
			.params(hash(token), Timestamp.from(now), hash(normalised), Timestamp.from(now))
			.query(UUID.class)
			.list();
		if (enrolled.isEmpty()) {
			audit.record("HALL_KIOSK", "kiosk-browser", "kiosk:unknown", "enrolment refused");
			return Optional.empty();
		}
		audit.record("HALL_KIOSK", "kiosk-browser", "kiosk:" + enrolled.getFirst(), "enrolled a browser");
		return Optional.of(token);
	}

	/** The enrolled, unrevoked kiosk whose device token this is. */
	@Transactional(readOnly = true)
	public Optional<Kiosk> device(String token) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where device_hash = ? and revoked_at is null").param(hash(token)).query(Kiosk.class).optional();
	}

	/** Revokes a kiosk at once: its device token and any person signed in at it are dropped. */
	public void revoke(UUID id, String by) {
		int changed = jdbc.sql("update hall_kiosk set revoked_at = ?, revoked_by = ?, device_hash = null, enrol_hash = null where id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), by, id)
			.update();
		if (changed == 0) {
			throw DomainException.notFound("kiosk");
		}
		jdbc.sql("delete from hall_kiosk_session where kiosk_id = ?").param(id).update();
		audit.record("HALL_KIOSK", by, "kiosk:" + id, "revoked");
	}

	@Transactional(readOnly = true)
	public Optional<Kiosk> kiosk(UUID id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Kiosk.class).optional();
	}

	/** Every kiosk, newest first. */
	@Transactional(readOnly = true)
	public List<Kiosk> kiosks() {
		return jdbc.sql(SELECT + " order by registered_at desc").query(Kiosk.class).list();
	}

	/** The points with at least one kiosk in service (enrolled, not revoked). */
	@Transactional(readOnly = true)
	public List<UUID> pointsWithKiosks() {
		return jdbc.sql("select distinct point_id from hall_kiosk where enrolled_at is not null and revoked_at is null")
			.query(UUID.class)
			.list();
	}

	/** XXXX-XXXX: 40 bits, enough for a code that lives a day and is used once. */
	private String newCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private String token() {
		return RandomTokens.of(32);
	}

	/** Codes are typed in any case, with or without the dash and spaces. */
	static String normalise(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase();
	}

	private static String hash(String text) {
		return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}
}
