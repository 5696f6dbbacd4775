package tongban.catalog.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.catalog.PublishedItem;
import tongban.catalog.Theme;
import tongban.shared.DomainException;

@RestController
@RequestMapping("/api")
@Tag(name = "catalog", description = "政务服务事项目录")
class ItemApiController {

	private final CatalogManagement catalog;

	ItemApiController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "Published service items, filtered and paged")
	@GetMapping("/items")
	Page<ItemSummary> items(@RequestParam(required = false) String theme, @RequestParam(required = false) String department,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer minDepth,
			@RequestParam(required = false) Integer maxVisits, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String servedParty, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return catalog.browse(new ItemFilter(theme, department, type, minDepth, maxVisits, scope, servedParty),
				PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 100)));
	}

	@Operation(summary = "One published item with its whole service guide")
	@GetMapping("/items/{code}")
	PublishedItem item(@PathVariable String code) {
		return catalog.published(code).orElseThrow(() -> DomainException.notFound("item " + code));
	}

	@Operation(summary = "Themes for citizens and for businesses")
	@GetMapping("/themes")
	List<Theme> themes() {
		return catalog.themes();
	}
}
