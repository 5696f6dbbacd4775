package tongban.openness.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PolicyTerms.ArticleCategory;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRow;
import tongban.openness.domain.Validity;
import tongban.openness.internal.PublicationFiles;
import tongban.openness.internal.PublicationReading;
import tongban.openness.internal.PublicationReading.Filter;
import tongban.openness.internal.PublicationReading.PublicView;
import tongban.shared.DomainException;

/**
 * The public pages of 政务公开: policies (filtered list and page), interpretations, articles, the index of departments
 * and each department's 政务公开 page. What is unknown, withdrawn or not 主动公开 is a 404. Rendered pages are kept by
 * {@link PublicationPageCache} until anything about publications changes.
 */
@Controller
class PublicationPageController {

	static final int PAGE_SIZE = 20;

	private final PublicationReading reading;
	private final DirectoryManagement directory;
	private final PublicationFiles files;

	PublicationPageController(PublicationReading reading, DirectoryManagement directory, PublicationFiles files) {
		this.reading = reading;
		this.directory = directory;
		this.files = files;
	}

	@GetMapping("/policies")
	String policies(@RequestParam(required = false) String department, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String validity, @RequestParam(required = false) String year,
			@RequestParam(defaultValue = "0") String page, Model model) {
		Filter filter = new Filter(PublicationKind.POLICY, known(department), blank(topic), PublicationParams.validity(validity),
				PublicationParams.year(year), null);
		model.addAttribute("filter", filter);
		model.addAttribute("items", reading.list(filter, PageRequest.of(PublicationParams.page(page), PAGE_SIZE)));
		model.addAttribute("departments", directory.departments());
		model.addAttribute("topics", reading.topics());
		model.addAttribute("years", reading.years());
		model.addAttribute("validities", Validity.values());
		model.addAttribute("base", PublicationParams.query("/policies", "department", filter.department(), "topic", filter.topic(), "validity",
				filter.validity() == null ? null : filter.validity().name(), "year", filter.year() == null ? null : filter.year().toString()));
		names(model);
		return "openness/publications/policies";
	}

	@GetMapping("/policies/{id}")
	String policy(@PathVariable UUID id, Model model) {
		return show(PublicationKind.POLICY, id, model, "openness/publications/policy");
	}

	@GetMapping("/interpretations/{id}")
	String interpretation(@PathVariable UUID id, Model model) {
		return show(PublicationKind.INTERPRETATION, id, model, "openness/publications/interpretation");
	}

	@GetMapping("/articles/{id}")
	String article(@PathVariable UUID id, Model model) {
		return show(PublicationKind.ARTICLE, id, model, "openness/publications/article");
	}

	@GetMapping("/articles")
	String articles(@RequestParam(required = false) String department, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "0") String page, Model model) {
		String cat = Arrays.stream(ArticleCategory.values()).map(Enum::name).filter(name -> name.equals(category)).findFirst().orElse(null);
		Filter filter = new Filter(PublicationKind.ARTICLE, known(department), null, null, null, cat);
		model.addAttribute("filter", filter);
		model.addAttribute("items", reading.list(filter, PageRequest.of(PublicationParams.page(page), PAGE_SIZE)));
		model.addAttribute("departments", directory.departments());
		model.addAttribute("categories", ArticleCategory.values());
		model.addAttribute("base", PublicationParams.query("/articles", "department", filter.department(), "category", cat));
		names(model);
		return "openness/publications/articles";
	}

	@GetMapping("/openness")
	String index(Model model) {
		model.addAttribute("departments", directory.departments());
		model.addAttribute("latest", reading.list(Filter.of(null), PageRequest.of(0, 10)).getContent());
		names(model);
		return "openness/publications/index";
	}

	@GetMapping("/openness/{department}")
	String department(@PathVariable String department, Model model) {
		DepartmentView d = directory.departmentByCode(department).orElseThrow(() -> DomainException.notFound("department"));
		Map<PublicationKind, List<PublicationRow>> latest = new EnumMap<>(PublicationKind.class);
		for (PublicationKind kind : PublicationKind.values()) {
			latest.put(kind, reading.list(new Filter(kind, d.code(), null, null, null, null), PageRequest.of(0, 5)).getContent());
		}
		model.addAttribute("department", d);
		model.addAttribute("latest", latest);
		model.addAttribute("kinds", PublicationKind.values());
		model.addAttribute("feedTypes", PublicationFeedController.FEED_TYPES);
		names(model);
		return "openness/publications/department";
	}

	@GetMapping("/policies/{id}/attachments/{index}")
	ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable int index) {
		PublicationContent content = reading.page(PublicationKind.POLICY, id).map(PublicView::content)
			.orElseThrow(() -> DomainException.notFound("policy"));
		if (index < 0 || index >= content.attachments().size()) {
			throw DomainException.notFound("attachment");
		}
		PublicationContent.Attachment a = content.attachments().get(index);
		InputStream in = files.open(a.fileId()).orElseThrow(() -> DomainException.notFound("attachment"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(a.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(), StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(in));
	}

	@GetMapping("/interpretations/{id}/figures/{index}")
	ResponseEntity<InputStreamResource> figure(@PathVariable UUID id, @PathVariable int index) {
		PublicationContent content = reading.page(PublicationKind.INTERPRETATION, id).map(PublicView::content)
			.orElseThrow(() -> DomainException.notFound("interpretation"));
		if (index < 0 || index >= content.figures().size()) {
			throw DomainException.notFound("figure");
		}
		PublicationContent.Figure f = content.figures().get(index);
		InputStream in = files.open(f.fileId()).orElseThrow(() -> DomainException.notFound("figure"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.contentType()))
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.body(new InputStreamResource(in));
	}

	private String show(PublicationKind kind, UUID id, Model model, String view) {
		PublicView page = reading.page(kind, id).orElseThrow(() -> DomainException.notFound(kind.name().toLowerCase()));
		model.addAttribute("p", page);
		model.addAttribute("c", page.content());
		names(model);
		model.addAttribute("metaKey", "openness.pub.meta");
		model.addAttribute("metaArg", page.content().title());
		return view;
	}

	private void names(Model model) {
		model.addAttribute("departmentNames", directory.departmentNames());
	}

	private String known(String department) {
		return department != null && directory.departmentByCode(department).isPresent() ? department : null;
	}

	private static String blank(String text) {
		return text == null || text.isBlank() || text.length() > 40 ? null : text;
	}
}
