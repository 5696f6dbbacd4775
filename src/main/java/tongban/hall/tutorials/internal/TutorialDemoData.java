package tongban.hall.tutorials.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.hall.tutorials.Tutorials;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.DemoData;
import tongban.shared.FieldProblem;
import tongban.shared.Upload;

/**
 * Demo 图解 for 食品经营许可（新办） and 居民身份证换领, their pictures drawn at load time by {@link StepPictures}, added
 * through {@link Tutorials} as a platform admin would (so they are checked and audited like any edit).
 */
@Component
@Order(46)
class TutorialDemoData implements ApplicationRunner {

	/** One step: the control the picture highlights, the title and the text. */
	record DemoStep(String control, String title, String text) {
	}

	static final String FOOD = "330106-XK-0001-01";
	static final String ID_CARD = "330106-QR-0002-01";

	static final List<DemoStep> FOOD_STEPS = List.of(
			new DemoStep("搜索 食品经营许可", "找到办事指南", "在首页搜索“食品经营许可”，点开“食品经营许可（新办）”的办事指南，先看要准备的材料。"),
			new DemoStep("在线办理", "登录后开始申请", "点“在线办理”，用身份证号和密码登录（也可以用短信验证码）。"),
			new DemoStep("保存草稿", "填写申请表", "填写经营者名称、经营场所、经营项目等信息，随时可以点“保存草稿”，下次接着填。"),
			new DemoStep("上传材料", "上传材料", "按提示上传营业执照、食品安全管理制度等材料的照片或 PDF 文件。"),
			new DemoStep("提交申请", "提交并查看进度", "核对无误后提交，记下办件编号；在“我的办件”里可以随时看到办理进度。"));

	static final List<DemoStep> ID_CARD_STEPS = List.of(
			new DemoStep("取号 A 综合", "到办事大厅取号", "带上原居民身份证和户口簿，到办事大厅取一个 A 字头（综合）的号，等叫号。"),
			new DemoStep("核验身份", "窗口核验身份", "听到叫号后到对应窗口，工作人员核验身份、采集指纹。"),
			new DemoStep("确认照片", "现场拍照", "在窗口现场拍证件照，看清照片后确认。"),
			new DemoStep("领取新证", "领取新证", "按工作人员告知的日期，带上受理回执到窗口领取新身份证。"));

	private static final StaffMember LOADER = new StaffMember(new UUID(0, 0), "演示数据", null, null, Set.of(Role.PLATFORM_ADMIN));

	private final DemoData demo;
	private final Tutorials tutorials;

	TutorialDemoData(DemoData demo, Tutorials tutorials) {
		this.demo = demo;
		this.tutorials = tutorials;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hall-tutorials", () -> {
			load(FOOD, "食品经营许可（新办）", FOOD_STEPS);
			load(ID_CARD, "居民身份证换领", ID_CARD_STEPS);
		});
	}

	private void load(String itemCode, String itemName, List<DemoStep> steps) {
		for (int i = 0; i < steps.size(); i++) {
			DemoStep s = steps.get(i);
			byte[] png = StepPictures.draw(i + 1, itemName, s.control(), s.text());
			List<FieldProblem> problems = tutorials.add(LOADER, itemCode, new Tutorials.StepInput(s.title(), s.text(),
					"示意图：第 " + (i + 1) + " 步" + s.title() + "，页面上突出显示“" + s.control() + "”"), new Upload("step-" + (i + 1) + ".png", png));
			if (!problems.isEmpty()) {
				throw new IllegalStateException("demo tutorial step refused: " + problems);
			}
		}
	}
}
