package tongban.proactive.lifeevents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.identity.ConsentLedger;
import tongban.identity.IdentityManagement;
import tongban.identity.PartyLookup;
import tongban.identity.ProcessingPurpose;
import tongban.notification.NotificationManagement;
import tongban.shared.DomainException;
import tongban.shared.GuardedMoves;

/**
 * 为您推荐: the recommendations life-event rules made, one per party, rule and occasion however often a rule is
 * evaluated; a notice on the rule's topic when one is made (the person's preferences decide the channels, or nothing);
 * the open ones listed for the party with what they recommend, as long as it is still published; dismissed by the
 * person or acted on when they submit a case of it.
 */
@Service
@Transactional
public class Recommendations {

	/** An open recommendation as its party sees it: what, why, and where to apply. */
	public record Card(UUID id, String title, String reason, String link, OffsetDateTime createdAt) {
	}

	/** The notice's event (templates per channel in {@code notification_template}). */
	static final String NOTICE = "PROACTIVE_RECOMMENDED";

	private final JdbcClient jdbc;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final PartyLookup parties;
	private final NotificationManagement notifications;
	private final GuardedMoves<RecommendationStatus> moves;
	private final ConsentLedger consents;
	private final String publicUrl;

	Recommendations(JdbcClient jdbc, CatalogManagement catalog, IdentityManagement identity, PartyLookup parties,
			NotificationManagement notifications, ApplicationEventPublisher events, ConsentLedger consents,
			@Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.identity = identity;
		this.parties = parties;
		this.notifications = notifications;
		this.moves = new GuardedMoves<>(jdbc, events, RecommendationStatus.GRAPH, "proactive_recommendation");
		this.consents = consents;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/**
	 * Makes the rule's recommendation to a party for one occasion, once: true when it is new (and its notice sent), false
	 * when the party already had it or what it recommends is not published now (nothing is made then).
	 */
	public boolean make(LifeRule rule, UUID partyId, String occasion, String reason) {
		if (rule.subjectKind() == LifeRule.SubjectKind.PERSON && !consented(partyId)) {
			return false;
		}
		Optional<String> title = title(rule.targetKind(), rule.targetCode());
		if (title.isEmpty()) {
			return false;
		}
		int made = jdbc.sql("""
				insert into proactive_recommendation (id, party_kind, party_id, rule_code, rule_version, occasion, target_kind, target_code, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (party_id, rule_code, occasion) do nothing""")
			.params(UUID.randomUUID(), rule.subjectKind().name(), partyId, rule.code(), rule.version(), occasion, rule.targetKind().name(),
					rule.targetCode(), reason)
			.update();
		if (made == 0) {
			return false;
		}
		boolean company = rule.subjectKind() == LifeRule.SubjectKind.COMPANY;
		String link = publicUrl + (company ? "/business/" + partyId + "/recommendations" : "/account/recommendations");
		for (UUID account : company ? parties.actingFor(partyId) : List.of(partyId)) {
			identity.contact(account).ifPresent(contact -> notifications.notifyOnTopic(rule.topic(),
					contact.recipient(), NOTICE,
					Map.of("reason", reason, "title", title.get()), link));
		}
		return true;
	}

	/**
	 * Whether recommendations may be made to this person: not when they withdrew their consent to 为您推荐 in the privacy
	 * centre (个人信息保护法 Art. 15). A company's party id is never an account with consents, so it is always true for one.
	 */
	@Transactional(readOnly = true)
	public boolean consented(UUID personId) {
		return !consents.withdrawn(personId, ProcessingPurpose.PROACTIVE);
	}

	/**
	 * A party's open recommendations, newest first, whose item or bundle is published now; none for a person who
	 * withdrew consent to 为您推荐 (those made before stay recorded, but are no longer shown or acted on).
	 */
	@Transactional(readOnly = true)
	public List<Card> open(UUID partyId) {
		if (!consented(partyId)) {
			return List.of();
		}
		record Row(UUID id, String targetKind, String targetCode, String reason, OffsetDateTime createdAt) {
		}
		return jdbc.sql("select id, target_kind, target_code, reason, created_at from proactive_recommendation "
				+ "where party_id = ? and status = 'NEW' order by created_at desc limit 50")
			.param(partyId)
			.query(Row.class)
			.list()
			.stream()
			.flatMap(row -> {
				LifeRule.TargetKind kind = LifeRule.TargetKind.valueOf(row.targetKind());
				return title(kind, row.targetCode()).map(title -> new Card(row.id(), title, row.reason(), link(kind, row.targetCode()), row.createdAt()))
					.stream();
			})
			.toList();
	}

	/** The party dismisses one of its open recommendations (不再提示); another party's is "not found". */
	public void dismiss(UUID partyId, UUID recommendationId) {
		RecommendationStatus status = jdbc.sql("select status from proactive_recommendation where id = ? and party_id = ?")
			.params(recommendationId, partyId)
			.query(String.class)
			.optional()
			.map(RecommendationStatus::valueOf)
			.orElseThrow(() -> DomainException.notFound("recommendation"));
		moves.move(recommendationId, status, RecommendationStatus.DISMISSED, new RecommendationStatus.RecommendationDismissed(recommendationId),
				"proactive-recommendation-state", "changed_at = now()");
	}

	/** A person submitted a case of this item: their open recommendations of it, or of a bundle holding it, are acted on. */
	public int acted(UUID accountId, String itemCode, String caseNumber) {
		record Open(UUID id, String targetKind, String targetCode) {
		}
		List<Open> open = jdbc.sql("select id, target_kind, target_code from proactive_recommendation where party_id = ? and status = 'NEW'")
			.param(accountId)
			.query(Open.class)
			.list();
		int acted = 0;
		for (Open recommendation : open) {
			boolean covers = "ITEM".equals(recommendation.targetKind()) ? recommendation.targetCode().equals(itemCode)
					: catalog.bundle(recommendation.targetCode()).map(bundle -> bundle.items().contains(itemCode)).orElse(false);
			if (covers) {
				moves.move(recommendation.id(), RecommendationStatus.NEW, RecommendationStatus.ACTED,
						new RecommendationStatus.RecommendationActed(recommendation.id(), caseNumber), "proactive-recommendation-state",
						"changed_at = now()");
				acted++;
			}
		}
		return acted;
	}

	private Optional<String> title(LifeRule.TargetKind kind, String code) {
		return kind == LifeRule.TargetKind.ITEM ? catalog.published(code).map(item -> item.guide().name())
				: catalog.bundle(code).map(Bundle::name);
	}

	/** Where to act: the bundle's page, the item's online application, or its guide where it is not applied for online. */
	private String link(LifeRule.TargetKind kind, String code) {
		if (kind == LifeRule.TargetKind.BUNDLE) {
			return "/bundles/" + code;
		}
		return catalog.published(code).filter(item -> item.guide().appliesOnline()).map(item -> "/apply/" + code).orElse("/items/" + code);
	}
}
