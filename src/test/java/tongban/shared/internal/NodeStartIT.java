package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tongban.Tongban;
import tongban.shared.EmbeddedDatabase;
import tongban.support.IntegrationTest;
import tongban.support.SecondNode;

/**
 * A node's start and end in a cluster (ADR 0049): the database unreachable at start (a line per attempt, then two lines
 * and exit status 1 after {@code TONGBAN_DB_WAIT}, no stack trace; or up as soon as the database answers), and the
 * drain on shutdown (readiness down first, a request in flight answered).
 */
@ExtendWith(OutputCaptureExtension.class)
class NodeStartIT extends IntegrationTest {

	@Autowired
	EmbeddedDatabase database;

	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aNodeWhoseDatabaseNeverAnswersSaysSoAndGivesUp() throws Exception {
		int closed = freePort();
		Path out = Files.createTempFile("node-without-database", ".log");
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		String java = ProcessHandle.current().info().command().orElse("java");
		Process node = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-DTONGBAN_LOG_FORMAT=", "-cp", classpath,
				Tongban.class.getName(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closed + "/tongban?password=secret",
				"--spring.datasource.username=tongban", "--tongban.node.db-wait=3s", "--server.port=0", "--spring.main.banner-mode=off",
				"--tongban.data-dir=" + Files.createTempDirectory("node-without-database"))
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		try {
			assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("the node gives up").isTrue();
		}
		finally {
			node.destroyForcibly();
		}
		String log = Files.readString(out);
		assertThat(node.exitValue()).as(log).isNotZero();
		String shown = "jdbc:postgresql://127.0.0.1:" + closed + "/tongban";
		assertThat(log).contains("database " + shown + " unreachable (Connection refused); retrying in 1 s, giving up in ")
			.contains("The database at " + shown + " could not be used: Connection refused (gave up after 3 s).")
			.contains("TONGBAN_DB_WAIT")
			.as("the password in the URL is not shown")
			.doesNotContain("secret");
		assertThat(log.lines().filter(line -> line.startsWith("\tat ")).count()).as("no stack trace:\n" + log).isZero();
	}

	@Test
	void aNodeComesUpWhenItsDatabaseDoesAndDrainsWhenStopped(CapturedOutput output) throws Exception {
		int databasePort = URI.create(database.jdbcUrl().substring("jdbc:".length())).getPort();
		try (Forwarder forwarder = new Forwarder(freePort(), databasePort)) {
			CompletableFuture<SecondNode> starting = CompletableFuture.supplyAsync(() -> SecondNode.start(context,
					Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + forwarder.port() + "/postgres", "tongban.node.name", "second",
							"tongban.node.db-wait", "120s", "tongban.node.drain", "3s")));
			String waiting = "database jdbc:postgresql://127.0.0.1:" + forwarder.port() + "/postgres unreachable (Connection refused); retrying in 5 s";
			Awaitility.await("the node says it waits for its database").atMost(Duration.ofSeconds(60)).until(() -> output.getOut().contains(waiting));
			assertThat(starting).isNotDone();

			forwarder.open();
			SecondNode node = starting.get(180, TimeUnit.SECONDS);
			try {
				HttpResponse<String> ready = get(node.port(), "/actuator/health/readiness");
				assertThat(ready.statusCode()).isEqualTo(200);
				assertThat(ready.headers().firstValue("X-Tongban-Node")).hasValue("second");
				drain(node.context(), node.port());
			}
			finally {
				node.close();
			}
		}
	}

	/**
	 * A slow upload is in flight when the node is told to stop: readiness goes down at once while the node still
	 * answers, the upload is finished and answered, and afterwards the port is closed.
	 */
	private void drain(ConfigurableApplicationContext node, int port) throws Exception {
		try (Socket slow = new Socket("127.0.0.1", port)) {
			String body = "username=nobody&password=wrong-password-for-the-drain";
			OutputStream request = slow.getOutputStream();
			request.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
					+ body.length() + "\r\nConnection: close\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
			request.flush();
			CompletableFuture<Void> stopping = CompletableFuture.runAsync(node::close);
			Awaitility.await("readiness goes down first").atMost(Duration.ofSeconds(10))
				.until(() -> get(port, "/actuator/health/readiness").statusCode() == 503);
			assertThat(get(port, "/actuator/health/liveness").statusCode()).as("still serving during the drain").isEqualTo(200);
			request.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
			request.flush();
			String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			assertThat(answer).as("the request in flight is answered").startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
			stopping.get(60, TimeUnit.SECONDS);
		}
		assertThat(refused(port)).as("closed once drained").isTrue();
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static boolean refused(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			return false;
		}
		catch (IOException e) {
			return true;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A TCP port that refuses connections until opened, then forwards each to the test's database. */
	private static final class Forwarder implements AutoCloseable {

		private final int port;
		private final int target;
		private final List<Socket> sockets = new ArrayList<>();
		private ServerSocket server;

		Forwarder(int port, int target) {
			this.port = port;
			this.target = target;
		}

		int port() {
			return port;
		}

		void open() throws IOException {
			server = new ServerSocket(port);
			Thread.ofVirtual().start(() -> {
				while (!server.isClosed()) {
					try {
						Socket client = server.accept();
						Socket upstream = new Socket("127.0.0.1", target);
						synchronized (sockets) {
							sockets.add(client);
							sockets.add(upstream);
						}
						pipe(client, upstream);
						pipe(upstream, client);
					}
					catch (IOException e) {
						return;
					}
				}
			});
		}

		private static void pipe(Socket from, Socket to) {
			Thread.ofVirtual().start(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException e) {
					// the other side closed
				}
			});
		}

		@Override
		public void close() throws IOException {
			if (server != null) {
				server.close();
			}
			synchronized (sockets) {
				for (Socket socket : sockets) {
					try {
						socket.close();
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}
			}
		}
	}
}
