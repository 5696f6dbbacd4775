package tongban.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, UUID> {

	/** By the blind index of the ID number ({@code DataKeys.blindIndex}); the number itself is stored encrypted. */
	Optional<Account> findByIdNumberIndex(String idNumberIndex);

	Optional<Account> findByMobileIndex(String mobileIndex);

	Optional<Account> findByUsername(String username);

	boolean existsByIdNumberIndex(String idNumberIndex);

	boolean existsByMobileIndex(String mobileIndex);
}
