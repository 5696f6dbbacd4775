package tongban.proactive.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import tongban.catalog.CatalogManagement;
import tongban.exchange.Reader;
import tongban.exchange.RegisterRecord;
import tongban.exchange.RegisterScan;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.PartyLookup;
import tongban.notification.NotificationManagement;
import tongban.notification.Topic;
import tongban.proactive.rules.Conditions;
import tongban.shared.Clocks;

/**
 * Matches 惠企政策 to the companies of the business register: a whole policy when it is saved and every night (a scan of
 * the register, each company's read recorded with the purpose {@value #PURPOSE} and the policy's code), one company when
 * its record changes. A company that is in business and meets every condition is matched once per policy (its agents
 * and legal representative told once, as their preferences allow); a company that no longer meets them is removed. Safe
 * to run twice and side by side: the first insert of a (policy, company) pair wins, and only it sends the notice.
 */
@Service
public class PolicyMatching {

	public static final String PURPOSE = "惠企政策直达";
	/** The platform's own pass reads for the government service centre. */
	public static final Reader READER = new Reader("XH-ZWFW", "proactive", null, null);
	static final Set<String> IN_BUSINESS = Set.of("存续", "在业", "开业");
	static final String EVENT = "ENTERPRISE_POLICY_MATCHED";
	/** Matches written per statement. */
	static final int BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(PolicyMatching.class);

	private final RegisterScan scan;
	private final EnterprisePolicies policies;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final PartyLookup parties;
	private final IdentityManagement identity;
	private final NotificationManagement notifications;
	private final CatalogManagement catalog;

	PolicyMatching(RegisterScan scan, EnterprisePolicies policies, JdbcClient jdbc, JsonMapper json, PartyLookup parties,
			IdentityManagement identity, NotificationManagement notifications, CatalogManagement catalog) {
		this.scan = scan;
		this.policies = policies;
		this.jdbc = jdbc;
		this.json = json;
		this.parties = parties;
		this.identity = identity;
		this.notifications = notifications;
		this.catalog = catalog;
	}

	/** What one pass did: companies read, matched now, newly matched (and told), removed. */
	public record Outcome(long read, long matched, long added, long removed) {
	}

	/** Matches every company of the register to the policy (nothing when it is not in force today). */
	public Outcome matchPolicy(UUID policyId) {
		EnterprisePolicy policy = policies.byId(policyId).orElse(null);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (policy == null || !policy.inForceOn(today)) {
			return new Outcome(0, 0, 0, 0);
		}
		Set<String> before = new HashSet<>(jdbc.sql("select subject_index from proactive_enterprise_match where policy_id = ?")
			.param(policyId)
			.query(String.class)
			.list());
		Set<String> now = new HashSet<>();
		List<RegisterRecord> pending = new ArrayList<>();
		long[] added = { 0 };
		long read = scan.scan(READER, EnterprisePolicy.REGISTER, EnterprisePolicies.FIELDS, PURPOSE, policy.code(), record -> {
			if (qualifies(policy, record, today)) {
				now.add(record.subjectIndex());
				pending.add(record);
				if (pending.size() == BATCH) {
					added[0] += keep(policy, pending);
					pending.clear();
				}
			}
		});
		added[0] += keep(policy, pending);
		Set<String> gone = new HashSet<>(before);
		gone.removeAll(now);
		gone.forEach(subject -> remove(policyId, subject));
		log.info("enterprise policy {} matched: {} read, {} matched, {} new, {} removed", policy.code(), read, now.size(), added[0], gone.size());
		return new Outcome(read, now.size(), added[0], gone.size());
	}

	/** Matches one company (as {@code RegisterRecordChanged} names it) to every policy in force. */
	public Outcome matchCompany(String subjectIndex) {
		LocalDate today = LocalDate.now(Clocks.ZONE);
		List<EnterprisePolicy> inForce = policies.inForce(today);
		if (inForce.isEmpty()) {
			return new Outcome(0, 0, 0, 0);
		}
		String reference = inForce.stream().map(EnterprisePolicy::code).collect(Collectors.joining("、"));
		RegisterRecord record = scan.read(READER, EnterprisePolicy.REGISTER, subjectIndex, EnterprisePolicies.FIELDS, PURPOSE, reference)
			.orElse(null);
		if (record == null) {
			return new Outcome(0, 0, 0, 0);
		}
		long matched = 0;
		long added = 0;
		long removed = 0;
		for (EnterprisePolicy policy : inForce) {
			if (qualifies(policy, record, today)) {
				matched++;
				added += keep(policy, List.of(record));
			}
			else {
				removed += remove(policy.id(), subjectIndex);
			}
		}
		return new Outcome(1, matched, added, removed);
	}

