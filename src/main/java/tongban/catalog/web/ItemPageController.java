package tongban.catalog.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tongban.catalog.Capabilities;
import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemPromises;
import tongban.catalog.ItemTutorials;
import tongban.catalog.FormView;
import tongban.catalog.HandlingPlaces;
import tongban.shared.QrCode;
import tongban.catalog.ItemFilter;
import tongban.catalog.PublishedItem;
import tongban.catalog.RelatedPolicies;
import tongban.catalog.Theme;
import tongban.catalog.internal.ViewCounter;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.shared.DomainException;

/** The portal's catalogue pages: a guide, a theme, browsing with filters, a department. */
@Controller
class ItemPageController {

	private final CatalogManagement catalog;
	private final DirectoryManagement directory;
	private final ViewCounter views;
	private final Capabilities capabilities;

	private final MessageSource messages;
	private final List<RelatedPolicies> relatedPolicies;
	private final ItemPromises promises;
	private final List<HandlingPlaces> handlingPlaces;
	private final List<ItemTutorials> tutorials;

	ItemPageController(CatalogManagement catalog, DirectoryManagement directory, ViewCounter views,
			MessageSource messages, Capabilities capabilities, List<RelatedPolicies> relatedPolicies, ItemPromises promises,
			List<HandlingPlaces> handlingPlaces, List<ItemTutorials> tutorials) {
		this.handlingPlaces = List.copyOf(handlingPlaces);
		this.tutorials = List.copyOf(tutorials);
		this.promises = promises;
		this.relatedPolicies = List.copyOf(relatedPolicies);
		this.capabilities = capabilities;
		this.messages = messages;
		this.catalog = catalog;
		this.directory = directory;
		this.views = views;
	}

	@GetMapping("/items/{code}")
	String guide(@PathVariable String code, @RequestParam(required = false) String print, Model model) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item"));
		views.viewed(code);
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("department", directory.departmentByCode(item.guide().department()).orElse(null));
		model.addAttribute("print", print != null);
		model.addAttribute("related", catalog.sameMainItem(item.guide()));
		model.addAttribute("onlineApply", item.guide().appliesOnline());
		model.addAttribute("capabilities", capabilities.badges(item.guide()));
		model.addAttribute("relatedPolicies", relatedPolicies.stream().flatMap(r -> r.governing(code).stream()).toList());
		model.addAttribute("promise", promises.offered(code).orElse(null));
		model.addAttribute("handlingPlaces", handlingPlaces.stream().flatMap(h -> h.serving(code).stream()).toList());
		model.addAttribute("handlingSearch", handlingPlaces.stream().map(h -> h.searchPath(code)).findFirst().orElse(null));
		tutorials.stream().filter(t -> !t.steps(code).isEmpty()).findFirst().ifPresent(t -> {
			model.addAttribute("tutorial", t.steps(code));
			model.addAttribute("tutorialPage", t.page(code));
		});
		describe(model, "meta.guide", item.guide().name());
		return "catalog/guide";
	}

	/** The item's application form, blank, to print and fill in by hand (the same fields as online). */
	@GetMapping("/items/{code}/form")
	String blankForm(@PathVariable String code, Model model, Locale locale) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item"));
		if (item.guide().form().isEmpty()) {
			throw DomainException.notFound("form");
		}
		model.addAttribute("g", item.guide());
		model.addAttribute("view", FormView.of(item.guide().form(), Map.of(), List.of(), "v.",
				null, messages, locale));
		model.addAttribute("regions", directory.formRegions());
		return "catalog/blank-form";
	}

	/** The QR code of a guide's address, as SVG; cached by browsers for a day. */
	@GetMapping(value = "/items/{code}/qr.svg", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable String code) {
		PublishedItem item = catalog.published(code).orElseThrow(() -> DomainException.notFound("item"));
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/items/{code}").buildAndExpand(code).toUriString();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(QrCode.svg(url, item.guide().name()));
	}

	@GetMapping("/themes/{code}")
	String theme(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
		Theme theme = catalog.themes().stream().filter(t -> t.code().equals(code)).findFirst()
			.orElseThrow(() -> DomainException.notFound("theme"));
		model.addAttribute("theme", theme);
		describe(model, "meta.theme", theme.name());
		model.addAttribute("items", catalog.browse(new ItemFilter(theme.name(), null, null, null, null, null, null),
				PageRequest.of(Math.max(0, page), 20)));
		return "catalog/theme";
	}

	@GetMapping("/browse")
	String browse(@RequestParam(required = false) String department, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer minDepth, @RequestParam(required = false) Integer maxVisits,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String region, @RequestParam(defaultValue = "0") int page, Model model) {
		ItemFilter filter = new ItemFilter(blank(theme), blank(department), blank(type), minDepth, maxVisits, blank(scope), null,
				region(region));
		model.addAttribute("regions", catalog.browsableRegions());
		model.addAttribute("filter", filter);
		model.addAttribute("items", catalog.browse(filter, PageRequest.of(Math.max(0, page), 20)));
		model.addAttribute("departments", directory.departments());
		model.addAttribute("themes", catalog.themes());
		describe(model, "meta.browse", null);
		return "catalog/browse";
	}

	@GetMapping("/departments/{code}")
	String department(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
		DepartmentView d = directory.departmentByCode(code).orElseThrow(() -> DomainException.notFound("department"));
		model.addAttribute("department", d);
		describe(model, "meta.department", d.name());
		model.addAttribute("items", catalog.browse(new ItemFilter(null, code, null, null, null, null, null),
				PageRequest.of(Math.max(0, page), 20)));
		return "catalog/department";
	}

	/** The page's meta description (fragments/layout): a message of its type about this subject. */
	private static void describe(Model model, String key, String subject) {
		model.addAttribute("metaKey", key);
		model.addAttribute("metaArg", subject);
	}

	/** A six-digit region code, or none (anything else typed into the address is ignored, not an error). */
	static String region(String s) {
		return s != null && s.matches("\\d{6}") ? s : null;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
