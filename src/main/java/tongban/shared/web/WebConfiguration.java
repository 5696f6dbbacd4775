package tongban.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Simplified Chinese first, English by {@code ?lang=en}; the choice is kept in a cookie for a year. Static files are served
 * from {@code /css/**}, {@code /js/**}, {@code /webjars/**}, {@code /robots.txt} and {@code /favicon.ico} only (Boot's default {@code /**} handler is off,
 * {@code spring.web.resources.add-mappings: false}): with a handler at {@code /**}, every link a page builds
 * ({@code @{/verify}}, the menu's links) was looked up as a file in four class-path folders on every request, and a miss is
 * not cached, which cost a rendered page most of its time.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("tb_lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl hour = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(hour).resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(hour).resourceChain(true);
		// files robots and browsers ask for at the root by name
		registry.addResourceHandler("/robots.txt", "/favicon.ico").addResourceLocations("classpath:/static/").setCacheControl(hour);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}
}
