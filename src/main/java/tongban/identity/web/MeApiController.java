package tongban.identity.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;


/** Who the bearer token speaks for: a person (sub = account id) or a department system (sub = client id). */
@RestController
@Tag(name = "identity", description = "统一身份认证")
class MeApiController {

	@Operation(summary = "The caller as the access token describes it", security = @SecurityRequirement(name = "bearer"))
	@GetMapping("/api/me")
	Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
		List<String> scopes = jwt.getClaimAsStringList("scope");
		return Map.of("subject", jwt.getSubject(), "client", String.valueOf(jwt.getClaims().getOrDefault("client_id", jwt.getAudience().getFirst())),
				"scopes", scopes == null ? List.of() : scopes, "acr", String.valueOf(jwt.getClaims().getOrDefault("acr", "")),
				"roles", jwt.getClaims().getOrDefault("roles", List.of()));
	}

}
