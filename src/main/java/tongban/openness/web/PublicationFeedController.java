package tongban.openness.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tongban.catalog.CatalogManagement;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.openness.PublicationKind;
import tongban.openness.domain.PublicationContent;
import tongban.openness.domain.PublicationRow;
import tongban.openness.internal.PublicationReading.Filter;
import tongban.openness.internal.PublicationReading;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.XmlText;

/**
 * Feeds (RSS 2.0 and Atom 1.0) of what is public, per content type ({@code /feeds/policies.rss}) and per department
 * ({@code /feeds/departments/XH-SCJG.atom}, {@code /feeds/departments/XH-SCJG/policies.rss}), newest 50; and
 * {@code /sitemap.xml} with the portal's guide pages (through the catalogue's API) and every public publication. A
 * withdrawn publication is gone from them at once (they read the database on every request).
 */
@Controller
class PublicationFeedController {

	static final int FEED_SIZE = 50;

	/** The content types' names in feed addresses. */
	static final Map<PublicationKind, String> FEED_TYPES = new EnumMap<>(Map.of(PublicationKind.POLICY, "policies",
			PublicationKind.INTERPRETATION, "interpretations", PublicationKind.ARTICLE, "articles"));

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
	private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

	private final PublicationReading reading;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	PublicationFeedController(PublicationReading reading, DirectoryManagement directory, CatalogManagement catalog) {
		this.reading = reading;
		this.directory = directory;
		this.catalog = catalog;
	}

	@GetMapping("/feeds/{type:[a-z]+}.{format:rss|atom}")
	ResponseEntity<String> byType(@PathVariable String type, @PathVariable String format) {
		PublicationKind kind = type.equals("all") ? null : kind(type);
		String title = "通办 · " + (kind == null ? "政务公开" : label(kind));
		return feed(new Filter(kind, null, null, null, null, null), title, format, "/feeds/" + type + "." + format);
	}

	@GetMapping("/feeds/departments/{department}.{format:rss|atom}")
	ResponseEntity<String> byDepartment(@PathVariable String department, @PathVariable String format) {
		DepartmentView d = department(department);
		return feed(new Filter(null, d.code(), null, null, null, null), d.name() + " · 政务公开", format,
				"/feeds/departments/" + d.code() + "." + format);
	}

	@GetMapping("/feeds/departments/{department}/{type:[a-z]+}.{format:rss|atom}")
	ResponseEntity<String> byDepartmentAndType(@PathVariable String department, @PathVariable String type, @PathVariable String format) {
		DepartmentView d = department(department);
		PublicationKind kind = kind(type);
		return feed(new Filter(kind, d.code(), null, null, null, null), d.name() + " · " + label(kind), format,
				"/feeds/departments/" + d.code() + "/" + type + "." + format);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> sitemap() {
		String base = base();
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (String path : List.of("/", "/openness", "/policies", "/articles")) {
			url(out, base + path, null);
		}
		for (ItemSummary item : catalog.browse(ItemFilter.any(), PageRequest.of(0, 50_000)).getContent()) {
			url(out, base + "/items/" + item.code(), null);
		}
		for (DepartmentView d : directory.departments()) {
			url(out, base + "/openness/" + d.code(), null);
		}
		for (PublicationRow p : reading.all(50_000)) {
			url(out, base + p.path(), p.updatedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate());
		}
		out.append("</urlset>\n");
		return ResponseEntity.ok().contentType(XML).body(out.toString());
	}

	private ResponseEntity<String> feed(Filter filter, String title, String format, String self) {
		List<PublicationRow> rows = reading.list(filter, PageRequest.of(0, FEED_SIZE)).getContent();
		String base = base();
		return format.equals("rss") ? ResponseEntity.ok().contentType(RSS).body(rss(rows, title, base, base + self))
				: ResponseEntity.ok().contentType(ATOM).body(atom(rows, title, base, base + self));
	}

	private String rss(List<PublicationRow> rows, String title, String base, String self) {
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel>\n");
		element(out, "title", title);
		element(out, "link", base + "/openness");
		element(out, "description", title);
		element(out, "language", "zh-cn");
		out.append("<atom:link href=\"").append(XmlText.escape(self)).append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
		for (PublicationRow p : rows) {
			out.append("<item>");
			element(out, "title", p.title());
			element(out, "link", base + p.path());
			out.append("<guid isPermaLink=\"true\">").append(XmlText.escape(base + p.path())).append("</guid>");
			element(out, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(p.publishedOn().atStartOfDay(Clocks.ZONE)));
			element(out, "category", label(p.kind()));
			element(out, "description", description(p));
			out.append("</item>\n");
		}
		return out.append("</channel></rss>\n").toString();
	}

	private String atom(List<PublicationRow> rows, String title, String base, String self) {
		StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
		element(out, "title", title);
		element(out, "id", self);
		out.append("<link rel=\"self\" href=\"").append(XmlText.escape(self)).append("\"/>\n");
		out.append("<link href=\"").append(XmlText.escape(base + "/openness")).append("\"/>\n");
		LocalDate newest = rows.isEmpty() ? LocalDate.of(2000, 1, 1) : rows.getFirst().publishedOn();
		element(out, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(newest.atStartOfDay(Clocks.ZONE)));
		out.append("<author><name>通办</name></author>\n");
		for (PublicationRow p : rows) {
			out.append("<entry>");
			element(out, "title", p.title());
			out.append("<link href=\"").append(XmlText.escape(base + p.path())).append("\"/>");
			element(out, "id", base + p.path());
			element(out, "updated", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.updatedAt().atZoneSameInstant(Clocks.ZONE)));
			element(out, "published", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(p.publishedOn().atStartOfDay(Clocks.ZONE)));
			out.append("<category term=\"").append(p.kind().name().toLowerCase(Locale.ROOT)).append("\" label=\"").append(label(p.kind()))
				.append("\"/>");
			element(out, "summary", description(p));
			out.append("</entry>\n");
		}
		return out.append("</feed>\n").toString();
	}

	private String description(PublicationRow p) {
		String summary = reading.content(p.id()).map(PublicationContent::summary).filter(s -> s != null && !s.isBlank()).orElse("");
		String department = directory.departmentNames().getOrDefault(p.departmentCode(), p.departmentCode());
		return (p.docNumber() == null ? "" : p.docNumber() + " ") + department + (summary.isEmpty() ? "" : "：" + summary);
	}

	private DepartmentView department(String code) {
		return directory.departmentByCode(code).orElseThrow(() -> DomainException.notFound("department"));
	}

	private static PublicationKind kind(String type) {
		return FEED_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst()
			.orElseThrow(() -> DomainException.notFound("feed"));
	}

	static String label(PublicationKind kind) {
		return switch (kind) {
			case POLICY -> "政策文件";
			case INTERPRETATION -> "政策解读";
			case ARTICLE -> "通知公告与政务动态";
		};
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

	private static void url(StringBuilder out, String loc, LocalDate lastmod) {
		out.append("<url><loc>").append(XmlText.escape(loc)).append("</loc>");
		if (lastmod != null) {
			out.append("<lastmod>").append(lastmod).append("</lastmod>");
		}
		out.append("</url>\n");
	}

	private static void element(StringBuilder out, String name, String text) {
		out.append('<').append(name).append('>').append(XmlText.escape(text)).append("</").append(name).append(">\n");
	}
}
