package tongban.identity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import tongban.shared.Uscc;

/** 法人: a business or organisation bound to its 统一社会信用代码, represented by a citizen account. */
@Entity
@Table(name = "identity_legal_person")
public class LegalPerson {

	@Id
	private UUID id;
	private String uscc;
	private String name;
	private UUID legalRepAccountId;
	private Instant createdAt;

	protected LegalPerson() {
	}

	public LegalPerson(Uscc uscc, String name, UUID legalRepAccountId) {
		this.id = UUID.randomUUID();
		this.uscc = uscc.value();
		this.name = name;
		this.legalRepAccountId = legalRepAccountId;
		this.createdAt = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String uscc() {
		return uscc;
	}

	public String name() {
		return name;
	}

	public UUID legalRepAccountId() {
		return legalRepAccountId;
	}
}
