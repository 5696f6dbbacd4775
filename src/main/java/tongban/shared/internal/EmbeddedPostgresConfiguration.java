package tongban.shared.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import tongban.shared.EmbeddedDatabase;
import tongban.shared.TongbanProperties;
import tongban.shared.internal.backup.WalArchive;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) in {@code TONGBAN_DATA_DIR/postgres} unless
 * {@code SPRING_DATASOURCE_URL} points elsewhere. The data survives restarts. Spring closes the data source
 * before this bean, and every bean that uses the data source before that, so the database stops last.
 * <p>
 * Durability: a write is acknowledged only once its commit is on disk ({@code synchronous_commit=on}, {@code fsync=on};
 * the embedded library's default is {@code synchronous_commit=off}, which lost the last ~100 ms of acknowledged
 * submissions, read records and tickets when the database died with the JVM). Commits still share flushes (group
 * commit): whoever flushes the WAL flushes every commit queued behind it, and with {@code commit_siblings} other
 * transactions open the flushing one waits {@code commit_delay} µs to take more along (docs/security.md). A server left
 * running by a killed JVM is stopped before the start ({@link LeftoverPostmaster}); crash recovery may take a while,
 * so the start waits up to two minutes. With {@code TONGBAN_BACKUP_DIR} set the server archives its WAL there
 * (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** How long a server left by a killed JVM may take to stop (a shutdown checkpoint). */
	private static final Duration STOP_WAIT = Duration.ofMinutes(1);

	/** How long the start may take, crash recovery (replaying the WAL since the last checkpoint) included. */
	private static final Duration START_WAIT = Duration.ofMinutes(2);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(TongbanProperties properties, @Value("${tongban.backup.dir:}") String backupDir,
			@Value("${tongban.backup.archive-timeout:60s}") Duration archiveTimeout,
			@Value("${tongban.db.statement-statistics:false}") boolean statementStatistics) throws IOException {
		Path dir = properties.dataDir().toAbsolutePath().resolve("postgres");
		Files.createDirectories(dir);
		boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
		LeftoverPostmaster.stop(dir, STOP_WAIT);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (StringUtils.hasText(backupDir)) {
			// TONGBAN_BACKUP_DIR: every WAL file is archived there, for backups and point-in-time recovery (ADR 0054)
			WalArchive.serverSettings(Path.of(backupDir).toAbsolutePath(), archiveTimeout).forEach(builder::setServerConfig);
		}
		if (statementStatistics) {
			// a diagnosis (bench/lifecycle.sh's statement count): every statement's calls and time, foreign-key checks included
			builder.setServerConfig("shared_preload_libraries", "pg_stat_statements").setServerConfig("pg_stat_statements.track", "all");
		}
		EmbeddedPostgres pg = builder
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			// Spring stops it, last; its own JVM hook would race Spring's and stop it under live beans.
			.setRegisterShutdownHook(false)
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("max_connections", "200")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("commit_delay", "100")
			.setServerConfig("commit_siblings", "5")
			.setPGStartupWait(START_WAIT)
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
			@Value("${tongban.db-pool-size:20}") int poolSize) {
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
