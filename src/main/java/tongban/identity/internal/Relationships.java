package tongban.identity.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.domain.AgentGrant;
import tongban.identity.domain.AgentGrantRepository;
import tongban.identity.domain.LegalPerson;
import tongban.identity.domain.LegalPersonRepository;
import tongban.identity.domain.ProxyGrant;
import tongban.identity.domain.ProxyGrantRepository;
import tongban.identity.web.GrantForm;
import tongban.identity.web.LegalPersonForm;
import tongban.shared.Clocks;
import tongban.shared.DataKeys;
import tongban.shared.DomainException;
import tongban.shared.IdNumber;
import tongban.shared.Uscc;

/** Legal persons and their agents, citizen proxies: who may act for whom, until when. */
@Service
@Transactional
public class Relationships {

	private final DataKeys keys;

	static final int MAX_YEARS = 5;

	private final AccountRepository accounts;
	private final LegalPersonRepository legalPersons;
	private final AgentGrantRepository agentGrants;
	private final ProxyGrantRepository proxyGrants;
	private final IdentityManagement identity;

	Relationships(AccountRepository accounts, LegalPersonRepository legalPersons, AgentGrantRepository agentGrants,
			ProxyGrantRepository proxyGrants, IdentityManagement identity,
			DataKeys keys) {
		this.keys = keys;
		this.accounts = accounts;
		this.legalPersons = legalPersons;
		this.agentGrants = agentGrants;
		this.proxyGrants = proxyGrants;
		this.identity = identity;
	}

