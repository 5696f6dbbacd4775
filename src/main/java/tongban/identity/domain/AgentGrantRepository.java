package tongban.identity.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AgentGrantRepository extends JpaRepository<AgentGrant, UUID> {

	List<AgentGrant> findByAgentAccountIdOrderByCreatedAtDesc(UUID agentAccountId);

	List<AgentGrant> findByLegalPersonIdOrderByCreatedAtDesc(UUID legalPersonId);
}
