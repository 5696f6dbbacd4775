package tongban.shared.internal;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A node on {@code SPRING_DATASOURCE_URL} waits for its database before the data source, Flyway and everything else
 * use it: the database may start with the nodes (bin/cluster), restart under them, or be failed over. Each failed
 * attempt is one log line (which database, what failed, when the next attempt is); after {@code TONGBAN_DB_WAIT} the
 * start ends with {@link DatabaseUnreachable}, which {@link DatabaseUnreachableFailureAnalyzer} reports in two lines
 * and the JVM exits with status 1. Only a connection that could not be made is retried (SQL state class 08, and
 * 57P03 "the database system is starting up"); a wrong password or database name fails at once, with what PostgreSQL
 * said. The embedded database (no URL) is started by the node itself and needs no wait. ADR 0049.
 */
@Component
class DatabaseWait implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);

	private static final Duration MIN_PAUSE = Duration.ofSeconds(1);
	private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

	private final Environment environment;
	private volatile boolean checked;

	DatabaseWait(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		String url = environment.getProperty("spring.datasource.url");
		if (bean instanceof DataSource && !checked && StringUtils.hasText(url)) {
			checked = true;
			await(url, environment.getProperty("tongban.node.db-wait", Duration.class, Duration.ofSeconds(60)));
		}
		return bean;
	}

	private void await(String url, Duration wait) {
		Properties properties = new Properties();
		putIfSet(properties, "user", environment.getProperty("spring.datasource.username"));
		putIfSet(properties, "password", environment.getProperty("spring.datasource.password"));
		properties.put("connectTimeout", "5");
		properties.put("loginTimeout", "10");
		String shown = shown(url);
		Duration pause = pause(wait);
		long start = System.nanoTime();
		int attempts = 0;
		while (true) {
			attempts++;
			try (Connection connection = DriverManager.getConnection(url, properties)) {
				if (attempts > 1) {
					log.info("database {} answers (after {} attempts)", shown, attempts);
				}
				return;
			}
			catch (SQLException e) {
				Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
				if (!retryable(e)) {
					throw new DatabaseUnreachable(shown, elapsed, reason(e));
				}
				Duration left = wait.minus(elapsed);
				if (left.isNegative() || left.isZero()) {
					throw new DatabaseUnreachable(shown, wait, reason(e));
				}
				Duration next = pause.compareTo(left) < 0 ? pause : left;
				log.warn("database {} unreachable ({}); retrying in {} s, giving up in {} s", shown, reason(e), seconds(next), seconds(left));
				sleep(next);
			}
		}
	}

	/** About a dozen attempts over the wait, one to five seconds apart. */
	static Duration pause(Duration wait) {
		Duration twelfth = wait.dividedBy(12);
		return twelfth.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : twelfth.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : twelfth;
	}

	/** A connection that could not be made, or a server still starting: worth another try. */
	static boolean retryable(SQLException e) {
		String state = e.getSQLState();
		return state == null ? e.getCause() instanceof ConnectException : state.startsWith("08") || "57P03".equals(state);
	}

	/** What failed, in one line: the network's word where there is one, else PostgreSQL's. */
	static String reason(SQLException e) {
		Throwable cause = e.getCause();
		String text;
		if (cause instanceof UnknownHostException) {
			text = "unknown host " + cause.getMessage();
		}
		else if (cause instanceof ConnectException) {
			text = cause.getMessage();
		}
		else {
			text = e.getMessage();
		}
		text = text == null ? e.getClass().getSimpleName() : text.lines().findFirst().orElse("").strip();
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	/** The URL without its parameters, where a password may be written. */
	static String shown(String url) {
		int query = url.indexOf('?');
		return query < 0 ? url : url.substring(0, query);
	}

	private static long seconds(Duration duration) {
		return Math.max(1, Math.round(duration.toMillis() / 1000.0));
	}

	private static void putIfSet(Properties properties, String key, String value) {
		if (value != null) {
			properties.put(key, value);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DatabaseUnreachable("(interrupted)", Duration.ZERO, "interrupted while waiting");
		}
	}
}
