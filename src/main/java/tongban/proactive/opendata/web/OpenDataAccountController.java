package tongban.proactive.opendata.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.proactive.opendata.AccessApplications;
import tongban.proactive.opendata.ApiKeys;
import tongban.proactive.opendata.Dataset;
import tongban.proactive.opendata.Datasets;
import tongban.shared.DomainException;

/**
 * A signed-in person's open-data page ({@code /account/open-data}): their keys (self-service for 无条件开放 datasets,
 * and those collected from approved applications; a key is shown once, when issued, since only its hash is kept), their
 * applications, and the application form for a 有条件开放 dataset. Someone else's application or key is not found.
 */
@Controller
class OpenDataAccountController {

	private final Datasets datasets;
	private final AccessApplications applications;
	private final ApiKeys keys;

	OpenDataAccountController(Datasets datasets, AccessApplications applications, ApiKeys keys) {
		this.datasets = datasets;
		this.applications = applications;
		this.keys = keys;
	}

	@GetMapping("/account/open-data")
	String overview(@CurrentActor(missing = "account", fullScope = true) Actor actor, Model model) {
		model.addAttribute("keys", keys.ofAccount(actor.accountId()));
		model.addAttribute("applications", applications.ofAccount(actor.accountId()));
		return "proactive/opendata/account";
	}

	@PostMapping("/account/open-data/keys")
	String selfServiceKey(@CurrentActor(missing = "account", fullScope = true) Actor actor, RedirectAttributes redirect) {
		redirect.addFlashAttribute("newKey", keys.issueOpen(actor.accountId()));
		return "redirect:/account/open-data";
	}

	@PostMapping("/account/open-data/keys/{id}/revoke")
	String revoke(@PathVariable UUID id, @CurrentActor(missing = "account", fullScope = true) Actor actor, RedirectAttributes redirect) {
		if (!keys.revoke(actor.accountId(), id)) {
			throw DomainException.notFound("key");
		}
		redirect.addFlashAttribute("banner", "opendata.account.revoked");
		return "redirect:/account/open-data";
	}

	@GetMapping("/account/open-data/apply/{datasetId}")
	String form(@PathVariable String datasetId, @CurrentActor(missing = "account", fullScope = true) Actor actor, Model model) {
		model.addAttribute("d", conditional(datasetId));
		model.addAttribute("form", new AccessApplications.Form("", "", "", "6"));
		model.addAttribute("errors", Map.of());
		return "proactive/opendata/apply";
	}

	@PostMapping("/account/open-data/apply/{datasetId}")
	String apply(@PathVariable String datasetId, @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String intendedUse,
			@RequestParam(defaultValue = "") String securityMeasures, @RequestParam(defaultValue = "") String periodMonths,
			@CurrentActor(missing = "account", fullScope = true) Actor actor, Model model, RedirectAttributes redirect) {
		Dataset dataset = conditional(datasetId);
		AccessApplications.Form form = new AccessApplications.Form(purpose, intendedUse, securityMeasures, periodMonths);
		Object result = applications.apply(dataset.id(), actor.accountId(), actor.accountName(), form);
		if (result instanceof Map<?, ?> problems) {
			model.addAttribute("d", dataset);
			model.addAttribute("form", form);
			model.addAttribute("errors", problems);
			return "proactive/opendata/apply";
		}
		redirect.addFlashAttribute("banner", "opendata.apply.submitted");
		return "redirect:/account/open-data";
	}

	/**
	 * The applicant collects the key of an approved application, once: it is issued anew at collection (the approval's
	 * own key is revoked), shown on the next page and never again.
	 */
	@PostMapping("/account/open-data/applications/{id}/key")
	String collect(@PathVariable UUID id, @CurrentActor(missing = "account", fullScope = true) Actor actor, RedirectAttributes redirect) {
		AccessApplications.Application application = applications.ofApplicant(id, actor.accountId());
		redirect.addFlashAttribute("newKey", applications.collectKey(application));
		return "redirect:/account/open-data";
	}

	private Dataset conditional(String datasetId) {
		Dataset dataset = datasets.served(datasetId);
		if (!dataset.conditional()) {
			throw DomainException.notFound("dataset");
		}
		return dataset;
	}
}
