package tongban.identity.web;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tongban.identity.Actor;
import tongban.identity.IdentityManagement;
import tongban.identity.Party;
import tongban.identity.StaffMember;
import tongban.identity.internal.SessionKeys;
import tongban.shared.DomainException;

/**
 * The one place that turns "who is signed in" into an {@link Actor} or a {@link StaffMember}: handlers say
 * {@code @CurrentActor Actor actor} or {@code @CurrentStaff StaffMember staff}, and module APIs receive those, never a
 * security object or the request.
 */
@Configuration(proxyBeanMethods = false)
public class ActingResolver implements WebMvcConfigurer {

	/** The authority a sign-in gains when the TOTP code was right (see the security configuration). */
	static final String SECOND_FACTOR = "FACTOR_TOTP";

	private final IdentityManagement identity;

	ActingResolver(@Lazy IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver<>(CurrentActor.class, Actor.class) {
			@Override
			Optional<Actor> find(Authentication auth, HttpServletRequest request) {
				return accountId(auth).flatMap(id -> api(auth) ? identity.selfActor(id) : identity.citizenActor(id, chosenParty(request)));
			}

			@Override
			String missing(MethodParameter parameter) {
				return parameter.getParameterAnnotation(CurrentActor.class).missing();
			}

			@Override
			String needed() {
				return "a citizen's token is needed";
			}
		});
		resolvers.add(new Resolver<>(CurrentStaff.class, StaffMember.class) {
			@Override
			Optional<StaffMember> find(Authentication auth, HttpServletRequest request) {
				return accountId(auth).flatMap(identity::staffMember).map(staff -> staff.withSecondFactor(secondFactor(auth)));
			}

			@Override
			String missing(MethodParameter parameter) {
				return parameter.getParameterAnnotation(CurrentStaff.class).missing();
			}

			@Override
			String needed() {
				return "a member of staff's token is needed";
			}
		});
	}

	/** The signed-in account's id; empty for anonymous visitors and names that are not account ids. */
	public static Optional<UUID> accountId(Authentication auth) {
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(auth.getName()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** The party chosen with the acting-as switch in this browser session, or null. */
	public static Party chosenParty(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(SessionKeys.ACTING_FOR) instanceof Party party ? party : null;
	}

	/** Whether this sign-in confirmed the second factor (TOTP); never for an API token. */
	public static boolean secondFactor(Authentication auth) {
		return auth != null && auth.getAuthorities().stream().anyMatch(authority -> SECOND_FACTOR.equals(authority.getAuthority()));
	}

	private static boolean api(Authentication auth) {
		return auth instanceof JwtAuthenticationToken;
	}

	private abstract static class Resolver<T> implements HandlerMethodArgumentResolver {

		private final Class<? extends Annotation> annotation;
		private final Class<T> type;

		Resolver(Class<? extends Annotation> annotation, Class<T> type) {
			this.annotation = annotation;
			this.type = type;
		}

		abstract Optional<T> find(Authentication auth, HttpServletRequest request);

		abstract String missing(MethodParameter parameter);

		abstract String needed();

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.hasParameterAnnotation(annotation)
					&& (parameter.getParameterType() == type || parameter.getParameterType() == Optional.class);
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest webRequest,
				WebDataBinderFactory binderFactory) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			Optional<T> found = find(auth, webRequest.getNativeRequest(HttpServletRequest.class));
			if (parameter.getParameterType() == Optional.class) {
				return found;
			}
			return found.orElseThrow(() -> api(auth) ? new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", needed())
					: DomainException.notFound(missing(parameter)));
		}
	}
}
