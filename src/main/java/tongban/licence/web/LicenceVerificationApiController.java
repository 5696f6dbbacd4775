package tongban.licence.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import tongban.licence.LicenceVerifications;
import tongban.licence.LicenceVerifications.Checked;
import tongban.licence.LicenceVerifications.Verified;
import tongban.shared.DomainException;
import tongban.shared.web.Problems;

/**
 * Licence verification for department systems (OAuth2 client credentials with scope {@code licence.verify}, the
 * client bound to its department): one licence by identifier, or up to 100 in one call, answered in the order asked.
 * A malformed identifier (shape or check character) is a 400, an unknown one a 404, more than 100 a 400, all
 * problem+json; a token without the scope is refused before this controller (403). Every call is recorded and shown to
 * the holder.
 */
@RestController
@Tag(name = "licence verification", description = "电子证照核验（部门系统）")
class LicenceVerificationApiController {

	private final LicenceVerifications verifications;
	private final Problems problems;
	private final MessageSource messages;

	LicenceVerificationApiController(LicenceVerifications verifications, Problems problems, MessageSource messages) {
		this.verifications = verifications;
		this.problems = problems;
		this.messages = messages;
	}

	/** The bulk request: the identifiers to verify, at most 100. */
	record BulkRequest(List<String> identifiers) {
	}

	/** The bulk answer: one result per identifier asked, in the same order. */
	record BulkAnswer(List<Checked> results) {
	}

	@GetMapping("/api/licences/{identifier}/verification")
	@Operation(summary = "Verify one e-licence: type, issuer, validity, status (VALID, EXPIRED, REVOKED, CANCELLED) and the holder's masked name",
			security = @SecurityRequirement(name = "bearer"), responses = { @ApiResponse(responseCode = "200", description = "the licence"),
					@ApiResponse(responseCode = "400", description = "malformed identifier (problem+json)"),
					@ApiResponse(responseCode = "403", description = "no licence.verify scope, or the client is bound to no department"),
					@ApiResponse(responseCode = "404", description = "no such licence (problem+json)") })
	Verified one(@PathVariable String identifier, Authentication auth) {
		return verifications.verify(auth.getName(), identifier);
	}

	@PostMapping("/api/licences/verifications")
	@Operation(summary = "Verify up to 100 e-licences at once; each identifier is answered in the order asked (FOUND, NOT_FOUND or MALFORMED)",
			security = @SecurityRequirement(name = "bearer"), responses = { @ApiResponse(responseCode = "200", description = "one result per identifier"),
					@ApiResponse(responseCode = "400", description = "no identifiers, or more than 100 (problem+json)"),
					@ApiResponse(responseCode = "403", description = "no licence.verify scope, or the client is bound to no department") })
	BulkAnswer bulk(@RequestBody(required = false) BulkRequest request, Authentication auth) {
		return new BulkAnswer(verifications.verifyAll(auth.getName(), request == null ? null : request.identifiers()));
	}

	/** Refusals as problem+json: malformed or too many is a 400 here (the request is at fault), not the API's usual 422. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> refused(DomainException e, HttpServletRequest request) {
		HttpStatus status = switch (e.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = problems.of(request, status, e.code(), null, e.args());
		Locale locale = RequestContextUtils.getLocale(request);
		problem.setTitle(messages.getMessage("licence.verification.problem." + e.code(), e.args(), problem.getTitle(), locale));
		return ResponseEntity.status(status).body(problem);
	}
}
