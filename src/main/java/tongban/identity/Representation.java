package tongban.identity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

import tongban.identity.domain.Account;
import tongban.identity.domain.AccountRepository;
import tongban.identity.internal.Relationships;
import tongban.identity.web.GrantForm;
import tongban.identity.web.LegalPersonForm;
import tongban.shared.DomainException;

/**
 * Who may act for whom, for callers that are not the identity module's own pages (other modules' set-up and the test
 * fixtures): a citizen binds a legal person they represent (法定代表人), a citizen lets another act for them (代办授权),
 * a legal person's representative lets a citizen act for it (经办人授权). The same rules and activity records as on the
 * account pages; a grantee is named by name and ID number, as a person names them there. Refusals carry the message
 * codes the pages would show ({@code representation-refused}).
 */
@Service
@Transactional
public class Representation {

	private final Relationships relationships;
	private final AccountRepository accounts;

	Representation(Relationships relationships, AccountRepository accounts) {
		this.relationships = relationships;
		this.accounts = accounts;
	}

	/** Binds the legal person with this USCC and name to its representative (an L2 or L3 citizen); answers its id. */
	public UUID registerLegalPerson(UUID representativeAccountId, String uscc, String name) {
		Errors errors = errors();
		return relationships.registerLegalPerson(citizen(representativeAccountId), new LegalPersonForm(name, uscc), errors)
			.orElseThrow(() -> refused(errors))
			.id();
	}

	/** The principal lets the citizen named by {@code proxyName} and {@code proxyIdNumber} act for them in {@code scope}. */
	public UUID grantProxy(UUID principalAccountId, String proxyName, String proxyIdNumber, String scope, LocalDate validUntil) {
		Errors errors = errors();
		return relationships.grantProxy(citizen(principalAccountId), new GrantForm(proxyName, proxyIdNumber, scope, validUntil.toString()), errors)
			.orElseThrow(() -> refused(errors))
			.id();
	}

	/** The legal person's representative lets the citizen named by name and ID number act for it in {@code scope}. */
	public UUID grantAgent(UUID legalPersonId, UUID representativeAccountId, String agentName, String agentIdNumber, String scope,
			LocalDate validUntil) {
		Errors errors = errors();
		Account representative = citizen(representativeAccountId);
		return relationships.grantAgent(representative, relationships.representedBy(legalPersonId, representativeAccountId),
				new GrantForm(agentName, agentIdNumber, scope, validUntil.toString()), errors)
			.orElseThrow(() -> refused(errors))
			.id();
	}

	private Account citizen(UUID accountId) {
		return accounts.findById(accountId).filter(account -> !account.isStaff()).orElseThrow(() -> DomainException.notFound("citizen"));
	}

	private static Errors errors() {
		return new MapBindingResult(new HashMap<>(), "representation");
	}

	private static DomainException refused(Errors errors) {
		return new DomainException(DomainException.Kind.INVALID, "representation-refused",
				errors.getAllErrors().stream().map(error -> error.getCode()).collect(Collectors.joining(", ")));
	}
}
