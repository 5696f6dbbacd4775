package tongban.proactive.lifeevents;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import tongban.exchange.RegisterRecord;
import tongban.exchange.RegisterScan;
import tongban.exchange.Reader;
import tongban.exchange.Resource;
import tongban.exchange.ResourceCatalogue;
import tongban.identity.AccountSummary;
import tongban.identity.IdentityManagement;
import tongban.identity.PartyLookup;
import tongban.licence.DueLicences;
import tongban.proactive.rules.Condition;
import tongban.proactive.rules.Conditions;
import tongban.shared.DomainException;

/**
 * Evaluates the life-event rules: on a register change (the changed record, read for each rule on its resource), in
 * the nightly pass (every record of each nightly rule's register, a page at a time, and the licences due), and when a
 * licence is issued. Every register read goes through {@link RegisterScan} as the platform (政务服务中心, system
 * "proactive") with the purpose 主动服务 and the rule's code as reference, so each person sees it on 谁查询了我的数据;
 * for a birth, each parent's population record is read by their ID number so the read is on their own page too.
 * Recommending is idempotent ({@link Recommendations#make}), so a pass may run twice.
 */
@Service
public class LifeEvents {

	private static final Logger log = LoggerFactory.getLogger(LifeEvents.class);

	/** The platform's own reader of registers for this work. */
	public static final Reader READER = new Reader("XH-ZWFW", "proactive", null, null);

	public static final String PURPOSE = "主动服务";

	/** The population register, where the people a record names are found. */
	static final String POPULATION = "XH-GA-RK";

	private static final MonthDay REPORT_DEADLINE = MonthDay.of(6, 30);

	private final LifeRules rules;
	private final Recommendations recommendations;
	private final RegisterScan scan;
	private final ResourceCatalogue catalogue;
	private final IdentityManagement identity;
	private final PartyLookup parties;
	private final DueLicences licences;

	LifeEvents(LifeRules rules, Recommendations recommendations, RegisterScan scan, ResourceCatalogue catalogue, IdentityManagement identity,
			PartyLookup parties, DueLicences licences) {
		this.rules = rules;
		this.recommendations = recommendations;
		this.scan = scan;
		this.catalogue = catalogue;
		this.identity = identity;
		this.parties = parties;
		this.licences = licences;
	}

	/** A record of a register changed: the rules triggered by that register look at it. Answers recommendations made. */
	public int recordChanged(String resourceCode, String subjectIndex, LocalDate today) {
		int made = 0;
		for (LifeRule rule : rules.enabled(LifeRule.Trigger.REGISTER_CHANGE)) {
			if (resourceCode.equals(rule.resource())) {
				Optional<RegisterRecord> record = scan.read(READER, resourceCode, subjectIndex, fields(rule), PURPOSE, rule.code());
				if (record.isPresent()) {
					made += consider(rule, record.get(), today);
				}
			}
		}
		return made;
	}

	/** A licence was issued: the licence rules look at it. */
	public int licenceIssued(UUID licenceId, LocalDate today) {
		return licences.licence(licenceId).map(due -> rules.enabled(LifeRule.Trigger.LICENCE_DUE).stream().mapToInt(rule -> licence(rule, due, today)).sum())
			.orElse(0);
	}

	/** The nightly pass: every nightly rule over its whole register, then the licences due. Answers recommendations made. */
	public int nightly(LocalDate today) {
		int[] made = {0};
		for (LifeRule rule : rules.enabled(LifeRule.Trigger.NIGHTLY)) {
			try {
				scan.scan(READER, rule.resource(), fields(rule), PURPOSE, rule.code(), record -> made[0] += consider(rule, record, today));
			}
			catch (DomainException refused) {
				// no grant in force, or a field outside it: this rule waits for the grant, the others go on
				log.warn("life-event rule {} not evaluated: {}", rule.code(), refused.code());
			}
		}
		return made[0] + licencesDue(today);
	}

	/** The licence rules over the licences due in wallets. Answers recommendations made. */
	public int licencesDue(LocalDate today) {
		int made = 0;
		for (LifeRule rule : rules.enabled(LifeRule.Trigger.LICENCE_DUE)) {
			for (DueLicences.Due due : licences.dueWithin(today, rule.windowDays())) {
				made += licence(rule, due, today);
			}
		}
		return made;
	}

	private int licence(LifeRule rule, DueLicences.Due due, LocalDate today) {
		String item = rule.licenceItems().get(due.typeCode());
		boolean company = rule.subjectKind() == LifeRule.SubjectKind.COMPANY;
		if (item == null || company != due.company() || due.validTo().isAfter(today.plusDays(rule.windowDays())) || due.validTo().isBefore(today)) {
			return 0;
		}
		LifeRule forItem = new LifeRule(rule.code(), rule.name(), rule.topic(), rule.subjectKind(), rule.trigger(), rule.occasionKind(), rule.resource(),
				rule.conditions(), rule.personFields(), rule.windowDays(), LifeRule.TargetKind.ITEM, item, rule.licenceItems(), rule.reason(),
				rule.version(), rule.enabled());
		String reason = rule.reasonWith(Map.of("licenceName", due.name(), "validUntil", Dates.words(due.validTo())));
		return recommendations.make(forItem, due.holderPartyId(), due.licenceId() + "@" + due.validTo(), reason) ? 1 : 0;
	}

