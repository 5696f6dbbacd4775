package tongban.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import tongban.shared.Clocks;
import tongban.shared.WorkingCalendars;
import tongban.support.Browser;
import tongban.support.JourneyTest;

/**
 * A citizen applies online for 社会保障卡申领: bad input first (a phone number too short, a "photo" that is not an
 * image) — errors beside the fields, nothing typed lost; the draft resumed on another device; check your answers;
 * submission (a second click makes no second case); the confirmation with the case number and promised date;
 * 我的办件; another citizen cannot open the case; withdrawal.
 */
public class ApplyOnlineJourneyIT extends JourneyTest {

	public static final String ITEM = "330106-GG-0001-01";
	/** A 1×1 PNG. */
	public static final byte[] PNG = Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	WorkingCalendars calendars;

	private void signIn(Page p, Citizen c) {
		p.navigate(base() + "/login");
		p.locator("#username").fill(c.idNumber());
		p.locator("#password").fill(PASSWORD);
		p.locator("#password").press("Enter");
	}

	@Test
	void applySubmitFollowAndWithdraw() throws Exception {
		Citizen me = newCitizen("申请测试", 2);
		login().open().signIn(me.idNumber(), PASSWORD);
		page.navigate(base() + "/items/" + ITEM);
		page.getByTestId("apply").click();
		assertThat(page.getByTestId("prepare").innerText()).contains("本人近期免冠彩色证件照");
		accessible();
		page.getByTestId("start-application").click();

		// the applicant's own name, ID number and phone come from the account, locked
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(me.idNumber());
		assertThat(page.locator("#v-idNumber").getAttribute("readonly")).isNotNull();
		assertThat(page.getByTestId("verified-idNumber").innerText()).contains("来自您的账号");
		assertThat(page.locator("#v-phone").inputValue()).isEqualTo(me.mobile());
		// a crafted change (the lock removed in the page) is refused at the field on a draft save too, not silently undone
		page.locator("#v-idNumber").evaluate("e => { e.removeAttribute('readonly'); e.value = '11010519491231002X'; }");
		page.getByTestId("save-draft").click();
		assertThat(page.getByTestId("form-error-summary").innerText()).contains("此项来自申请人的账号");
		assertThat(page.locator("#v-idNumber").inputValue()).isEqualTo(me.idNumber());
		page.locator("#v-region").selectOption("330106");
		page.locator("#v-bank").selectOption("杭州银行");
		page.locator("#v-delivery").selectOption("免费邮寄");
		Path notAnImage = Files.createTempFile("photo", ".jpg");
		Files.writeString(notAnImage, "this is text pretending to be a photo");
		page.locator("#m-1").setInputFiles(notAnImage);
		page.getByTestId("continue").click();

		assertThat(page.title()).startsWith("错误：");
		String summary = page.getByTestId("form-error-summary").innerText();
		assertThat(summary).contains("请填写邮寄地址").contains("不是 PDF、JPG、PNG 或 OFD 文件");
		assertThat(page.locator("#v-mailAddress-error").innerText()).contains("邮寄地址");
		assertThat(page.locator("#m-1-error").innerText()).contains("按文件内容识别");
		assertThat(page.locator("#v-name").inputValue()).isEqualTo(me.name());
		assertThat(page.locator("#v-bank").inputValue()).as("nothing typed is lost").isEqualTo("杭州银行");
		accessible();

		page.getByTestId("save-draft").click();
		assertThat(page.getByTestId("banner").innerText()).contains("草稿已保存");
		String draftUrl = page.url();

		// the same draft on another device
		var phone = Browser.newContext(390, 844);
		Page other = phone.newPage();
		signIn(other, me);
		other.navigate(base() + "/apply/" + ITEM);
		assertThat(other.getByTestId("draft-exists").isVisible()).isTrue();
		other.getByTestId("start-application").click();
		assertThat(other.url()).isEqualTo(draftUrl);
		assertThat(other.locator("#v-bank").inputValue()).isEqualTo("杭州银行");
		other.locator("#v-mailAddress").fill("杭州市西湖区文三路 100 号 2 单元 301 室");
		other.locator("#m-1").setInputFiles(new FilePayload("photo.png", "image/png", PNG));
		other.getByTestId("continue").click();
		assertThat(other.getByTestId("answers").innerText()).contains(me.mobile()).contains("文三路 100 号").contains("杭州银行");
		assertThat(other.getByTestId("review-materials").innerText()).contains("photo.png").as("the file's hash is for staff").doesNotContain("SHA-256");
		phone.close();

		page.navigate(draftUrl.replace("/edit", "/review"));
		String token = page.locator("input[name=token]").inputValue();
		String csrf = page.locator("#main input[name=_csrf]").inputValue();
		String submitUrl = draftUrl.replace("/edit", "/submit");
		page.getByTestId("submit-case").click();
		assertThat(page.getByTestId("confirmation").innerText()).contains("申请已提交");
		String number = page.getByTestId("case-number").innerText().strip();
		LocalDate today = LocalDate.now(Clocks.ZONE);
		assertThat(number).matches("330106" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "\\d{6}");
		assertThat(page.getByTestId("promised").innerText())
			.isEqualTo(calendars.current().addWorkingDays(today, 10).toString());
		assertThat(page.getByTestId("timeline").innerText()).contains("提交申请");
		accessible();
		String caseUrl = page.url().replace("?submitted", "");

		// a second submission with the same token (double click, retry) makes no second case
		var again = page.request().post(submitUrl, RequestOptions.create()
			.setForm(FormData.create().set("token", token).set("_csrf", csrf)));
		assertThat(again.status()).as("the retry lands on the same case").isEqualTo(200);
		assertThat(again.url()).startsWith(caseUrl);
		assertThat(jdbc.sql("select count(*) from casework_case where party_id = ? and item_code = ? and status <> 'DRAFT'")
			.params(me.id(), ITEM).query(Long.class).single()).isEqualTo(1);

		page.navigate(base() + "/account/cases");
		assertThat(page.getByTestId("my-cases").innerText()).contains("社会保障卡申领").contains(number).contains("已提交");

		// another citizen guessing the address
		Citizen stranger = newCitizen("旁人", 2);
		var ctx2 = Browser.newContext(1280, 900);
		Page p2 = ctx2.newPage();
		signIn(p2, stranger);
		assertThat(p2.navigate(caseUrl).status()).isEqualTo(404);
		assertThat(p2.navigate(caseUrl + "/materials/1").status()).isEqualTo(404);
		ctx2.close();

		page.navigate(caseUrl);
		var photo = page.request().get(caseUrl + "/materials/1");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.headers().get("content-type")).isEqualTo("image/png");
		assertThat(photo.body()).isEqualTo(PNG);
		page.getByTestId("withdraw-link").click();
		page.locator("#reason").fill("信息填错了，重新申请");
		page.getByTestId("confirm-withdraw").check();
		page.getByTestId("withdraw-case").click();
		assertThat(page.getByTestId("case-status").innerText()).isEqualTo("已撤回");
		assertThat(page.getByTestId("timeline").innerText()).contains("撤回申请").contains("信息填错了");
	}
}