	public Optional<LegalPerson> registerLegalPerson(Account rep, LegalPersonForm form, Errors errors) {
		String name = form.name() == null ? "" : form.name().strip();
		if (name.length() < 2 || name.length() > 100) {
			errors.rejectValue("name", "business.error.name");
		}
		Uscc.check(form.uscc()).ifPresent(p -> errors.rejectValue("uscc", "uscc.error." + p.name()));
		if (rep.assuranceLevel() < 2) {
			errors.reject("business.error.assurance");
		}
		if (!errors.hasErrors() && legalPersons.existsByUscc(IdNumber.normalise(form.uscc()))) {
			errors.rejectValue("uscc", "business.error.taken");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		LegalPerson lp = legalPersons.save(new LegalPerson(new Uscc(form.uscc()), name, rep.id()));
		identity.record(new Actor(rep.id(), rep.displayName(), new Party(Party.Kind.LEGAL_PERSON, lp.id(), lp.name())),
				"LEGAL_PERSON_REGISTERED", lp.uscc());
		return Optional.of(lp);
	}

	/** The legal person if this account is its legal representative; otherwise not found. */
	@Transactional(readOnly = true)
	public LegalPerson representedBy(UUID legalPersonId, UUID accountId) {
		return legalPersons.findById(legalPersonId)
			.filter(lp -> lp.legalRepAccountId().equals(accountId))
			.orElseThrow(() -> DomainException.notFound("legal person"));
	}

	@Transactional(readOnly = true)
	public List<LegalPerson> represented(UUID accountId) {
		return legalPersons.findByLegalRepAccountId(accountId);
	}

	@Transactional(readOnly = true)
	public List<AgentGrant> agents(UUID legalPersonId) {
		return agentGrants.findByLegalPersonIdOrderByCreatedAtDesc(legalPersonId);
	}

	public Optional<AgentGrant> grantAgent(Account rep, LegalPerson lp, GrantForm form, Errors errors) {
		Optional<Account> agent = grantee(rep, form, errors);
		if (agent.isEmpty()) {
			return Optional.empty();
		}
		AgentGrant g = agentGrants.save(new AgentGrant(lp.id(), agent.get().id(), form.scope(), LocalDate.parse(form.validUntil())));
		identity.record(new Actor(rep.id(), rep.displayName(), new Party(Party.Kind.LEGAL_PERSON, lp.id(), lp.name())),
				"AGENT_GRANTED", agent.get().displayName() + " · " + g.scope() + " · " + g.validUntil());
		return Optional.of(g);
	}

	public void revokeAgent(Account rep, LegalPerson lp, UUID grantId) {
		AgentGrant g = agentGrants.findById(grantId)
			.filter(x -> x.legalPersonId().equals(lp.id()))
			.orElseThrow(() -> DomainException.notFound("grant"));
		g.revoke();
		identity.record(new Actor(rep.id(), rep.displayName(), new Party(Party.Kind.LEGAL_PERSON, lp.id(), lp.name())),
				"AGENT_REVOKED", accounts.findById(g.agentAccountId()).map(Account::displayName).orElse(""));
	}

	public Optional<ProxyGrant> grantProxy(Account principal, GrantForm form, Errors errors) {
		Optional<Account> proxy = grantee(principal, form, errors);
		if (proxy.isEmpty()) {
			return Optional.empty();
		}
		ProxyGrant g = proxyGrants.save(new ProxyGrant(principal.id(), proxy.get().id(), form.scope(), LocalDate.parse(form.validUntil())));
		identity.record(self(principal), "PROXY_GRANTED", proxy.get().displayName() + " · " + g.scope() + " · " + g.validUntil());
		return Optional.of(g);
	}

	/** The principal or the proxy may end a proxy; anyone else gets "not found". */
	public void revokeProxy(Account by, UUID grantId) {
		ProxyGrant g = proxyGrants.findById(grantId)
			.filter(x -> x.principalAccountId().equals(by.id()) || x.proxyAccountId().equals(by.id()))
			.orElseThrow(() -> DomainException.notFound("grant"));
		g.revoke();
		Account principal = accounts.findById(g.principalAccountId()).orElseThrow();
		identity.record(new Actor(by.id(), by.displayName(), new Party(Party.Kind.CITIZEN, principal.id(), principal.displayName())),
				"PROXY_REVOKED", accounts.findById(g.proxyAccountId()).map(Account::displayName).orElse(""));
	}

	@Transactional(readOnly = true)
	public List<ProxyGrant> proxiesGiven(UUID principal) {
		return proxyGrants.findByPrincipalAccountIdOrderByCreatedAtDesc(principal);
	}

	@Transactional(readOnly = true)
	public List<ProxyGrant> proxiesReceived(UUID proxy) {
		return proxyGrants.findByProxyAccountIdOrderByCreatedAtDesc(proxy);
	}

	@Transactional(readOnly = true)
	public String nameOf(UUID accountId) {
		return accounts.findById(accountId).map(Account::displayName).orElse("");
	}

	/** Validates the grant form; the grantee must be a registered citizen whose name matches the ID number. */
	private Optional<Account> grantee(Account grantor, GrantForm form, Errors errors) {
		Optional<IdNumber.Problem> idProblem = IdNumber.check(form.idNumber());
		idProblem.ifPresent(p -> errors.rejectValue("idNumber", "id.error." + p.name()));
		if (form.name() == null || form.name().isBlank()) {
			errors.rejectValue("name", "register.error.name.empty");
		}
		LocalDate today = LocalDate.now(Clocks.ZONE);
		try {
			LocalDate until = LocalDate.parse(form.validUntil() == null ? "" : form.validUntil().strip());
			if (until.isBefore(today) || until.isAfter(today.plusYears(MAX_YEARS))) {
				errors.rejectValue("validUntil", "grant.error.until.range", new Object[] { MAX_YEARS }, null);
			}
		}
		catch (DateTimeParseException e) {
			errors.rejectValue("validUntil", "grant.error.until.format");
		}
		if (form.scope() != null && form.scope().length() > 500) {
			errors.rejectValue("scope", "grant.error.scope");
		}
		if (errors.hasErrors()) {
			return Optional.empty();
		}
		Optional<Account> grantee = accounts.findByIdNumberIndex(keys.blindIndex(IdNumber.normalise(form.idNumber())))
			.filter(a -> !a.isStaff() && a.displayName().equals(form.name().strip()));
		if (grantee.isEmpty()) {
			errors.reject("grant.error.nobody");
		}
		else if (grantee.get().id().equals(grantor.id())) {
			errors.reject("grant.error.self");
			return Optional.empty();
		}
		return grantee;
	}

	private static Actor self(Account a) {
		return new Actor(a.id(), a.displayName(), new Party(Party.Kind.CITIZEN, a.id(), a.displayName()));
	}
}
