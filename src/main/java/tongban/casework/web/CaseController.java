package tongban.casework.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.Applying;
import tongban.casework.CaseAnswers;
import tongban.casework.CaseDocuments;
import tongban.casework.CaseId;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.CounterIntake;
import tongban.casework.CounterVisits;
import tongban.casework.Deferred;
import tongban.casework.MaterialView;
import tongban.casework.ShipmentTracking;
import tongban.casework.internal.LicenceUse;
import tongban.casework.internal.Prefilling;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.FormView;
import tongban.catalog.PublishedItem;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.FileStore;
import tongban.shared.Upload;
import tongban.shared.FieldProblem;
import tongban.casework.ApplicationProblems;

/**
 * 一网通办 for applicants: a start page, the form and materials (saved as a draft at every step, resumable anywhere),
 * check your answers, submission, the confirmation with the case number, and 我的办件.
 */
@Controller
class CaseController {

	static final String PREFIX = "v.";

	private final Cases cases;
	private final Applying applying;
	private final CounterIntake intake;
	private final LicenceUse licences;
	private final Prefilling prefilling;
	private final CatalogManagement catalog;
	private final IdentityManagement identity;
	private final DirectoryManagement directory;
	private final FileStore files;
	private final MessageSource messages;
	private final CaseDocuments documents;

	private final CounterVisits visits;
	private final PromiseForm promise;
	private final List<ShipmentTracking> tracking;

	CaseController(CaseDocuments documents, Cases cases, Applying applying, CounterIntake intake, LicenceUse licences,
			Prefilling prefilling, CatalogManagement catalog, IdentityManagement identity, DirectoryManagement directory, FileStore files,
			MessageSource messages, CounterVisits visits, PromiseForm promise, List<ShipmentTracking> tracking) {
		this.tracking = List.copyOf(tracking);
		this.promise = promise;
		this.visits = visits;
		this.cases = cases;
		this.applying = applying;
		this.intake = intake;
		this.licences = licences;
		this.prefilling = prefilling;
		this.catalog = catalog;
		this.identity = identity;
		this.directory = directory;
		this.files = files;
		this.messages = messages;
		this.documents = documents;
	}

	@GetMapping("/apply/{code}")
	String start(@PathVariable String code, @CurrentActor(missing = "case") Actor a, Model model) {
		PublishedItem item = catalog.published(code).filter(i -> i.guide().appliesOnline()).orElseThrow(() -> DomainException.notFound("item"));
		model.addAttribute("item", item);
		model.addAttribute("g", item.guide());
		model.addAttribute("actor", a);
		boolean served = Cases.serves(item.guide(), a.party());
		model.addAttribute("served", served);
		model.addAttribute("allowed", served && identity.mayApply(a.accountId(), a.party(), item.guide().name()));
		model.addAttribute("draft", cases.mine(a).stream()
			.filter(c -> c.draft() && c.itemName().equals(item.guide().name())).findFirst().orElse(null));
		return "casework/start";
	}

	@PostMapping("/apply/{code}")
	String begin(@PathVariable String code, @CurrentActor(missing = "case") Actor actor) {
		catalog.published(code).filter(i -> i.guide().appliesOnline()).orElseThrow(() -> DomainException.notFound("item"));
		return "redirect:/cases/" + applying.startDraft(actor, code) + "/edit";
	}

	@GetMapping("/cases/{id}/edit")
	String edit(@PathVariable CaseId id, @RequestParam(required = false) String check, @CurrentActor(missing = "case") Actor actor,
			Model model, Locale locale) {
		return editFor(actor, id, check != null, "/cases/" + id, model, locale);
	}

	@PostMapping("/cases/{id}/edit")
	String save(@PathVariable CaseId id, @RequestParam(defaultValue = "save") String action, @RequestParam long lockVersion,
			@RequestParam(name = "_addRow", required = false) String addRow, @CurrentActor(missing = "case") Actor actor, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		return saveFor(actor, id, action, lockVersion, addRow, "/cases/" + id, request, model, locale, redirect);
	}

	/** The applicant consented to take the values the government holds for this form (免提交). */
	@PostMapping("/cases/{id}/prefill")
	String prefill(@PathVariable CaseId id, @RequestParam long lockVersion, @CurrentActor(missing = "case") Actor actor,
			RedirectAttributes redirect) {
		int filled = prefilling.prefill(actor, id, lockVersion);
		redirect.addFlashAttribute(filled > 0 ? "banner" : "bannerError", filled > 0 ? "case.prefill.done" : "case.prefill.nothing");
		return "redirect:/cases/" + id + "/edit";
	}

