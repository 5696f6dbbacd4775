package tongban.licence.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.licence.LicenceManagement;
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

	private final LicenceManagement licences;
	private final IdentityManagement identity;
	private final String publicUrl;

	WalletController(LicenceManagement licences, IdentityManagement identity, @Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.licences = licences;
		this.identity = identity;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	private Actor actor(Authentication auth, HttpServletRequest request) {
		// the wallet is the party's own: a proxy or agent whose grant names items only does not see it
		return identity.citizenActor(auth, request).filter(a -> a.scope().full()).orElseThrow(() -> DomainException.notFound("licence"));
	}

	@GetMapping("/account/licences")
	String wallet(Authentication auth, HttpServletRequest request, Model model) {
		Actor a = actor(auth, request);
		model.addAttribute("party", a.party());
		model.addAttribute("licences", licences.wallet(a.party().id()));
		return "licence/wallet";
	}

	@GetMapping("/account/licences/{id}")
	String show(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model) {
		LicenceView l = licences.held(actor(auth, request).party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		String url = publicUrl + "/verify/" + l.identifier();
		model.addAttribute("l", l);
		model.addAttribute("uses", licences.uses(l.id()));
		model.addAttribute("verifyUrl", url);
		model.addAttribute("qr", QrCode.svg(url, l.name() + " " + l.number()));
		return "licence/show";
	}

	/** A link to the licence's verification page that expires after 1 hour, 1 day or 7 days. */
	@org.springframework.web.bind.annotation.PostMapping("/account/licences/{id}/share")
	String share(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "24") int hours,
			Authentication auth, HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		int allowed = java.util.List.of(1, 24, 168).contains(hours) ? hours : 24;
		String token = licences.share(actor(auth, request).party().id(), id, java.time.Duration.ofHours(allowed));
		redirect.addFlashAttribute("shareUrl", publicUrl + "/verify/share/" + token);
		redirect.addFlashAttribute("sharePath", "/verify/share/" + token);
		redirect.addFlashAttribute("shareHours", allowed);
		return "redirect:/account/licences/" + id;
	}

	@GetMapping("/account/licences/{id}/ofd")
	ResponseEntity<byte[]> ofd(@PathVariable UUID id, Authentication auth, HttpServletRequest request) {
		LicenceView l = licences.held(actor(auth, request).party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/ofd"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(l.name() + "-" + l.number() + ".ofd",
					java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(licences.ofd(l));
	}

	@GetMapping("/account/licences/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, Authentication auth, HttpServletRequest request) {
		LicenceView l = licences.held(actor(auth, request).party().id(), id).orElseThrow(() -> DomainException.notFound("licence"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(l.name() + "-" + l.number() + ".pdf",
					java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(licences.pdf(l));
	}
}
