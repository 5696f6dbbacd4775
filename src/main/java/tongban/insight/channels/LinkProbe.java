package tongban.insight.channels;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks a link whether it still answers: only links to the platform itself (its public address, to which paths such as
 * {@code /items/…} are resolved) and to the configured hosts; any other link is not asked at all. A GET without
 * following redirects; 2xx and 3xx answer, 4xx, 5xx and no answer within the timeout do not.
 */
@Component
class LinkProbe {

	/** What asking a link gave: not asked (a host not allowed, or not a link), alive, or dead with the status (0: no answer). */
	record Outcome(boolean asked, boolean alive, int status) {
	}

	private volatile URI self;
	private final ChannelSettings settings;
	private final HttpClient http;

	LinkProbe(@Value("${tongban.public-url}") String publicUrl, ChannelSettings settings) {
		this.self = URI.create(publicUrl.endsWith("/") ? publicUrl : publicUrl + "/");
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** With no port of its own configured ({@code server.port: 0}), the platform is where its server started. */
	@EventListener
	void started(WebServerInitializedEvent event) {
		if (self.getPort() == 0) {
			self = URI.create(self.getScheme() + "://" + self.getHost() + ":" + event.getWebServer().getPort() + "/");
		}
	}

	/** The link as it would be asked: absolute, or a path of the platform resolved against its public address. */
	Optional<URI> resolve(String link) {
		try {
			URI uri = link.startsWith("/") ? self.resolve(link.substring(1)) : new URI(link);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Whether a link may be asked: the platform's own address (host and port) or a configured host. */
	boolean allowed(URI uri) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		boolean own = host.equalsIgnoreCase(self.getHost()) && port(uri) == port(self);
		return own || settings.allowedHosts().stream().anyMatch(h -> h.equalsIgnoreCase(host));
	}

	Outcome ask(String link) {
		Optional<URI> uri = resolve(link).filter(this::allowed);
		if (uri.isEmpty()) {
			return new Outcome(false, false, 0);
		}
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri.get()).timeout(settings.timeout()).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return new Outcome(true, response.statusCode() < 400, response.statusCode());
		}
		catch (IOException e) {
			return new Outcome(true, false, 0);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome(true, false, 0);
		}
	}

	private static int port(URI uri) {
		return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}
}