	@GetMapping("/cases/{id}/review")
	String review(@PathVariable CaseId id, @CurrentActor(missing = "case") Actor actor, Model model) {
		return reviewFor(actor, id, "/cases/" + id, model);
	}

	@PostMapping("/cases/{id}/submit")
	String submit(@PathVariable CaseId id, @RequestParam UUID token, @CurrentActor(missing = "case") Actor actor,
			Model model, Locale locale) {
		return submitFor(actor, id, token, "/cases/" + id, model, locale);
	}

	@GetMapping("/cases/{id}")
	String view(@PathVariable CaseId id, @RequestParam(required = false) String submitted, @CurrentActor(missing = "case") Actor actor,
			Model model) {
		return viewFor(actor, id, submitted != null, "/cases/" + id, model);
	}

	// The steps of applying, for the applicant online ("/cases/{id}") and for a counter clerk serving them at a
	// window ("/workbench/counter/cases/{id}"): the same pages and rules, the base path differs.

	String editFor(Actor a, CaseId id, boolean check, String base, Model model, Locale locale) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseStatus.DRAFT) {
			return "redirect:" + base;
		}
		return editPage(a, c, c.values(), check ? applying.check(c) : List.of(), null, base, model, locale);
	}

	String saveFor(Actor a, CaseId id, String action, long lockVersion, String addRow, String base, HttpServletRequest request,
			Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseStatus.DRAFT) {
			return "redirect:" + base;
		}
		ServiceGuide g = cases.guideOf(c);
		Uploads uploads = uploads(request);
		Map<Integer, Upload> materials = uploads.materials();
		Map<String, Upload> formFiles = uploads.formFiles();
		Map<String, Object> values = FormValidation.fromParameters(g.applicationForm(), request.getParameterMap(), Map.of(), PREFIX);
		List<FieldProblem> problems = new ArrayList<>(applying.saveDraft(a, id, lockVersion, values, materials, formFiles));
		if (problems.stream().anyMatch(p -> p.code().equals("case.error.concurrent"))) {
			return editPage(a, c, values, problems, null, base, model, locale);
		}
		Map<Integer, String> picks = licencePicks(request);
		if (!picks.isEmpty()) {
			problems.addAll(licences.useLicences(a, id, picks));
		}
		problems.addAll(promise.save(a, id, request));
		if (counter(base)) {
			Map<Integer, LocalDate> promises = new LinkedHashMap<>();
			for (var e : request.getParameterMap().entrySet()) {
				if (e.getKey().matches("defer\\.\\d{1,3}")) {
					int i = Integer.parseInt(e.getKey().substring("defer.".length()));
					String by = request.getParameter("deferUntil." + i);
					LocalDate date = null;
					try {
						date = by == null || by.isBlank() ? null : LocalDate.parse(by.strip());
					}
					catch (DateTimeParseException ex) {
						// reported as a date problem
					}
					promises.put(i, date);
				}
			}
			problems.addAll(intake.defer(a, id, promises, a.accountName()));
		}
		CaseView saved = cases.find(a, id).orElseThrow();
		if (addRow != null) {
			return editPage(a, saved, saved.values(), List.of(), addRow, base, model, locale);
		}
		List<FieldProblem> fileProblems = problems.stream()
			.filter(p -> ApplicationProblems.aboutFile(p) || ApplicationProblems.aboutLockedValue(p) || p.code().startsWith("case.error.defer")
					|| p.field().startsWith(PromiseForm.PROMISE))
			.toList();
		if (action.equals("continue")) {
			List<FieldProblem> all = new ArrayList<>(fileProblems);
			all.addAll(applying.check(saved));
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

	String reviewFor(Actor a, CaseId id, String base, Model model) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() != CaseStatus.DRAFT) {
			return "redirect:" + base;
		}
		if (!applying.check(c).isEmpty()) {
			return "redirect:" + base + "/edit?check";
		}
		ServiceGuide g = cases.guideOf(c);
		model.addAttribute("c", c);
		model.addAttribute("g", g);
		model.addAttribute("base", base);
		model.addAttribute("answers", CaseAnswers.rows(g.applicationForm(), applying.cleaned(g, c.values())));
		return "casework/review";
	}

	String submitFor(Actor a, CaseId id, UUID token, String base, Model model, Locale locale) {
		// at a window the clerk's submission is the applicant's intake visit, measured (跑动次数)
		List<FieldProblem> problems = counter(base) ? visits.submit(a, id, token, a.accountName()) : applying.submit(a, id, token);
		if (!problems.isEmpty()) {
			CaseView c = cases.find(a, id).orElseThrow();
			return editPage(a, c, c.values(), problems, null, base, model, locale);
		}
		return "redirect:" + base + "?submitted";
	}

	String viewFor(Actor a, CaseId id, boolean submitted, String base, Model model) {
		CaseView c = cases.find(a, id).orElseThrow(() -> DomainException.notFound("case"));
		if (c.status() == CaseStatus.DRAFT) {
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
		model.addAttribute("answers", CaseAnswers.rows(g.applicationForm(), c.values()));
		model.addAttribute("shipment", tracking.stream().flatMap(t -> t.tracking(c.id()).stream()).findFirst().orElse(null));
		return "casework/case";
	}

	/** 补正: the applicant uploads just the materials asked for. */
	@PostMapping("/cases/{id}/supplement")
	String supplement(@PathVariable CaseId id, @CurrentActor(missing = "case") Actor a, HttpServletRequest request, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		List<FieldProblem> problems = applying.resubmit(a, id, uploads(request).materials());
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "case.supplement.sent");
			return "redirect:/cases/" + id;
		}
		model.addAttribute("supplementErrors", materialErrors(problems, locale));
		return viewFor(a, id, false, "/cases/" + id, model);
	}

	/** 容缺后补: the materials promised at acceptance, delivered online. */
	@PostMapping("/cases/{id}/deferred")
	String deliverDeferred(@PathVariable CaseId id, @CurrentActor(missing = "case") Actor actor, HttpServletRequest request,
			Model model, RedirectAttributes redirect, Locale locale) throws IOException {
		return deferredFor(actor, id, "/cases/" + id, request, model, redirect, locale);
	}

	String deferredFor(Actor a, CaseId id, String base, HttpServletRequest request, Model model, RedirectAttributes redirect,
			Locale locale) throws IOException {
		Map<Integer, Upload> uploads = uploads(request).materials();
		List<FieldProblem> problems = counter(base) ? visits.deliverDeferred(a, id, uploads, a.accountName()) : intake.deliverDeferred(a, id, uploads);
		if (problems.isEmpty()) {
			redirect.addFlashAttribute("banner", "case.defer.delivered");
			return "redirect:" + base;
		}
		model.addAttribute("deferredErrors", materialErrors(problems, locale));
		return viewFor(a, id, false, base, model);
	}

	private Map<Integer, String> materialErrors(List<FieldProblem> problems, Locale locale) {
		Map<Integer, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(Integer.parseInt(p.field().substring("material.".length())),
				messages.getMessage(p.code(), p.args().toArray(), p.code(), locale)));
		return errors;
	}

	@GetMapping("/cases/{id}/materials/{index}")
	ResponseEntity<InputStreamResource> material(@PathVariable CaseId id, @PathVariable int index, @CurrentActor(missing = "case") Actor actor) {
		MaterialView m = cases.material(actor, id, index)
			.orElseThrow(() -> DomainException.notFound("material"));
		return CaseAnswers.download(files, m);
	}

	/** 受理通知书, 补正材料通知书 and the decision letter of one's own case, as PDF. */
	@GetMapping("/cases/{id}/documents/{kind}")
	ResponseEntity<byte[]> document(@PathVariable CaseId id, @PathVariable String kind, @CurrentActor(missing = "case") Actor actor) {
		CaseView c = cases.find(actor, id).orElseThrow(() -> DomainException.notFound("case"));
		CaseDocuments.Kind k = Arrays.stream(CaseDocuments.Kind.values()).filter(x -> x.name().equalsIgnoreCase(kind))
			.findFirst().orElseThrow(() -> DomainException.notFound("document"));
		byte[] pdf = documents.pdf(c, k).orElseThrow(() -> DomainException.notFound("document"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(c.caseNumber() + "-" + k.name().toLowerCase(Locale.ROOT) + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/account/cases")
	String mine(@CurrentActor(missing = "case") Actor actor, Model model) {
		model.addAttribute("cases", cases.mine(actor));
		return "casework/mine";
	}

	/** The files of an application form post: materials ({@code m.<index>}) and form file fields ({@code v.<key>}). */
	record Uploads(Map<Integer, Upload> materials, Map<String, Upload> formFiles) {
	}

	static Uploads uploads(HttpServletRequest request) throws IOException {
		Map<Integer, Upload> materials = new LinkedHashMap<>();
		Map<String, Upload> formFiles = new LinkedHashMap<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (Map.Entry<String, MultipartFile> e : multipart.getFileMap().entrySet()) {
				MultipartFile f = e.getValue();
				if (f.isEmpty()) {
					continue;
				}
				Upload u = new Upload(f.getOriginalFilename(), f.getBytes());
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

	private String editPage(Actor a, CaseView c, Map<String, ?> values, List<FieldProblem> problems, String addRow, String base, Model model,
			Locale locale) {
		// 免提交: values taken from a register with consent are shown locked with their source; an offer while there are none
		// the applicant's own identity (from the account) and values taken from registers are shown locked with their source
		model.addAttribute("verified", LockedFields.labels(cases.provenance(c.id()), a, messages, locale));
		// once taken from a register there is nothing more to offer
		var offer = counter(base) || cases.takenFromRegister(c.id()) ? null : prefilling.prefillOffer(a, c).orElse(null);
		model.addAttribute("prefill", offer);
		if (offer != null) {
			ServiceGuide guide = cases.guideOf(c);
			model.addAttribute("prefillLabels", offer.fields().keySet().stream()
				.map(k -> guide.applicationForm().fields().stream().filter(f -> f.key().equals(k)).map(FormDefinition.Field::label).findFirst().orElse(k))
				.toList());
		}
		ServiceGuide g = cases.guideOf(c);
		List<FormValidation.FieldError> formErrors = problems.stream()
			.filter(p -> !p.field().startsWith("material.") && !p.field().isEmpty() && !p.field().startsWith(PromiseForm.PROMISE))
			.map(p -> new FormValidation.FieldError(p.field(), p.code(), p.args()))
			.toList();
		Map<Integer, String> materialErrors = new LinkedHashMap<>();
		Map<String, String> promiseErrors = new LinkedHashMap<>();
		List<FormView.ErrorLink> links = new ArrayList<>();
		for (FieldProblem p : problems) {
			String text = messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
			if (p.field().startsWith("material.")) {
				int i = Integer.parseInt(p.field().substring("material.".length()));
				materialErrors.putIfAbsent(i, text);
				links.add(new FormView.ErrorLink("m-" + i, text));
			}
			else if (p.field().isEmpty()) {
				links.add(new FormView.ErrorLink("form-top", text));
			}
			else if (p.field().startsWith(PromiseForm.PROMISE)) {
				promiseErrors.putIfAbsent(p.field(), text);
				links.add(new FormView.ErrorLink(p.field().replace('.', '-'), text));
			}
		}
		promise.show(model, a, c, promiseErrors);
		FormView view = FormView.of(g.applicationForm(), displayValues(g.applicationForm(), values), formErrors, PREFIX, addRow, messages, locale);
		List<FormView.ErrorLink> all = new ArrayList<>(view.errors());
		all.addAll(links);
		model.addAttribute("c", c);
		model.addAttribute("g", g);
		model.addAttribute("view", new FormView(view.items(), all));
		model.addAttribute("materialErrors", materialErrors);
		model.addAttribute("uploaded", c.materials().stream().collect(Collectors.toMap(MaterialView::index, m -> m)));
		model.addAttribute("regions", directory.formRegions());
		model.addAttribute("base", base);
		model.addAttribute("counter", counter(base));
		model.addAttribute("wallet", licences.walletFor(cases.filing(c.id()).orElseThrow().party().id(), g));
		model.addAttribute("licenceChoice", c.materials().stream().filter(MaterialView::fromLicence)
			.collect(Collectors.toMap(MaterialView::index, MaterialView::licenceIdentifier)));
		model.addAttribute("deferred", cases.deferred(c.id()).stream()
			.collect(Collectors.toMap(Deferred::materialIndex, d -> d.promisedBy().toString())));
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
