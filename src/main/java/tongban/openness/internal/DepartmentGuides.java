package tongban.openness.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import tongban.audit.AuditTrail;
import tongban.identity.Role;
import tongban.identity.StaffMember;
import tongban.shared.Clocks;
import tongban.shared.DomainException;
import tongban.shared.FieldProblem;

/**
 * Each department's 政府信息公开指南 (sections of heading and text) and 公开目录 (the categories of information it
 * publishes proactively): read for the public pages, edited by the department's INFO_EDITOR, every edit audited.
 */
@Service
public class DepartmentGuides {

	/** The audit kind of an edit. */
	public static final String EDIT = "OPENNESS_GUIDE_EDIT";

	static final int MAX_SECTION = 4000;
	static final int MAX_DESCRIPTION = 500;

	/** One section of the guide: its heading and its text, paragraphs separated by a blank line. */
	public record Section(String heading, String text) {

		public List<String> paragraphs() {
			return paragraphsOf(text);
		}
	}

	/**
	 * One category of the 公开目录; {@code link} names the pages that list that content: POLICIES (政策文件 and their
	 * interpretations), ARTICLES (通知公告), SERVICES (the department's service guides), or none.
	 */
	public record Category(String category, String description, String link) {

		/** Where the content of this category is listed for {@code department}, or null. */
		public String href(String department) {
			if (link == null) {
				return null;
			}
			return switch (link) {
				case "POLICIES" -> "/policies?department=" + department;
				case "ARTICLES" -> "/articles?department=" + department;
				case "SERVICES" -> "/departments/" + department;
				default -> null;
			};
		}
	}

	public record DepartmentGuide(String department, List<Section> sections, List<Category> catalogue, LocalDate updatedOn,
			String updatedBy, int version) {
	}

	/** What an editor sends: the text of each section and the description of each category, in order. */
	public record Edit(List<String> sections, List<String> descriptions, int version) {
	}

	private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() { };
	private static final TypeReference<List<Category>> CATEGORIES = new TypeReference<>() { };

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditTrail audit;

	DepartmentGuides(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	public Optional<DepartmentGuide> find(String department) {
		return jdbc.sql("select department, sections::text, catalogue::text, updated_on, updated_by, version "
				+ "from openness_department_guide where department = ?")
			.param(department)
			.query((rs, n) -> new DepartmentGuide(rs.getString(1), json.readValue(rs.getString(2), SECTIONS),
					json.readValue(rs.getString(3), CATEGORIES), rs.getObject(4, LocalDate.class), rs.getString(5),
					rs.getInt(6)))
			.optional();
	}

	/** Stores a department's guide as given (demo data), replacing any. */
	@Transactional
	public void put(String department, List<Section> sections, List<Category> catalogue, LocalDate updatedOn, String by) {
		jdbc.sql("insert into openness_department_guide (department, sections, catalogue, updated_on, updated_by) "
				+ "values (?, ?::jsonb, ?::jsonb, ?, ?) on conflict (department) do update set sections = excluded.sections, "
				+ "catalogue = excluded.catalogue, updated_on = excluded.updated_on, updated_by = excluded.updated_by, "
				+ "version = openness_department_guide.version + 1")
			.params(department, json.writeValueAsString(sections), json.writeValueAsString(catalogue), updatedOn, by)
			.update();
	}

	/** The guide the member of staff may edit: their own department's, and only as its INFO_EDITOR. */
	public DepartmentGuide editable(StaffMember staff) {
		if (!staff.has(Role.INFO_EDITOR) || staff.departmentCode() == null) {
			throw new DomainException(DomainException.Kind.FORBIDDEN, "openness-guide-editor", "not an INFO_EDITOR");
		}
		return find(staff.departmentCode()).orElseThrow(() -> DomainException.notFound("department guide"));
	}

	/**
	 * Saves an editor's changes to their department's guide, or answers what is wrong with them (nothing saved). Texts
	 * are trimmed and their line ends made {@code \n}; a guide changed by someone else since the form was read is refused.
	 */
	@Transactional
	public List<FieldProblem> edit(StaffMember staff, Edit edit) {
		DepartmentGuide current = editable(staff);
		List<String> texts = normalised(edit.sections());
		List<String> descriptions = normalised(edit.descriptions());
		List<FieldProblem> problems = new ArrayList<>();
		if (texts.size() != current.sections().size() || descriptions.size() != current.catalogue().size()
				|| edit.version() != current.version()) {
			return List.of(FieldProblem.of("version", "openness.guide.error.stale"));
		}
		for (int i = 0; i < texts.size(); i++) {
			check(problems, "sections[" + i + "]", texts.get(i), MAX_SECTION, current.sections().get(i).heading());
		}
		for (int i = 0; i < descriptions.size(); i++) {
			check(problems, "descriptions[" + i + "]", descriptions.get(i), MAX_DESCRIPTION,
					current.catalogue().get(i).category());
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		List<Section> sections = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			Section old = current.sections().get(i);
			sections.add(new Section(old.heading(), texts.get(i)));
			if (!old.text().equals(texts.get(i))) {
				changed.add(old.heading());
			}
		}
		List<Category> catalogue = new ArrayList<>();
		for (int i = 0; i < descriptions.size(); i++) {
			Category old = current.catalogue().get(i);
			catalogue.add(new Category(old.category(), descriptions.get(i), old.link()));
			if (!old.description().equals(descriptions.get(i))) {
				changed.add(old.category());
			}
		}
		int updated = jdbc.sql("update openness_department_guide set sections = ?::jsonb, catalogue = ?::jsonb, updated_on = ?, "
				+ "updated_by = ?, version = version + 1 where department = ? and version = ?")
			.params(json.writeValueAsString(sections), json.writeValueAsString(catalogue), LocalDate.now(Clocks.ZONE),
					staff.name(), current.department(), current.version())
			.update();
		if (updated == 0) {
			return List.of(FieldProblem.of("version", "openness.guide.error.stale"));
		}
		audit.record(EDIT, "staff:" + staff.id(), "openness-guide:" + current.department(),
				changed.isEmpty() ? "保存公开指南和公开目录（无改动）" : "修改公开指南和公开目录：" + String.join("、", changed));
		return List.of();
	}

	private static void check(List<FieldProblem> problems, String field, String text, int max, String label) {
		if (text.isBlank()) {
			problems.add(FieldProblem.of(field, "openness.guide.error.blank", label));
		}
		else if (text.length() > max) {
			problems.add(FieldProblem.of(field, "openness.guide.error.long", label, max));
		}
	}

	private static List<String> normalised(List<String> texts) {
		if (texts == null) {
			return List.of();
		}
		return texts.stream().map(text -> text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip()).toList();
	}

	static List<String> paragraphsOf(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.split("\n\\s*\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}
}
