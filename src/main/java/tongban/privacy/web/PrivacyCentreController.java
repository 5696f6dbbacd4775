package tongban.privacy.web;

import java.time.Clock;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.privacy.CorrectionRequests;
import tongban.privacy.DataExports;
import tongban.shared.FieldProblem;

/**
 * 隐私中心 ({@code /account/privacy}): one page listing a person's rights over their data, each section a fragment of its
 * own ({@code privacy/fragments/*}) leading to the page where the right is exercised. Only the person themselves, never
 * a proxy acting for them, sees it. This controller serves the page and the data rights of its data section: the copy
 * (Art. 45) and correction requests (Art. 46); closing the account (Art. 47) is {@link AccountClosingController}.
 */
@Controller
class PrivacyCentreController {

	private final DataExports exports;
	private final CorrectionRequests corrections;
	private final Clock clock;

	PrivacyCentreController(DataExports exports, CorrectionRequests corrections, Clock clock) {
		this.exports = exports;
		this.corrections = corrections;
		this.clock = clock;
	}

	@GetMapping("/account/privacy")
	String centre(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, Model model) {
		model.addAttribute("actor", actor);
		if (!model.containsAttribute("correctionForm")) {
			model.addAttribute("correctionForm", CorrectionForm.empty());
		}
		model.addAttribute("export", exports.latest(actor.accountId()).orElse(null));
		model.addAttribute("now", clock.instant());
		model.addAttribute("correctionTargets", corrections.targets());
		model.addAttribute("corrections", corrections.of(actor));
		return "privacy/centre";
	}

	/** Asks for a copy; asked again while one is prepared, the page shows that one. */
	@PostMapping("/account/privacy/export")
	String export(@CurrentActor(missing = "privacy", fullScope = true) Actor actor, RedirectAttributes redirect) {
		boolean underWay = exports.latest(actor.accountId()).map(e -> e.status().underWay()).orElse(false);
		exports.request(actor);
		redirect.addFlashAttribute("banner", underWay ? "privacy.export.alreadyUnderWay" : "privacy.export.requested");
		return "redirect:/account/privacy#export";
	}

	/** The copy's archive, for the person who asked for it while it is valid; anyone else's or an expired one: 404. */
	@GetMapping("/account/privacy/exports/{exportId}")
	ResponseEntity<InputStreamResource> download(@PathVariable UUID exportId,
			@CurrentActor(missing = "export", fullScope = true) Actor actor) {
		DataExports.Download download = exports.download(actor, exportId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.contentLength(download.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new InputStreamResource(download.content()));
	}

	@PostMapping("/account/privacy/corrections")
	String correct(@ModelAttribute("correctionForm") CorrectionForm form, @CurrentActor(missing = "privacy", fullScope = true) Actor actor,
			Model model, RedirectAttributes redirect) {
		CorrectionRequests.Outcome outcome = corrections.request(actor, form.target(), form.corrected(), form.reason());
		if (!outcome.problems().isEmpty()) {
			BindingResult errors = new BeanPropertyBindingResult(form, "correctionForm");
			for (FieldProblem p : outcome.problems()) {
				String field = switch (p.field()) {
					case "corrected", "reason" -> p.field();
					default -> "target";
				};
				errors.rejectValue(field, p.code(), p.argArray(), p.code());
			}
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "correctionForm", errors);
			model.addAttribute("correctionErrors", true);
			return centre(actor, model);
		}
		redirect.addFlashAttribute("banner", "privacy.correction.sent");
		return "redirect:/account/privacy#corrections";
	}
}
