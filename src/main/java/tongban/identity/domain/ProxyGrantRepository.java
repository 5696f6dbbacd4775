package tongban.identity.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProxyGrantRepository extends JpaRepository<ProxyGrant, UUID> {

	List<ProxyGrant> findByPrincipalAccountIdOrderByCreatedAtDesc(UUID principal);

	List<ProxyGrant> findByProxyAccountIdOrderByCreatedAtDesc(UUID proxy);
}
