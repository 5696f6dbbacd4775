package tongban.proactive.opendata.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

import tongban.directory.DirectoryManagement;
import tongban.proactive.opendata.ApiKeys;
import tongban.proactive.opendata.Dataset;
import tongban.proactive.opendata.DatasetRows;
import tongban.proactive.opendata.Datasets;
import tongban.proactive.opendata.Dcat;
import tongban.proactive.opendata.TableWriter;
import tongban.proactive.opendata.Usage;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

/**
 * The public portal: the list with its filters and usage, a dataset's page (metadata, dictionary, distributions, usage;
 * a withdrawn one says so), the DCAT JSON-LD of the catalogue and of each dataset, and the downloads, streamed from the
 * database a batch at a time. A withdrawn or draft dataset's downloads are 404.
 */
@Controller
class DataPortalController {

	static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

	private final Datasets datasets;
	private final DatasetRows rows;
	private final Usage usage;
	private final ApiKeys keys;
	private final DirectoryManagement directory;
	private final JsonMapper json;
	private final Problems problems;
	private final String base;

	DataPortalController(Datasets datasets, DatasetRows rows, Usage usage, ApiKeys keys, DirectoryManagement directory, JsonMapper json,
			Problems problems, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.problems = problems;
		this.datasets = datasets;
		this.rows = rows;
		this.usage = usage;
		this.keys = keys;
		this.directory = directory;
		this.json = json;
		this.base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@GetMapping("/data")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String theme,
			@RequestParam(defaultValue = "") String publisher, @RequestParam(defaultValue = "") String format,
			@RequestParam(defaultValue = "") String openClass, Model model) {
		String text = q.length() > 100 ? q.substring(0, 100) : q;
		List<Dataset> found = datasets.published(new Datasets.Filter(text, theme, publisher, format, openClass));
		model.addAttribute("datasets", found);
		model.addAttribute("usage", usage.all(found.stream().map(Dataset::id).toList()));
		model.addAttribute("themes", datasets.themes());
		model.addAttribute("publishers", datasets.publishers());
		model.addAttribute("departments", directory.departmentNames());
		model.addAttribute("formats", List.of("csv", "json", "xlsx", "api"));
		model.addAttribute("filter", Map.of("q", text, "theme", theme, "publisher", publisher, "format", format, "openClass", openClass));
		return "proactive/opendata/list";
	}

	@GetMapping("/data/{id:[a-z0-9-]+}")
	String show(@PathVariable String id, Model model) {
		Dataset dataset = datasets.visible(id);
		if (dataset.published()) {
			usage.count(id, Usage.Kind.VIEW);
		}
		model.addAttribute("d", dataset);
		model.addAttribute("usage", usage.of(id));
		model.addAttribute("departments", directory.departmentNames());
		model.addAttribute("formats", TableWriter.Format.values());
		return "proactive/opendata/show";
	}

	@GetMapping(value = "/data/catalog.jsonld")
	ResponseEntity<String> catalog() {
		List<Dataset> published = datasets.published(new Datasets.Filter(null, null, null, null, null));
		return ResponseEntity.ok().contentType(JSON_LD).body(json.writeValueAsString(Dcat.catalog(base, published, directory.departmentNames())));
	}

	@GetMapping(value = "/data/{id:[a-z0-9-]+}.jsonld")
	ResponseEntity<String> document(@PathVariable String id) {
		Dataset dataset = datasets.served(id);
		return ResponseEntity.ok().contentType(JSON_LD).body(json.writeValueAsString(Dcat.document(base, dataset, directory.departmentNames())));
	}

	/** A download, streamed: the rows go from a database cursor through the format's writer to the response. */
	@GetMapping("/data/{id:[a-z0-9-]+}/download.{extension}")
	void download(@PathVariable String id, @PathVariable String extension, @RequestHeader(name = "X-API-Key", required = false) String apiKey,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		TableWriter.Format format = TableWriter.Format.of(extension);
		Dataset dataset = datasets.served(id);
		if (format == null) {
			throw DomainException.notFound("format");
		}
		if (dataset.conditional() && keys.check(apiKey, dataset) != ApiKeys.Check.OK) {
			// 有条件开放: only with the key an approved application issued (sent as a header, by a program)
			problems.write(response, problems.of(request, HttpStatus.FORBIDDEN, "opendata-key-required", null));
			return;
		}
		usage.count(id, Usage.Kind.valueOf(format.name()));
		response.setContentType(format.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(id + "-v" + dataset.version() + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
		OutputStream out = response.getOutputStream();
		TableWriter writer = format.writer(out);
		writer.start(dataset.columns());
		rows.forEach(dataset.id(), dataset.version(), cells -> {
			try {
				writer.row(cells);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		writer.finish();
		out.flush();
	}
}
