package tongban.openness.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.identity.web.CurrentStaff;
import tongban.openness.Disclosure;
import tongban.openness.DisclosureDesk;
import tongban.openness.DisclosureView;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.Upload;

/**
 * 依申请公开 on the workbench: the department's queue with due dates, and each request's page with the steps the
 * officer may take now (补正, third-party consultation, extension, answer, review or suit) and the head's decision on an
 * extension. A refused step comes back to the page with the reason at its field.
 */
@Controller
class DisclosureWorkbenchController {

	private final DisclosureDesk desk;

	DisclosureWorkbenchController(DisclosureDesk desk) {
		this.desk = desk;
	}

	/** One step: what it does given the request's number. */
	@FunctionalInterface
	interface Step {

		void take(String number);
	}

	@GetMapping("/workbench/disclosure")
	String queue(@CurrentStaff(missing = "page") StaffMember staff, @RequestParam(required = false) String done, Model model) {
		if (!DisclosureDesk.handles(staff)) {
			throw DomainException.notFound("page");
		}
		model.addAttribute("done", done != null);
		model.addAttribute("requests", desk.queue(staff, done == null));
		return "openness/disclosure/workbench";
	}

	@GetMapping("/workbench/disclosure/{number}")
	String request(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, Model model) {
		return page(staff, number, model);
	}

	@PostMapping("/workbench/disclosure/{number}/supplement")
	String supplement(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String period, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return take(staff, number, "note", n -> desk.requestSupplement(staff, n, note, days(period)), "openness.disclosure.done.supplement", model,
				response, redirect, Map.of("note", note, "period", period));
	}

	@PostMapping("/workbench/disclosure/{number}/consultation")
	String consult(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String party,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return take(staff, number, "party", n -> desk.startConsultation(staff, n, party), "openness.disclosure.done.consultation", model, response,
				redirect, Map.of("party", party));
	}

	@PostMapping("/workbench/disclosure/{number}/consultation/end")
	String consulted(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return take(staff, number, "result", n -> desk.endConsultation(staff, n, result), "openness.disclosure.done.consulted", model, response,
				redirect, Map.of("result", result));
	}

	@PostMapping("/workbench/disclosure/{number}/extension")
	String extend(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String days,
			@RequestParam(defaultValue = "") String reason, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return take(staff, number, "days", n -> desk.requestExtension(staff, n, days(days), reason), "openness.disclosure.done.extension", model,
				response, redirect, Map.of("days", days, "reason", reason));
	}

	@PostMapping("/workbench/disclosure/{number}/extension/decision")
	String decide(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String decision,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		return take(staff, number, "decision", n -> desk.decideExtension(staff, n, approve),
				approve ? "openness.disclosure.done.approved" : "openness.disclosure.done.refused", model, response, redirect, Map.of());
	}

	@PostMapping("/workbench/disclosure/{number}/answer")
	String answer(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String note, @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Disclosure.Outcome chosen = parse(Disclosure.Outcome.class, outcome).orElse(null);
		return take(staff, number, "outcome", n -> desk.answer(staff, n, chosen, note, uploads(files)), "openness.disclosure.done.answered", model,
				response, redirect, Map.of("outcome", outcome, "note", note));
	}

	@PostMapping("/workbench/disclosure/{number}/remedy")
	String remedy(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String result, @RequestParam(defaultValue = "") String filedOn, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return take(staff, number, "kind", n -> desk.recordRemedy(staff, n, parse(Disclosure.RemedyKind.class, kind).orElse(null),
				parse(Disclosure.RemedyResult.class, result).orElse(null), date(filedOn)), "openness.disclosure.done.remedy", model, response, redirect,
				Map.of("filedOn", filedOn));
	}

	@PostMapping("/workbench/disclosure/{number}/remedy/{remedyId}")
	String remedyResult(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @PathVariable long remedyId,
			@RequestParam(defaultValue = "") String result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return take(staff, number, "remedy-" + remedyId,
				n -> desk.updateRemedy(staff, n, remedyId, parse(Disclosure.RemedyResult.class, result).orElse(null)),
				"openness.disclosure.done.remedy", model, response, redirect, Map.of());
	}

	@GetMapping("/workbench/disclosure/{number}/files/{fileId}")
	ResponseEntity<byte[]> file(@CurrentStaff(missing = "page") StaffMember staff, @PathVariable String number, @PathVariable long fileId) {
		return DisclosureFiles.download(desk.download(staff, number, fileId).orElseThrow(() -> DomainException.notFound("file")));
	}

	private String take(StaffMember staff, String number, String field, Step step, String done, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Map<String, String> typed) {
		DisclosureView request = desk.find(staff, number).orElseThrow(() -> DomainException.notFound("disclosure"));
		try {
			step.take(request.number());
		}
		catch (DomainException e) {
			if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
				throw e;
			}
			response.setStatus(e.kind() == DomainException.Kind.CONFLICT ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", DisclosureFiles.problem(field, e));
			model.addAttribute("typed", typed);
			return page(staff, number, model);
		}
		redirect.addFlashAttribute("banner", done);
		return "redirect:/workbench/disclosure/" + request.number();
	}

	private String page(StaffMember staff, String number, Model model) {
		DisclosureView request = desk.find(staff, number).orElseThrow(() -> DomainException.notFound("disclosure"));
		model.addAttribute("request", request);
		model.addAttribute("today", LocalDate.now(Clocks.ZONE));
		model.addAttribute("officer", staff.has(Role.DISCLOSURE_OFFICER) && request.departmentCode().equals(staff.departmentCode()));
		model.addAttribute("head", staff.has(Role.DEPT_ADMIN) && request.departmentCode().equals(staff.departmentCode()));
		model.addAttribute("outcomes", List.of(Disclosure.Outcome.values()).stream().filter(Disclosure.Outcome::chosenByStaff).toList());
		model.addAttribute("remedyKinds", Disclosure.RemedyKind.values());
		model.addAttribute("remedyResults", Disclosure.RemedyResult.values());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of());
		}
		return "openness/disclosure/workbench-request";
	}

	private static int days(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static LocalDate date(String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		try {
			return Optional.of(Enum.valueOf(type, value.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static List<Upload> uploads(List<MultipartFile> files) {
		List<Upload> out = new ArrayList<>();
		if (files != null) {
			for (MultipartFile m : files) {
				if (m != null && !m.isEmpty()) {
					try {
						out.add(new Upload(m.getOriginalFilename(), m.getBytes()));
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			}
		}
		return out;
	}
}
