package tongban.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import tongban.shared.EmbeddedDatabase;
import tongban.shared.TongbanProperties;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) in {@code TONGBAN_DATA_DIR/postgres} unless
 * {@code SPRING_DATASOURCE_URL} points elsewhere. The data survives restarts. Spring closes the data source
 * before this bean, and every bean that uses the data source before that, so the database stops last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(TongbanProperties properties) throws IOException {
		Path dir = properties.dataDir().toAbsolutePath().resolve("postgres");
		Files.createDirectories(dir);
		boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Spring stops it, last; its own JVM hook would race Spring's and stop it under live beans.
			.setRegisterShutdownHook(false)
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("max_connections", "200")
			.setServerConfig("fsync", "on")
			.start();
		log.info("embedded PostgreSQL {} on port {} in {}", fresh ? "initialised" : "reopened", pg.getPort(), dir);
		return pg;
	}

	@Bean
	EmbeddedDatabase embeddedDatabase(EmbeddedPostgres pg) {
		String url = pg.getJdbcUrl("postgres", "postgres");
		return () -> url;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres pg,
			@org.springframework.beans.factory.annotation.Value("${tongban.db-pool-size:20}") int poolSize) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(poolSize);
		ds.setPoolName("tongban");
		// JDBC batches of inserts become multi-row inserts (the read records, the audit trail)
		ds.addDataSourceProperty("reWriteBatchedInserts", "true");
		return ds;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}

}
