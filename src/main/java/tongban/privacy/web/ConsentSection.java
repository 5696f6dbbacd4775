package tongban.privacy.web;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tongban.identity.Actor;
import tongban.identity.ConsentLedger;
import tongban.identity.ConsentRecord;
import tongban.identity.ConsentStatus;
import tongban.identity.PrivacyNotices;
import tongban.identity.PrivacyOfficer;
import tongban.identity.ProcessingPurpose;
import tongban.shared.Clocks;

/**
 * The data of the privacy centre's section on consents and explanations ({@code privacy/fragments/consent.html}), read
 * by the fragment itself as {@code @privacyConsentSection.of(actor)}, so that the centre's controller needs nothing of
 * this section: each purpose with its basis, where the person's consent stands, under which notice version, when and
 * through which channel, and whether it can be withdrawn or given again here; plus the 个人信息保护负责人.
 */
@Component("privacyConsentSection")
public class ConsentSection {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** One purpose as the section lists it; {@code version}, {@code at} and {@code channel} are null without a record. */
	public record Row(ProcessingPurpose purpose, ConsentStatus status, String version, String at, String channel, boolean withdraw,
			boolean give) {
	}

	/** The section: the consent-based purposes, the purposes resting on law, the notice in force and the officer. */
	public record View(List<Row> consents, List<ProcessingPurpose> lawBased, String noticeVersion, PrivacyOfficer officer) {
	}

	private final ConsentLedger ledger;
	private final PrivacyNotices notices;

	ConsentSection(ConsentLedger ledger, PrivacyNotices notices) {
		this.ledger = ledger;
		this.notices = notices;
	}

	public View of(Actor actor) {
		Map<ProcessingPurpose, ConsentRecord> current = ledger.current(actor.accountId());
		List<Row> consents = Arrays.stream(ProcessingPurpose.values()).filter(ProcessingPurpose::consentBased).map(purpose -> {
			ConsentRecord record = current.get(purpose);
			ConsentStatus status = record == null ? ConsentStatus.NONE : record.status();
			boolean withdraw = purpose.withdrawable() && ConsentStatus.GRAPH.allows(status, ConsentStatus.WITHDRAWN);
			boolean give = purpose.withdrawable() && status == ConsentStatus.WITHDRAWN;
			return record == null ? new Row(purpose, status, null, null, null, withdraw, give)
					: new Row(purpose, status, record.noticeVersion(), record.at().atZoneSameInstant(Clocks.ZONE).format(WHEN),
							record.channel().name(), withdraw, give);
		}).toList();
		List<ProcessingPurpose> lawBased = Arrays.stream(ProcessingPurpose.values()).filter(purpose -> !purpose.consentBased()).toList();
		return new View(consents, lawBased, notices.current().version(), notices.officer());
	}
}
