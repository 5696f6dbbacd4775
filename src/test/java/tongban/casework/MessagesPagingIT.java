package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.notification.NotificationManagement;
import tongban.support.IntegrationTest;

/**
 * 我的消息 pages with the shared pagination fragment: 25 messages are 20 on the first page (the newest) and 5 on the
 * second, each page linking the other. (It showed only the newest 100 and no way to older ones.)
 */
class MessagesPagingIT extends IntegrationTest {

	@Autowired
	NotificationManagement notifications;

	@Test
	void olderMessagesAreOnTheNextPage() throws Exception {
		Citizen me = newCitizen("消息分页", 2);
		var to = new NotificationManagement.Recipient(me.id(), me.name(), null, null);
		for (int i = 1; i <= 25; i++) {
			notifications.notify(to, "CASE_SUBMITTED", Map.of("itemName", "分页事项", "caseNumber", "MSG" + (1000 + i), "promisedDate", "2026-12-07"), null);
		}
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(), HttpResponse.BodyHandlers.ofString()).body();
		var csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + me.idNumber() + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

		String first = browser.send(HttpRequest.newBuilder(URI.create(url("/account/messages"))).build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(first).contains("MSG1025").contains("MSG1006").doesNotContain("MSG1005").contains("/account/messages?page=1");
		String second = browser.send(HttpRequest.newBuilder(URI.create(url("/account/messages?page=1"))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(second).contains("MSG1005").contains("MSG1001").doesNotContain("MSG1006").contains("/account/messages?page=0");

		// in English the page says so, and marks the messages that stay Chinese as such
		String english = browser.send(HttpRequest.newBuilder(URI.create(url("/account/messages?lang=en"))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(english).contains("<html lang=\"en\"").containsPattern("<p lang=\"zh-CN\">[^<]*MSG1025");
	}
}
