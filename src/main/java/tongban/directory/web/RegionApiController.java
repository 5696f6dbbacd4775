package tongban.directory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.directory.Region;
import tongban.shared.DomainException;

@RestController
@RequestMapping("/api")
@Tag(name = "directory", description = "行政区划与部门")
class RegionApiController {

	private final DirectoryManagement directory;

	RegionApiController(DirectoryManagement directory) {
		this.directory = directory;
	}

	@Operation(summary = "One administrative division by its GB/T 2260 code")
	@GetMapping("/regions/{code}")
	Region region(@PathVariable String code) {
		return directory.region(code).orElseThrow(() -> DomainException.notFound("region " + code));
	}

	@Operation(summary = "The divisions directly below one")
	@GetMapping("/regions/{code}/children")
	List<Region> children(@PathVariable String code) {
		region(code);
		return directory.children(code);
	}

	@Operation(summary = "Departments of the platform's government")
	@GetMapping("/departments")
	List<DepartmentView> departments() {
		return directory.departments();
	}
}
