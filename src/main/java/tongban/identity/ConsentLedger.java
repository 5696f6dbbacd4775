package tongban.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.shared.Clocks;
import tongban.shared.DomainException;

/**
 * A person's consents (个人信息保护法 Arts. 14–16), kept as a ledger: each grant, renewal under a new notice version and
 * withdrawal is a new row naming the purpose, the notice version, the time and the channel, never an update, so the
 * record shows what the person agreed to when. Where a consent stands is its newest row, moved along
 * {@link ConsentStatus#GRAPH}. Purposes resting on law or on the person's own request are refused here: they are not
 * given or withdrawn (Art. 13 para. 1 items 2–7).
 */
@Service
public class ConsentLedger {

	/** Code of a refused withdrawal of a purpose that does not rest on consent (or is not withdrawn here). */
	public static final String NOT_WITHDRAWABLE = "privacy-consent-not-withdrawable";

	private final JdbcClient jdbc;
	private final PrivacyNotices notices;
	private final ApplicationEventPublisher events;

	ConsentLedger(JdbcClient jdbc, PrivacyNotices notices, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.events = events;
	}

	/**
	 * The person gives (or, already given, renews under the version in force) consent to a consent-based purpose;
	 * {@code version} is the notice version they were shown.
	 */
	@Transactional
	public ConsentRecord give(UUID accountId, ProcessingPurpose purpose, String version, OffsetDateTime at, ConsentChannel channel) {
		if (!purpose.consentBased()) {
			throw new DomainException(DomainException.Kind.INVALID, NOT_WITHDRAWABLE, purpose + " does not rest on consent");
		}
		ConsentStatus from = status(accountId, purpose);
		ConsentStatus.GRAPH.require(from, ConsentStatus.GIVEN);
		ConsentRecord record = append(accountId, purpose, ConsentStatus.GIVEN, version, at, channel);
		events.publishEvent(from == ConsentStatus.GIVEN ? new ConsentStatus.ConsentRenewed(accountId, purpose, version, channel)
				: new ConsentStatus.ConsentGiven(accountId, purpose, version, channel));
		return record;
	}

	/** Gives consent now under the version in force. */
	@Transactional
	public ConsentRecord give(UUID accountId, ProcessingPurpose purpose, ConsentChannel channel) {
		return give(accountId, purpose, notices.current().version(), OffsetDateTime.now(Clocks.ZONE), channel);
	}

	/**
	 * Withdraws a withdrawable consent (Art. 15): processing for the purpose stops from now on, what was done before
	 * stands. A purpose resting on law, or registration (withdrawn by closing the account), is refused with
	 * {@link #NOT_WITHDRAWABLE}; a consent not given is a conflict.
	 */
	@Transactional
	public ConsentRecord withdraw(UUID accountId, ProcessingPurpose purpose, ConsentChannel channel) {
		if (!purpose.withdrawable()) {
			throw new DomainException(DomainException.Kind.INVALID, NOT_WITHDRAWABLE, purpose + " is not withdrawn here");
		}
		ConsentStatus from = status(accountId, purpose);
		ConsentStatus.GRAPH.require(from, ConsentStatus.WITHDRAWN);
		String version = notices.current().version();
		ConsentRecord record = append(accountId, purpose, ConsentStatus.WITHDRAWN, version, OffsetDateTime.now(Clocks.ZONE), channel);
		events.publishEvent(new ConsentStatus.ConsentWithdrawn(accountId, purpose, version, channel));
		return record;
	}

	private ConsentRecord append(UUID accountId, ProcessingPurpose purpose, ConsentStatus status, String version, OffsetDateTime at,
			ConsentChannel channel) {
		jdbc.sql("insert into identity_consent (account_id, purpose, status, notice_version, consented_at, channel) values (?, ?, ?, ?, ?, ?)")
			.params(accountId, purpose.name(), status.name(), version, at.withOffsetSameInstant(ZoneOffset.UTC), channel.name())
			.update();
		return new ConsentRecord(purpose, status, version, at, channel);
	}

	/** Where the person's consent to the purpose stands: its newest row, or {@code NONE}. */
	@Transactional(readOnly = true)
	public ConsentStatus status(UUID accountId, ProcessingPurpose purpose) {
		return latest(accountId, purpose).map(ConsentRecord::status).orElse(ConsentStatus.NONE);
	}

	/** Whether the person withdrew consent to the purpose (and has not given it again): the processing must not happen. */
	@Transactional(readOnly = true)
	public boolean withdrawn(UUID accountId, ProcessingPurpose purpose) {
		return status(accountId, purpose) == ConsentStatus.WITHDRAWN;
	}

	/** The newest row for the purpose (one indexed read). */
	@Transactional(readOnly = true)
	public Optional<ConsentRecord> latest(UUID accountId, ProcessingPurpose purpose) {
		return jdbc.sql("""
				select purpose, status, notice_version, consented_at, channel from identity_consent
				where account_id = ? and purpose = ? order by consented_at desc, id desc limit 1""")
			.params(accountId, purpose.name())
			.query((rs, row) -> record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.optional();
	}

	/** The newest row of each purpose the person has a record of. */
	@Transactional(readOnly = true)
	public Map<ProcessingPurpose, ConsentRecord> current(UUID accountId) {
		Map<ProcessingPurpose, ConsentRecord> out = new EnumMap<>(ProcessingPurpose.class);
		history(accountId).forEach(record -> out.putIfAbsent(record.purpose(), record));
		return out;
	}

	/** Every row of the person's ledger, newest first. */
	@Transactional(readOnly = true)
	public List<ConsentRecord> history(UUID accountId) {
		return jdbc.sql("""
				select purpose, status, notice_version, consented_at, channel from identity_consent
				where account_id = ? order by consented_at desc, id desc""")
			.param(accountId)
			.query((rs, row) -> record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	/**
	 * The notice version the person last agreed to at registration when it is older than the version in force: they are
	 * asked again. Empty when it is current, or when no registration consent is on record (an account enrolled at a
	 * counter before the ledger, whose consent is on paper). One indexed read, made at sign-in.
	 */
	@Transactional(readOnly = true)
	public Optional<String> outdatedNotice(UUID accountId) {
		return latest(accountId, ProcessingPurpose.REGISTRATION).map(ConsentRecord::noticeVersion).filter(notices::outdated);
	}

	private static ConsentRecord record(String purpose, String status, String version, OffsetDateTime at, String channel) {
		return new ConsentRecord(ProcessingPurpose.valueOf(purpose), ConsentStatus.valueOf(status), version,
				at.atZoneSameInstant(Clocks.ZONE).toOffsetDateTime(), ConsentChannel.valueOf(channel));
	}
}
