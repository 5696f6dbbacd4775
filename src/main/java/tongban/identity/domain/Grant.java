package tongban.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An authorisation with a scope ("ALL" or item names), an expiry date (inclusive) and a possible revocation.
 * Shared by agent grants (经办人授权) and citizen proxies (代办).
 */
@MappedSuperclass
public abstract class Grant {

	public static final String ALL = "ALL";

	@Id
	protected UUID id;
	protected String scope;
	protected LocalDate validUntil;
	protected Instant revokedAt;
	protected Instant createdAt;

	protected void init(String scope, LocalDate validUntil) {
		this.id = UUID.randomUUID();
		this.scope = scope == null || scope.isBlank() ? ALL : scope.strip();
		this.validUntil = validUntil;
		this.createdAt = Instant.now();
	}

	public boolean activeOn(LocalDate day) {
		return revokedAt == null && !day.isAfter(validUntil);
	}

	public void revoke() {
		if (revokedAt == null) {
			revokedAt = Instant.now();
		}
	}

	public UUID id() {
		return id;
	}

	public String scope() {
		return scope;
	}

	public LocalDate validUntil() {
		return validUntil;
	}

	public Instant revokedAt() {
		return revokedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}
}
