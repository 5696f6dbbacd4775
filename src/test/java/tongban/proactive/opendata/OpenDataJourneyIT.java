package tongban.proactive.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import tongban.exchange.ResourceOpenness;
import tongban.exchange.ResourceOpenness.OpenClass;
import tongban.identity.Role;
import tongban.shared.Clocks;
import tongban.support.Accessibility;
import tongban.support.JourneyTest;
import tongban.support.People.Staff;

/**
 * 数据开放 in Chromium: a visitor finds a dataset on /data by a keyword and downloads its CSV (with the BOM Excel needs);
 * a signed-in person applies for a conditional dataset (an empty form refused field by field), the providing
 * department's admin approves it on the workbench, the person collects the key once, and the key reads the API.
 */
class OpenDataJourneyIT extends JourneyTest {

	@Autowired
	Datasets datasets;

	@Autowired
	ResourceOpenness openness;

	private Dataset publish(String source, String publisher, String openClass, String title) {
		String id = "journey-" + source + "-" + UUID.randomUUID().toString().substring(0, 6);
		datasets.define(new Dataset(id, title, "旅程测试用的数据集", publisher, "测试主题", List.of("旅程"), "MONTHLY", Datasets.LICENCE, "西湖区", null,
				LocalDate.now(Clocks.ZONE), source, openClass, List.of(), DatasetStatus.DRAFT, 0, 0, null, null, null), "测试");
		datasets.publish(id, publisher, "测试");
		return datasets.served(id);
	}

	@Test
	void aVisitorDownloadsCsvAndAnApprovedApplicantsKeyReadsTheApi() throws Exception {
		String marker = "旅程" + UUID.randomUUID().toString().substring(0, 4);
		Dataset open = publish("residents-by-age", "XH-GA", "UNCONDITIONAL", "户籍人口按年龄段统计" + marker);
		openness.setOpenClass("XH-SCJG-ZT", OpenClass.CONDITIONAL, "XH-SCJG", "测试");
		Dataset conditional = publish("business-register", "XH-SCJG", "CONDITIONAL", "市场主体登记信息" + marker);

		page.navigate(base() + "/data");
		page.locator("#q").fill(marker);
		page.locator("form[data-testid=data-filters] button[type=submit]").click();
		assertThat(page.getByTestId("datasets").innerText()).contains(open.title()).contains(conditional.title());
		accessible();
		page.getByText(open.title()).click();
		assertThat(page.getByTestId("dictionary").innerText()).contains("ageBand").contains("户籍人口数");
		accessible();
		Download download = page.waitForDownload(() -> page.getByTestId("download-csv").click());
		byte[] csv = Files.readAllBytes(download.path());
		assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
		assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).startsWith("ageBand,gender,count\r\n");

		Citizen applicant = newCitizen("周数据", 2);
		Page own = citizenPage(applicant);
		own.navigate(base() + "/data/" + conditional.id());
		assertThat(own.getByTestId("conditional").innerText()).contains("申请");
		own.getByTestId("apply").click();
		own.getByTestId("submit-application").click();
		assertThat(own.getByTestId("error-summary").innerText()).contains("请填写用途").contains("请填写使用方式").contains("请填写安全措施");
		assertThat(own.title()).startsWith("错误");
		Accessibility.check(own);
		own.locator("#purpose").fill("研究西湖区餐饮业开业和关停");
		own.locator("#intendedUse").fill("只发布汇总分析结果");
		own.locator("#securityMeasures").fill("加密存放，仅课题组可见");
		own.locator("#periodMonths").fill("3");
		own.getByTestId("submit-application").click();
		assertThat(own.getByTestId("banner").innerText()).contains("申请已提交");
		assertThat(own.getByTestId("applications").innerText()).contains("待审核");

		Staff admin = newStaff("XH-SCJG", Role.DEPT_ADMIN, "吴开放");
		Page desk = staffPage(admin);
		desk.navigate(base() + "/workbench/open-data");
		UUID applicationId = jdbc.sql("select id from proactive_opendata_application where account_id = ?").param(applicant.id()).query(UUID.class).single();
		desk.getByTestId("wb-application-" + applicationId).getByTestId("refuse").click();
		assertThat(desk.getByTestId("error-summary").innerText()).contains("请填写理由");
		desk.getByTestId("wb-application-" + applicationId).getByTestId("approve").click();
		assertThat(desk.getByTestId("banner").innerText()).contains("已同意");
		Accessibility.check(desk);

		own.navigate(base() + "/account/open-data");
		assertThat(own.getByTestId("applications").innerText()).contains("已同意");
		own.getByTestId("collect-key").click();
		String key = own.getByTestId("new-key").innerText().strip();
		assertThat(key).startsWith("od_");
		Accessibility.check(own);
		own.reload();
		assertThat(own.content()).doesNotContain(key);

		HttpResponse<String> rows = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/open-data/datasets/"
				+ conditional.id() + "/rows?size=3")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.body()).contains("\"uscc\"").doesNotContain("legalRepresentative");
		own.context().close();
		desk.context().close();
	}
}
