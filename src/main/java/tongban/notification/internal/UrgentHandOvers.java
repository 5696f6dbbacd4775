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
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import tongban.notification.NotificationManagement;

/**
 * SMS a person is waiting for (a verification code, a 12345 receipt), handed over once the request's work is done and
 * its database connection given back, before the response is written: before a page is rendered or a redirect sent,
 * before a body is written, and at the latest when the request ends. Handing one over right after its transaction
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

	/**
	 * Hands over what the request deferred so far, before its response is written: the controller's transactions are
	 * over and their connections given back, and the person who reads the response finds the SMS already sent.
	 */
	static void drain(LongConsumer handOver) {
		List<Long> pending = PENDING.get();
		if (pending == null || pending.isEmpty()) {
			return;
		}
		List<Long> now = List.copyOf(pending);
		pending.clear();
		now.forEach(handOver::accept);
	}

	/** Starts collecting a request's messages; answers what an enclosing request collected, for {@link #end}. */
	static List<Long> begin() {
		List<Long> outer = PENDING.get();
		PENDING.set(new ArrayList<>(1));
		return outer;
	}

	/** Hands over what the request deferred and was not handed over before its response was written. */
	static void end(List<Long> outer, LongConsumer handOver) {
		List<Long> pending = PENDING.get();
		PENDING.set(outer);
		if (pending != null && !pending.isEmpty()) {
			log.debug("handing over {} deferred SMS", pending.size());
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
					List<Long> outer = begin();
					try {
						chain.doFilter(request, response);
					}
					finally {
						end(outer, id -> notifications.getObject().handOverNow(id));
					}
				}
			};
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setName("urgentHandOvers");
			// inside the session and security filters; no transaction is open around it
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}

		/** Before a page is rendered or a redirect sent. */
		@Bean
		WebMvcConfigurer urgentHandOverBeforeViews(ObjectProvider<NotificationManagement> notifications) {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new HandlerInterceptor() {
						@Override
						public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
								ModelAndView modelAndView) {
							drain(id -> notifications.getObject().handOverNow(id));
						}
					});
				}
			};
		}
	}

	/** Before a response body (JSON, XML) is written: the converters flush it to the client. */
	@ControllerAdvice
	static class BeforeBodies implements ResponseBodyAdvice<Object> {

		private final ObjectProvider<NotificationManagement> notifications;

		BeforeBodies(ObjectProvider<NotificationManagement> notifications) {
			this.notifications = notifications;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
				Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
			drain(id -> notifications.getObject().handOverNow(id));
			return body;
		}
	}
}
