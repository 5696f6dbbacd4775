package tongban.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, UUID> {

	List<Department> findAllByOrderByCode();

	Optional<Department> findByCode(String code);
}
