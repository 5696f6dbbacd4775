package tongban.support;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/** Access tokens signed with the platform's own OIDC key, as its authorization server would issue them. */
public final class AccessTokens {

	private AccessTokens() {
	}

	/** A token for {@code subject} (an account id or a client id) with these scopes, valid for ten minutes. */
	public static String mint(JWKSource<SecurityContext> jwks, Object subject, String... scopes) {
		var claims = JwtClaimsSet.builder().subject(subject.toString()).issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(600)).claim("scope", List.of(scopes)).build();
		return new NimbusJwtEncoder(jwks).encode(JwtEncoderParameters.from(claims)).getTokenValue();
	}
}
