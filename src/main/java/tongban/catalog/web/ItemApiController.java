package tongban.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tongban.catalog.Capabilities;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormValidation;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.catalog.PublishedItem;
import tongban.catalog.Theme;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

@RestController
@RequestMapping("/api")
@Tag(name = "catalog", description = "政务服务事项目录")
class ItemApiController {

	private final CatalogManagement catalog;
	private final FormValidation validation;
	private final Problems problems;
	private final MessageSource messages;
	private final Capabilities capabilities;

	ItemApiController(CatalogManagement catalog, FormValidation validation, Problems problems,
			MessageSource messages, Capabilities capabilities) {
		this.catalog = catalog;
		this.validation = validation;
		this.problems = problems;
		this.messages = messages;
		this.capabilities = capabilities;
	}

	@Operation(summary = "Published service items, filtered and paged")
	@GetMapping("/items")
	Page<ItemSummary> items(@RequestParam(required = false) String theme, @RequestParam(required = false) String department,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer minDepth,
			@RequestParam(required = false) Integer maxVisits, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String servedParty, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return catalog.browse(new ItemFilter(theme, department, type, minDepth, maxVisits, scope, servedParty,
				ItemPageController.region(region)),
				PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 100)));
	}

	@Operation(summary = "One published item with its whole service guide",
			description = "The 便民服务 flags (appointment, delivery, onlinePayment, selfService) are true only where the platform "
					+ "provides the service for the item, as the guide page's badges.")
	@GetMapping("/items/{code}")
	PublishedItem item(@PathVariable String code) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item " + code));
		return new PublishedItem(item.code(), item.version(), item.publishedAt(), item.reviewedAt(), capabilities.asOffered(item.guide()));
	}

	/** Values to check against an item's published application form. */
	record FormValues(Map<String, Object> values) {
	}

	record FormCheck(boolean valid, Map<String, Object> values) {
	}

	@Operation(summary = "Check values against the item's published application form, with the validation applications use",
			description = "200 with the normalised values when valid; 422 problem+json listing each error (path, code, message) when not. "
					+ "A group is a list of row objects; a file is {name, contentType, size}.")
	@PostMapping("/items/{code}/form/validation")
	ResponseEntity<?> validate(@PathVariable String code,
			@RequestBody FormValues body, HttpServletRequest request,
			Locale locale) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item " + code));
		Map<String, Object> raw = new LinkedHashMap<>();
		if (body != null && body.values() != null) {
			body.values().forEach((k, v) -> raw.put(k, v instanceof Map<?, ?> m && m.containsKey("size")
					? new FormValidation.FileRef(String.valueOf(m.get("name")), String.valueOf(m.get("contentType")),
							m.get("size") instanceof Number n ? n.longValue() : 0)
					: v));
		}
		FormValidation.Result result = validation.validate(item.guide().form(), raw);
		if (result.valid()) {
			return ResponseEntity.ok(new FormCheck(true, result.values()));
		}
		var problem = problems.of(request, HttpStatus.UNPROCESSABLE_CONTENT, "form-invalid", null);
		problem.setProperty("errors", result.errors().stream()
			.map(e -> Map.of("path", e.path(), "code", e.code(),
					"message", messages.getMessage(e.code(), e.args().toArray(), e.code(), locale)))
			.toList());
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Operation(summary = "Themes for citizens and for businesses")
	@GetMapping("/themes")
	List<Theme> themes() {
		return catalog.themes();
	}
}
