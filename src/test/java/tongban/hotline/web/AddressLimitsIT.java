package tongban.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.TicketSource;
import tongban.hotline.TicketIntake;
import tongban.hotline.NewTicket;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * The public 12345 pages cannot be used to guess or to spam: after ten failed lookups from one address even the right
 * ticket number and phone are refused for a while (numbers are sequential); after five SMS codes from one address the
 * next is refused at the phone field and no message is sent.
 */
class AddressLimitsIT extends IntegrationTest {

	@Autowired
	TicketIntake intake;

	@Autowired
	AddressLimits limits;

	final CookieManager cookies = new CookieManager();
	final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	/** Other tests on this address (the journeys send codes too) must not count here, nor this test's there. */
	@BeforeEach
	@AfterEach
	void unblock() {
		for (String a : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
			limits.follow.forget(a);
			limits.codes.forget(a);
		}
	}

	/** Posts a form of the page at {@code path} with its CSRF token and these fields; answers the page that comes back. */
	String post(String path, String fields) throws Exception {
		String form = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(m.find()).isTrue();
		String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&" + fields;
		return http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	String follow(String number, String phone) throws Exception {
		return post("/hotline/follow", "number=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
	}

	long codesTo(String phone) {
		return jdbc.sql("select count(*) from hotline_phone_code where phone_index = ?").param(keys.blindIndex(phone)).query(Long.class).single();
	}

	@Test
	void fiveCodesFromOneAddressThenNoMore() throws Exception {
		for (int i = 0; i < limits.codes.max; i++) {
			String phone = TestPeople.mobile();
			assertThat(post("/hotline/new", "action=code&phone=" + phone)).contains("验证码已发送至");
			assertThat(codesTo(phone)).isEqualTo(1);
		}
		String phone = TestPeople.mobile();
		assertThat(post("/hotline/new", "action=code&phone=" + phone)).contains("本网络发送验证码次数过多").doesNotContain("验证码已发送至");
		assertThat(codesTo(phone)).isZero();
	}

	@Test
	void tenWrongLookupsBlockTheAddressForAWhile() throws Exception {
		String phone = TestPeople.mobile();
		var s = intake.submit(new NewTicket("CONSULT", "JY0101", null, "330106", "", null, null,
				"请问幼儿园报名什么时候开始？", "", phone, null, false, List.of()), TicketSource.operator("话务员"));
		assertThat(follow(s.number(), phone)).contains("data-testid=\"ticket-status\"").contains("请问幼儿园报名什么时候开始");
		String other = TestPeople.mobile();
		for (int i = 0; i < limits.follow.max; i++) {
			assertThat(follow(s.number(), other)).contains("未找到该诉求");
		}
		String blocked = follow(s.number(), phone);
		assertThat(blocked).contains("查询失败次数过多").doesNotContain("请问幼儿园报名什么时候开始");
	}
}