	/** Every policy in force, over the whole register (the nightly pass). */
	public void matchAll() {
		policies.inForce(LocalDate.now(Clocks.ZONE)).forEach(policy -> matchPolicy(policy.id()));
	}

	private static boolean qualifies(EnterprisePolicy policy, RegisterRecord record, LocalDate today) {
		return IN_BUSINESS.contains(record.value("status").strip())
				&& Conditions.matches(policy.conditions(), EnterprisePolicy.REGISTER, record.values(), today);
	}

	/**
	 * Records the matches of one page in one statement (the facts of those already there refreshed when they changed);
	 * the new ones, and only they, are told. Answers how many were new.
	 */
	private int keep(EnterprisePolicy policy, List<RegisterRecord> records) {
		if (records.isEmpty()) {
			return 0;
		}
		StringBuilder sql = new StringBuilder("insert into proactive_enterprise_match (policy_id, subject_index, company_name, facts, policy_version) values ");
		List<Object> params = new ArrayList<>();
		Map<String, RegisterRecord> bySubject = new LinkedHashMap<>();
		for (RegisterRecord record : records) {
			sql.append(bySubject.isEmpty() ? "(?, ?, ?, ?::jsonb, ?)" : ", (?, ?, ?, ?::jsonb, ?)");
			params.addAll(List.of(policy.id(), record.subjectIndex(), record.value("name"), json.writeValueAsString(record.values()), policy.version()));
			bySubject.put(record.subjectIndex(), record);
		}
		sql.append("""
				 on conflict (policy_id, subject_index) do update set company_name = excluded.company_name, facts = excluded.facts,
				  policy_version = excluded.policy_version
				where proactive_enterprise_match.facts is distinct from excluded.facts
				  or proactive_enterprise_match.policy_version <> excluded.policy_version
				returning subject_index, (xmax = 0) as inserted""");
		List<String> added = jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> rs.getBoolean("inserted") ? rs.getString("subject_index") : null)
			.list()
			.stream()
			.filter(subject -> subject != null)
			.toList();
		for (String subject : added) {
			int told = tell(policy, bySubject.get(subject));
			if (told > 0) {
				jdbc.sql("update proactive_enterprise_match set notified = ? where policy_id = ? and subject_index = ?")
					.params(told, policy.id(), subject)
					.update();
			}
		}
		return added.size();
	}

	private int remove(UUID policyId, String subjectIndex) {
		return jdbc.sql("delete from proactive_enterprise_match where policy_id = ? and subject_index = ?").params(policyId, subjectIndex).update();
	}

	/** Tells everyone who acts for the company on the platform (none when it is not bound to an account); answers how many. */
	private int tell(EnterprisePolicy policy, RegisterRecord record) {
		Party company = parties.legalPersonByUscc(record.value("uscc")).orElse(null);
		if (company == null) {
			return 0;
		}
		Map<String, String> vars = new LinkedHashMap<>();
		vars.put("company", company.name());
		vars.put("policy", policy.title());
		vars.put("benefit", policy.benefit());
		vars.put("how", howToGet(policy));
		int told = 0;
		for (UUID accountId : parties.actingFor(company.id())) {
			var contact = identity.contact(accountId).orElse(null);
			if (contact != null) {
				notifications.notifyOnTopic(Topic.ENTERPRISE_POLICY,
						new NotificationManagement.Recipient(accountId, contact.name(), contact.mobile(), contact.email()), EVENT, vars, "/account");
				told++;
			}
		}
		return told;
	}

	/** How a company gets the policy, in words: 免申即享, or the catalogue item to apply for. */
	String howToGet(EnterprisePolicy policy) {
		if (policy.withoutApplication()) {
			return "免申即享，无需申请";
		}
		return catalog.published(policy.itemCode()).map(item -> "在线办理“" + item.guide().name() + "”").orElse("按政策文件办理");
	}
}
