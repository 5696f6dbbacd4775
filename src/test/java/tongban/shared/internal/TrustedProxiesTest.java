package tongban.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Forwarded headers are believed from the listed proxies exactly, and from nobody when the list is empty. */
class TrustedProxiesTest {

	@Test
	void matchesExactlyTheListedAddresses() {
		String pattern = TrustedProxies.pattern(List.of("10.0.0.5", " 192.168.1.20 ", "::1"));
		assertThat("10.0.0.5").matches(pattern);
		assertThat("192.168.1.20").matches(pattern);
		assertThat("0:0:0:0:0:0:0:1").as("IPv6 loopback as Tomcat reports it").matches(pattern);
		assertThat("::1").matches(pattern);
		assertThat("10.0.0.50").doesNotMatch(pattern);
		assertThat("10a0a0a5").as("dots are not wildcards").doesNotMatch(pattern);
		assertThat("203.0.113.9").doesNotMatch(pattern);
	}

	@Test
	void ipv6InTheFormTomcatReports() {
		assertThat("fd00:0:0:0:0:0:0:7").matches(TrustedProxies.pattern(List.of("fd00::7")));
	}

	@Test
	void onlyAddressesNotNames() {
		assertThatThrownBy(() -> TrustedProxies.pattern(List.of("proxy.example"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anEmptyListTrustsNobody() {
		assertThat(TrustedProxies.pattern(List.of(""))).isEmpty();
	}
}
