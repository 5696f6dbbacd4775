package tongban.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import tongban.support.IntegrationTest;

/**
 * Times read from the database come as UTC (the driver's {@code OffsetDateTime}); pages must show them in China
 * Standard Time, also across midnight.
 */
class TemplatesShowTimesInChinaStandardTimeIT extends IntegrationTest {

	@Autowired
	TemplateEngine pages;

	@Test
	void aTimeInUtcIsShownInChinaStandardTimeAcrossMidnight() {
		TemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		pages.getDialects().stream().filter(TimesDialect.class::isInstance).forEach(engine::addDialect);
		Context context = new Context();
		context.setVariable("utc", OffsetDateTime.of(2026, 11, 23, 17, 30, 0, 0, ZoneOffset.UTC));
		context.setVariable("instant", Instant.parse("2026-12-31T16:05:09Z"));
		context.setVariable("day", LocalDate.of(2026, 10, 1));
		context.setVariable("none", null);
		String html = engine.process("""
				<p th:text="${#times.format(utc, 'yyyy-MM-dd HH:mm')}"></p><p th:text="${#times.format(instant, 'yyyy-MM-dd HH:mm:ss')}"></p>\
				<p th:text="${#times.format(day, 'yyyy-MM-dd EEE')}"></p><p th:text="${#times.format(none, 'yyyy-MM-dd')}"></p>""", context);
		assertThat(html).isEqualTo("<p>2026-11-24 01:30</p><p>2027-01-01 00:05:09</p><p>2026-10-01 周四</p><p></p>");
	}

	@Test
	void noTemplateFormatsATimeInTheZoneItCameWith() throws IOException {
		List<Path> offending;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			offending = files.filter(p -> p.toString().endsWith(".html")).filter(p -> {
				try {
					return Files.readString(p).contains("#temporals.format");
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).toList();
		}
		assertThat(offending).as("templates that should use #times.format").isEmpty();
	}
}
