package tongban.insight.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.catalog.CatalogManagement;
import tongban.catalog.PublishingGateTest;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People.Staff;

/**
 * A channel-check pass over guides published for the test: links to a tiny HTTP server on this machine (one answers,
 * one is gone), a path of the platform that does not exist, an internet address (never asked); a guide claiming online
 * handling without a form; stale guides as of 181 days later; a 政务新媒体 account 15 days without an update (僵尸) and
 * one updated 3 days ago; findings shown to the department's admin and not to another department's.
 */
class ChannelCheckIT extends IntegrationTest {

	@Autowired
	ChannelCheck check;

	@Autowired
	ChannelFindings findings;

	@Autowired
	MediaAccounts media;

	@Autowired
	CatalogManagement catalog;

	HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			int status = exchange.getRequestURI().getPath().equals("/ok") ? 200 : 404;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	@Test
	void deadLinksStaleGuidesFormlessOnlineItemsAndZombieAccounts() {
		String tag = Long.toString(System.nanoTime() % 100_000);
		String local = "http://127.0.0.1:" + server.getAddress().getPort();
		String linked = "330106-XK-L" + tag + "-01";
		String formless = "330106-XK-N" + tag + "-01";
		catalog.importPublished(PublishingGateTest.with("code", linked, "name", "链接测试" + tag, "department", "XH-MZ", "conditions",
				"详见 " + local + "/gone 、" + local + "/ok 、https://www.gov.cn/zhengce/ 和 <a href=\"/items/NO-SUCH-" + tag + "\">说明</a>", "form",
				Map.of("fields", List.of(Map.of("key", "x", "label", "甲", "type", "TEXT", "required", true)))), null, "测试");
		catalog.importPublished(PublishingGateTest.with("code", formless, "name", "无表单" + tag, "department", "XH-MZ"), null, "测试");
		Staff admin = newStaff("XH-MZ", Role.DEPT_ADMIN, "民政管理员");
		StaffMember signedIn = people.signedIn(admin);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		assertThat(media.register(new MediaAccounts.Registration("西湖民政" + tag, "WECHAT", "https://mp.weixin.qq.com/xh", "政策解读",
				today.minusDays(15).toString()), signedIn)).isEmpty();
		assertThat(media.register(new MediaAccounts.Registration("西湖民政发布" + tag, "WEIBO", "https://weibo.com/xh", "通知公告",
				today.minusDays(3).toString()), signedIn)).isEmpty();

		ChannelCheck.Result result = check.check(today);
		assertThat(result.linksSkipped()).as("the internet address is never asked").isGreaterThanOrEqualTo(1);
		List<ChannelFindings.Row> mine = findings.visibleTo(signedIn).stream().filter(f -> f.subjectName().endsWith(tag)).toList();
		assertThat(mine).filteredOn(f -> f.kind() == FindingKind.DEAD_LINK).extracting(ChannelFindings.Row::detail)
			.containsExactlyInAnyOrder(local + "/gone（404）", "/items/NO-SUCH-" + tag + "（404）");
		assertThat(mine).filteredOn(f -> f.kind() == FindingKind.ONLINE_WITHOUT_FORM).extracting(ChannelFindings.Row::subjectCode)
			.containsExactly(formless);
		assertThat(mine).filteredOn(f -> f.kind() == FindingKind.ZOMBIE_ACCOUNT).extracting(ChannelFindings.Row::subjectName)
			.containsExactly("西湖民政" + tag);
		assertThat(mine).filteredOn(f -> f.kind() == FindingKind.STALE_GUIDE).isEmpty();
		assertThat(media.of("XH-MZ")).filteredOn(a -> a.name().endsWith(tag)).extracting(MediaAccounts.Account::name, MediaAccounts.Account::zombie)
			.containsExactlyInAnyOrder(tuple("西湖民政" + tag, true),
					tuple("西湖民政发布" + tag, false));

		StaffMember other = people.signedIn(newStaff("XH-RLSB", Role.DEPT_ADMIN, "人社管理员"));
		assertThat(findings.visibleTo(other)).noneMatch(f -> f.subjectName().endsWith(tag));

		check.check(today.plusDays(181));
		assertThat(findings.visibleTo(signedIn)).filteredOn(f -> f.kind() == FindingKind.STALE_GUIDE).extracting(ChannelFindings.Row::subjectCode)
			.contains(linked, formless);
	}

	@Test
	void theAdminRegistersAnAccountOnThePageWithErrorsAtTheFields() {
		Staff admin = newStaff("XH-WJ", Role.DEPT_ADMIN, "卫健管理员");
		FormSession session = FormSession.staff("http://localhost:" + port, admin);
		String page = session.get("/workbench/channel-checks/media").body();
		assertThat(page).contains("政务新媒体账号").contains("本部门尚未登记");
		String refused = session.post("/workbench/channel-checks/media", "name", "", "platform", "QQ", "url", "weixin", "content", "",
				"lastUpdate", LocalDate.now(Clocks.ZONE).plusDays(1).toString()).body();
		assertThat(refused).contains("错误：").contains("请填写账号名称").contains("请选择平台").contains("请填写以 http:// 或 https:// 开头的账号网址")
			.contains("请填写主要更新内容").contains("不晚于今天的日期");
		String tag = Long.toString(System.nanoTime() % 100_000);
		var posted = session.post("/workbench/channel-checks/media", "name", "健康西湖" + tag, "platform", "DOUYIN", "url",
				"https://www.douyin.com/xh", "content", "健康科普", "lastUpdate", LocalDate.now(Clocks.ZONE).minusDays(20).toString());
		assertThat(posted.statusCode()).isEqualTo(302);
		String registered = session.get("/workbench/channel-checks/media").body();
		assertThat(registered).contains("账号已登记").contains("健康西湖" + tag).contains("僵尸账号");
		assertThat(session.get("/workbench/channel-checks").body()).contains("网站与渠道普查").contains("立即普查");
	}
}
