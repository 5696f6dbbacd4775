package tongban.shared.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled work runs once per cluster: a job annotated {@code @SchedulerLock(name = ...)} takes a row lock in
 * {@code shedlock} (times from the database's clock, so nodes' clocks need not agree) and another node skips that run;
 * when the node holding it dies, the lock lapses after {@code lockAtMostFor} and the next node takes the job over.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfiguration {

	/** {@code locked_by} names the node too (TONGBAN_NODE_NAME): nodes on one host would otherwise look the same. */
	@Bean
	LockProvider lockProvider(DataSource dataSource, @Value("${tongban.node.name:}") String node) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.withLockedByValue(LockedBy.of(node))
			.build());
	}
}
