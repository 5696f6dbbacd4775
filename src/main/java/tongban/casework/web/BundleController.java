package tongban.casework.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.casework.Applying;
import tongban.casework.Bundles;
import tongban.casework.CaseAnswers;
import tongban.casework.CaseStatus;
import tongban.casework.CaseView;
import tongban.casework.Cases;
import tongban.casework.LicenceWallet;
import tongban.casework.Verified;
import tongban.casework.internal.LicenceUse;
import tongban.casework.internal.Prefilling;
import tongban.catalog.Bundle;
import tongban.catalog.CatalogManagement;
import tongban.catalog.FormDefinition;
import tongban.catalog.FormValidation;
import tongban.catalog.FormView;
import tongban.catalog.ServiceGuide;
import tongban.directory.DirectoryManagement;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.shared.DomainException;
import tongban.shared.Upload;
import tongban.shared.FieldProblem;
import tongban.casework.ApplicationProblems;

/**
 * 一件事一次办: the bundles, one combined form (each shared field once) and one set of materials for all the items,
 * one submission that files a case with each department, and one page that tracks them all.
 */
@Controller
class BundleController {

	private final Cases cases;
	private final Applying applying;
	private final Bundles bundles;
	private final LicenceUse licences;
	private final CatalogManagement catalog;
	private final DirectoryManagement directory;
	private final MessageSource messages;
	private final Prefilling prefilling;

	BundleController(Cases cases, Applying applying, Bundles bundles, LicenceUse licences, CatalogManagement catalog,
			DirectoryManagement directory, MessageSource messages, Prefilling prefilling) {
		this.prefilling = prefilling;
		this.cases = cases;
		this.applying = applying;
		this.bundles = bundles;
		this.licences = licences;
		this.catalog = catalog;
		this.directory = directory;
		this.messages = messages;
	}

	private List<ServiceGuide> guides(Bundle b) {
		return b.items().stream().map(c -> catalog.published(c).orElseThrow().guide()).toList();
	}

	@GetMapping("/bundles")
	String list(Model model) {
		model.addAttribute("bundles", catalog.bundles());
		model.addAttribute("metaKey", "meta.bundles");
		return "casework/bundles";
	}

	@GetMapping("/bundles/{code}")
	String start(@PathVariable String code, Model model) {
		Bundle b = catalog.bundle(code).orElseThrow(() -> DomainException.notFound("bundle"));
		model.addAttribute("b", b);
		model.addAttribute("guides", guides(b));
		model.addAttribute("materials", Bundle.combinedMaterials(guides(b)));
		return "casework/bundle-start";
	}

	@PostMapping("/bundles/{code}")
	String begin(@PathVariable String code, @CurrentActor(missing = "bundle") Actor a) {
		Bundle b = catalog.bundle(code).orElseThrow(() -> DomainException.notFound("bundle"));
		return "redirect:/bundle-cases/" + bundles.startBundle(a, b) + "/edit";
	}

