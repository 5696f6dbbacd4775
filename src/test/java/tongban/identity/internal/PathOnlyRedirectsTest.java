package tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The return to a saved page keeps its path and query and drops whatever host the request claimed. */
class PathOnlyRedirectsTest {

	@Test
	void dropsSchemeAndHost() {
		assertThat(PathOnlyRedirects.pathOnly("http://evil.example/oauth2/authorize?client_id=a&scope=openid%20cases.read"))
			.isEqualTo("/oauth2/authorize?client_id=a&scope=openid%20cases.read");
		assertThat(PathOnlyRedirects.pathOnly("https://evil.example:8443")).isEqualTo("/");
		assertThat(PathOnlyRedirects.pathOnly("https://evil.example?continue")).isEqualTo("/?continue");
	}

	@Test
	void keepsRelativeAddressesAndOddQueries() {
		assertThat(PathOnlyRedirects.pathOnly("/account?next=http://other.example/")).isEqualTo("/account?next=http://other.example/");
		assertThat(PathOnlyRedirects.pathOnly("http://localhost:8080/search?q=a|b^c")).as("characters a URI parser refuses")
			.isEqualTo("/search?q=a|b^c");
	}
}
