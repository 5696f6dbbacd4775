package tongban.casework.web;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Pageable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.Applying;
import tongban.casework.CaseAnswers;
import tongban.casework.CaseId;
import tongban.casework.Cases;
import tongban.catalog.CatalogManagement;
import tongban.catalog.CatalogSearch;
import tongban.catalog.ItemFilter;
import tongban.catalog.ItemSummary;
import tongban.directory.DepartmentView;
import tongban.directory.DirectoryManagement;
import tongban.identity.AccountSummary;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.shared.DomainException;
import tongban.shared.FileStore;

/**
 * 一窗受理: a counter clerk checks the visitor's identity in person (the account rises to L3), then starts or
 * continues the visitor's applications with them — the same form, materials and submission as online, recorded as
 * done at the window. The clerk sees only the cases of the visitor in front of them, until the visit ends.
 */
@Controller
class CounterController {

	static final String VISITOR = "tongban.counter.visitor";

	/** The person being served at the window. */
	record Visitor(UUID id, String name) implements Serializable {
	}

	private final CaseController flow;
	private final Cases cases;
	private final Applying applying;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final FileStore files;
	private final CatalogSearch search;
	private final DirectoryManagement directory;

	CounterController(CaseController flow, Cases cases, Applying applying, CatalogManagement catalog, IdentityManagement identity,
			FileStore files, CatalogSearch search, DirectoryManagement directory) {
		this.search = search;
		this.directory = directory;
		this.flow = flow;
		this.cases = cases;
		this.applying = applying;
		this.catalog = catalog;
		this.identity = identity;
		this.files = files;
	}

	/** The visitor as the actor of what the clerk does for them at the window. */
	private static Actor visitor(StaffMember clerk, HttpSession session) {
		if (!(session.getAttribute(VISITOR) instanceof Visitor v)) {
			throw DomainException.notFound("case");
		}
		return new Actor(v.id(), "窗口：" + clerk.name(), new Party(Party.Kind.CITIZEN, v.id(), v.name()));
	}

	@GetMapping("/workbench/counter/intake")
	String intake(@RequestParam(name = "q", required = false) String query, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk, Model model) {
		if (session.getAttribute(VISITOR) instanceof Visitor v) {
			model.addAttribute("visitor", v);
			model.addAttribute("cases", cases.mine(visitor(clerk, session)));
			model.addAttribute("choices", choices(query));
		}
		return "casework/counter";
	}

	/**
	 * Every published item grouped by department, or those the catalogue's search finds for the clerk's words (names,
	 * synonyms, pinyin initials such as 「sbk」): the search step that works without JavaScript.
	 */
	private ItemChoices choices(String query) {
		String words = CatalogSearch.clean(query);
		List<ItemSummary> items = words.isEmpty() ? catalog.browse(ItemFilter.any(), Pageable.ofSize(500)).getContent()
				: search.search(words, null, null, null, 500).hits();
		Map<String, String> departments = directory.departments().stream()
			.collect(Collectors.toMap(DepartmentView::code, CounterController::label, (first, second) -> first));
		return ItemChoices.of(words, items, departments);
	}

	/** A department as a clerk names it: its short name (区人力社保局), else its full name. */
	private static String label(DepartmentView department) {
		return department.shortName() == null || department.shortName().isBlank() ? department.name() : department.shortName();
	}

	@PostMapping("/workbench/counter/intake")
	String identify(@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String name,
			HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk, Model model) {
		IdentityManagement.InPerson result = identity.checkInPerson(clerk.id(), idNumber, name);
		if (result != IdentityManagement.InPerson.RAISED) {
			model.addAttribute("identifyError", "counter.verify.error." + result.name());
			model.addAttribute("idNumber", idNumber);
			model.addAttribute("name", name);
			return intake(null, session, clerk, model);
		}
		AccountSummary a = identity.citizenByIdNumber(idNumber).orElseThrow();
		session.setAttribute(VISITOR, new Visitor(a.id(), a.displayName()));
		return "redirect:/workbench/counter/intake";
	}

	@PostMapping("/workbench/counter/end")
	String end(HttpSession session) {
		session.removeAttribute(VISITOR);
		return "redirect:/workbench/counter/intake";
	}

	@PostMapping("/workbench/counter/apply")
	String apply(@RequestParam String code, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk) {
		catalog.published(code).orElseThrow(() -> DomainException.notFound("item"));
		return "redirect:/workbench/counter/cases/" + applying.startDraft(visitor(clerk, session), code, Applying.COUNTER) + "/edit";
	}

	private static String base(CaseId id) {
		return "/workbench/counter/cases/" + id;
	}

	@GetMapping("/workbench/counter/cases/{id}/edit")
	String edit(@PathVariable CaseId id, @RequestParam(required = false) String check, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk,
			Model model, Locale locale) {
		return flow.editFor(visitor(clerk, session), id, check != null, base(id), model, locale);
	}

	@PostMapping("/workbench/counter/cases/{id}/edit")
	String save(@PathVariable CaseId id, @RequestParam(defaultValue = "save") String action, @RequestParam long lockVersion,
			@RequestParam(name = "_addRow", required = false) String addRow, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk,
			HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		return flow.saveFor(visitor(clerk, session), id, action, lockVersion, addRow, base(id), request, model, locale, redirect);
	}

	@GetMapping("/workbench/counter/cases/{id}/review")
	String review(@PathVariable CaseId id, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk, Model model) {
		return flow.reviewFor(visitor(clerk, session), id, base(id), model);
	}

	@PostMapping("/workbench/counter/cases/{id}/submit")
	String submit(@PathVariable CaseId id, @RequestParam UUID token, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk, Model model,
			Locale locale) {
		return flow.submitFor(visitor(clerk, session), id, token, base(id), model, locale);
	}

	@GetMapping("/workbench/counter/cases/{id}")
	String view(@PathVariable CaseId id, @RequestParam(required = false) String submitted, HttpSession session,
			@CurrentStaff(missing = "case") StaffMember clerk, Model model) {
		return flow.viewFor(visitor(clerk, session), id, submitted != null, base(id), model);
	}

	/** 容缺后补 at a counter: the visitor brings the promised material and the clerk scans it in. */
	@PostMapping("/workbench/counter/cases/{id}/deferred")
	String deliverDeferred(@PathVariable CaseId id, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk, HttpServletRequest request, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		return flow.deferredFor(visitor(clerk, session), id, base(id), request, model, redirect, locale);
	}

	@GetMapping("/workbench/counter/cases/{id}/materials/{index}")
	ResponseEntity<InputStreamResource> material(@PathVariable CaseId id,
			@PathVariable int index, HttpSession session, @CurrentStaff(missing = "case") StaffMember clerk) {
		return CaseAnswers.download(files, cases.material(visitor(clerk, session), id, index)
			.orElseThrow(() -> DomainException.notFound("material")));
	}
}
