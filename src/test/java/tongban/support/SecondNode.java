package tongban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import tongban.Tongban;
import tongban.shared.TongbanProperties;

/**
 * A second node of the cluster in the same JVM: another {@link Tongban} application on the first context's database
 * ({@code spring.datasource.url}, so it starts no embedded PostgreSQL of its own), on a free port, with a data folder of
 * its own under {@code target/} holding a copy of the first node's keys (data keys, OIDC and seal keys: what a mounted
 * secret gives every node), no demo data (the first node loaded it into the same database) and the first node's mail
 * and test settings. Start one per test class (a start costs some 20 s) and close it in {@code @AfterAll}.
 * <p>
 * A test that needs the node's data folder before the start (files an older node left there) takes one from
 * {@link #dataFolder()} and names it as {@code tongban.data-dir} in the settings; one that expects a node to refuse to
 * start (other keys) calls {@link #tryStart}.
 */
public final class SecondNode implements AutoCloseable {

	private static final AtomicInteger STARTED = new AtomicInteger();

	/** Settings of the first node that the second takes over as they are, when set. */
	private static final List<String> SHARED_SETTINGS = List.of("spring.mail.host", "spring.mail.port", "tongban.notification.sms-window",
			"tongban.insight.channels.allowed-hosts", "tongban.data-keys", "tongban.demo.history");

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a node beside {@code first}, on its database and with its keys; returns once it serves. */
	public static SecondNode start(ApplicationContext first) {
		return start(first, Map.of());
	}

	/**
	 * As {@link #start(ApplicationContext)}, with more settings ({@code name → value}) for this node; they win over the
	 * defaults, {@code spring.datasource.url} (e.g. through a proxy) and {@code tongban.data-dir} included.
	 */
	public static SecondNode start(ApplicationContext first, Map<String, String> settings) {
		String[] arguments = arguments(first, settings);
		SpringApplication application = new SpringApplication(Tongban.class);
		application.setRegisterShutdownHook(false);
		// one logging system per JVM: the second node must not reconfigure (and, on close, stop) the first one's
		String loggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		try {
			return new SecondNode(application.run(arguments));
		}
		finally {
			if (loggingSystem == null) {
				System.clearProperty("org.springframework.boot.logging.LoggingSystem");
			}
			else {
				System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
			}
		}
	}

	/**
	 * Starts a node that is expected to refuse (other keys, say): the failure it stopped with, or empty when it
	 * started after all (it is then closed at once).
	 */
	public static Optional<RuntimeException> tryStart(ApplicationContext first, Map<String, String> settings) {
		try {
			start(first, settings).close();
			return Optional.empty();
		}
		catch (RuntimeException failure) {
			return Optional.of(failure);
		}
	}

	/** A new, empty data folder of a node under {@code target/}; {@link #start} takes one itself unless given one. */
	public static Path dataFolder() {
		Path data = Path.of("target", "test-data", ProcessHandle.current().pid() + "-node" + (2 + STARTED.getAndIncrement())).toAbsolutePath();
		try {
			return Files.createDirectories(data);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String[] arguments(ApplicationContext first, Map<String, String> settings) {
		Path firstData = first.getBean(TongbanProperties.class).dataDir().toAbsolutePath();
		Path data = settings.containsKey("tongban.data-dir") ? Path.of(settings.get("tongban.data-dir")) : dataFolder();
		copyKeys(firstData.resolve("keys"), data.resolve("keys"));

		Map<String, String> properties = new LinkedHashMap<>();
		Environment environment = first.getEnvironment();
		for (String name : SHARED_SETTINGS) {
			String value = environment.getProperty(name);
			if (value != null) {
				properties.put(name, value);
			}
		}
		HikariDataSource database = (HikariDataSource) first.getBean(DataSource.class);
		properties.put("spring.datasource.url", database.getJdbcUrl());
		properties.put("spring.datasource.username", database.getUsername());
		properties.put("spring.datasource.password", database.getPassword() == null ? "" : database.getPassword());
		properties.put("spring.datasource.hikari.maximum-pool-size", "8");
		properties.put("server.port", "0");
		properties.put("tongban.data-dir", data.toString());
		properties.put("tongban.demo", "false");
		// events left incomplete belong to the first node, which is alive: the second must not deliver them again
		properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.structured.format.console", "");
		properties.putAll(settings);
		// as command-line arguments: above application.yml and the environment, as a node's own settings are
		return properties.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
	}

	private static void copyKeys(Path from, Path to) {
		try {
			Files.createDirectories(to);
			if (!Files.isDirectory(from)) {
				return;
			}
			try (Stream<Path> files = Files.list(from)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** {@code http://localhost:port} + path on this node. */
	public String url(String path) {
		return "http://localhost:" + port() + path;
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
