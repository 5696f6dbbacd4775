package tongban.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real OpenSearch 3 node per test run, for the tests that run search on a cluster ({@link OnOpenSearch}). It
 * runs in a JVM of its own, built from {@code src/test/opensearch} (its own pom: OpenSearch is built on Lucene 10,
 * the application on Lucene 9, so they cannot share a classloader), with the HTTP transport, OpenSearch's common
 * analysis module and the smartcn tokenizer. The build is offline first and online once if a dependency is missing.
 * The node keeps its data under {@code target/} and stops when this JVM ends (it exits when its standard input closes).
 */
public final class OpenSearchNode {

	private static final Logger log = LoggerFactory.getLogger(OpenSearchNode.class);

	private static final Path PROJECT = Path.of("src", "test", "opensearch").toAbsolutePath();

	private static final Path JAR = PROJECT.resolve(Path.of("target", "tongban-opensearch-node-1.jar"));

	private static final Path CLASSPATH = PROJECT.resolve(Path.of("target", "classpath.txt"));

	private static String address;

	private OpenSearchNode() {
	}

	/** The node's HTTP address ({@code http://127.0.0.1:port}), starting it on first use. */
	public static synchronized String uri() {
		if (address == null) {
			address = "http://" + start();
		}
		return address;
	}

	private static String start() {
		try {
			build();
			Path home = Path.of("target", "opensearch-node", Long.toString(ProcessHandle.current().pid())).toAbsolutePath();
			Path addressFile = home.resolve("address");
			Files.createDirectories(home);
			Files.deleteIfExists(addressFile);
			String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			long started = System.nanoTime();
			Process node = new ProcessBuilder(javaCommand, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
					"-cp", JAR + File.pathSeparator + Files.readString(CLASSPATH).strip(), "tongban.searchnode.SearchNode",
					home.toString(), addressFile.toString())
				.redirectErrorStream(true)
				.redirectOutput(home.resolve("node.log").toFile())
				.start();
			OutputStream keepAlive = node.getOutputStream();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, keepAlive)));
			Awaitility.await("OpenSearch node start (log: " + home.resolve("node.log") + ")")
				.atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.failFast(() -> !node.isAlive())
				.until(() -> Files.exists(addressFile));
			String hostAndPort = Files.readString(addressFile).strip();
			log.info("OpenSearch node on {} started in {} ms", hostAndPort, (System.nanoTime() - started) / 1_000_000);
			return hostAndPort;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void stop(Process node, OutputStream keepAlive) {
		try {
			keepAlive.close();
			if (!node.waitFor(20, TimeUnit.SECONDS)) {
				node.destroyForcibly();
			}
		}
		catch (IOException | InterruptedException e) {
			node.destroyForcibly();
		}
	}

	/** Builds the launcher and writes its classpath, unless both are newer than its sources. */
	private static void build() throws IOException {
		if (upToDate()) {
			return;
		}
		if (maven(true) != 0 && maven(false) != 0) {
			throw new IllegalStateException("could not build " + PROJECT + " (see target/opensearch-build.log)");
		}
	}

	private static boolean upToDate() throws IOException {
		if (!Files.exists(JAR) || !Files.exists(CLASSPATH)) {
			return false;
		}
		long built = Math.min(Files.getLastModifiedTime(JAR).toMillis(), Files.getLastModifiedTime(CLASSPATH).toMillis());
		try (Stream<Path> sources = Files.walk(PROJECT.resolve("src"))) {
			return Stream.concat(sources, Stream.of(PROJECT.resolve("pom.xml")))
				.noneMatch(source -> source.toFile().lastModified() > built);
		}
	}

	private static int maven(boolean offline) throws IOException {
		var command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-ntp", "-q", "-f",
				PROJECT.resolve("pom.xml").toString(), "package", "dependency:build-classpath",
				"-Dmdep.outputFile=" + CLASSPATH));
		if (offline) {
			command.add("-o");
		}
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "opensearch-build.log").toFile()))
				.start()
				.waitFor();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
