package tongban.hall.kiosk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.audit.AuditTrail;
import tongban.hall.QueueNumbers;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.shared.Clocks;
import tongban.shared.IdNumber;

/**
 * Who is signed in at a kiosk. A card read signs a person in at that kiosk only (no portal session: the kiosk pages
 * read this table); 60 seconds without a request (configurable) and the person and everything of theirs is dropped,
 * checked on every kiosk request and swept by a scheduled pass, both against the one clock.
 */
@Service
@Transactional
public class KioskSessions {

	/** Why a card did not sign anyone in. */
	public enum Refusal {
		/** The reader read no card. */
		NO_CARD,
		/** The reader could not verify the card's chip. */
		CHIP,
		/** The number is not a valid 居民身份证号码. */
		ID_NUMBER,
		/** The name does not match the account of the number. */
		NAME
	}

	/** A sign-in: the person, or why not. */
	public record SignIn(KioskPerson person, Refusal refusal) {
	}

	private final JdbcClient jdbc;
	private final IdentityManagement identity;
	private final AuditTrail audit;
	private final Clock clock;
	private final Duration idle;

	KioskSessions(JdbcClient jdbc, IdentityManagement identity, AuditTrail audit, Clock clock,
			@Value("${tongban.hall.kiosk.idle-timeout:60s}") Duration idle) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.audit = audit;
		this.clock = clock;
		this.idle = idle;
	}

	/** The idle timeout: the page counts it down, the server drops the person after it. */
	public Duration idleTimeout() {
		return idle;
	}

	/** Signs in the card's holder at the kiosk (replacing whoever was there), or says why not. */
	public SignIn signIn(Kiosk kiosk, Optional<IdCardReader.CardRead> read) {
		if (read.isEmpty()) {
			return new SignIn(null, Refusal.NO_CARD);
		}
		IdCardReader.CardRead card = read.get();
		if (!card.chipVerified()) {
			return new SignIn(null, Refusal.CHIP);
		}
		if (IdNumber.check(card.idNumber()).isPresent()) {
			return new SignIn(null, Refusal.ID_NUMBER);
		}
		IdNumber number = new IdNumber(IdNumber.normalise(card.idNumber()));
		Optional<AccountSummary> account = identity.citizenByIdNumber(number.value());
		String name = card.name().strip();
		if (name.isEmpty() || account.isPresent() && !account.get().displayName().equals(name)) {
			audit.record("HALL_KIOSK", "kiosk:" + kiosk.id(), "kiosk:" + kiosk.id(), "card sign-in refused: name");
			return new SignIn(null, Refusal.NAME);
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, Clocks.ZONE);
		boolean green = QueueNumbers.greenByAge(number.birthDate(), today);
		jdbc.sql("delete from hall_kiosk_session where kiosk_id = ?").param(kiosk.id()).update();
		jdbc.sql("""
				insert into hall_kiosk_session (kiosk_id, account_id, name, masked_id, green, started_at, last_seen_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kiosk.id(), account.map(AccountSummary::id).orElse(null), name, number.masked(), green, Timestamp.from(now),
					Timestamp.from(now))
			.update();
		audit.record(AuditTrail.SIGN_IN, account.map(a -> "account:" + a.id()).orElse("card:" + number.masked()), "kiosk:" + kiosk.id(),
				"signed in at a kiosk by ID card");
		return new SignIn(current(kiosk).orElseThrow(), null);
	}

	/**
	 * The person signed in at the kiosk, if they have not been idle longer than the timeout: then they are dropped here
	 * and now. A request that finds them counts as their activity.
	 */
	public Optional<KioskPerson> current(Kiosk kiosk) {
		Instant now = clock.instant();
		jdbc.sql("delete from hall_kiosk_session where kiosk_id = ? and last_seen_at <= ?")
			.params(kiosk.id(), Timestamp.from(now.minus(idle)))
			.update();
		jdbc.sql("update hall_kiosk_session set last_seen_at = greatest(last_seen_at, ?) where kiosk_id = ?")
			.params(Timestamp.from(now), kiosk.id())
			.update();
		return jdbc.sql("select kiosk_id, account_id, name, masked_id, green, started_at, last_seen_at from hall_kiosk_session where kiosk_id = ?")
			.param(kiosk.id())
			.query(KioskPerson.class)
			.optional();
	}

	/** Signs the person out (the 退出 button, the page's idle countdown): nothing of them stays. */
	public void end(Kiosk kiosk) {
		jdbc.sql("delete from hall_kiosk_session where kiosk_id = ?").param(kiosk.id()).update();
	}

	/** The schedule's entry, once per cluster (docs/cluster.md); callers and tests use {@link #sweep()}, unlocked. */
	@Scheduled(fixedDelayString = "${tongban.hall.kiosk.sweep:15s}")
	@SchedulerLock(name = "hall.kiosk-session-sweep", lockAtMostFor = "PT1M", lockAtLeastFor = "PT12S")
	void scheduledSweep() {
		sweep();
	}

	/** Drops everyone idle longer than the timeout, also at kiosks that sent no request since (safe to run twice). */
	public int sweep() {
		return jdbc.sql("delete from hall_kiosk_session where last_seen_at <= ?")
			.param(Timestamp.from(clock.instant().minus(idle)))
			.update();
	}
}
