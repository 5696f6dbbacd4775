package tongban.casework.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.CaseDocuments;
import tongban.casework.CaseManagement;
import tongban.casework.CaseManagement.CaseView;
import tongban.casework.CaseManagement.Problem;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.FormView;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.shared.DomainException;
import tongban.shared.FileStore;

/**
 * 一网通办 for applicants: a start page, the form and materials (saved as a draft at every step, resumable anywhere),
 * check your answers, submission, the confirmation with the case number, and 我的办件.
 */
@Controller
class CaseController {

	static final String PREFIX = "v.";

	private final CaseManagement cases;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final FileStore files;
	private final MessageSource messages;
	private final CaseDocuments documents;

	CaseController(CaseDocuments documents, CaseManagement cases, CatalogManagement catalog, IdentityManagement identity, DirectoryManagement directory,
			FileStore files, MessageSource messages) {
		this.cases = cases;
		this.catalog = catalog;
		this.identity = identity;
		this.directory = directory;
		this.files = files;
		this.messages = messages;
		this.documents = documents;
	}

	private Actor actor(Authentication auth, HttpServletRequest request) {
		return identity.citizenActor(auth, request).orElseThrow(() -> DomainException.notFound("case"));
	}

	@GetMapping("/apply/{code}")
	String start(@PathVariable String code, Authentication auth, HttpServletRequest request, Model model) {
		PublishedItem item = catalog.published(code).filter(i -> i.guide().appliesOnline()).orElseThrow(() -> DomainException.notFound("item"));
		Actor a = actor(auth, request);
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("actor", a);
		boolean served = CaseManagement.serves(item.guide(), a.party());
		model.addAttribute("served", served);
		model.addAttribute("allowed", served && identity.mayApply(a.accountId(), a.party(), item.guide().name()));
		model.addAttribute("draft", cases.mine(a).stream()
			.filter(c -> c.status().equals("DRAFT") && c.itemName().equals(item.guide().name())).findFirst().orElse(null));
		return "casework/start";
	}

	@PostMapping("/apply/{code}")
	String begin(@PathVariable String code, Authentication auth, HttpServletRequest request) {
		catalog.published(code).filter(i -> i.guide().appliesOnline()).orElseThrow(() -> DomainException.notFound("item"));
		return "redirect:/cases/" + cases.startDraft(actor(auth, request), code) + "/edit";
	}

