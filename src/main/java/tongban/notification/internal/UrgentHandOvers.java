package tongban.notification.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import tongban.notification.NotificationManagement;

/**
 * SMS a person is waiting for (a verification code, a 12345 receipt), handed over once the request's work is done and
 * its database connection given back, before the response is finished. Handing one over right after its transaction
 * commits took a second connection while the first was still held: under load every request held one and waited for
 * another, and the pool ran dry (issue 21's lifecycle benchmark: create p50 1.6 s with the machine 70% idle). Outside a
 * request (a job, a listener, a test calling a service) there is no such filter and the caller hands over at once.
 */
public final class UrgentHandOvers {

	private static final Logger log = LoggerFactory.getLogger(UrgentHandOvers.class);

	private static final ThreadLocal<List<Long>> PENDING = new ThreadLocal<>();

	private UrgentHandOvers() {
	}

	/** Keeps a message for the end of the request; false when no request collects them (hand it over now). */
	public static boolean defer(long deliveryId) {
		List<Long> pending = PENDING.get();
		if (pending == null) {
			return false;
		}
		pending.add(deliveryId);
		return true;
	}

	/** Runs the request, then hands over what it deferred. */
	static void around(Runnable request, LongConsumer handOver) {
		List<Long> outer = PENDING.get();
		List<Long> pending = new ArrayList<>(1);
		PENDING.set(pending);
		try {
			request.run();
		}
		finally {
			PENDING.set(outer);
			if (!pending.isEmpty()) {
				log.debug("handing over {} deferred SMS", pending.size());
			}
			pending.forEach(handOver::accept);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> urgentHandOverFilter(ObjectProvider<NotificationManagement> notifications) {
			OncePerRequestFilter filter = new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
						throws ServletException, IOException {
					Failure failure = new Failure();
					around(() -> {
						try {
							chain.doFilter(request, response);
						}
						catch (IOException | ServletException e) {
							failure.caught = e;
						}
					}, id -> notifications.getObject().handOverNow(id));
					if (failure.caught instanceof IOException io) {
						throw io;
					}
					if (failure.caught instanceof ServletException servlet) {
						throw servlet;
					}
				}
			};
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setName("urgentHandOvers");
			// inside the session and security filters; no transaction is open around it
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}
	}

	private static final class Failure {
		Exception caught;
	}
}
