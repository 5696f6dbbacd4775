package tongban.hall.tutorials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;
import tongban.support.FormSession;
import tongban.support.IntegrationTest;
import tongban.support.People;

/**
 * Issue 20 point 6, 图解: steps edited only by the item's department admins and platform admins, pictures checked by
 * their bytes, order kept through moves and deletions, every change audited, and the tutorial on the guide and on
 * its own public page.
 */
class TutorialsIT extends IntegrationTest {

	/** 食品经营许可（变更）, of 市场监管 (XH-SCJG), without a demo tutorial. */
	static final String ITEM = "330106-XK-0001-02";

	/** 个体工商户设立登记, also of 市场监管, for the console test. */
	static final String CONSOLE_ITEM = "330106-XK-0002-01";

	@Autowired
	Tutorials tutorials;

	static byte[] picture(String format) throws IOException {
		BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		img.setRGB(3, 3, 0x1D70B8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(img, format, out);
		return out.toByteArray();
	}

	private long audited() {
		return jdbc.sql("select count(*) from audit_entry where kind = ? and subject = ?").params(Tutorials.AUDIT, ITEM).query(Long.class).single();
	}

	@Test
	void onlyTheItemsDepartmentAndPlatformAdminsEditAndTheOrderIsKept() throws IOException {
		StaffMember market = people.signedIn(newStaff("XH-SCJG", Role.DEPT_ADMIN, "市场监管图解员"));
		StaffMember police = people.signedIn(newStaff("XH-GA", Role.DEPT_ADMIN, "公安图解员"));
		StaffMember platform = people.signedIn(newStaff("XH-ZWFW", Role.PLATFORM_ADMIN, "平台图解员"));
		long before = audited();
		FormSession anyone = new FormSession(url(""));
		assertThat(anyone.get("/items/" + ITEM).body()).as("the guide, now cached for anonymous visitors").doesNotContain("图解办理");

		assertThatThrownBy(() -> tutorials.add(police, ITEM, new Tutorials.StepInput("越权", "不该成功", ""), new Upload("a.png", picture("png"))))
			.isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "not-found");
		assertThat(tutorials.add(market, ITEM, new Tutorials.StepInput("第一步", "打开页面", ""), new Upload("a.png", picture("png")))).isEmpty();
		assertThat(tutorials.add(market, ITEM, new Tutorials.StepInput("第二步", "填写表单", "表单示意"), new Upload("b.jpg", picture("jpeg")))).isEmpty();
		assertThat(tutorials.add(platform, ITEM, new Tutorials.StepInput("第三步", "提交", ""), new Upload("c.png", picture("png")))).isEmpty();
		assertThat(tutorials.steps(ITEM)).extracting(Tutorials.Step::title).containsExactly("第一步", "第二步", "第三步");
		assertThat(tutorials.steps(ITEM)).extracting(Tutorials.Step::imageType).containsExactly("image/png", "image/jpeg", "image/png");
		assertThat(tutorials.steps(ITEM).getFirst().alt()).as("the title stands in for an empty alt").isEqualTo("第一步");

		byte[] notReally = new byte[200];
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 0, notReally, 0, 8);
		List<FieldProblem> refused = tutorials.add(market, ITEM, new Tutorials.StepInput("", "说明", ""), new Upload("x.png", notReally));
		assertThat(refused).extracting(FieldProblem::field, FieldProblem::code).containsExactlyInAnyOrder(
				tuple("title", "hall.tutorial.error.title.missing"),
				tuple("image", "hall.tutorial.error.imageType"));
		assertThat(tutorials.add(market, ITEM, new Tutorials.StepInput("无图", "说明", ""), new Upload("x.pdf", "%PDF-1.4".getBytes())))
			.extracting(FieldProblem::code).containsExactly("hall.tutorial.error.imageType");
		assertThat(tutorials.steps(ITEM)).as("nothing stored when refused").hasSize(3);

