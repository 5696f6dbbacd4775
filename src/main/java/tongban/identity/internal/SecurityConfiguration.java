package tongban.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import tongban.identity.Role;

/**
 * Three filter chains: the OIDC provider's endpoints, the REST API as a resource server for its tokens, and the
 * web pages with form sign-in and a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Features no page uses, switched off; the 办事地点 and queue pages may ask for the position, on this site only. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), serial=(), bluetooth=()";

	private static final String[] STAFF = { Role.COUNTER_CLERK.name(), Role.APPROVER.name(), Role.DEPT_ADMIN.name(),
			Role.PLATFORM_ADMIN.name(), Role.SUPERVISOR.name(), Role.HOTLINE_OPERATOR.name(), Role.INFO_EDITOR.name(),
			Role.INFO_REVIEWER.name(), Role.DISCLOSURE_OFFICER.name(), Role.LEADER.name() };

	/** argon2id (RFC 9106) for passwords and client secrets; the {id} prefix lets the algorithm change later. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	/**
	 * No observation of Spring Security's own: with observations only switched off by predicate, every filter of every
	 * request was still wrapped by the observing decorator (found in issue 21's lifecycle profile). Requests stay
	 * observed as {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, OidcClaims claims, SecurityContextRepository contexts,
			SignedInSessions sessions, ApiAuthenticationEntryPoint bearer, AuthorizationServerSettings settings) throws Exception {
		http.oauth2AuthorizationServer(as -> {
			http.securityMatcher(as.getEndpointsMatcher());
			as.authorizationEndpoint(a -> a.consentPage("/oauth2/consent"));
			// a refused token at userinfo is a 401 with the bearer challenge (RFC 6750 §3), like the API's
			as.oidc(oidc -> oidc.userInfoEndpoint(u -> u.userInfoMapper(claims::userInfo).errorResponseHandler(bearer)));
		})
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.securityContext(c -> c.securityContextRepository(contexts))
			// an ended session (password reset) cannot sign anyone in to a department system either
			.addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class)
			// nor one still asked to agree to a new privacy notice (programs calling with a token have no session); before
			// the authorization endpoint's own filter, which answers /oauth2/authorize ahead of the authorization filter
			.addFilterAfter(new NoticeGate(), SecurityContextHolderFilter.class)
			// userinfo is for programs with a token: no token is a 401, never the sign-in page
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(bearer, PathPatternRequestMatcher.pathPattern(settings.getOidcUserInfoEndpoint()))
				.defaultAuthenticationEntryPointFor(signInPage(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			.oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()).authenticationEntryPoint(bearer));
		return http.build();
	}

	/** The sign-in page as a relative Location, so that a forged Host header is never echoed back (docs/security.md). */
	private static LoginUrlAuthenticationEntryPoint signInPage() {
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		signIn.setFavorRelativeUris(true);
		return signIn;
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, ApiAuthenticationEntryPoint entryPoint) throws Exception {
		http.securityMatcher("/api/**").authorizeHttpRequests(a -> {
			a.requestMatchers(HttpMethod.GET, "/api/regions/**", "/api/departments/**", "/api/items", "/api/items/**", "/api/themes",
					"/api/search")
				.permitAll()
				// 政务公开: publications, policies and the knowledge base are public
				.requestMatchers(HttpMethod.GET, "/api/publications", "/api/publications/**", "/api/policies", "/api/policies/**",
						"/api/knowledge", "/api/knowledge/**")
				.permitAll()
				// 政务服务效能: the published indicators are public, as on /performance
				.requestMatchers(HttpMethod.GET, "/api/indicators", "/api/indicators/**")
				.permitAll()
				// checking values against a published form has no side effects and needs no account
				.requestMatchers(HttpMethod.POST, "/api/items/*/form/validation")
				.permitAll()
				// 好差评: public statistics, and a counter visit rated by its QR token without an account
				.requestMatchers(HttpMethod.GET, "/api/ratings/stats")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/visits/*/rating")
				.permitAll()
				// 数据开放: the open-data API checks its own keys (401/403 problem+json), as Open311 checks api_key
				.requestMatchers("/api/open-data", "/api/open-data/**")
				.permitAll()
				// 办事地点 (hall): the service points, their hours and queues are public; the payment gateway's callback
				// carries its own signature, checked by the callback itself
				.requestMatchers(HttpMethod.GET, "/api/service-points", "/api/service-points/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/hall/payments/callback")
				.permitAll();
			// each API group needs its scope (ApiScopes); what is left (/api/me) answers any access token
			ApiScopes.RULES.forEach(r -> a.requestMatchers(PathPatternRequestMatcher.pathPattern(r.method(), r.pattern()))
				.hasAuthority("SCOPE_" + r.scope()));
			a.anyRequest().authenticated();
		})
			.oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable());
		return http.build();
	}

	/** Open311 GeoReport v2: public reads; posting needs the client's api_key, checked by the interface itself. */
	@Bean
	@Order(3)
	SecurityFilterChain open311Chain(HttpSecurity http) throws Exception {
		http.securityMatcher("/open311/**")
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable());
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain webChain(HttpSecurity http, SignInHandlers handlers, SecurityContextRepository contexts,
			SignedInSessions sessions, KnownPaths known) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/robots.txt")
			.permitAll()
			.requestMatchers("/", "/login", "/login/totp", "/register", "/register/**",
					"/password/reset", "/password/reset/**", "/privacy", "/privacy/versions", "/privacy/versions/*", "/css/**", "/js/**", "/img/**",
					"/webjars/**", "/favicon.ico", "/error", "/preferences/**", "/departments", "/departments/**", "/items/**", "/themes/**", "/browse", "/search", "/search/**",
					"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/bundles", "/bundles/*")
			.permitAll()
			// 12345: anyone may submit (anonymously with a confirmed phone), follow a ticket with its number and phone
			.requestMatchers("/hotline", "/hotline/**")
			.permitAll()
			.requestMatchers("/verify", "/verify/**")
			.permitAll()
			// 政务公开: public pages, feeds and the sitemap; consultations take anonymous comments with a confirmed phone
			.requestMatchers("/policies", "/policies/**", "/articles", "/articles/**", "/interpretations", "/interpretations/**",
					"/openness", "/openness/**", "/feeds/**", "/sitemap.xml", "/consultations", "/consultations/**", "/mailbox",
					"/mailbox/**", "/knowledge", "/knowledge/**")
			.permitAll()
			.requestMatchers("/disclosure", "/disclosure/**")
			.hasRole(Role.CITIZEN.name())
			.requestMatchers("/workbench/publications/**", "/workbench/consultations/**")
			.hasAnyRole(Role.INFO_EDITOR.name(), Role.INFO_REVIEWER.name(), Role.DEPT_ADMIN.name())
			.requestMatchers("/workbench/disclosure/**")
			.hasAnyRole(Role.DISCLOSURE_OFFICER.name(), Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name())
			.requestMatchers("/workbench/knowledge/**")
			.hasAnyRole(Role.INFO_EDITOR.name(), Role.HOTLINE_OPERATOR.name(), Role.DEPT_ADMIN.name(), Role.PLATFORM_ADMIN.name())
			// 效能监察 (insight): the public page, dashboards, 督办单, assessment, anomaly reviews, channel checks, trends
			.requestMatchers("/performance", "/performance/**")
			.permitAll()
			.requestMatchers("/workbench/insight/**", "/workbench/assessment/**")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name(), Role.LEADER.name(), Role.PLATFORM_ADMIN.name())
			.requestMatchers("/workbench/supervision-orders/**")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name(), Role.LEADER.name())
			.requestMatchers("/workbench/anomalies/**")
			.hasRole(Role.SUPERVISOR.name())
			.requestMatchers("/workbench/channel-checks/**")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name(), Role.PLATFORM_ADMIN.name())
			.requestMatchers("/workbench/trends/**")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name(), Role.LEADER.name(), Role.HOTLINE_OPERATOR.name(),
					Role.PLATFORM_ADMIN.name())
			// 主动服务 (proactive): the open-data portal is public; staff handle contests, payment orders, promise checks,
			// open-data applications and the rules of their department; life-event rules are the platform's (/console/**)
			.requestMatchers("/data", "/data/**")
			.permitAll()
			.requestMatchers("/workbench/benefits/**", "/workbench/promise-checks/**")
			.hasAnyRole(Role.APPROVER.name(), Role.DEPT_ADMIN.name())
			.requestMatchers("/workbench/open-data/**", "/workbench/enterprise-policies/**")
			.hasRole(Role.DEPT_ADMIN.name())
			// 线下服务 (hall): the 办事地点 pages, hall display pages and a queue number's page (by its token) are public;
			// a kiosk checks its own device registration; the demo payment gateway stands for a bank's site
			.requestMatchers("/service-points", "/service-points/**", "/hall/**", "/kiosk", "/kiosk/**", "/demo-gateway/**")
			.permitAll()
			.requestMatchers("/workbench/hall/statistics", "/workbench/hall/statistics/**")
			.hasAnyRole(Role.COUNTER_CLERK.name(), Role.DEPT_ADMIN.name(), Role.SUPERVISOR.name(), Role.LEADER.name(),
					Role.PLATFORM_ADMIN.name())
			.requestMatchers("/workbench/hall/payments", "/workbench/hall/payments/**")
			.hasAnyRole(Role.COUNTER_CLERK.name(), Role.APPROVER.name(), Role.DEPT_ADMIN.name())
			.requestMatchers("/workbench/hall/**")
			.hasRole(Role.COUNTER_CLERK.name())
			.requestMatchers(HttpMethod.GET, "/ca/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/ratings")
			.permitAll()
			.requestMatchers("/rate/*")
			.permitAll()
			.requestMatchers("/bundle-cases/**")
			.hasRole(Role.CITIZEN.name())
			.requestMatchers("/console/items", "/console/items/**")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.PLATFORM_ADMIN.name())
			// issue 23 §2: how the platform grades the data it holds, for the administrators who answer for it
			.requestMatchers("/console/data-classification")
			.hasAnyRole(Role.DEPT_ADMIN.name(), Role.PLATFORM_ADMIN.name())
			.requestMatchers("/console/**")
			.hasRole(Role.PLATFORM_ADMIN.name())
			.requestMatchers("/workbench/counter/**")
			.hasRole(Role.COUNTER_CLERK.name())
			.requestMatchers("/workbench/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/account/**", "/business/**", "/apply/**", "/cases/**")
			.hasRole(Role.CITIZEN.name())
			// a path nothing answers is a 404 page for everyone, not a sign-in page
			.requestMatchers(known::unknown)
			.permitAll()
			.anyRequest()
			.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(signInPage()))
			.securityContext(c -> c.securityContextRepository(contexts))
			// a session signed in before its account's password was reset is signed out
			.addFilterAfter(sessions.filter(), SecurityContextHolderFilter.class)
			// a citizen asked to agree to a new privacy notice stays on that page until they agree or sign out
			.addFilterAfter(new NoticeGate(), AuthorizationFilter.class)
			// The CSRF token lives in a cookie, not the session, so anonymous portal visitors get no session.
			.csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository())
				// a forged request could only switch someone's elder mode; no token keeps anonymous pages cacheable
				.ignoringRequestMatchers("/preferences/elder"))
			.formLogin(f -> f.loginPage("/login").successHandler(handlers).failureHandler(handlers).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self' http: https:"))
				// links to other sites carry no path (a case page's address names the case); no page needs these devices
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
		return http.build();
	}
}
