package tongban.insight.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tongban.hotline.Satisfaction;
import tongban.hotline.TicketHistory.HistoricTicket;
import tongban.shared.Clocks;

/**
 * The year's 12345 tickets (about 6,000), closed and revisited, over the category leaves and the district's townships,
 * fewer on days off; about 7 % answered after their due time. Planted: {@link #SURGE_CATEGORY} 施工噪声 in
 * {@link #SURGE_TOWNSHIP} 蒋村街道, about {@link #SURGE_BASELINE_PER_WEEK} a week for the year and {@link #SURGE_LAST_WEEK}
 * in the last 7 days.
 */
final class TicketGenerator {

	static final int TICKETS = 6_000;
	static final String SURGE_CATEGORY = "CS0202";
	static final String SURGE_TOWNSHIP = "330106011";
	static final int SURGE_BASELINE_PER_WEEK = 3;
	static final int SURGE_LAST_WEEK = 30;
	static final double LATE_SHARE = 0.07;

	/** How often people call about each group of categories, by code prefix. */
	private static final Map<String, Double> DEMAND = Map.of("CS", 3.0, "GY", 1.5, "SC", 2.0, "RS", 1.5, "YL", 1.2, "JY", 1.0, "ZW", 0.8, "QT", 0.5);

	private static final List<String> PLACES = List.of("文三路", "古墩路", "天目山路", "学院路", "西溪路", "紫金港路", "丰潭路", "余杭塘路", "五常大道",
			"留和路", "之江路", "申花路");

	private final HistoryInput input;
	private final HistoryRules rules;
	private final Dice dice;
	private final OffsetDateTime end;

	TicketGenerator(HistoryInput input, HistoryRules rules) {
		this.input = input;
		this.rules = rules;
		this.dice = new Dice(input.seed(), "tickets");
		this.end = input.today().atStartOfDay(Clocks.ZONE).toOffsetDateTime();
	}

	List<HistoricTicket> generate() {
		List<HistoricTicket> tickets = new ArrayList<>();
		TicketCategory noise = input.categories().stream().filter(c -> c.code().equals(SURGE_CATEGORY)).findFirst().orElse(null);
		List<TicketCategory> others = input.categories();
		double[] cumulative = new double[others.size()];
		double total = 0;
		for (int i = 0; i < others.size(); i++) {
			total += DEMAND.getOrDefault(others.get(i).code().substring(0, 2), 1.0);
			cumulative[i] = total;
		}
		double perDay = TICKETS * input.scale() / 330.0;
		for (LocalDate day = input.today().minusDays(365); day.isBefore(input.today()); day = day.plusDays(1)) {
			double expected = perDay * (rules.calendar().isWorkingDay(day) ? 1.0 : 0.7);
			int n = (int) Math.floor(expected + dice.unit());
			for (int k = 0; k < n; k++) {
				TicketCategory category = others.get(index(cumulative, dice.unit() * total));
				String township = dice.pick(input.townships());
				if (category.code().equals(SURGE_CATEGORY) && township.equals(SURGE_TOWNSHIP)) {
					continue;
				}
				add(tickets, category, township, day, false);
			}
			if (noise != null) {
				boolean lastWeek = !day.isBefore(input.today().minusDays(7));
				int surge = lastWeek ? SURGE_LAST_WEEK / 7 + (dice.chance((SURGE_LAST_WEEK % 7) / 7.0) ? 1 : 0)
						: dice.chance(SURGE_BASELINE_PER_WEEK / 7.0) ? 1 : 0;
				for (int k = 0; k < surge; k++) {
					add(tickets, noise, SURGE_TOWNSHIP, day, true);
				}
			}
		}
		return tickets;
	}

	private static int index(double[] cumulative, double target) {
		for (int i = 0; i < cumulative.length; i++) {
			if (target <= cumulative[i]) {
				return i;
			}
		}
		return cumulative.length - 1;
	}