		Tutorials.Step third = tutorials.steps(ITEM).get(2);
		tutorials.move(market, ITEM, third.id(), -1);
		assertThat(tutorials.steps(ITEM)).extracting(Tutorials.Step::title).containsExactly("第一步", "第三步", "第二步");
		tutorials.move(market, ITEM, tutorials.steps(ITEM).getFirst().id(), -1);
		assertThat(tutorials.steps(ITEM)).extracting(Tutorials.Step::title).as("nothing above the first").containsExactly("第一步", "第三步", "第二步");
		tutorials.delete(platform, ITEM, tutorials.steps(ITEM).getFirst().id());
		assertThat(tutorials.steps(ITEM)).extracting(Tutorials.Step::position, Tutorials.Step::title).containsExactly(
				tuple(1, "第三步"), tuple(2, "第二步"));
		assertThat(tutorials.update(market, ITEM, tutorials.steps(ITEM).getFirst().id(), new Tutorials.StepInput("最后一步", "提交申请", "提交按钮"), null))
			.isEmpty();
		assertThat(tutorials.steps(ITEM).getFirst().title()).isEqualTo("最后一步");
		assertThat(audited() - before).as("every change audited, a move that moves nothing not").isEqualTo(3 + 1 + 1 + 1);

		// the guide (its cached page is stale) and the public page
		String guide = anyone.get("/items/" + ITEM).body();
		assertThat(guide).contains("图解办理", "最后一步", "/items/" + ITEM + "/tutorial");
		HttpResponse<String> page = anyone.get("/items/" + ITEM + "/tutorial");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("第 1 步：最后一步", "第 2 步：第二步", "alt=\"提交按钮\"", "alt=\"表单示意\"");
		Tutorials.Step jpeg = tutorials.steps(ITEM).get(1);
		HttpResponse<String> image = anyone.get("/items/" + ITEM + "/tutorial/images/" + jpeg.id());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(anyone.get("/items/330106-XK-0003-01/tutorial").statusCode()).as("an item without a tutorial").isEqualTo(404);
	}

	@Test
	void theConsoleShowsTheProblemBesideTheFieldAndKeepsOthersOut() throws IOException {
		People.Staff market = newStaff("XH-SCJG", Role.DEPT_ADMIN, "市场监管控制台");
		People.Staff police = newStaff("XH-GA", Role.DEPT_ADMIN, "公安控制台");
		String console = "/console/items/" + CONSOLE_ITEM + "/tutorial";
		FormSession admin = FormSession.staff(url(""), market);
		assertThat(admin.get(console).statusCode()).isEqualTo(200);
		// one sign-in each: a TOTP code is accepted once
		FormSession otherDepartment = FormSession.staff(url(""), police);
		assertThat(otherDepartment.get(console).statusCode()).as("another department's item").isEqualTo(404);
		Citizen citizen = newCitizen("看图解的人", 2);
		FormSession person = new FormSession(url(""));
		person.signIn(citizen.idNumber(), PASSWORD);
		assertThat(person.get(console).statusCode()).isEqualTo(403);

		int steps = tutorials.steps(CONSOLE_ITEM).size();
		HttpResponse<String> bad = admin.postMultipart(console, console, List.of(Map.entry("title", "控制台一步"), Map.entry("text", "说明"),
				Map.entry("alt", "")), List.of(new FormSession.FilePart("image", "note.png", "not a picture".getBytes())));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("error-summary", "image-error", "图片必须是 PNG 或 JPEG 格式", "value=\"控制台一步\"");
		assertThat(tutorials.steps(CONSOLE_ITEM)).hasSize(steps);

		HttpResponse<String> good = admin.postMultipart(console, console, List.of(Map.entry("title", "控制台一步"), Map.entry("text", "说明"),
				Map.entry("alt", "")), List.of(new FormSession.FilePart("image", "step.png", picture("png"))));
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(tutorials.steps(CONSOLE_ITEM)).extracting(Tutorials.Step::title).contains("控制台一步");
		Tutorials.Step added = tutorials.steps(CONSOLE_ITEM).getLast();
		assertThat(otherDepartment.postFrom(console.replace(CONSOLE_ITEM, "330106-QR-0002-01"),
				console + "/steps/" + added.id() + "/delete").statusCode()).as("deleting another department's step").isEqualTo(404);
		assertThat(admin.postFrom(console, console + "/steps/" + added.id() + "/delete").statusCode()).isEqualTo(302);
		assertThat(tutorials.steps(CONSOLE_ITEM)).extracting(Tutorials.Step::id).doesNotContain(added.id());
	}

	@Test
	void theDemoTutorialsAreShownOnTheirGuides() {
		FormSession anyone = new FormSession(url(""));
		assertThat(anyone.get("/items/330106-XK-0001-01").body()).contains("图解办理", "找到办事指南");
		HttpResponse<String> id = anyone.get("/items/330106-QR-0002-01/tutorial");
		assertThat(id.statusCode()).isEqualTo(200);
		assertThat(id.body()).contains("第 1 步：到办事大厅取号", "第 4 步：领取新证");
	}
}
