package tongban.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, UUID> {

	Optional<Account> findByIdNumber(String idNumber);

	Optional<Account> findByMobile(String mobile);

	Optional<Account> findByUsername(String username);

	boolean existsByIdNumber(String idNumber);

	boolean existsByMobile(String mobile);
}
