package tongban.exchange.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tongban.exchange.RegisterTrends;
import tongban.exchange.ResourceCatalogue;
import tongban.shared.Clocks;
import tongban.shared.DemoData;
import tongban.shared.Uscc;

/**
 * Eighteen months of the demo business register (市场主体登记): companies of five industries in six townships of 西湖区,
 * each with its establishment date and, for those closed, its 注销 date, so that business trends have a year to show
 * and six months before it to compare with. Planted: last month a sharp rise in closures of 住宿和餐饮业 in 古荡街道
 * ({@value #PLANTED_TOWNSHIP}), about a dozen against about one a month before. Deterministic (a fixed seed), relative
 * to today.
 */
@Component
@Order(41)
class BusinessRegisterDemoData implements ApplicationRunner {

	static final List<String> INDUSTRIES = List.of("I 信息传输、软件和信息技术服务业", "H 住宿和餐饮业", "F 批发和零售业", "L 租赁和商务服务业", "M 科学研究和技术服务业");
	static final List<String> TOWNSHIPS = List.of("330106004", "330106005", "330106007", "330106011", "330106013", "330106109");
	static final String PLANTED_INDUSTRY = "H 住宿和餐饮业";
	static final String PLANTED_TOWNSHIP = "330106007";
	private static final int MONTHS = 18;
	private static final String[] NAMES = { "云栖", "西溪", "之江", "钱塘", "文鼎", "紫金", "丰潭", "翠苑", "古荡", "蒋村", "三墩", "留下" };
	private static final String[] KINDS = { "科技", "餐饮", "商贸", "商务咨询", "技术服务" };

	private final DemoData demo;
	private final ResourceCatalogue catalogue;

	BusinessRegisterDemoData(DemoData demo, ResourceCatalogue catalogue) {
		this.demo = demo;
		this.catalogue = catalogue;
	}

	@Override
	public void run(ApplicationArguments args) {
		demo.loadOnce("exchange-business-register", this::load);
	}

	private void load() {
		Random random = new Random(2026);
		LocalDate today = LocalDate.now(Clocks.ZONE);
		YearMonth thisMonth = YearMonth.from(today);
		int serial = 0;
		for (int back = MONTHS - 1; back >= 0; back--) {
			YearMonth month = thisMonth.minusMonths(back);
			int lastDay = month.equals(thisMonth) ? today.getDayOfMonth() : month.lengthOfMonth();
			for (int i = 0; i < INDUSTRIES.size(); i++) {
				for (String township : TOWNSHIPS) {
					int established = random.nextInt(4);
					int closed = random.nextInt(10) < 3 ? 1 : 0;
					if (back == 1 && INDUSTRIES.get(i).equals(PLANTED_INDUSTRY) && township.equals(PLANTED_TOWNSHIP)) {
						closed = 12;
					}
					for (int n = 0; n < established; n++) {
						put(++serial, i, township, month.atDay(1 + random.nextInt(lastDay)), null);
					}
					for (int n = 0; n < closed; n++) {
						LocalDate closedOn = month.atDay(1 + random.nextInt(lastDay));
						put(++serial, i, township, closedOn.minusDays(400 + random.nextInt(2500)), closedOn);
					}
				}
			}
		}
	}

	private void put(int serial, int industry, String township, LocalDate established, LocalDate closed) {
		String first17 = "91330106MB" + String.format("%07d", serial);
		String uscc = first17 + Uscc.checkCharacter(first17);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("uscc", uscc);
		values.put("name", "杭州" + NAMES[serial % NAMES.length] + KINDS[industry] + "有限公司（演示" + serial + "）");
		values.put("status", closed == null ? "存续" : "注销");
		values.put("establishedOn", established.toString());
		if (closed != null) {
			values.put("closedOn", closed.toString());
		}
		values.put("industry", INDUSTRIES.get(industry));
		values.put("townshipCode", township);
		catalogue.putRecord(RegisterTrends.BUSINESS_REGISTER, uscc, values);
	}
}
