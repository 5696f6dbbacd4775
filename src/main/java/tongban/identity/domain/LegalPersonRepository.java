package tongban.identity.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LegalPersonRepository extends JpaRepository<LegalPerson, UUID> {

	boolean existsByUscc(String uscc);

	List<LegalPerson> findByLegalRepAccountId(UUID accountId);
}
