package tongban.insight.assessment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import tongban.audit.AuditTrail;
import tongban.directory.DirectoryManagement;
import tongban.insight.Indicator;
import tongban.insight.assessment.domain.RuleDraft;
import tongban.insight.assessment.domain.ScoreCard;
import tongban.seal.SealManagement;
import tongban.shared.Clocks;
import tongban.shared.PdfText;

/**
 * A department's monthly assessment report as a PDF letter of the 政务服务中心, sealed with the centre's 业务专用章
 * ({@code XH-ZWFW}, PAdES B-LT through the seal module), so that the department and its superiors hold a record nobody
 * can alter unnoticed. Every report made is audited.
 */
@Service
public class AssessmentReports {

	/** The department whose seal the reports carry: the 政务服务中心 that runs the 考核. */
	public static final String CENTRE = "XH-ZWFW";

	private final SealManagement seals;
	private final DirectoryManagement directory;
	private final AuditTrail audit;

	AssessmentReports(SealManagement seals, DirectoryManagement directory, AuditTrail audit) {
		this.seals = seals;
		this.directory = directory;
		this.audit = audit;
	}

	/** The sealed report of one ranked department; {@code staffName} is who asked for it. */
	public byte[] report(MonthlyAssessment.Ranking ranking, MonthlyAssessment.Ranked row, String staffName) {
		String number = "KH-" + ranking.month() + "-" + row.department().code();
		ScoreCard.Score score = row.score();
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(row.department().name() + "：");
		paragraphs.add("根据政务服务效能考核评分规则（第 " + ranking.rules().version() + " 版），你单位 " + month(ranking.month()) + "考核得分 "
				+ score.total().toPlainString() + " 分，在本地区 " + ranking.rows().size() + " 个单位中排名第 " + row.rank() + " 位。");
		paragraphs.add("得分＝各项指标权重×达标程度之和－亮牌扣分。达标程度：越高越好的指标为实际值÷目标值，越低越好的为目标值÷实际值，"
				+ "最高为 1；当月无可计量数据的指标按达标计。");
		for (ScoreCard.Part part : score.parts()) {
			Indicator indicator = part.rule().indicator();
			paragraphs.add("· " + indicator.label() + "：实际 " + figure(indicator, part.actual()) + "，目标 " + figure(indicator, part.rule().target())
					+ "（" + (part.rule().higherIsBetter() ? "越高越好" : "越低越好") + "），权重 " + part.rule().weight() + "，得 "
					+ part.points().toPlainString() + " 分。");
		}
		paragraphs.add("· 督办亮牌：黄牌 " + score.yellowCards() + " 张、红牌 " + score.redCards() + " 张，扣 " + score.deduction().toPlainString() + " 分（每张黄牌扣 "
				+ ranking.rules().yellowDeduction().toPlainString() + " 分，每张红牌扣 " + ranking.rules().redDeduction().toPlainString() + " 分）。");
		paragraphs.add("请对未达标的指标和督办事项逐项分析原因、落实整改。");
		String authority = directory.departmentByCode(CENTRE).map(d -> d.name()).orElse("政务服务中心");
		byte[] pdf = PdfText.letter("政务服务效能月度考核报告", number, paragraphs, authority, LocalDate.now(Clocks.ZONE).toString());
		byte[] sealed = seals.sealIssuedDocument(CENTRE, pdf, "assessment:" + number, "月度考核报告", staffName);
		audit.record("ASSESSMENT", staffName, "assessment:" + number, "出具月度考核报告 " + number + "（" + score.total().toPlainString() + " 分）");
		return sealed;
	}

	private static String month(YearMonth month) {
		return month.getYear() + " 年 " + month.getMonthValue() + " 月";
	}

	/** A figure as people read it: percentages for rates and savings, two decimals otherwise, 「—」 for nothing measured. */
	public static String figure(Indicator indicator, Double value) {
		if (value == null) {
			return "—";
		}
		return RuleDraft.percent(indicator) ? String.format(Locale.ROOT, "%.2f%%", value * 100) : String.format(Locale.ROOT, "%.2f", value);
	}
}
