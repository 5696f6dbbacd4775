package tongban.directory.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HallWindowRepository extends JpaRepository<HallWindow, UUID> {

	List<HallWindow> findByHallIdOrderByNumber(UUID hallId);
}
