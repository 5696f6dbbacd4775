package tongban.directory.domain;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceHallRepository extends JpaRepository<ServiceHall, UUID> {
}