	/** One record against one rule: its occasion, the parties it concerns, and their recommendations. */
	int consider(LifeRule rule, RegisterRecord record, LocalDate today) {
		Map<String, String> values = record.values();
		if (!Conditions.matches(rule.conditions(), rule.resource(), values, today)) {
			return 0;
		}
		Map<String, String> words = new HashMap<>(values);
		String occasion = record.subjectIndex();
		switch (rule.occasionKind()) {
			case RETIREMENT -> {
				Optional<RetirementAge.Age> age = date(values.get("birthDate")).flatMap(born -> RetirementAge.startFor(values.get("gender"))
					.map(start -> RetirementAge.of(start, born)));
				if (age.isEmpty() || age.get().reachedOn().isBefore(today) || age.get().reachedOn().isAfter(today.plusDays(rule.windowDays()))) {
					return 0;
				}
				words.put("retirementDate", age.get().retiresIn().getYear() + "年" + age.get().retiresIn().getMonthValue() + "月");
				words.put("retirementAge", age.get().words());
				occasion = age.get().retiresIn().toString();
			}
			case ANNUAL_REPORT -> {
				Optional<LocalDate> established = date(values.get("establishedOn"));
				if (established.isEmpty() || established.get().getYear() >= today.getYear() || MonthDay.from(today).isAfter(REPORT_DEADLINE)) {
					return 0;
				}
				words.put("reportYear", String.valueOf(today.getYear() - 1));
				words.put("deadline", today.getYear() + "年6月30日");
				occasion = String.valueOf(today.getYear());
			}
			default -> {
				// RECORD: the record is the occasion (a birth certificate; an age threshold, once per person)
			}
		}
		words.computeIfPresent("birthDate", (field, value) -> date(value).map(Dates::words).orElse(value));
		String reason = rule.reasonWith(words);
		int made = 0;
		for (UUID party : partiesOf(rule, record)) {
			made += recommendations.make(rule, party, occasion, reason) ? 1 : 0;
		}
		return made;
	}

	/**
	 * Whom a matching record concerns: the people its person fields name by ID number (each one's population record read,
	 * so the read is on their page), else the record's subject: a citizen's account or a company on the platform.
	 */
	private Set<UUID> partiesOf(LifeRule rule, RegisterRecord record) {
		Set<UUID> found = new LinkedHashSet<>();
		if (rule.subjectKind() == LifeRule.SubjectKind.COMPANY) {
			parties.legalPersonByUscc(record.value("uscc")).ifPresent(company -> found.add(company.id()));
		}
		else if (!rule.personFields().isEmpty()) {
			for (String field : rule.personFields()) {
				String idNumber = record.value(field);
				if (idNumber != null && !idNumber.isBlank()) {
					Optional<UUID> account = identity.citizenByIdNumber(idNumber.strip()).map(AccountSummary::id);
					// one who withdrew consent to 为您推荐 is not read for it either (个人信息保护法 Art. 15)
					if (account.isPresent() && !recommendations.consented(account.get())) {
						continue;
					}
					scan.readSubject(READER, POPULATION, idNumber.strip(), List.of("name"), PURPOSE, rule.code());
					account.ifPresent(found::add);
				}
			}
		}
		else {
			parties.citizenByIndex(record.subjectIndex()).ifPresent(found::add);
		}
		return found;
	}

	/** The fields a rule reads of its register: its conditions', its people's, its reason's and its occasion's. */
	List<String> fields(LifeRule rule) {
		Resource resource = catalogue.resource(rule.resource()).orElseThrow();
		Set<String> fields = new LinkedHashSet<>();
		rule.conditions().stream().filter(condition -> rule.resource().equals(condition.resource())).map(Condition::field).forEach(fields::add);
		fields.addAll(rule.personFields());
		rule.reasonVariables().stream().filter(name -> resource.field(name).isPresent()).forEach(fields::add);
		switch (rule.occasionKind()) {
			case RETIREMENT -> fields.addAll(List.of("gender", "birthDate"));
			case ANNUAL_REPORT -> fields.add("establishedOn");
			default -> {
				// the conditions' fields are enough
			}
		}
		if (rule.subjectKind() == LifeRule.SubjectKind.COMPANY) {
			fields.add("uscc");
		}
		return List.copyOf(fields);
	}

	private static Optional<LocalDate> date(String text) {
		try {
			return text == null || text.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
