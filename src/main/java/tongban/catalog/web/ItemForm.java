package tongban.catalog.web;

import java.util.List;

/**
 * The console's item editor, as typed. Lists are one entry per line; structured lists use "|" between columns:
 * FAQ "问题 | 回答", fees "项目 | 标准 | 依据", materials "名称 | 形式 | 必要性 | 份数 | 来源 | 来源说明 | 证照类型 | 要求".
 */
public record ItemForm(String code, String baseCode, String mainItem, String subItem, String name, String aliases,
		String keywords, String type, List<String> servedParty, List<String> themes, String exerciseLevel,
		String legalBasis, String conditions, String steps, String specialProcedures, String statutoryLimit,
		String promisedLimit, String limitUnit, Boolean immediate, List<String> handlingForms, String requiredVisits, String visitReason,
		String onlineDepth, Boolean inHall, Boolean appointment, Boolean delivery, Boolean onlinePayment,
		Boolean selfService, String scope, String address, String hours, String consultPhone, String complaintPhone,
		String resultType, String resultName, String fees, String faq, String materials, String process,
		String reviewDepartments, Long lockVersion) {

	/** Unchecked boxes are not sent: absent means false. */
	public static boolean on(Boolean b) {
		return b != null && b;
	}

	public static ItemForm empty() {
		return new ItemForm("", "", "", "", "", "", "", "XK", List.of("CITIZEN"), List.of(), "COUNTY", "", "",
				"受理\n审核\n审批\n办结\n送达", "", "20", "20", "WORKING_DAY", false, List.of("ONLINE", "WINDOW"), "0", "", "4", true, false,
				false, false, false, "全区通办", "", "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）", "", "12345",
				"DOCUMENT", "", "", "", "", "case-committed", "", 0L);
	}
}
