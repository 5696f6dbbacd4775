package tongban.openness.web.knowledge;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tongban.catalog.CatalogManagement;
import tongban.catalog.SearchLanguage;
import tongban.directory.DirectoryManagement;
import tongban.openness.internal.knowledge.KnowledgeBase;
import tongban.openness.internal.knowledge.KnowledgeEntry;
import tongban.openness.internal.knowledge.KnowledgeReading;
import tongban.shared.DomainException;

/**
 * The public knowledge base: 智能问答 (answers to a question, best first, each linking its source; a form GET, with an
 * htmx fragment for the box on the home page), browsing, one entry's page, and the same answers as JSON.
 */
@Controller
class KnowledgeController {

	static final int ANSWERS = 5, PAGE = 20, MAX_API = 20;

	private final KnowledgeReading reading;
	private final DirectoryManagement directory;
	private final CatalogManagement catalog;

	KnowledgeController(KnowledgeReading reading, DirectoryManagement directory, CatalogManagement catalog) {
		this.reading = reading;
		this.directory = directory;
		this.catalog = catalog;
	}

	/** A related item that is published, by its name. */
	record RelatedItem(String code, String name) {
	}

	@GetMapping("/knowledge")
	String index(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") String page, Model model) {
		String query = SearchLanguage.clean(q, KnowledgeBase.MAX_TEXT);
		model.addAttribute("q", query);
		model.addAttribute("departmentNames", directory.departmentNames());
		if (!query.isEmpty()) {
			model.addAttribute("answers", reading.answers(query, ANSWERS));
			return "openness/knowledge/index";
		}
		int pageNo = page.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(page)) : 1;
		long total = reading.countActive();
		model.addAttribute("entries", reading.browse(PAGE, (pageNo - 1) * PAGE));
		model.addAttribute("pageNo", pageNo);
		model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
		model.addAttribute("total", total);
		return "openness/knowledge/index";
	}

	/** The answers for the 智能问答 box (htmx). */
	@GetMapping("/knowledge/answers")
	String answers(@RequestParam(defaultValue = "") String q, Model model) {
		String query = SearchLanguage.clean(q, KnowledgeBase.MAX_TEXT);
		model.addAttribute("q", query);
		model.addAttribute("answers", query.isEmpty() ? List.of() : reading.answers(query, ANSWERS));
		return "openness/knowledge/answers :: answers";
	}

	@GetMapping("/knowledge/{id}")
	String entry(@PathVariable String id, Model model) {
		KnowledgeEntry e = KnowledgeBase.id(id).flatMap(reading::find).filter(KnowledgeEntry::active)
			.orElseThrow(() -> DomainException.notFound("knowledge-entry"));
		model.addAttribute("entry", e);
		// only published items are linked: a withdrawn one has no page
		model.addAttribute("items", e.items().stream()
			.flatMap(code -> catalog.published(code).stream().map(p -> new RelatedItem(code, p.guide().name())))
			.toList());
		model.addAttribute("departmentNames", directory.departmentNames());
		model.addAttribute("metaKey", "openness.knowledge.meta");
		model.addAttribute("metaArg", e.question());
		return "openness/knowledge/entry";
	}

	/** One answer as the API gives it. */
	record Answer(String id, String question, String answer, String origin, String departmentCode, String path,
			List<KnowledgeEntry.Source> sources) {

		static Answer of(KnowledgeEntry e) {
			return new Answer(e.id().toString(), e.question(), e.answer(), e.origin().name(), e.departmentCode(), e.path(), e.links());
		}
	}

	record Answers(String query, List<Answer> answers) {
	}

	@Operation(summary = "智能问答: knowledge entries answering a question, best first, each with its sources (retrieval, no external AI)")
	@GetMapping(value = "/api/knowledge", produces = "application/json")
	@ResponseBody
	Answers api(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "5") int size) {
		String query = SearchLanguage.clean(q, KnowledgeBase.MAX_TEXT);
		List<KnowledgeEntry> found = query.isEmpty() ? List.of() : reading.answers(query, Math.clamp(size, 1, MAX_API));
		return new Answers(query, found.stream().map(Answer::of).toList());
	}

}
