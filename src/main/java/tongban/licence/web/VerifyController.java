package tongban.licence.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

import tongban.licence.LicenceIdentifier;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceManagement;
import tongban.shared.DomainException;
import tongban.shared.FileTypes;
import tongban.shared.UploadCheck;

/**
 * Public verification (the QR code's target): by identifier, the licence's status (valid, expired, revoked,
 * cancelled, with dates), issuer and holder masked; by file (PDF or OFD), its seal and its registry status. An identifier of the
 * wrong shape or with a wrong check character is refused before any lookup; an unknown one is "not found".
 */
@Controller
class VerifyController {

	static final long MAX_FILE = 10L * 1024 * 1024;

	private final LicenceManagement licences;
	private final HeldLicences held;

	VerifyController(LicenceManagement licences, HeldLicences held) {
		this.licences = licences;
		this.held = held;
	}

	@GetMapping("/verify")
	String form() {
		return "licence/verify-file";
	}

	@GetMapping("/verify/{identifier}")
	String verify(@PathVariable String identifier, Model model, HttpServletResponse response) {
		String problem = LicenceIdentifier.problem(identifier);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", problem);
			model.addAttribute("identifier", identifier);
			return "licence/verify-bad";
		}
		model.addAttribute("l", licences.byIdentifier(identifier).orElseThrow(() -> DomainException.notFound("licence")));
		return "licence/verify";
	}

	/** A holder's share link: the verification page while the link lasts, "gone" after. */
	@GetMapping("/verify/share/{token}")
	String shared(@PathVariable String token, Model model, HttpServletResponse response) {
		var l = held.shared(token);
		if (l.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("problem", "licence.error.shareExpired");
			model.addAttribute("identifier", "");
			return "licence/verify-bad";
		}
		model.addAttribute("l", l.get());
		model.addAttribute("shared", true);
		return "licence/verify";
	}

	@PostMapping("/verify")
	String verifyFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		if (file == null || file.isEmpty()) {
			return refuse("verify.error.empty", model, response);
		}
		if (file.getSize() > MAX_FILE) {
			return refuse("verify.error.size", model, response);
		}
		byte[] bytes = file.getBytes();
		if (!FileTypes.detect(bytes).filter(t -> t.equals(FileTypes.PDF) || t.equals(FileTypes.OFD))
			.isPresent()) {
			return refuse("verify.error.type", model, response);
		}
		// an OFD is a ZIP package: its expanded size and entry count are bounded before anything reads it
		var unsafe = UploadCheck.problem(bytes, FileTypes.detect(bytes).orElseThrow())
			.filter(p -> p != UploadCheck.Problem.PDF_ACTIVE_CONTENT);
		if (unsafe.isPresent()) {
			return refuse("verify.error." + unsafe.get().code(), model, response);
		}
		model.addAttribute("check", licences.checkFile(bytes));
		return "licence/verify-file";
	}

	private static String refuse(String code, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("fileError", code);
		return "licence/verify-file";
	}
}
