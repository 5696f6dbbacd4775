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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.hotline.HotlineManagement;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * Following a ticket cannot be used to guess: ticket numbers are sequential, so after ten failed lookups from one
 * address even the right number and phone are refused for a while; the right pair works before that.
 */
class FollowLimitIT extends IntegrationTest {

	@Autowired
	HotlineManagement hotline;

	@Autowired
	FollowLimiter limiter;

	final CookieManager cookies = new CookieManager();
	final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	@AfterEach
	void unblock() {
		limiter.forget("127.0.0.1");
		limiter.forget("0:0:0:0:0:0:0:1");
	}

	String follow(String number, String phone) throws Exception {
		String form = http.send(HttpRequest.newBuilder(URI.create(url("/hotline/follow"))).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(m.find()).isTrue();
		String token = m.group(1);
		String body = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)
				+ "&phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create(url("/hotline/follow")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	@Test
	void tenWrongLookupsBlockTheAddressForAWhile() throws Exception {
		String phone = TestPeople.mobile();
		var s = hotline.submit(new HotlineManagement.NewTicket("CONSULT", "JY0101", null, "330106", "", null, null,
				"请问幼儿园报名什么时候开始？", "", phone, null, false, List.of()), HotlineManagement.Source.operator("话务员"));
		assertThat(follow(s.number(), phone)).contains("data-testid=\"ticket-status\"").contains("请问幼儿园报名什么时候开始");
		String other = TestPeople.mobile();
		for (int i = 0; i < FollowLimiter.MAX_FAILURES; i++) {
			assertThat(follow(s.number(), other)).contains("未找到该诉求");
		}
		String blocked = follow(s.number(), phone);
		assertThat(blocked).contains("查询失败次数过多").doesNotContain("请问幼儿园报名什么时候开始");
	}
}