	@GetMapping("/cases/{id}/edit")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String check, Authentication auth,
			HttpServletRequest request, Model model, Locale locale) {
		return editFor(actor(auth, request), id, check != null, "/cases/" + id, model, locale);
	}

	@PostMapping("/cases/{id}/edit")
	String save(@PathVariable UUID id, @RequestParam(defaultValue = "save") String action, @RequestParam long lockVersion,
			@RequestParam(name = "_addRow", required = false) String addRow, Authentication auth, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		return saveFor(actor(auth, request), id, action, lockVersion, addRow, "/cases/" + id, request, model, locale, redirect);
	}

	/** The applicant consented to take the values the government holds for this form (免提交). */
	@PostMapping("/cases/{id}/prefill")
	String prefill(@PathVariable UUID id, @RequestParam long lockVersion, Authentication auth, HttpServletRequest request,
			RedirectAttributes redirect) {
		int filled = cases.prefill(actor(auth, request), id, lockVersion);
		redirect.addFlashAttribute(filled > 0 ? "banner" : "bannerError", filled > 0 ? "case.prefill.done" : "case.prefill.nothing");
		return "redirect:/cases/" + id + "/edit";
	}

	@GetMapping("/cases/{id}/review")
	String review(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model) {
		return reviewFor(actor(auth, request), id, "/cases/" + id, model);
	}

	@PostMapping("/cases/{id}/submit")
	String submit(@PathVariable UUID id, @RequestParam UUID token, Authentication auth, HttpServletRequest request,
			Model model, Locale locale) {
		return submitFor(actor(auth, request), id, token, "/cases/" + id, model, locale);
	}

	@GetMapping("/cases/{id}")
	String view(@PathVariable UUID id, @RequestParam(required = false) String submitted, Authentication auth,
			HttpServletRequest request, Model model) {
		return viewFor(actor(auth, request), id, submitted != null, "/cases/" + id, model);
	}

	// The steps of applying, for the applicant online ("/cases/{id}") and for a counter clerk serving them at a
	// window ("/workbench/counter/cases/{id}"): the same pages and rules, the base path differs.

	String editFor(Actor a, UUID id, boolean check, String base, Model model, Locale locale) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseManagement.Status.DRAFT) {
			return "redirect:" + base;
		}
		return editPage(a, c, c.values(), check ? cases.check(c) : List.of(), null, base, model, locale);
	}

	String saveFor(Actor a, UUID id, String action, long lockVersion, String addRow, String base, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseManagement.Status.DRAFT) {
			return "redirect:" + base;
		}
		ServiceGuide g = cases.guideOf(c);
		Uploads uploads = uploads(request);
		Map<Integer, CaseManagement.Upload> materials = uploads.materials();
		Map<String, CaseManagement.Upload> formFiles = uploads.formFiles();
		Map<String, Object> values = FormValidation.fromParameters(g.applicationForm(), request.getParameterMap(), Map.of(), PREFIX);
		List<Problem> problems = new ArrayList<>(cases.saveDraft(a, id, lockVersion, values, materials, formFiles));
		if (problems.stream().anyMatch(p -> p.code().equals("case.error.concurrent"))) {
			return editPage(a, c, values, problems, null, base, model, locale);
		}
		Map<Integer, String> picks = licencePicks(request);
		if (!picks.isEmpty()) {
			problems.addAll(cases.useLicences(a, id, picks));
		}
		if (counter(base)) {
			Map<Integer, java.time.LocalDate> promises = new LinkedHashMap<>();
			for (var e : request.getParameterMap().entrySet()) {
				if (e.getKey().matches("defer\\.\\d{1,3}")) {
					int i = Integer.parseInt(e.getKey().substring("defer.".length()));
					String by = request.getParameter("deferUntil." + i);
					java.time.LocalDate date = null;
					try {
						date = by == null || by.isBlank() ? null : java.time.LocalDate.parse(by.strip());
					}
					catch (java.time.format.DateTimeParseException ex) {
						// reported as a date problem
					}
					promises.put(i, date);
				}
			}
			problems.addAll(cases.defer(a, id, promises, a.accountName()));
		}
		CaseView saved = cases.find(a, id).orElseThrow();
		if (addRow != null) {
			return editPage(a, saved, saved.values(), List.of(), addRow, base, model, locale);
		}
		List<Problem> fileProblems = problems.stream()
			.filter(p -> p.aboutFile() || p.aboutLockedValue() || p.code().startsWith("case.error.defer"))
			.toList();
		if (action.equals("continue")) {
			List<Problem> all = new ArrayList<>(fileProblems);
			all.addAll(cases.check(saved));
			if (all.isEmpty()) {
				return "redirect:" + base + "/review";
			}
			return editPage(a, saved, saved.values(), all, null, base, model, locale);
		}
		if (!fileProblems.isEmpty()) {
			return editPage(a, saved, saved.values(), fileProblems, null, base, model, locale);
		}
		redirect.addFlashAttribute("banner", "case.draftSaved");
		return "redirect:" + base + "/edit";
	}

	String reviewFor(Actor a, UUID id, String base, Model model) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseManagement.Status.DRAFT) {
			return "redirect:" + base;
		}
		if (!cases.check(c).isEmpty()) {
			return "redirect:" + base + "/edit?check";
		}
		ServiceGuide g = cases.guideOf(c);
		model.addAttribute("c", c);
		model.addAttribute("g", g);
		model.addAttribute("base", base);
		model.addAttribute("answers", tongban.casework.CaseAnswers.rows(g.applicationForm(), cases.cleaned(g, c.values())));
		return "casework/review";
	}

	String submitFor(Actor a, UUID id, UUID token, String base, Model model, Locale locale) {
		List<Problem> problems = cases.submit(a, id, token);
		if (!problems.isEmpty()) {
			CaseView c = cases.find(a, id).orElseThrow();
			return editPage(a, c, c.values(), problems, null, base, model, locale);
		}
		return "redirect:" + base + "?submitted";
	}

	String viewFor(Actor a, UUID id, boolean submitted, String base, Model model) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() == CaseManagement.Status.DRAFT) {
			return "redirect:" + base + "/edit";
		}
		ServiceGuide g = cases.guideOf(c);
		model.addAttribute("c", c);
		model.addAttribute("g", g);
		model.addAttribute("base", base);
		model.addAttribute("counter", counter(base));
		model.addAttribute("deferred", cases.deferred(c.id()));
		model.addAttribute("justSubmitted", submitted);
		model.addAttribute("documents", documents.available(c));
		model.addAttribute("answers", tongban.casework.CaseAnswers.rows(g.applicationForm(), c.values()));
		return "casework/case";
	}

	/** 补正: the applicant uploads just the materials asked for. */
	@PostMapping("/cases/{id}/supplement")
	String supplement(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		Actor a = actor(auth, request);
		List<Problem> problems = cases.resubmit(a, id, uploads(request).materials());
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "case.supplement.sent");
			return "redirect:/cases/" + id;
		}
		model.addAttribute("supplementErrors", materialErrors(problems, locale));
		return viewFor(a, id, false, "/cases/" + id, model);
	}

	/** 容缺后补: the materials promised at acceptance, delivered online. */
	@PostMapping("/cases/{id}/deferred")
	String deliverDeferred(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		return deferredFor(actor(auth, request), id, "/cases/" + id, request, model, redirect, locale);
	}

	String deferredFor(Actor a, UUID id, String base, HttpServletRequest request, Model model, RedirectAttributes redirect,
			Locale locale) throws IOException {
		List<Problem> problems = cases.deliverDeferred(a, id, uploads(request).materials());
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "case.defer.delivered");
			return "redirect:" + base;
		}
		model.addAttribute("deferredErrors", materialErrors(problems, locale));
		return viewFor(a, id, false, base, model);
	}

	private Map<Integer, String> materialErrors(List<Problem> problems, Locale locale) {
		Map<Integer, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(Integer.parseInt(p.path().substring("material.".length())),
				messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)));
		return errors;
	}

	@GetMapping("/cases/{id}/materials/{index}")
	ResponseEntity<InputStreamResource> material(@PathVariable UUID id, @PathVariable int index, Authentication auth,
			HttpServletRequest request) {
		CaseManagement.MaterialView m = cases.material(actor(auth, request), id, index)
			.orElseThrow(() -> DomainException.notFound("material"));
		return tongban.casework.CaseAnswers.download(files, m);
	}

	/** 受理通知书, 补正材料通知书 and the decision letter of one's own case, as PDF. */
	@GetMapping("/cases/{id}/documents/{kind}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable String kind, Authentication auth, HttpServletRequest request) {
		CaseView c = cases.find(actor(auth, request), id).orElseThrow(() -> DomainException.notFound("case"));
		CaseDocuments.Kind k = java.util.Arrays.stream(CaseDocuments.Kind.values()).filter(x -> x.name().equalsIgnoreCase(kind))
			.findFirst().orElseThrow(() -> DomainException.notFound("document"));
		byte[] pdf = documents.pdf(c, k).orElseThrow(() -> DomainException.notFound("document"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(c.caseNumber() + "-" + k.name().toLowerCase(Locale.ROOT) + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/account/cases")
	String mine(Authentication auth, HttpServletRequest request, Model model) {
		model.addAttribute("cases", cases.mine(actor(auth, request)));
		return "casework/mine";
	}

	/** The files of an application form post: materials ({@code m.<index>}) and form file fields ({@code v.<key>}). */
	record Uploads(Map<Integer, CaseManagement.Upload> materials, Map<String, CaseManagement.Upload> formFiles) {
	}

	static Uploads uploads(HttpServletRequest request) throws IOException {
		Map<Integer, CaseManagement.Upload> materials = new LinkedHashMap<>();
		Map<String, CaseManagement.Upload> formFiles = new LinkedHashMap<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, MultipartFile> e : multipart.getFileMap().entrySet()) {
				MultipartFile f = e.getValue();
				if (f.isEmpty()) {
					continue;
				}
				CaseManagement.Upload u = new CaseManagement.Upload(f.getOriginalFilename(), f.getBytes());
				if (e.getKey().matches("m\\.\\d{1,3}")) {
					materials.put(Integer.parseInt(e.getKey().substring(2)), u);
				}
				else if (e.getKey().startsWith(PREFIX)) {
					formFiles.put(e.getKey().substring(PREFIX.length()), u);
				}
			}
		}
		return new Uploads(materials, formFiles);
	}

	/** 用证 choices of a posted form: {@code lic.<material index>} = a licence identifier from the wallet, or blank. */
	static Map<Integer, String> licencePicks(HttpServletRequest request) {
		Map<Integer, String> picks = new LinkedHashMap<>();
		for (var e : request.getParameterMap().entrySet()) {
			if (e.getKey().matches("lic\\.\\d{1,3}") && e.getValue().length > 0) {
				picks.put(Integer.parseInt(e.getKey().substring("lic.".length())), e.getValue()[0]);
			}
		}
		return picks;
	}

	private static boolean counter(String base) {
		return base.startsWith("/workbench/counter/");
	}

	private String editPage(Actor a, CaseView c, Map<String, ?> values, List<Problem> problems, String addRow, String base, Model model,
			Locale locale) {
		// 免提交: values taken from a register with consent are shown locked with their source; an offer while there are none
		// the applicant's own identity (from the account) and values taken from registers are shown locked with their source
		model.addAttribute("verified", LockedFields.labels(cases.provenance(c.id()), a, messages, locale));
		// once taken from a register there is nothing more to offer
		var offer = counter(base) || cases.takenFromRegister(c.id()) ? null : cases.prefillOffer(a, c).orElse(null);
		model.addAttribute("prefill", offer);
		if (offer != null) {
			ServiceGuide guide = cases.guideOf(c);
			model.addAttribute("prefillLabels", offer.fields().keySet().stream()
				.map(k -> guide.applicationForm().fields().stream().filter(f -> f.key().equals(k)).map(FormDefinition.Field::label).findFirst().orElse(k))
				.toList());
		}
		ServiceGuide g = cases.guideOf(c);
		List<FormValidation.FieldError> formErrors = problems.stream()
			.filter(p -> !p.path().startsWith("material.") && !p.path().isEmpty())
			.map(p -> new FormValidation.FieldError(p.path(), p.code(), p.args()))
			.toList();
		Map<Integer, String> materialErrors = new LinkedHashMap<>();
		List<FormView.ErrorLink> links = new ArrayList<>();
		for (Problem p : problems) {
			String text = messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
			if (p.path().startsWith("material.")) {
				int i = Integer.parseInt(p.path().substring("material.".length()));
				materialErrors.putIfAbsent(i, text);
				links.add(new FormView.ErrorLink("m-" + i, text));
			}
			else if (p.path().isEmpty()) {
				links.add(new FormView.ErrorLink("form-top", text));
			}
		}
		FormView view = FormView.of(g.applicationForm(), displayValues(g.applicationForm(), values), formErrors, PREFIX, addRow, messages, locale);
		List<FormView.ErrorLink> all = new ArrayList<>(view.errors());
		all.addAll(links);
		model.addAttribute("c", c);
		model.addAttribute("g", g);
		model.addAttribute("view", new FormView(view.items(), all));
		model.addAttribute("materialErrors", materialErrors);
		model.addAttribute("uploaded", c.materials().stream().collect(java.util.stream.Collectors.toMap(CaseManagement.MaterialView::index, m -> m)));
		model.addAttribute("regions", directory.formRegions());
		model.addAttribute("base", base);
		model.addAttribute("counter", counter(base));
		model.addAttribute("wallet", cases.walletFor(cases.filing(c.id()).orElseThrow().party().id(), g));
		model.addAttribute("licenceChoice", c.materials().stream().filter(CaseManagement.MaterialView::fromLicence)
			.collect(java.util.stream.Collectors.toMap(CaseManagement.MaterialView::index, CaseManagement.MaterialView::licenceIdentifier)));
		model.addAttribute("deferred", cases.deferred(c.id()).stream()
			.collect(java.util.stream.Collectors.toMap(CaseManagement.Deferred::materialIndex, d -> d.promisedBy().toString())));
		return "casework/edit";
	}

	/** Stored file values are shown by name. */
	private static Map<String, Object> displayValues(FormDefinition def, Map<String, ?> values) {
		Map<String, Object> out = new LinkedHashMap<>(values);
		for (FormDefinition.Field f : def.fields()) {
			if (f.type() == FormDefinition.FieldType.FILE && out.get(f.key()) instanceof Map<?, ?> m) {
				out.put(f.key(), new FormValidation.FileRef(String.valueOf(m.get("name")), String.valueOf(m.get("contentType")), 0));
			}
		}
		return out;
	}

}
