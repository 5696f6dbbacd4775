package tongban.licence.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tongban.identity.Actor;
import tongban.identity.web.CurrentActor;
import tongban.licence.HeldLicences;
import tongban.licence.LicenceVerifications;
import tongban.licence.LicenceManagement.LicenceView;
import tongban.shared.DomainException;
import tongban.shared.QrCode;

/**
 * 卡包: the licences of the party the citizen acts for (their own, or their company's when acting as its agent with a
 * grant of 全部事项; a grant of named items does not open it), each
 * to download as the sealed PDF or to show (亮证) as a QR code of its public verification page. Another party's licence
 * is "not found".
 */
@Controller
class WalletController {

	private final HeldLicences licences;
	private final LicenceVerifications verifications;
	private final String publicUrl;

	WalletController(HeldLicences licences, LicenceVerifications verifications,
			@Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.licences = licences;
		this.verifications = verifications;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@GetMapping("/account/licences")
	String wallet(@CurrentActor(missing = "licence", fullScope = true) Actor actor, Model model) {
		model.addAttribute("party", actor.party());
		model.addAttribute("licences", licences.wallet(actor.party().id()));
		return "licence/wallet";
	}

	@GetMapping("/account/licences/{id}")
	String show(@PathVariable UUID id, @CurrentActor(missing = "licence", fullScope = true) Actor actor, Model model) {
		LicenceView l = licences.held(actor.party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		String url = publicUrl + "/verify/" + l.identifier();
		model.addAttribute("l", l);
		model.addAttribute("uses", licences.uses(l.id()));
		model.addAttribute("verifications", verifications.verificationsOf(l.id(), 50));
		model.addAttribute("verifyUrl", url);
		model.addAttribute("qr", QrCode.svg(url, l.name() + " " + l.number()));
		return "licence/show";
	}

	/** A link to the licence's verification page that expires after 1 hour, 1 day or 7 days. */
	@PostMapping("/account/licences/{id}/share")
	String share(@PathVariable UUID id, @RequestParam(defaultValue = "24") int hours,
			@CurrentActor(missing = "licence", fullScope = true) Actor actor, RedirectAttributes redirect) {
		int allowed = List.of(1, 24, 168).contains(hours) ? hours : 24;
		String token = licences.share(actor.party().id(), id, Duration.ofHours(allowed));
		redirect.addFlashAttribute("shareUrl", publicUrl + "/verify/share/" + token);
		redirect.addFlashAttribute("sharePath", "/verify/share/" + token);
		redirect.addFlashAttribute("shareHours", allowed);
		return "redirect:/account/licences/" + id;
	}

	@GetMapping("/account/licences/{id}/ofd")
	ResponseEntity<byte[]> ofd(@PathVariable UUID id, @CurrentActor(missing = "licence", fullScope = true) Actor actor) {
		LicenceView l = licences.held(actor.party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/ofd"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(l.name() + "-" + l.number() + ".ofd",
					StandardCharsets.UTF_8).build().toString())
			.body(licences.ofd(l));
	}

	@GetMapping("/account/licences/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentActor(missing = "licence", fullScope = true) Actor actor) {
		LicenceView l = licences.held(actor.party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(l.name() + "-" + l.number() + ".pdf",
					StandardCharsets.UTF_8).build().toString())
			.body(licences.pdf(l));
	}
}
