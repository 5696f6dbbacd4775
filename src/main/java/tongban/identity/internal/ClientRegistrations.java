package tongban.identity.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

import tongban.identity.web.ClientForm;
import tongban.shared.RandomTokens;

/** Platform admins register relying parties: PKCE always required, consent always asked, secrets shown once. */
@Service
public class ClientRegistrations {

	public static final Set<String> SCOPES = Set.of("openid", "profile", "phone", OidcClaims.SCOPE_IDCARD, ApiScopes.CASES_READ,
			ApiScopes.CASES_WRITE, ApiScopes.TASKS, ApiScopes.EXCHANGE, ApiScopes.AUDIT);
	public static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials");

	private final RegisteredClientRepository clients;
	private final PasswordEncoder encoder;
	private final JdbcClient jdbc;

	ClientRegistrations(RegisteredClientRepository clients, PasswordEncoder encoder, JdbcClient jdbc) {
		this.clients = clients;
		this.encoder = encoder;
		this.jdbc = jdbc;
	}

	public record Created(String clientId, String secret) {
	}

	public record Listed(String clientId, String clientName, String grantTypes, String scopes, String redirectUris) {
	}

	public List<Listed> list() {
		return jdbc.sql("select client_id, client_name, authorization_grant_types as grant_types, scopes, redirect_uris "
				+ "from oauth2_registered_client order by client_id_issued_at desc")
			.query(Listed.class)
			.list();
	}

	public Created register(ClientForm form, Errors errors) {
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.rejectValue("name", "client.error.name");
		}
		List<String> grants = form.grantTypes() == null ? List.of() : form.grantTypes();
		if (grants.isEmpty() || !GRANTS.containsAll(grants)) {
			errors.rejectValue("grantTypes", "client.error.grants");
		}
		List<String> scopes = form.scopes() == null ? List.of() : form.scopes();
		if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
			errors.rejectValue("scopes", "client.error.scopes");
		}
		List<String> redirects = uris(form.redirectUris());
		if (grants.contains("authorization_code") && redirects.isEmpty()) {
			errors.rejectValue("redirectUris", "client.error.redirect.empty");
		}
		if (!redirects.stream().allMatch(ClientRegistrations::validRedirect)) {
			errors.rejectValue("redirectUris", "client.error.redirect.format");
		}
		List<String> logouts = uris(form.postLogoutRedirectUris());
		if (!logouts.stream().allMatch(ClientRegistrations::validRedirect)) {
			errors.rejectValue("postLogoutRedirectUris", "client.error.redirect.format");
		}
		if (grants.contains("client_credentials") && !form.confidential()) {
			errors.rejectValue("grantTypes", "client.error.public.credentials");
		}
		if (errors.hasErrors()) {
			return null;
		}
		String clientId = "tb-" + UUID.randomUUID().toString().substring(0, 8);
		String secret = form.confidential() ? newSecret() : null;
		save(clientId, name, secret, grants, scopes, redirects, logouts);
		return new Created(clientId, secret);
	}

	/** Saves a client; used by the console and by demo data. */
	public void save(String clientId, String name, String secret, List<String> grants, List<String> scopes,
			List<String> redirects, List<String> logouts) {
		RegisteredClient.Builder b = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientName(name)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(Duration.ofMinutes(10))
				.refreshTokenTimeToLive(Duration.ofHours(8))
				.reuseRefreshTokens(false)
				.build());
		if (secret != null) {
			b.clientSecret(encoder.encode(secret))
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		}
		else {
			b.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
		}
		grants.forEach(g -> b.authorizationGrantType(new AuthorizationGrantType(g)));
		scopes.forEach(b::scope);
		redirects.forEach(b::redirectUri);
		logouts.forEach(b::postLogoutRedirectUri);
		clients.save(b.build());
	}

	private String newSecret() {
		return RandomTokens.of(32);
	}

	private static List<String> uris(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Absolute http(s) URIs without fragments; plain http only for loopback (RFC 8252 §7.3). */
	static boolean validRedirect(String s) {
		try {
			URI u = new URI(s);
			if (u.getFragment() != null || u.getHost() == null) {
				return false;
			}
			if ("https".equals(u.getScheme())) {
				return true;
			}
			return "http".equals(u.getScheme()) && (u.getHost().equals("127.0.0.1") || u.getHost().equals("localhost")
					|| u.getHost().equals("[::1]"));
		}
		catch (URISyntaxException e) {
			return false;
		}
	}
}
