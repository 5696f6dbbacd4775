package tongban.shared.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import tongban.shared.DataKeys;

/**
 * Sessions in PostgreSQL (Spring Session JDBC, decision 0043) hold what a person has half done: a registration in
 * progress (name, ID number, password hash), a draft's answers, the staff member between password and TOTP. So each
 * attribute is stored encrypted with the data keys ({@link DataKeys}, AES-256-GCM): Java serialisation, then
 * {@code version$base64(nonce ‖ ciphertext ‖ tag)} as the attribute's bytes. An attribute that does not decrypt (a row
 * from before, or from a key no longer held) reads as absent, as if the session had lost it, rather than as an error.
 * <p>
 * Expired sessions are deleted by one node a minute ({@code spring.session.jdbc.cleanup-cron: "-"} turns off the
 * repository's own timer on every node; this job takes the cluster's lock instead).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration implements BeanClassLoaderAware {

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	private ClassLoader classLoader = SessionConfiguration.class.getClassLoader();

	@Override
	public void setBeanClassLoader(ClassLoader loader) {
		this.classLoader = loader;
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> encryptedSessionAttributes(DataKeys keys) {
		ConversionService conversion = encrypting(keys, classLoader);
		return repository -> repository.setConversionService(conversion);
	}

	/**
	 * PostgreSQL's upsert for attributes: two requests of one session at once (a double click, forty sign-in attempts)
	 * that both add the same attribute would otherwise collide on the attribute's key and end in an error page.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertedSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/** Object → encrypted bytes and back, for the session repository. */
	static ConversionService encrypting(DataKeys keys, ClassLoader loader) {
		SerializingConverter serializing = new SerializingConverter();
		DeserializingConverter deserializing = new DeserializingConverter(loader);
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class,
				value -> keys.encrypt(Base64.getEncoder().encodeToString(serializing.convert(value))).getBytes(StandardCharsets.US_ASCII));
		conversion.addConverter(byte[].class, Object.class, stored -> {
			try {
				return deserializing.convert(Base64.getDecoder().decode(keys.decrypt(new String(stored, StandardCharsets.US_ASCII))));
			}
			catch (RuntimeException e) {
				log.warn("a session attribute does not decrypt or read back and is dropped: {}", e.getMessage());
				return null;
			}
		});
		return conversion;
	}

	@Bean
	ExpiredSessions expiredSessions(ObjectProvider<JdbcIndexedSessionRepository> repository) {
		return new ExpiredSessions(repository);
	}

	/** Deletes expired sessions once a minute, on one node of the cluster. Safe to run twice: a DELETE by expiry time. */
	static class ExpiredSessions {

		private final ObjectProvider<JdbcIndexedSessionRepository> repository;

		ExpiredSessions(ObjectProvider<JdbcIndexedSessionRepository> repository) {
			this.repository = repository;
		}

		@Scheduled(cron = "0 * * * * *", zone = "Asia/Shanghai")
		@SchedulerLock(name = "shared.session-cleanup", lockAtMostFor = "PT5M", lockAtLeastFor = "PT50S")
		void delete() {
			repository.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
		}
	}
}