	/** One ticket; a quick one (answered the same day) for the noise complaints, which come in from the morning. */
	private void add(List<HistoricTicket> tickets, TicketCategory category, String township, LocalDate day, boolean quick) {
		String type = type(category.code());
		OffsetDateTime created = quick ? dice.on(day, 7 * 60, 15 * 60) : dice.on(day, 7 * 60, 23 * 60);
		OffsetDateTime dispatchDue = rules.dispatchDue(type, category.urgency(), created);
		OffsetDateTime dispatched = quick ? created.plusMinutes(dice.between(10, 30)) : created.plusMinutes(dice.between(10, 240));
		if (dispatched.isAfter(dispatchDue)) {
			dispatched = dispatchDue.minusMinutes(5);
		}
		OffsetDateTime answerDue = rules.answerDue(type, category.urgency(), dispatched);
		OffsetDateTime replied;
		if (quick) {
			replied = dispatched.plusMinutes(dice.between(60, 300));
		}
		else if (dice.chance(LATE_SHARE)) {
			replied = answerDue.plusHours(dice.between(1, 72));
		}
		else {
			long window = Math.max(60, Duration.between(dispatched, answerDue).toMinutes());
			replied = dispatched.plusMinutes(Math.min(window - 1, 30 + (long) (Math.pow(dice.unit(), 2) * window)));
		}
		OffsetDateTime closed = replied.plusMinutes(quick ? dice.between(20, 90) : dice.between(60, 24 * 60));
		if (!closed.isBefore(end)) {
			return;
		}
		double said = dice.unit();
		Satisfaction satisfaction = said < 0.75 ? Satisfaction.SATISFIED : said < 0.9 ? Satisfaction.BASIC : said < 0.96 ? Satisfaction.UNSATISFIED : null;
		String place = dice.pick(PLACES);
		tickets.add(new HistoricTicket(dice.id(), dice.hex(16), type, category.code(), category.urgency(), dice.chance(0.7) ? "PHONE" : "WEB", township,
				description(category, place), dice.chance(0.7) ? dice.personName() : null, "13" + dice.between(5, 9) + String.format("%08d", dice.between(0, 99_999_999)),
				created, category.leadDepartment(), dispatched, dispatchDue, answerDue, replied, reply(category, place), closed, satisfaction));
	}

	private String type(String code) {
		double draw = dice.unit();
		if (code.startsWith("CS") || code.startsWith("GY") || code.startsWith("SC")) {
			return draw < 0.7 ? "COMPLAINT" : draw < 0.9 ? "HELP" : "REPORT";
		}
		return draw < 0.6 ? "CONSULT" : draw < 0.8 ? "COMPLAINT" : draw < 0.9 ? "SUGGESTION" : draw < 0.99 ? "HELP" : "PRAISE";
	}

	/** What the caller said, in a sentence made for the category. */
	private String description(TicketCategory category, String place) {
		return switch (category.code()) {
			case "CS0202" -> place + "附近工地" + dice.pick(List.of("夜里十一点后还在施工，噪声很大，影响休息。", "早上六点就开始打桩，吵得无法入睡。",
					"周末全天施工，机器声音太响，希望管一管。"));
			case "CS0201" -> place + "小区门口的垃圾两天没人清运，气味很大。";
			case "CS0101" -> place + "人行道路面破损，有好几处坑洼，老人容易摔倒。";
			case "CS0102" -> place + "一段路灯晚上不亮，行人过马路看不清。";
			case "CS0103" -> place + "有一个井盖缺失，存在安全隐患，请尽快处理。";
			case "GY0101" -> place + "一带今天无计划停水，水压也不够，请问什么时候恢复。";
			case "GY0201" -> place + "楼道里闻到燃气味，担心泄漏。";
			case "SC0101" -> place + "一家餐馆后厨卫生很差，吃完后身体不适。";
			case "SC0201" -> "在" + place + "一家商店买的商品有质量问题，商家拒绝退换。";
			case "SC0202" -> place + "一家超市标价和结算价格不一致。";
			case "RS0101" -> "我在" + place + "附近的工地干活，老板拖欠了三个月工资。";
			case "RS0102" -> "想咨询一下社保转移接续怎么办理，需要准备什么材料。";
			case "YL0101" -> "在" + place + "附近的医院挂号排队时间太长，希望改进就医秩序。";
			case "YL0102" -> "咨询医保异地就医结算的报销比例和备案手续。";
			case "JY0101" -> "请问今年小学入学登记的时间和学区划分政策。";
			case "ZW0101" -> "在政务服务中心办事来回跑了好几趟，希望一次告知清楚。";
			case "ZW0102" -> "网上办事系统提交材料时总是报错，无法上传。";
			default -> "关于" + category.name() + "的问题，请相关部门核实处理。";
		};
	}

	private String reply(TicketCategory category, String place) {
		return "经核实，已就" + place + "反映的“" + category.name() + "”问题安排处理，并与来电人沟通说明。";
	}
}
