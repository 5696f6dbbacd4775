package tongban.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import tongban.Tongban;

/**
 * The application as a separate process (the test classpath with {@link Tongban}'s main), on a data directory of its
 * own with demo data, so a test can kill it, and the PostgreSQL it started, as an operating system would. Its output
 * goes to a log file beside the data directory, whose tail an assertion quotes when a start fails.
 */
public final class AppProcess {

	private final Process process;
	private final int port;
	private final Path log;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the application on {@code dataDirectory} and waits until it answers as healthy (at most {@code wait}). */
	public static AppProcess start(Path dataDirectory, String name, Duration wait) throws IOException {
		int port = freePort();
		Files.createDirectories(dataDirectory);
		Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + name + ".log");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-DTONGBAN_LOG_FORMAT=", "-cp", classpath, Tongban.class.getName(),
				"--server.port=" + port, "--tongban.data-dir=" + dataDirectory, "--tongban.demo=true", "--spring.main.banner-mode=off");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AppProcess app = new AppProcess(process, port, log);
		try {
			awaitHealthy(app, name, wait);
		}
		catch (RuntimeException | AssertionError e) {
			process.destroyForcibly();
			throw e;
		}
		return app;
	}

	private static void awaitHealthy(AppProcess app, String name, Duration wait) {
		Process process = app.process;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			Awaitility.await(name + " answers on /actuator/health").atMost(wait).pollInterval(Duration.ofMillis(500)).until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + app.logTail());
				}
				try {
					return http.send(HttpRequest.newBuilder(URI.create(app.url("/actuator/health"))).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				catch (IOException e) {
					return false;
				}
			});
		}
		catch (ConditionTimeoutException e) {
			throw new AssertionError(e.getMessage() + "\n" + app.logTail(), e);
		}
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	public ProcessHandle handle() {
		return process.toHandle();
	}

	public boolean alive() {
		return process.isAlive();
	}

	/** Stops it as an operator would (SIGTERM: Spring closes, the database last) and waits. */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	/** The last lines of its output. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	/** The embedded PostgreSQL server of a data directory, from its {@code postmaster.pid}, when it is running. */
	public static Optional<ProcessHandle> postmaster(Path dataDirectory) {
		return pidFileLine(dataDirectory, 0).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid))).filter(ProcessHandle::isAlive);
	}

	/** The port of the embedded PostgreSQL server of a data directory, from its {@code postmaster.pid}. */
	public static int databasePort(Path dataDirectory) {
		return Integer.parseInt(pidFileLine(dataDirectory, 3).orElseThrow());
	}

	private static Optional<String> pidFileLine(Path dataDirectory, int index) {
		try {
			List<String> lines = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
			return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
