package tongban.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real KRaft broker (broker and controller in one node) in this JVM, made with Kafka's own test kit 4.3.1
 * (spring-kafka-test 4.1.2's {@code EmbeddedKafkaKraftBroker} calls methods the 4.3 kit no longer has), reached only
 * through a TCP proxy on a fixed port that it advertises. {@link #cutOff()} closes the proxy and every connection
 * through it, so clients see a dead broker; {@link #restore()} opens it again on the same port, the broker's data kept,
 * as after a real outage.
 */
final class KraftBroker implements AutoCloseable {

	private final KafkaClusterTestKit cluster;
	private final int port;
	private final int brokerPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile ServerSocket proxy;

	private KraftBroker(KafkaClusterTestKit cluster, int port, int brokerPort) {
		this.cluster = cluster;
		this.port = port;
		this.brokerPort = brokerPort;
	}

	static KraftBroker start(int port, List<String> topics) {
		try {
			var nodes = new TestKitNodes.Builder().setCombined(true)
				.setNumBrokerNodes(1)
				.setNumControllerNodes(1)
				.setPerServerProperties(Map.of(0, Map.of("advertised.listeners", "EXTERNAL://localhost:" + port,
						"offsets.topic.replication.factor", "1", "group.initial.rebalance.delay.ms", "0", "num.partitions", "1")))
				.build();
			var cluster = new KafkaClusterTestKit.Builder(nodes).build();
			cluster.format();
			cluster.startup();
			cluster.waitForReadyBrokers();
			var broker = new KraftBroker(cluster, port, cluster.brokers().get(0).boundPort(new ListenerName("EXTERNAL")));
			broker.restore();
			try (var admin = cluster.admin(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
				admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
			}
			return broker;
		} catch (Exception e) {
			throw new IllegalStateException("the test broker did not start", e);
		}
	}

	String bootstrapServers() {
		return "localhost:" + port;
	}

	/** The broker is unreachable: the proxy stops listening and drops every connection. */
	void cutOff() throws IOException {
		proxy.close();
		for (Socket socket : open) {
			socket.close();
		}
		open.clear();
	}

	/** The broker is reachable again on the same port. */
	void restore() throws IOException {
		var server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress("localhost", port));
		proxy = server;
		Thread.ofVirtual().start(() -> accept(server));
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket("localhost", brokerPort);
				open.add(client);
				open.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream));
				Thread.ofVirtual().start(() -> pump(upstream, client));
			} catch (IOException e) {
				// closed by cutOff
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		} catch (IOException e) {
			// one side closed
		} finally {
			try {
				from.close();
				to.close();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	@Override
	public void close() throws Exception {
		cutOff();
		cluster.close();
	}
}