	@GetMapping("/bundle-cases/{id}/edit")
	String edit(@PathVariable UUID id, @CurrentActor(missing = "bundle") Actor a, Model model, Locale locale) {
		List<CaseView> all = bundles.bundleCases(a, id);
		if (all.isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		if (all.stream().noneMatch(c -> c.status() == CaseStatus.DRAFT)) {
			return "redirect:/bundle-cases/" + id;
		}
		return editPage(a, id, all, merged(all), List.of(), model, locale);
	}

	@PostMapping("/bundle-cases/{id}/edit")
	String save(@PathVariable UUID id, @RequestParam(defaultValue = "save") String action, @CurrentActor(missing = "bundle") Actor a,
			HttpServletRequest request, Model model, Locale locale, RedirectAttributes redirect) throws IOException {
		List<CaseView> all = bundles.bundleCases(a, id);
		if (all.isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		List<ServiceGuide> guides = all.stream().map(cases::guideOf).toList();
		List<Bundle.SharedMaterial> shared = Bundle.combinedMaterials(guides);
		FormDefinition def = Bundle.combinedForm(guides);
		Map<String, Object> values = FormValidation.fromParameters(def, request.getParameterMap(), Map.of(), CaseController.PREFIX);
		CaseController.Uploads files = CaseController.uploads(request);
		Map<Integer, Upload> uploads = files.materials();
		Map<String, Upload> formFiles = files.formFiles();
		List<FieldProblem> problems = new ArrayList<>();
		Map<Integer, String> chosen = CaseController.licencePicks(request);
		for (int k = 0; k < all.size(); k++) {
			CaseView c = all.get(k);
			Map<Integer, Upload> mine = new LinkedHashMap<>();
			uploads.forEach((i, u) -> {
				Integer at = i < shared.size() ? shared.get(i).positions().get(c.itemCode()) : null;
				if (at != null) {
					mine.put(at, u);
				}
			});
			for (FieldProblem p : applying.saveDraft(a, c.id(), c.lockVersion(), values, mine, formFiles)) {
				if (ApplicationProblems.aboutFile(p)) {
					problems.add(p);
				}
			}
			// 用证: a licence chosen once for a shared material serves every case that asks for it
			Map<Integer, String> picks = new LinkedHashMap<>();
			chosen.forEach((i, identifier) -> {
				Integer at = i < shared.size() ? shared.get(i).positions().get(c.itemCode()) : null;
				if (at != null) {
					picks.put(at, identifier);
				}
			});
			for (FieldProblem p : picks.isEmpty() ? List.<FieldProblem>of() : licences.useLicences(a, c.id(), picks)) {
				problems.add(new FieldProblem(c.itemCode() + ":" + p.field(), p.code(), p.args()));
			}
		}
		List<CaseView> saved = bundles.bundleCases(a, id);
		if (action.equals("continue") || !problems.isEmpty()) {
			List<FieldProblem> all2 = new ArrayList<>(problems);
			if (action.equals("continue")) {
				for (CaseView c : saved) {
					for (FieldProblem p : applying.check(c)) {
						all2.add(p.field().startsWith("material.") ? new FieldProblem(c.itemCode() + ":" + p.field(), p.code(), p.args()) : p);
					}
				}
			}
			if (all2.isEmpty()) {
				return "redirect:/bundle-cases/" + id + "/review";
			}
			return editPage(a, id, saved, merged(saved), all2, model, locale);
		}
		redirect.addFlashAttribute("banner", "case.draftSaved");
		return "redirect:/bundle-cases/" + id + "/edit";
	}

	/**
	 * 免提交 for the whole bundle: one consent, and each item whose department holds a grant for its register fields
	 * reads them for its own draft (each read recorded for the applicant).
	 */
	@PostMapping("/bundle-cases/{id}/prefill")
	String prefill(@PathVariable UUID id, @CurrentActor(missing = "bundle") Actor a, RedirectAttributes redirect) {
		List<CaseView> all = bundles.bundleCases(a, id);
		if (all.isEmpty()) {
			throw DomainException.notFound("bundle");
		}
		Map<String, String> served = prefilling.prefillAll(a, all.stream().filter(c -> c.status() == CaseStatus.DRAFT).toList());
		redirect.addFlashAttribute(served.isEmpty() ? "bannerError" : "banner", served.isEmpty() ? "case.prefill.nothing" : "case.prefill.done");
		return "redirect:/bundle-cases/" + id + "/edit";
	}

	@GetMapping("/bundle-cases/{id}/review")
	String review(@PathVariable UUID id, @CurrentActor(missing = "bundle") Actor a, Model model) {
		var view = bundles.bundle(a, id).orElseThrow(() -> DomainException.notFound("bundle"));
		List<CaseView> all = bundles.bundleCases(a, id);
		List<ServiceGuide> guides = all.stream().map(cases::guideOf).toList();
		model.addAttribute("bundle", view);
		model.addAttribute("answers", CaseAnswers.rows(Bundle.combinedForm(guides), merged(all)));
		model.addAttribute("cases", all);
		return "casework/bundle-review";
	}

	@PostMapping("/bundle-cases/{id}/submit")
	String submit(@PathVariable UUID id, @CurrentActor(missing = "bundle") Actor a, Model model, Locale locale) {
		List<FieldProblem> problems = bundles.submitBundle(a, id);
		if (!problems.isEmpty()) {
			List<CaseView> all = bundles.bundleCases(a, id);
			return editPage(a, id, all, merged(all), problems, model, locale);
		}
		return "redirect:/bundle-cases/" + id + "?submitted";
	}

	@GetMapping("/bundle-cases/{id}")
	String track(@PathVariable UUID id, @RequestParam(required = false) String submitted, @CurrentActor(missing = "bundle") Actor a,
			Model model) {
		model.addAttribute("bundle", bundles.bundle(a, id).orElseThrow(() -> DomainException.notFound("bundle")));
		model.addAttribute("justSubmitted", submitted != null);
		return "casework/bundle";
	}

	/**
	 * The values typed so far: every draft holds them all once saved; a value taken from a register (in the draft of
	 * the item whose department read it) comes first, then the first draft's that is not blank.
	 */
	private Map<String, Object> merged(List<CaseView> all) {
		Map<String, Object> out = new LinkedHashMap<>();
		all.forEach(c -> cases.provenance(c.id()).keySet().forEach(field -> {
			if (c.values().get(field) != null) {
				out.putIfAbsent(field, c.values().get(field));
			}
		}));
		all.forEach(c -> c.values().forEach((field, value) -> {
			if (value != null && !String.valueOf(value).isBlank()) {
				out.putIfAbsent(field, value);
			}
		}));
		all.forEach(c -> c.values().forEach(out::putIfAbsent));
		return out;
	}

	/** What registers hold for the bundle's drafts, offered once with one consent: each offer's source and the fields' labels. */
	private List<BundlePrefill> prefillOffers(Actor a, List<CaseView> all, FormDefinition def) {
		List<BundlePrefill> out = new ArrayList<>();
		for (CaseView c : all) {
			prefilling.prefillOffer(a, c).ifPresent(o -> out.add(new BundlePrefill(o.source(), o.providerName(), o.resourceName(), c.itemName(),
					o.fields().keySet().stream().map(k -> def.fields().stream().filter(f -> f.key().equals(k)).map(FormDefinition.Field::label)
						.findFirst().orElse(k)).toList())));
		}
		return out;
	}

	/** One register offer of a bundle: where from, for which item, which fields. */
	record BundlePrefill(String source, String providerName, String resourceName, String itemName, List<String> labels) {
	}

	private String editPage(Actor a, UUID id, List<CaseView> all, Map<String, Object> values, List<FieldProblem> problems, Model model,
			Locale locale) {
		List<ServiceGuide> guides = all.stream().map(cases::guideOf).toList();
		List<Bundle.SharedMaterial> shared = Bundle.combinedMaterials(guides);
		FormDefinition def = Bundle.combinedForm(guides);
		List<FormValidation.FieldError> formErrors = problems.stream().filter(p -> !p.field().contains("material."))
			.map(p -> new FormValidation.FieldError(p.field(), p.code(), p.args())).toList();
		Map<Integer, String> materialErrors = new LinkedHashMap<>();
		List<FormView.ErrorLink> links = new ArrayList<>();
		for (FieldProblem p : problems) {
			if (!p.field().contains("material.")) {
				continue;
			}
			String item = p.field().contains(":") ? p.field().substring(0, p.field().indexOf(':')) : all.getFirst().itemCode();
			int index = Integer.parseInt(p.field().substring(p.field().lastIndexOf('.') + 1));
			for (int i = 0; i < shared.size(); i++) {
				if (Integer.valueOf(index).equals(shared.get(i).positions().get(item)) && !materialErrors.containsKey(i)) {
					String text = messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
					materialErrors.put(i, text);
					links.add(new FormView.ErrorLink("m-" + i, text));
				}
			}
		}
		Map<String, Object> shown = new LinkedHashMap<>(values);
		shown.replaceAll((k, v) -> v instanceof Map<?, ?> m && m.containsKey("fileId")
				? new FormValidation.FileRef(String.valueOf(m.get("name")), String.valueOf(m.get("contentType")), 0) : v);
		FormView view = FormView.of(def, shown, formErrors, CaseController.PREFIX, null, messages, locale);
		List<FormView.ErrorLink> errors = new ArrayList<>(view.errors());
		errors.addAll(links);
		Map<Integer, String> uploaded = new LinkedHashMap<>();
		for (int i = 0; i < shared.size(); i++) {
			for (CaseView c : all) {
				Integer at = shared.get(i).positions().get(c.itemCode());
				if (at != null) {
					int idx = i;
					c.materials().stream().filter(m -> m.index() == at).findFirst().ifPresent(m -> uploaded.put(idx, m.originalName()));
				}
			}
		}
		Map<Integer, List<LicenceWallet.Held>> wallet = new LinkedHashMap<>();
		Map<Integer, String> licenceChoice = new LinkedHashMap<>();
		for (int i = 0; i < shared.size(); i++) {
			var held = licences.heldLicences(a.party().id(), shared.get(i).material().licenceType());
			if (!held.isEmpty()) {
				wallet.put(i, held);
			}
			for (CaseView c : all) {
				Integer at = shared.get(i).positions().get(c.itemCode());
				int idx = i;
				c.materials().stream().filter(m -> at != null && m.index() == at && m.fromLicence()).findFirst()
					.ifPresent(m -> licenceChoice.put(idx, m.licenceIdentifier()));
			}
		}
		model.addAttribute("wallet", wallet);
		model.addAttribute("licenceChoice", licenceChoice);
		// the applicant's own identity, from the account in every case of the bundle, is shown locked
		Map<String, Verified> locked = new LinkedHashMap<>();
		all.forEach(c -> cases.provenance(c.id()).forEach(locked::putIfAbsent));
		model.addAttribute("verified", LockedFields.labels(locked, a, messages, locale));
		model.addAttribute("prefills", prefillOffers(a, all, def));
		model.addAttribute("bundle", bundles.bundle(a, id).orElseThrow());
		model.addAttribute("view", new FormView(view.items(), errors));
		model.addAttribute("materials", shared);
		model.addAttribute("materialErrors", materialErrors);
		model.addAttribute("uploaded", uploaded);
		model.addAttribute("regions", directory.formRegions());
		return "casework/bundle-edit";
	}
}
