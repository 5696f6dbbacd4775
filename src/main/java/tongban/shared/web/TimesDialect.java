package tongban.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import tongban.shared.Clocks;

/**
 * {@code #times.format(value, 'yyyy-MM-dd HH:mm')} in templates: a date or time shown in China Standard Time, whatever
 * zone the value carries. Thymeleaf's {@code #temporals.format} keeps a value's own offset, and the PostgreSQL driver
 * returns {@code timestamptz} as an {@code OffsetDateTime} in UTC, so a time read from the database was shown eight
 * hours early, and after midnight in Shanghai a date showed the day before. Templates use this instead
 * ({@code TemplatesShowTimesInChinaStandardTimeIT} keeps it so).
 */
@Component
public class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final Times TIMES = new Times();

	public TimesDialect() {
		super("tongban-times");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("times");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return TIMES;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}

	/** The expression object. */
	public static final class Times {

		private final ConcurrentHashMap<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

		/** The value in China Standard Time in the pattern; null for null. */
		public String format(Object value, String pattern) {
			TemporalAccessor t = inChina(value);
			return t == null ? null : formatters.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p, Locale.SIMPLIFIED_CHINESE)).format(t);
		}

		static TemporalAccessor inChina(Object value) {
			return switch (value) {
				case null -> null;
				case OffsetDateTime o -> o.atZoneSameInstant(Clocks.ZONE);
				case ZonedDateTime z -> z.withZoneSameInstant(Clocks.ZONE);
				case Instant i -> i.atZone(Clocks.ZONE);
				case LocalDateTime l -> l;
				case LocalDate d -> d;
				case Date d -> d.toInstant().atZone(Clocks.ZONE);
				case TemporalAccessor other -> other;
				default -> throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
			};
		}
	}
}
