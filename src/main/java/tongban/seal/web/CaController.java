package tongban.seal.web;

import java.security.cert.CertificateEncodingException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tongban.seal.Family;
import tongban.seal.SealManagement;
import tongban.shared.DomainException;

/**
 * The platform CA's public material for relying parties: root and issuing certificates and current CRLs of both
 * families, e.g. {@code /ca/p256-root.cer}, {@code /ca/p256-issuing.crl}.
 */
@RestController
class CaController {

	private final SealManagement seals;

	CaController(SealManagement seals) {
		this.seals = seals;
	}

	private static Family family(String name) {
		return switch (name) {
			case "p256" -> Family.P256;
			case "sm2" -> Family.SM2;
			default -> throw DomainException.notFound("ca");
		};
	}

	@GetMapping("/ca/{family}-{level}.cer")
	ResponseEntity<byte[]> certificate(@PathVariable String family, @PathVariable String level) throws CertificateEncodingException {
		Family f = family(family);
		var cert = switch (level) {
			case "root" -> seals.root(f);
			case "issuing" -> seals.issuingCa(f);
			default -> throw DomainException.notFound("ca");
		};
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-cert")).body(cert.getEncoded());
	}

	@GetMapping("/ca/{family}-{level}.crl")
	ResponseEntity<byte[]> crl(@PathVariable String family, @PathVariable String level) {
		Family f = family(family);
		boolean root = switch (level) {
			case "root" -> true;
			case "issuing" -> false;
			default -> throw DomainException.notFound("ca");
		};
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/pkix-crl")).body(seals.crl(f, root));
	}
}
