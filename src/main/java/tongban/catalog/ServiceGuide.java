package tongban.catalog;

import java.util.List;

/**
 * The whole content of one version of a service item: the implementation-list fields of GB/T 39554.1-2020 and the
 * national item tables (see shared/STANDARDS.md). Kept as one document per version; a published version never
 * changes.
 */
public record ServiceGuide(String code, String baseCode, String mainItem, String subItem, String name,
		List<String> aliases, List<String> keywords, ItemType type, String department, List<ServedParty> servedParty,
		List<String> themes, String exerciseLevel, String legalBasis, String conditions, List<String> steps,
		String specialProcedures, int statutoryLimit, int promisedLimit, String limitUnit, boolean immediate,
		List<HandlingForm> handlingForms, int requiredVisits, String visitReason, int onlineDepth, boolean inHall,
		boolean appointment, boolean delivery, boolean onlinePayment, boolean selfService, String scope, String address,
		String hours, String consultPhone, String complaintPhone, ResultType resultType, String resultName, List<Fee> fees,
		List<Faq> faq, List<Material> materials, FormDefinition form, String process,
		List<String> reviewDepartments) {

	public ServiceGuide {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		servedParty = servedParty == null ? List.of() : List.copyOf(servedParty);
		themes = themes == null ? List.of() : List.copyOf(themes);
		steps = steps == null ? List.of() : List.copyOf(steps);
		handlingForms = handlingForms == null ? List.of() : List.copyOf(handlingForms);
		fees = fees == null ? List.of() : List.copyOf(fees);
		faq = faq == null ? List.of() : List.copyOf(faq);
		materials = materials == null ? List.of() : List.copyOf(materials);
		form = form == null ? FormDefinition.EMPTY : form;
		process = process == null || process.isBlank() ? (immediate ? IMMEDIATE : COMMITTED) : process;
		reviewDepartments = reviewDepartments == null ? List.of() : List.copyOf(reviewDepartments);
	}

	/** Whether the item can be applied for online: it is handled online (depth Ⅲ or Ⅳ). */
	public boolean appliesOnline() {
		return handlingForms.contains(HandlingForm.ONLINE) && onlineDepth >= 3;
	}

	/**
	 * The form an application fills in: the item's own, or, until its department defines one, a general form (who
	 * applies, how to reach them, what they ask for) so that every item handled online can be applied for.
	 */
	public FormDefinition applicationForm() {
		return form.isEmpty() ? DEFAULT_FORM : form;
	}

	public static final FormDefinition DEFAULT_FORM = new FormDefinition(List.of(
			new FormDefinition.Field("applicantName", "申请人（个人姓名或单位名称）", FormDefinition.FieldType.TEXT, true, null, null, null,
					null, null, null, null, null, 100, null, null, null),
			new FormDefinition.Field("contactName", "联系人", FormDefinition.FieldType.TEXT, true, null, null, null, null, null, null,
					null, null, 30, null, null, null),
			new FormDefinition.Field("phone", "联系电话", FormDefinition.FieldType.PHONE, true, null, null, null, null, null, null, null,
					null, null, null, null, null),
			new FormDefinition.Field("address", "通讯地址", FormDefinition.FieldType.ADDRESS, false, null, null, null, null, null, null,
					null, null, null, null, null, null),
			new FormDefinition.Field("request", "申请内容", FormDefinition.FieldType.TEXTAREA, true, "请简要写明申请办理的内容和理由", null,
					null, null, null, null, null, null, 1000, null, null, null)));

	/** The same guide with another application form. */
	public ServiceGuide withForm(FormDefinition f) {
		return copy(materials, f, process, reviewDepartments);
	}

	/** The same guide claiming only these 便民服务 (see {@link Capabilities#asOffered}). */
	public ServiceGuide withServices(boolean appointment, boolean delivery, boolean onlinePayment, boolean selfService) {
		return new ServiceGuide(code, baseCode, mainItem, subItem, name, aliases, keywords, type, department, servedParty,
				themes, exerciseLevel, legalBasis, conditions, steps, specialProcedures, statutoryLimit, promisedLimit,
				limitUnit, immediate, handlingForms, requiredVisits, visitReason, onlineDepth, inHall, appointment, delivery,
				onlinePayment, selfService, scope, address, hours, consultPhone, complaintPhone, resultType, resultName, fees,
				faq, materials, form, process, reviewDepartments);
	}

	/** A copy differing in the parts that are changed after a guide is written. */
	private ServiceGuide copy(List<Material> m, FormDefinition f, String p, List<String> reviewers) {
		return new ServiceGuide(code, baseCode, mainItem, subItem, name, aliases, keywords, type, department, servedParty,
				themes, exerciseLevel, legalBasis, conditions, steps, specialProcedures, statutoryLimit, promisedLimit,
				limitUnit, immediate, handlingForms, requiredVisits, visitReason, onlineDepth, inHall, appointment, delivery,
				onlinePayment, selfService, scope, address, hours, consultPhone, complaintPhone, resultType, resultName, fees,
				faq, m, f, p, reviewers);
	}

	/** The BPMN templates an item's cases run (see src/main/resources/processes). */
	public static final String IMMEDIATE = "case-immediate";
	public static final String COMMITTED = "case-committed";
	public static final String PARALLEL = "case-parallel";
	public static final List<String> PROCESSES = List.of(IMMEDIATE, COMMITTED, PARALLEL);
	/** An item's own uploaded process is deployed under this prefix. */
	public static final String CUSTOM_PREFIX = "custom-";

	/** Whether a process key names a template or an uploaded process. */
	public static boolean knownProcess(String p) {
		return PROCESSES.contains(p) || p != null && p.startsWith(CUSTOM_PREFIX);
	}

	/** The same guide with another process template and review departments. */
	public ServiceGuide withProcess(String p, List<String> reviewers) {
		return copy(materials, form, p, reviewers);
	}

	/** The same guide with other materials. */
	public ServiceGuide withMaterials(List<Material> m) {
		return copy(m, form, process, reviewDepartments);
	}

	/** 事项类型 with the national two-letter codes of the applied-for types. */
	public enum ItemType { XK, GF, QR, CJ, JL, QT, GG }

	public enum ServedParty { CITIZEN, LEGAL_PERSON }

	/** Whether the item is for legal persons (企业和其他组织) only: a private person cannot apply for it themself. */
	public boolean forLegalPersonsOnly() {
		return servedParty.equals(List.of(ServedParty.LEGAL_PERSON));
	}

	/** Whether a citizen (or, {@code legalPerson}, a company) may be the applicant of this item; no list means anyone. */
	public boolean serves(boolean legalPerson) {
		return servedParty.isEmpty() || servedParty.contains(legalPerson ? ServedParty.LEGAL_PERSON : ServedParty.CITIZEN);
	}

	public enum HandlingForm { ONLINE, WINDOW, POST }

	/** 出证办结 / 出文办结 / 审批办结. */
	public enum ResultType { CERTIFICATE, DOCUMENT, CONCLUSION }

	public record Fee(String item, String standard, String basis) {
	}

	public record Faq(String q, String a) {
	}

	/**
	 * 申请材料: form (PAPER, ELECTRONIC, BOTH), necessity (REQUIRED, OPTIONAL, DEFERRABLE = 容缺后补), copies, size, source
	 * (APPLICANT, GOVERNMENT, OTHER) with a note and the licence type when a department issues it; links to the blank form
	 * (空白表格) and a filled-in sample (示例样表) where there are such files.
	 */
	public record Material(String name, String form, String necessity, int copies, String size, String source,
			String sourceNote, String licenceType, String standard, String legalBasis, String blankForm, String sample) {
	}
}
