package tongban.openness.internal.knowledge;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SiteSearchDocuments extends JpaRepository<SiteSearchDocument, String> {

	@Query("select d from SiteSearchDocument d where d.ref = ?1")
	List<SiteSearchDocument> findByRef(UUID ref);

	/** Entity by entity, so that Hibernate Search sees each removal (a bulk JPQL delete would bypass it). */
	default void deleteByRef(UUID ref) {
		deleteAll(findByRef(ref));
	}
}
