package tongban.hotline.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.hotline.NewTicket;
import tongban.hotline.Open311Clients;
import tongban.hotline.PublicReplies;
import tongban.hotline.TicketClosing;
import tongban.hotline.TicketDispatch;
import tongban.hotline.TicketHandling;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;
import tongban.shared.DemoData;

/**
 * Demo data: an Open311 client {@code open311-demo} whose key is the demo password (it must confirm phones by SMS
 * code), and a few tickets in 西湖区 so the dispatcher's queue is not empty, one of them answered and published.
 */
@Component
@Order(80)
class HotlineDemoData implements ApplicationRunner {

	private final DemoData demo;
	private final Open311Clients clients;
	private final TicketIntake intake;
	private final TicketDispatch dispatch;
	private final TicketHandling handling;
	private final TicketClosing closing;
	private final PublicReplies replies;

	HotlineDemoData(DemoData demo, Open311Clients clients, TicketIntake intake, TicketDispatch dispatch, TicketHandling handling,
			TicketClosing closing, PublicReplies replies) {
		this.demo = demo;
		this.clients = clients;
		this.intake = intake;
		this.dispatch = dispatch;
		this.handling = handling;
		this.closing = closing;
		this.replies = replies;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("hotline", () -> {
			clients.register("open311-demo", demo.password(), false);
			TicketSource call = TicketSource.operator("12345话务员");
			intake.submit(new NewTicket("COMPLAINT", "CS0102", null, "330106", "文三路与学院路交叉口东侧", null, null,
					"文三路学院路口东侧连续三盏路灯不亮，晚上行人过马路看不清。", "", "13800000009", null, false, List.of()), call);
			intake.submit(new NewTicket("SUGGESTION", "ZW0102", null, "330106", "", null, null,
					"建议网上办事页面增加长辈模式的字体放大按钮，老年人看不清。", "", "13800000008", null, true, List.of()), call);
			var consult = intake.submit(new NewTicket("CONSULT", "JY0101", null, "330106", "", null, null,
					"请问西湖区小学入学登记需要准备哪些材料，什么时候开始报名？", "", "13800000007", null, true, List.of()), call);
			// one answered, closed and published, so that the public replies are not empty
			dispatch.dispatch(consult.id(), "12345话务员", "XH-JY", List.of());
			String answer = "适龄儿童入学登记一般在每年 5 月进行，需准备户口簿、房产证明或租赁备案证明及儿童预防接种证明，"
					+ "具体以区教育局当年发布的招生公告为准。";
			handling.reply(consult.id(), "XH-JY", "区教育局", answer);
			closing.close(consult.id(), "12345话务员", "");
			replies.publish(consult.id(), "12345话务员", "小学入学登记需要哪些材料", "请问西湖区小学入学登记需要准备哪些材料，什么时候开始报名？",
					answer);
		});
	}
}
