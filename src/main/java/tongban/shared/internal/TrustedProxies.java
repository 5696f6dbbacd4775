package tongban.shared.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a TLS-terminating proxy: {@code X-Forwarded-Proto}, {@code -For}, {@code -Host} and {@code -Port} are believed
 * only when the connection comes from one of the proxies listed in {@code TONGBAN_TRUSTED_PROXIES} (exact IP addresses,
 * comma-separated; default the loopback addresses). Then the request is secure for Tomcat itself, so the session and
 * CSRF cookies get {@code Secure} and Spring Security sends HSTS; from anyone else the headers are ignored. Boot's own
 * strategy is off ({@code server.forward-headers-strategy: none}) because its default trusts every private network.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	private final List<String> addresses;

	TrustedProxies(@Value("${tongban.trusted-proxies:127.0.0.1,::1}") List<String> addresses) {
		this.addresses = addresses;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		RemoteIpValve valve = new RemoteIpValve();
		valve.setInternalProxies(pattern(addresses));
		valve.setTrustedProxies("");
		valve.setRemoteIpHeader("X-Forwarded-For");
		valve.setProtocolHeader("X-Forwarded-Proto");
		valve.setHostHeader("X-Forwarded-Host");
		valve.setPortHeader("X-Forwarded-Port");
		factory.addEngineValves(valve);
	}

	/**
	 * The valve's regular expression for exactly these addresses, each as written and as Tomcat reports it (IPv6 in
	 * full: {@code ::1} is {@code 0:0:0:0:0:0:0:1}). Only IP literals: a name here would fail the start, not be
	 * looked up.
	 */
	static String pattern(List<String> addresses) {
		return addresses.stream()
			.map(String::strip)
			.filter(a -> !a.isEmpty())
			.flatMap(a -> Stream.of(a, InetAddress.ofLiteral(a).getHostAddress()))
			.distinct()
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
	}
}
