package tongban.shared.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL. Two requests of one session at the same moment (a double click, a page and its htmx
 * fragment, forty sign-in attempts at once) may both add the same attribute; Spring Session's plain INSERT then fails
 * the second with a duplicate key and the person sees an error page. The attribute is written with an upsert instead,
 * the last writer winning, as it would in memory.
 */
@Configuration(proxyBeanMethods = false)
class SessionQueries {

	static final String UPSERT_ATTRIBUTE = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			VALUES (?, ?, ?)
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
		return repository -> repository.setCreateSessionAttributeQuery(UPSERT_ATTRIBUTE);
	}
}
