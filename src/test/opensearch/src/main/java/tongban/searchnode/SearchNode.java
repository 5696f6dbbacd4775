package tongban.searchnode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexModulePlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single OpenSearch node for Tongban's tests, with the modules of a distribution that Tongban needs (HTTP, common
 * analysis, reindex for delete-by-query) and smartcn. It runs in a JVM of its own because OpenSearch 3 is built on Lucene 10
 * and the application on Lucene 9. Arguments: the node's home folder (data and logs go under it) and the file into
 * which the HTTP address ({@code host:port}) is written once the node answers. The node stops when its standard
 * input closes, so it never outlives the test JVM that started it.
 */
public final class SearchNode {

	private SearchNode() {
	}

	public static void main(String[] args) throws Exception {
		Path home = Path.of(args[0]).toAbsolutePath();
		Path addressFile = Path.of(args[1]).toAbsolutePath();
		Files.createDirectories(home.resolve("config"));
		Settings settings = Settings.builder()
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("cluster.name", "tongban-test")
			.put("node.name", "tongban-test-node")
			.put("discovery.type", "single-node")
			.put("network.host", "127.0.0.1")
			.put("http.port", "0")
			.put("transport.port", "0")
			.put("http.type", "netty4")
			.put("transport.type", "netty4")
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.build();
		LogConfigurator.registerErrorListener();
		LogConfigurator.setNodeName("tongban-test-node");
		LogConfigurator.configureWithoutConfig(settings);
		Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"),
				() -> "tongban-test-node");
		Node node = new ClasspathNode(environment, List.of(Netty4ModulePlugin.class, CommonAnalysisModulePlugin.class,
				ReindexModulePlugin.class, SmartChinesePlugin.class));
		long started = System.nanoTime();
		node.start();
		String address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().toString();
		System.out.println("search node on " + address + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
		Path partial = addressFile.resolveSibling(addressFile.getFileName() + ".part");
		Files.writeString(partial, address, StandardCharsets.UTF_8);
		Files.move(partial, addressFile, StandardCopyOption.ATOMIC_MOVE);
		while (System.in.read() >= 0) {
			// the test JVM keeps this pipe open while it needs the node
		}
		node.close();
		System.exit(0);
	}

	/** A node whose plugins come from the classpath rather than from a plugins folder. */
	private static final class ClasspathNode extends Node {

		ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
			super(environment, plugins.stream().map(ClasspathNode::info).toList(), true);
		}

		private static PluginInfo info(Class<? extends Plugin> plugin) {
			return new PluginInfo(plugin.getName(), "classpath plugin", "NA", Version.CURRENT, "25", plugin.getName(), null,
					List.of(), false);
		}
	}
}
