package tongban.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.adobe.testing.s3mock.S3MockApplication;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Adobe's S3Mock (an S3-compatible server) started in the test's JVM on a random port, for the object-store file
 * store. Kept apart from the platform: it reads none of our configuration files (its own config location is empty), its
 * auto-configuration is only the web stack it needs (not our database, security or Flowable, which are on the same
 * classpath), and it leaves the JVM's logging alone. Its files live in a temporary folder removed when it stops.
 */
public final class S3MockServer implements AutoCloseable {

	public static final String ACCESS_KEY = "tongban-test";
	public static final String SECRET_KEY = "tongban-test-secret";

	private final ConfigurableApplicationContext context;
	private final int port;

	private S3MockServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** A fresh server with these buckets. */
	public static S3MockServer start(String... buckets) {
		Path root;
		try {
			root = Files.createTempDirectory("s3mock");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.config.location", "optional:classpath:/s3mock-has-no-config/");
		properties.put("spring.boot.enableautoconfiguration", "false");
		properties.put("spring.jmx.enabled", "false");
		properties.put("spring.main.lazy-initialization", "true");
		properties.put("server.port", "0");
		properties.put("server.ssl.enabled", "false");
		properties.put("com.adobe.testing.s3mock.http-port", "0");
		properties.put("com.adobe.testing.s3mock.store.root", root.toString());
		properties.put("com.adobe.testing.s3mock.store.initial-buckets", String.join(",", buckets));
		properties.put("com.adobe.testing.s3mock.store.region", "us-east-1");
		properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", "false");
		SpringApplication app = new SpringApplicationBuilder(S3MockApplication.class, WebStack.class).properties(properties)
			.bannerMode(Banner.Mode.OFF)
			.build();
		app.setListeners(app.getListeners().stream().filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
		return new S3MockServer(app.run());
	}

	/** What S3Mock needs of Boot's auto-configuration, and nothing else on our classpath. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
			TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class })
	static class WebStack {
	}

	public int port() {
		return port;
	}

	/** The address to give the platform as TONGBAN_S3_ENDPOINT. */
	public String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** A plain client of this server, for tests to look into the bucket behind the store's back. */
	public S3Client client() {
		return S3Client.builder()
			.httpClientBuilder(Apache5HttpClient.builder())
			.endpointOverride(URI.create(endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/** Stops the server: the store is then down (connections refused). */
	@Override
	public void close() {
		if (context.isActive()) {
			context.close();
		}
	}
}
