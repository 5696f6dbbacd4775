package tongban.identity.domain;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, UUID> {

	/** By the blind index of the ID number ({@code DataKeys.blindIndex}); the number itself is stored encrypted. */
	Optional<Account> findByIdNumberIndex(String idNumberIndex);

	Optional<Account> findByMobileIndex(String mobileIndex);

	Optional<Account> findByUsername(String username);

	boolean existsByIdNumberIndex(String idNumberIndex);

	boolean existsByMobileIndex(String mobileIndex);

	/**
	 * The account with its row locked until the transaction ends ({@code select … for update}): concurrent sign-ins
	 * of one account count their failures one after another instead of failing on the version check.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> findLockedById(@Param("id") UUID id);
}
