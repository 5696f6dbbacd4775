package tongban.identity.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 经办人授权: a citizen may act for a legal person. */
@Entity
@Table(name = "identity_agent_grant")
public class AgentGrant extends Grant {

	private UUID legalPersonId;
	private UUID agentAccountId;

	protected AgentGrant() {
	}

	public AgentGrant(UUID legalPersonId, UUID agentAccountId, String scope, LocalDate validUntil) {
		init(scope, validUntil);
		this.legalPersonId = legalPersonId;
		this.agentAccountId = agentAccountId;
	}

	public UUID legalPersonId() {
		return legalPersonId;
	}

	public UUID agentAccountId() {
		return agentAccountId;
	}
}
