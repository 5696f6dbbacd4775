package tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;

import tongban.identity.domain.ProxyGrant;
import tongban.identity.domain.ProxyGrantRepository;
import tongban.support.JourneyTest;

/** Role and ownership: nobody reaches another person's grants or pages by guessing an id; CSRF on every form. */
class AuthorisationIT extends JourneyTest {

	@org.springframework.beans.factory.annotation.Autowired
	ProxyGrantRepository proxies;

	private String csrf() {
		return page.locator("input[name=_csrf]").first().getAttribute("value");
	}

	@Test
	void aStrangerCannotRevokeSomeoneElsesProxy() {
		var principal = newCitizen("甲某", 2);
		var proxy = newCitizen("乙某", 2);
		var stranger = newCitizen("丙某", 2);
		ProxyGrant grant = proxies.save(new ProxyGrant(principal.id(), proxy.id(), "ALL", LocalDate.now().plusDays(30)));

		login().open().signIn(stranger.idNumber(), PASSWORD);
		page.navigate(base() + "/account");
		var res = context.request().post(base() + "/account/proxies/" + grant.id() + "/revoke",
				RequestOptions.create().setForm(FormData.create().set("_csrf", csrf())).setMaxRedirects(0));
		assertThat(res.status()).isEqualTo(404);
		assertThat(proxies.findById(grant.id()).orElseThrow().revokedAt()).isNull();

		var noCsrf = context.request().post(base() + "/account/acting-as",
				RequestOptions.create().setForm(FormData.create().set("partyId", principal.id().toString())).setMaxRedirects(0));
		assertThat(noCsrf.status()).as("CSRF token required").isEqualTo(403);
		var notMine = context.request().post(base() + "/account/acting-as",
				RequestOptions.create().setForm(FormData.create().set("partyId", principal.id().toString()).set("_csrf", csrf()))
					.setMaxRedirects(0));
		assertThat(notMine.status()).as("cannot act for a party one holds no grant for").isEqualTo(404);
	}

	@Test
	void citizensDoNotReachStaffPagesAndStaffNeedTheirRole() {
		var citizen = newCitizen("丁某", 1);
		login().open().signIn(citizen.idNumber(), PASSWORD);
		for (String path : new String[] { "/workbench", "/console/clients", "/console/staff", "/workbench/counter/verify" }) {
			var r = page.navigate(base() + path);
			assertThat(r.status()).as(path).isEqualTo(403);
			assertThat(page.title()).contains("没有权限");
		}
		accessible();
	}
}
