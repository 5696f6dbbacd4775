package tongban.catalog.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ItemVersionRepository extends JpaRepository<ItemVersion, UUID> {

	Optional<ItemVersion> findByItemIdAndStatus(UUID itemId, ItemStatus status);

	List<ItemVersion> findByItemIdOrderByVersionNoDesc(UUID itemId);
}
