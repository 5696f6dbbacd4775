package tongban.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.domain.AgentGrant;
import tongban.identity.domain.AgentGrantRepository;
import tongban.identity.domain.LegalPerson;
import tongban.identity.domain.LegalPersonRepository;
import tongban.identity.domain.ProxyGrantRepository;
import tongban.notification.NotificationManagement;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.Masking;

/** The identity module's API: accounts, the parties a person may act for, and the activity record. */
@Service
@Transactional(readOnly = true)
public class IdentityManagement {

	private final DataKeys keys;

	private final AccountRepository accounts;
	private final LegalPersonRepository legalPersons;
	private final AgentGrantRepository agentGrants;
	private final ProxyGrantRepository proxyGrants;
	private final JdbcClient jdbc;
	private final DirectoryManagement directory;

	IdentityManagement(AccountRepository accounts, LegalPersonRepository legalPersons, AgentGrantRepository agentGrants,
			ProxyGrantRepository proxyGrants, JdbcClient jdbc,
			DataKeys keys, DirectoryManagement directory) {
		this.keys = keys;
		this.directory = directory;
		this.accounts = accounts;
		this.legalPersons = legalPersons;
		this.agentGrants = agentGrants;
		this.proxyGrants = proxyGrants;
		this.jdbc = jdbc;
	}

	public Optional<AccountSummary> account(UUID id) {
		return accounts.findById(id).map(IdentityManagement::summary);
	}

	/**
	 * The staff account with this id, with its department's code (null when they belong to none); empty for citizens and
	 * unknown ids. Resolved for every staff request and API call, so it reads only the columns it needs: no entity, and
	 * none of the account's encrypted columns.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<StaffMember> staffMember(UUID accountId) {
		return jdbc.sql("select display_name, department_id, region_scope, roles from identity_account where id = ? and kind = 'STAFF'")
			.param(accountId)
			.query((row, number) -> {
				UUID department = row.getObject("department_id", UUID.class);
				return new StaffMember(accountId, row.getString("display_name"), department == null ? null
						: directory.department(department).map(DepartmentView::code).orElse(null), row.getString("region_scope"),
						Account.roles(row.getString("roles")));
			})
			.optional();
	}

	static AccountSummary summary(Account a) {
		return new AccountSummary(a.id(), a.displayName(), a.idNumber() == null ? null : Masking.idNumber(a.idNumber()),
				a.mobile() == null ? null : Masking.mobile(a.mobile()), a.assuranceLevel(), a.isStaff(), a.departmentId(),
				a.regionScope(), a.roles());
	}

	/** The outcome of a clerk's in-person identity check. */
	public enum InPerson { RAISED, INVALID, NOT_FOUND }

	/**
	 * A counter clerk saw the person and their ID card: the account (matched by ID number and name) rises to L3,
	 * recorded with the clerk's name.
	 */
	@Transactional
	public InPerson checkInPerson(UUID clerkId, String idNumber, String name) {
		if (IdNumber.check(idNumber).isPresent()) {
			return InPerson.INVALID;
		}
		Account citizen = accounts.findByIdNumberIndex(keys.blindIndex(IdNumber.normalise(idNumber)))
			.filter(a -> !a.isStaff() && a.displayName().equals(name == null ? "" : name.strip()))
			.orElse(null);
		if (citizen == null) {
			return InPerson.NOT_FOUND;
		}
		citizen.raiseAssurance(3);
		Account clerk = accounts.findById(clerkId).orElseThrow();
		record(new Actor(clerk.id(), clerk.displayName(), new Party(Party.Kind.CITIZEN, citizen.id(), citizen.displayName())),
				"IDENTITY_CHECKED_IN_PERSON", "L3");
		return InPerson.RAISED;
	}

	/** The citizen account with this ID number, if any (for a clerk who has just checked the person). */
	public Optional<AccountSummary> citizenByIdNumber(String idNumber) {
		if (idNumber == null || IdNumber.check(idNumber).isPresent()) {
			return Optional.empty();
		}
		return accounts.findByIdNumberIndex(keys.blindIndex(IdNumber.normalise(idNumber))).filter(a -> !a.isStaff()).map(IdentityManagement::summary);
	}

