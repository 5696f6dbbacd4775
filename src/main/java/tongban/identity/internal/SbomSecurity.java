package tongban.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;

import tongban.identity.Role;
import tongban.shared.web.Problems;

/**
 * {@code /actuator/sbom}: the platform's bill of materials (CycloneDX, built into the jar by the Maven build) names
 * every library and version it runs, which tells an attacker which published flaws to try, so only a signed-in
 * platform administrator reads it (issue 23 §4, docs/security.md "Supply chain"). The web chain would send anyone
 * else to the sign-in page; a program asking here gets a plain answer instead: 401 without a session, 403 with one of
 * another role, both as RFC 9457 problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SbomSecurity {

	@Bean
	@Order(3)
	SecurityFilterChain sbomChain(HttpSecurity http, SecurityContextRepository contexts, SignedInSessions sessions, Problems problems)
			throws Exception {
		http.securityMatcher("/actuator/sbom", "/actuator/sbom/**")
			.authorizeHttpRequests(a -> a.anyRequest().hasRole(Role.PLATFORM_ADMIN.name()))
			.securityContext(c -> c.securityContextRepository(contexts))
			// a session ended by a password reset reads nothing here either
			.addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, refused) -> problems.write(request, response, HttpStatus.UNAUTHORIZED,
						"unauthenticated"))
				.accessDeniedHandler((request, response, refused) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden")));
		return http.build();
	}
}
