package tongban.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.TestPeople;

/**
 * The public 12345 pages as an anonymous person uses them: a file chosen before asking for the SMS code is kept (and
 * sent with the ticket); the ticket's number arrives by SMS with the link to follow it; /hotline has no empty label.
 */
class HotlinePagesIT extends IntegrationTest {

	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes();
	static final Pattern HELD = Pattern.compile("name=\"held\"[^>]*value=\"([0-9a-f]{32})\"");

	@Autowired
	TicketIntake intake;

	@Autowired
	Tickets reading;

	private List<Map.Entry<String, String>> fields(String phone, String action, String code) {
		List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("type", "COMPLAINT"), Map.entry("categoryCode", "CS0201"),
				Map.entry("regionCode", "330106"), Map.entry("address", "西湖区学院路 100 号"),
				Map.entry("description", "小区门口的垃圾已经三天没人清运了。"), Map.entry("phone", phone), Map.entry("action", action)));
		if (code != null) {
			f.add(Map.entry("phoneCode", code));
		}
		return f;
	}

	@Test
	void aFileChosenBeforeTheCodeIsKeptAndTheNumberArrivesBySms() {
		FormSession person = new FormSession(url(""));
		String phone = TestPeople.mobile();

		HttpResponse<String> codeSent = person.postMultipart("/hotline/new", "/hotline/new", fields(phone, "code", null),
				List.of(new FormSession.FilePart("files", "现场照片.pdf", PDF)));
		assertThat(codeSent.statusCode()).isEqualTo(200);
		assertThat(codeSent.body()).contains("data-testid=\"held-attachment\"").contains("现场照片.pdf");
		Matcher held = HELD.matcher(codeSent.body());
		assertThat(held.find()).isTrue();

		List<Map.Entry<String, String>> submit = fields(phone, "submit", lastSmsCode(phone));
		submit.add(Map.entry("held", held.group(1)));
		HttpResponse<String> submitted = person.postMultipart("/hotline/new", "/hotline/new", submit, List.of());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);

		TicketId ticket = new TicketId(jdbc.sql("select id from hotline_ticket where phone_index = ?").param(keys.blindIndex(phone)).query(UUID.class).single());
		String number = reading.find(ticket).orElseThrow().number();
		assertThat(reading.attachments(ticket)).extracting(TicketAttachment::name).containsExactly("现场照片.pdf");
		assertThat(jdbc.sql("select count(*) from hotline_held_attachment where token = ?").param(held.group(1)).query(Long.class).single())
			.isZero();

		String sms = lastSms(phone);
		assertThat(sms).contains(number).contains("/hotline/follow?number=" + number);
		assertThat(person.get("/hotline/follow?number=" + number).body()).contains("value=\"" + number + "\"");
	}

	@Test
	void anAddressKeepsFilesForAFewRedisplayedFormsOnly() {
		FormSession person = new FormSession(url(""));
		jdbc.sql("delete from shared_rate_event where bucket = 'hotline-held-address'").update();
		try {
			List<Map.Entry<String, String>> incomplete = new ArrayList<>(fields(TestPeople.mobile(), "submit", null));
			incomplete.removeIf(field -> field.getKey().equals("description"));
			for (int i = 0; i < 10; i++) {
				HttpResponse<String> shown = person.postMultipart("/hotline/new", "/hotline/new", incomplete,
						List.of(new FormSession.FilePart("files", "照片" + i + ".pdf", PDF)));
				assertThat(shown.body()).as("form " + i).contains("data-testid=\"held-attachment\"").doesNotContain("held-refused");
			}
			HttpResponse<String> eleventh = person.postMultipart("/hotline/new", "/hotline/new", incomplete,
					List.of(new FormSession.FilePart("files", "照片10.pdf", PDF)));
			assertThat(eleventh.body()).contains("data-testid=\"held-refused\"").doesNotContain("照片10.pdf");
		}
		finally {
			jdbc.sql("delete from shared_rate_event where bucket = 'hotline-held-address'").update();
		}
	}

	@Test
	void anOperatorsCallerOnALandlineGetsNoText() {
		var s = intake.submit(new NewTicket("CONSULT", "CS0201", null, "330106", "", null, null,
				"请问垃圾清运的时间是怎么安排的？", "", "0571-87001234", null, false, List.of()), TicketSource.operator("话务员"));
		assertThat(s.problems()).isEmpty();
		assertThat(jdbc.sql("select count(*) from notification_sms_outbox where mobile_index = ?").param(keys.blindIndex("0571-87001234"))
			.query(Long.class).single()).isZero();
	}

	@Test
	void oddValuesShowTheFormAgainWithTheirMessages() {
		List<Map.Entry<String, String>> odd = new ArrayList<>(List.of(Map.entry("type", "GRUMBLE"), Map.entry("categoryCode", "XX99"),
				Map.entry("regionCode", "999999"), Map.entry("description", "路灯不亮已经三天了。"), Map.entry("phone", TestPeople.mobile()),
				Map.entry("publishConsent", "maybe"), Map.entry("action", "submit")));
		HttpResponse<String> page = new FormSession(url("")).postMultipart("/hotline/new", "/hotline/new", odd, List.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"error-summary\"").contains("href=\"#type\"").contains("href=\"#categoryCode\"")
			.contains("href=\"#regionCode\"");
	}

	@Test
	void theHotlinePageHasNoLabelWithoutItsValue() {
		String page = new FormSession(url("")).get("/hotline").body();
		assertThat(page).doesNotContain(">承办单位<");
		assertThat(page).contains("派给承办单位办理");
	}
}