	/**
	 * A party's identifying number, to find what other registers hold about them (the citizen's ID number, the legal
	 * person's USCC): for look-ups by blind index only, never for display.
	 */
	public Optional<String> identifierOf(Party party) {
		return party.kind() == Party.Kind.CITIZEN ? accounts.findById(party.id()).map(Account::idNumber)
				: legalPersons.findById(party.id()).map(l -> l.uscc());
	}

	/**
	 * A citizen's identity as their account holds it: what fills the applicant's own fields of a form filed for them
	 * (and nothing else), with the account's level of assurance (1 self-registered, 2 matched with the population
	 * register, 3 checked in person).
	 */
	public record CitizenIdentity(String name, String idNumber, String mobile, int assuranceLevel) {
	}

	public Optional<CitizenIdentity> citizenIdentity(UUID accountId) {
		return accounts.findById(accountId).filter(a -> !a.isStaff())
			.map(a -> new CitizenIdentity(a.displayName(), a.idNumber(), a.mobile(), a.assuranceLevel()));
	}

	/** A person of the population register (the demo stand-in for the public security register): ID number and name. */
	public record RegisteredPerson(String idNumber, String name) {
	}

	/** Everyone in the population register, in the order of their blind index: what other registers' demo data is made of. */
	public List<RegisteredPerson> populationRegister() {
		return jdbc.sql("select id_number_enc, name from identity_population_register order by id_index")
			.query((rs, n) -> new RegisteredPerson(keys.decrypt(rs.getString("id_number_enc")), rs.getString("name")))
			.list();
	}

	/** How to reach a person: full mobile and e-mail, for the notification of their own cases only. */
	public record Contact(UUID accountId, String name, String mobile, String email) {

		/** The person as the notification module addresses them. */
		public NotificationManagement.Recipient recipient() {
			return new NotificationManagement.Recipient(accountId, name, mobile, email);
		}
	}

	public Optional<Contact> contact(UUID accountId) {
		return accounts.findById(accountId).map(a -> new Contact(a.id(), a.displayName(), a.mobile(), a.email()));
	}

