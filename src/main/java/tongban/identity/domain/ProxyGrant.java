package tongban.identity.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 代办: a citizen (principal) lets another citizen (proxy) apply on their behalf. */
@Entity
@Table(name = "identity_proxy_grant")
public class ProxyGrant extends Grant {

	private UUID principalAccountId;
	private UUID proxyAccountId;

	protected ProxyGrant() {
	}

	public ProxyGrant(UUID principalAccountId, UUID proxyAccountId, String scope, LocalDate validUntil) {
		init(scope, validUntil);
		this.principalAccountId = principalAccountId;
		this.proxyAccountId = proxyAccountId;
	}

	public UUID principalAccountId() {
		return principalAccountId;
	}

	public UUID proxyAccountId() {
		return proxyAccountId;
	}
}
