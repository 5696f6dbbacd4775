package tongban.catalog.web;

import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tongban.catalog.CatalogSearch;
import tongban.catalog.SiteSearch;
import tongban.catalog.SiteSearchResult;
import tongban.directory.DirectoryManagement;

/** The search page, suggestions while typing (htmx fragment), and the search API. */
@Controller
class SearchController {

	private final CatalogSearch search;
	private final SiteSearch site;
	private final DirectoryManagement directory;

	SearchController(CatalogSearch search, SiteSearch site, DirectoryManagement directory) {
		this.search = search;
		this.site = site;
		this.directory = directory;
	}

	@GetMapping("/search")
	String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String type, @RequestParam(required = false) String department,
			@RequestParam(required = false) Integer maxVisits, Model model) {
		model.addAttribute("q", CatalogSearch.clean(q));
		model.addAttribute("result", site.search(q, kind, type, department, maxVisits, 30));
		model.addAttribute("kind", kind);
		model.addAttribute("type", type);
		model.addAttribute("department", department);
		model.addAttribute("maxVisits", maxVisits);
		model.addAttribute("metaKey", "meta.search");
		model.addAttribute("departmentNames", directory.departments().stream()
			.collect(Collectors.toMap(d -> d.code(), d -> d.name())));
		return "catalog/search";
	}

	@GetMapping("/search/suggest")
	String suggest(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("result", search.search(q, null, null, null, 6));
		return "catalog/suggestions :: suggestions";
	}

	@Operation(summary = "Site-wide search over published items, policies, interpretations, articles and knowledge entries:"
			+ " Chinese words, pinyin and initials, synonyms, facets by content type (kind) and, for items, type, department, visits")
	@GetMapping(value = "/api/search", produces = "application/json")
	@ResponseBody
	SiteSearchResult api(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String type, @RequestParam(required = false) String department,
			@RequestParam(required = false) Integer maxVisits, @RequestParam(defaultValue = "20") int size) {
		return site.search(q, kind, type, department, maxVisits, Math.clamp(size, 1, 100));
	}
}