	public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,185}\\.[^@\\s.]{2,}");

	/** Sets or (blank) removes the account's notification e-mail; false when the address is not valid. */
	@Transactional
	public boolean changeEmail(UUID accountId, String email) {
		String e = email == null ? "" : email.strip();
		if (!e.isEmpty() && (e.length() > 254 || !EMAIL.matcher(e).matches())) {
			return false;
		}
		accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("account")).changeEmail(e.isEmpty() ? null : e);
		return true;
	}

	/** The citizen themself first, then every legal person they represent or hold an active agent grant for. */
	public List<Party> partiesOf(UUID accountId) {
		Account a = accounts.findById(accountId).orElseThrow(() -> DomainException.notFound("account"));
		List<Party> parties = new ArrayList<>();
		if (a.isStaff()) {
			return parties;
		}
		parties.add(new Party(Party.Kind.CITIZEN, a.id(), a.displayName()));
		for (LegalPerson lp : legalPersons.findByLegalRepAccountId(accountId)) {
			parties.add(new Party(Party.Kind.LEGAL_PERSON, lp.id(), lp.name()));
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		for (AgentGrant g : agentGrants.findByAgentAccountIdOrderByCreatedAtDesc(accountId)) {
			if (g.activeOn(today) && parties.stream().noneMatch(p -> p.id().equals(g.legalPersonId()))) {
				legalPersons.findById(g.legalPersonId())
					.ifPresent(lp -> parties.add(new Party(Party.Kind.LEGAL_PERSON, lp.id(), lp.name())));
			}
		}
		// 代办: the citizens who made this person their proxy
		for (var g : proxyGrants.findByProxyAccountIdOrderByCreatedAtDesc(accountId)) {
			if (g.activeOn(today) && parties.stream().noneMatch(p -> p.id().equals(g.principalAccountId()))) {
				accounts.findById(g.principalAccountId())
					.ifPresent(p -> parties.add(new Party(Party.Kind.CITIZEN, p.id(), p.displayName())));
			}
		}
		return parties;
	}

	/**
	 * Whether the account may apply for this item for the party: for themself always; for a company as its legal
	 * representative always, as an agent within the grant's scope; for another citizen as their proxy within the
	 * grant's scope ("ALL" or item names).
	 */
	public boolean mayApply(UUID accountId, Party party, String itemName) {
		return scopeOf(accountId, party).covers(itemName);
	}

	/**
	 * What the account may see and do for the party today: everything for themself and as a company's legal
	 * representative; as an agent or proxy, what their active grants for the party cover together; nothing otherwise.
	 */
	public GrantScope scopeOf(UUID accountId, Party party) {
		if (party.id().equals(accountId)) {
			return GrantScope.FULL;
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		if (party.kind() == Party.Kind.LEGAL_PERSON) {
			if (legalPersons.findById(party.id()).map(lp -> accountId.equals(lp.legalRepAccountId())).orElse(false)) {
				return GrantScope.FULL;
			}
			return agentGrants.findByAgentAccountIdOrderByCreatedAtDesc(accountId).stream()
				.filter(g -> g.legalPersonId().equals(party.id()) && g.activeOn(today))
				.map(g -> GrantScope.parse(g.scope()))
				.reduce(GrantScope.NONE, GrantScope::and);
		}
		return proxyGrants.findByProxyAccountIdOrderByCreatedAtDesc(accountId).stream()
			.filter(g -> g.principalAccountId().equals(party.id()) && g.activeOn(today))
			.map(g -> GrantScope.parse(g.scope()))
			.reduce(GrantScope.NONE, GrantScope::and);
	}

	/** The party with this id if the account may act for it now, else empty. */
	public Optional<Party> partyFor(UUID accountId, UUID partyId) {
		return partiesOf(accountId).stream().filter(p -> p.id().equals(partyId)).findFirst();
	}

	/**
	 * A citizen's account as an actor: for the party they chose with the acting-as switch if they may still act for it
	 * (a grant may have expired since), else for themself. Empty for staff and unknown accounts.
	 */
	public Optional<Actor> citizenActor(UUID accountId, Party chosen) {
		return account(accountId).filter(a -> !a.staff()).map(a -> {
			Party self = new Party(Party.Kind.CITIZEN, a.id(), a.displayName());
			Party party = chosen == null ? self : partyFor(a.id(), chosen.id()).orElse(self);
			// a proxy or agent sees and does only what their grant covers
			return new Actor(a.id(), a.displayName(), party, scopeOf(a.id(), party));
		});
	}

	/** A citizen's account acting for themself, with every right (an API token's holder). Empty for staff. */
	public Optional<Actor> selfActor(UUID accountId) {
		return account(accountId).filter(a -> !a.staff())
			.map(a -> new Actor(a.id(), a.displayName(), new Party(Party.Kind.CITIZEN, a.id(), a.displayName())));
	}

	/** Records an action with both the person who acted and the party acted for. */
	@Transactional
	public void record(Actor actor, String action, String detail) {
		jdbc.sql("""
				insert into identity_activity (actor_account_id, party_kind, party_id, party_name, action, detail)
				values (?, ?, ?, ?, ?, ?)""")
			.params(actor.accountId(), actor.party().kind().name(), actor.party().id(), actor.party().name(), action, detail)
			.update();
	}

	/** Activity where the account acted, or that was done for a party the account is. */
	public List<Activity> activity(UUID accountOrPartyId, int limit) {
		return jdbc.sql("""
				select a.at, a.action, a.detail, a.party_name, acc.display_name as actor_name
				from identity_activity a join identity_account acc on acc.id = a.actor_account_id
				where a.actor_account_id = ? or a.party_id = ? order by a.at desc, a.id desc limit ?""")
			.params(accountOrPartyId, accountOrPartyId, limit)
			.query(Activity.class)
			.list();
	}

	public record Activity(Instant at, String action, String detail, String partyName, String actorName) {
	}
}
