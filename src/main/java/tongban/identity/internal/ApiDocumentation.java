package tongban.identity.internal;

import java.util.List;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The OpenAPI document's security: the platform's OAuth2 flows with every API scope ({@code oauth2}), a plain
 * bearer scheme for operations that take any access token ({@code bearer}), and on each operation the scope
 * {@link ApiScopes} requires of it, from the same table the filter chain enforces.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String OAUTH2 = "oauth2";
	static final String BEARER = "bearer";

	@Bean
	OpenAPI tongbanApi() {
		Scopes scopes = new Scopes();
		new TreeMap<>(ApiScopes.DESCRIPTIONS).forEach(scopes::addString);
		OAuthFlows flows = new OAuthFlows()
			.authorizationCode(new OAuthFlow().authorizationUrl("/oauth2/authorize").tokenUrl("/oauth2/token").refreshUrl("/oauth2/token")
				.scopes(scopes))
			.clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes));
		return new OpenAPI().info(new Info().title("Tongban 通办 API").version("v1"))
			.components(new Components()
				.addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2).flows(flows)
					.description("Access tokens of the platform's OpenID Connect provider (PKCE required for the code flow). "
							+ "ID tokens are refused; a revoked token stops working within the revocation check's cache period."))
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
					.description("Any access token of the platform (typ at+jwt), whatever its scopes")));
	}

	@Bean
	OpenApiCustomizer scopePerOperation() {
		return api -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiScopes.scopeFor(HttpMethod.valueOf(method.name()), path)
					.ifPresent(scope -> operation.setSecurity(List.of(new SecurityRequirement().addList(OAUTH2, scope))));
			}));
		};
	}
}
