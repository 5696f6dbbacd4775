package tongban.shared.web;

import java.util.List;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** {@link InputGuard} for every request, after the character encoding filter and before Spring Security. */
@Configuration(proxyBeanMethods = false)
class InputGuardRegistration {

	@Bean
	FilterRegistrationBean<InputGuard> inputGuard(Problems problems, MessageSource messages, JsonMapper json,
			List<RefusedInputAnswer> answers, LocaleResolver localeResolver) {
		FilterRegistrationBean<InputGuard> registration = new FilterRegistrationBean<>(
				new InputGuard(problems, messages, json, answers, localeResolver));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		registration.addUrlPatterns("/*");
		return registration;
	}
}
